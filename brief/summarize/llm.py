"""The ``llm`` backend: a chat model driven by the prompt files in ``prompts/``.

Two runtimes: llama.cpp for a GGUF file (the packaged default model) and transformers for a Hugging
Face model directory (``AutoModelForCausalLM`` with its chat template). Every request puts the
instructions first and the article last, so consecutive requests share a prefix that llama.cpp
keeps in its KV cache instead of evaluating it again.
"""

from __future__ import annotations

import importlib.util
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Sequence

from brief.errors import ModelError
from brief.summarize.abstractive import AbstractiveSummarizer, Request


@dataclass
class Prompt:
    """One prompt file: a plain and a strict (retry) variant, worked examples, a version for the cache key.

    The examples (``[[examples]]``: an article and the summary an editor would write) go before the
    article as earlier turns of the conversation. They are the same for every article, so llama.cpp
    evaluates them once per run; a 1.5B model copies their shape (subject, action, key figure)
    far better than it follows a written instruction about shape.
    """

    name: str
    version: int
    system: str
    user: str
    strict_system: str
    strict_user: str
    examples: list[dict[str, str]] = field(default_factory=list)
    # Which figures the request names: "key" (brief.zh.key_figures: quantities, not periods or
    # ordinals) or "any" (every figure but dates; what the headline prompt was measured with).
    figures: str = "any"

    def messages(self, text: str, *, limit: int, key_figures: int, strict: bool) -> list[dict[str, str]]:
        """The conversation for one article; ``key_figures`` of its figures are named in the request."""
        system, user = (self.strict_system, self.strict_user) if strict else (self.system, self.user)

        def request(article: str) -> dict[str, str]:
            figures = figures_hint(article, key_figures, key_only=self.figures == "key")
            return {"role": "user", "content": user.format(limit=limit, figures=figures, article=article)}

        turns = [{"role": "system", "content": system}]
        for example in self.examples:
            if limit and len(example["summary"]) > limit:
                continue  # an example longer than the length asked would teach the wrong length
            turns += [request(example["article"]), {"role": "assistant", "content": example["summary"]}]
        return [*turns, request(text)]


def load_prompt(prompt_set: str, kind: str) -> Prompt:
    from brief.resources import data_dir

    path = data_dir("prompts") / prompt_set / f"{kind}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        examples = [{"article": e["article"], "summary": e["summary"]} for e in data.get("examples", [])]
        return Prompt(name=f"{prompt_set}/{kind}", version=data["version"], system=data["system"],
                      user=data["user"], strict_system=data["strict"]["system"],
                      strict_user=data["strict"]["user"], examples=examples,
                      figures=data.get("figures", "any"))
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"{path}: unusable prompt file: {exc}") from None


def figures_hint(text: str, count: int, *, key_only: bool = True) -> str:
    """A line naming the first key figures of the source (``key_only``: quantities only, else every
    figure but dates), so that the model keeps them."""
    if count <= 0:
        return ""
    from brief.zh import extract_figures, key_figures

    figures = key_figures(text) if key_only else [f for f in extract_figures(text) if f.kind != "date"]
    found = list(dict.fromkeys(f.text for f in figures))[:count]
    return f"\n原文关键数字：{'、'.join(found)}（写入摘要时须与原文一致）" if found else ""


class Runtime(Protocol):
    def chat(self, conversations: Sequence[list[dict[str, str]]], max_tokens: int,
             grammar: str | None = None) -> list[tuple[str, bool]]:
        """One reply per conversation, each with ``truncated`` (stopped at ``max_tokens``).

        ``grammar``: a GBNF grammar every reply must match (llama.cpp applies it while decoding;
        transformers cannot, so there the caller's own checks are all there is).
        """
        ...


class LlamaCppRuntime:
    """A GGUF file through llama.cpp; greedy decoding, one request after another (prefix reuse)."""

    def __init__(self, path: Path, *, context: int, threads: int):
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ModelError("the llm backend needs llama-cpp-python: pip install 'brief[llm]'") from None
        try:
            # flash_attn: 6.5 s instead of 7.5 s for a 600-character article on 2 cores (prompt
            # evaluation dominates), same greedy decoding.
            self.llm = Llama(model_path=str(path), n_ctx=context, n_threads=threads,
                             n_batch=512, flash_attn=True, seed=0, verbose=False)
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"{path}: llama.cpp cannot load it: {exc}") from None
        self.prefix: Path | None = None  # the kept state whose prompt the context now starts with

    def chat(self, conversations, max_tokens, grammar=None):
        if grammar is not None:
            from llama_cpp import LlamaGrammar

            grammar = LlamaGrammar.from_string(grammar, verbose=False)
        replies = []
        for messages in conversations:
            try:
                out = self.llm.create_chat_completion(messages=messages, max_tokens=max_tokens,
                                                      temperature=0.0, top_k=1, seed=0, grammar=grammar)
            except (ValueError, RuntimeError) as exc:  # e.g. a request longer than the context
                raise ModelError(f"llama.cpp failed: {exc}") from None
            choice = out["choices"][0]
            replies.append((choice["message"]["content"] or "", choice["finish_reason"] == "length"))
        return replies


    # -- the shared prompt prefix, kept across runs --------------------------------------------
    # A one-off `brief summarize FILE` would evaluate the system message and the worked examples
    # (most of its prompt) every time. llama.cpp's state after a request (its tokens and their KV
    # cache) is kept on disk instead; the next run loads it and llama-cpp-python reuses the longest
    # common token prefix, so only the new article is evaluated. The logits matrix save_state()
    # copies (hundreds of MB) is not kept: the first new token refreshes it.

    def save_prefix(self, path: Path) -> None:
        import ctypes
        import io

        import llama_cpp
        import numpy as np

        from brief.io import atomic_write

        ctx = self.llm._ctx.ctx
        size = llama_cpp.llama_state_get_size(ctx)
        buffer = (ctypes.c_uint8 * int(size))()
        used = int(llama_cpp.llama_state_get_data(ctx, buffer, size))
        out = io.BytesIO()
        np.savez(out, ids=np.array(self.llm.input_ids[: self.llm.n_tokens], dtype=np.intc),
                 state=np.frombuffer(buffer, dtype=np.uint8, count=used))
        atomic_write(path, out.getvalue())

    def switch_prefix(self, path: Path | None) -> None:
        """Before a request of another prompt than the last: load that prompt's kept state when
        there is one, so that going over to the strict prompt, the overview or the translation and
        back costs a file read, not the evaluation of its instructions and examples again."""
        if path is None or path == self.prefix:
            return
        if path.exists():
            self.load_prefix(path)
        self.prefix = path

    def load_prefix(self, path: Path) -> bool:
        """Load a state kept by :meth:`save_prefix`; False (and a clean context) when unusable."""
        import numpy as np
        from llama_cpp.llama import LlamaState

        try:
            with np.load(path) as data:
                ids, state = data["ids"], data["state"].tobytes()
            full = np.zeros(self.llm.n_ctx(), dtype=np.intc)
            full[: len(ids)] = ids
            self.llm.load_state(LlamaState(input_ids=full, scores=np.zeros((1, self.llm.n_vocab()), np.single),
                                           n_tokens=len(ids), llama_state=state,
                                           llama_state_size=len(state), seed=0))
            return True
        except (OSError, ValueError, KeyError, RuntimeError):
            self.llm.reset()
            return False


class TransformersRuntime:
    """A Hugging Face causal LM directory: its chat template, batched greedy generation."""

    def __init__(self, path: Path, *, threads: int, batch_size: int = 4):
        try:
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError:
            raise ModelError("a transformers model needs the neural extra: pip install 'brief[neural]'") from None
        torch.set_num_threads(threads)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path)
            self.model = AutoModelForCausalLM.from_pretrained(path).eval()
        except (OSError, ValueError) as exc:
            raise ModelError(f"{path}: cannot load the model: {exc}") from None
        self.tokenizer.padding_side = "left"
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.batch_size = batch_size
        self.torch = torch

    def chat(self, conversations, max_tokens, grammar=None):
        replies = []  # no GBNF support here: ``grammar`` is not applied
        for start in range(0, len(conversations), self.batch_size):
            batch = conversations[start : start + self.batch_size]
            prompts = [self.tokenizer.apply_chat_template(m, tokenize=False, add_generation_prompt=True)
                       for m in batch]
            encoded = self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
            with self.torch.inference_mode():
                out = self.model.generate(**encoded, max_new_tokens=max_tokens, do_sample=False,
                                          pad_token_id=self.tokenizer.pad_token_id)
            new = out[:, encoded["input_ids"].shape[1] :]
            eos = self.tokenizer.eos_token_id
            for row in new:
                ids = row.tolist()
                finished = eos in ids
                if finished:
                    ids = ids[: ids.index(eos)]
                replies.append((self.tokenizer.decode(ids, skip_special_tokens=True), not finished))
        return replies


def _model_source(config: dict[str, Any]) -> tuple[str, Path | None, str]:
    """(model id, a local path or None for the packaged card, prompt set)."""
    settings = config["summarize"]
    if settings["model_path"]:
        path = Path(settings["model_path"]).expanduser()
        return path.name, path, settings["prompt_set"] or "news-zh"
    from brief.llm.models import get_card

    card = get_card(settings["model"] or None)
    return f"{card.name}@{card.sha256[:12]}", None, settings["prompt_set"] or card.prompt_set


def llm_available(config: dict[str, Any]) -> str | None:
    """None when the llm backend can run here, else the reason it cannot (one short phrase)."""
    try:
        _, path, _ = _model_source(config)
    except ModelError as exc:
        return str(exc)
    if path is not None:
        if not path.exists():
            return f"model_path {path} does not exist"
        if path.is_dir():
            return None if importlib.util.find_spec("transformers") else "transformers is not installed"
    if importlib.util.find_spec("llama_cpp") is None:
        return "the llm extra is not installed (pip install 'brief[llm]')"
    if path is None:
        from brief.llm.models import get_card, state

        card = get_card(config["summarize"]["model"] or None)
        if state(card, config) == "missing":
            return f"model {card.name} is not installed (pip install 'brief[llm]')"
    return None


class LLMSummarizer(AbstractiveSummarizer):
    name = "llm"

    def __init__(self, config: dict[str, Any]):
        super().__init__(config)
        self.model_id, self.path, self.prompt_set = _model_source(config)
        prompt_set = self.prompt_set
        self.prompts = {kind: load_prompt(prompt_set, kind) for kind in ("summary", "headline")}
        self.key_figures = config["summarize"]["key_figures"]
        self.prompt_version = ",".join(f"{p.name}@{p.version}" for p in self.prompts.values())
        self.prompt_version += f",key figures {self.key_figures}"
        self.context = config["summarize"]["context"]
        self._runtime: Runtime | None = None

    @property
    def runtime(self) -> Runtime:
        """Loaded on first use: assembling or loading the weights is the slow part."""
        if self._runtime is None:
            threads = self.config["summarize"]["threads"] or os.cpu_count() or 1
            path = self.path
            if path is None:
                from brief.llm.models import ensure_model, get_card

                path = ensure_model(get_card(self.config["summarize"]["model"] or None), self.config)
            if path.is_dir():
                self._runtime = TransformersRuntime(path, threads=threads)
            else:
                self._runtime = LlamaCppRuntime(path, context=self.context, threads=threads)
        return self._runtime

    def _generate(self, requests: Sequence[Request], strict: bool) -> list[tuple[str, bool]]:
        if not requests:
            return []
        conversations = [
            self.prompts[r.kind].messages(r.text, limit=r.limit, key_figures=self.key_figures, strict=strict)
            for r in requests
        ]
        # Chinese runs at about 1.3 characters per token: room to finish a slightly long answer,
        # never so much that a rambling one costs seconds.
        cap = max(r.limit for r in requests) + 24
        limit = requests[0].limit
        return self.chat(conversations, cap, prompt=f"{self.prompt_version}|{requests[0].kind}|{limit}|{strict}")

    def chat(self, conversations: Sequence[list[dict[str, str]]], max_tokens: int, *, prompt: str,
             grammar: str | None = None) -> list[tuple[str, bool]]:
        """The runtime's replies. ``prompt`` names what the conversations share before their own
        text (prompt file, version, variant): with llama.cpp that evaluated prefix is kept in the
        cache directory after its first use and loaded whenever the run comes back to it."""
        kept = self._prefix_path(prompt)
        if kept is not None:
            self.runtime.switch_prefix(kept)
        extra = {} if grammar is None else {"grammar": grammar}
        replies = self.runtime.chat(conversations, max_tokens=max_tokens, **extra)
        if kept is not None and not kept.exists():
            try:
                self.runtime.save_prefix(kept)
            except OSError:
                pass  # a read-only or full cache costs the next run time, never this one
        return replies

    def _prefix_path(self, prompt: str) -> Path | None:
        """Where llama.cpp's state after a request of ``prompt`` is kept, keyed like the summary
        cache (model, prompt version and variant, context, llama.cpp version, brief version); None
        when the cache is off or the runtime is not llama.cpp."""
        if self.cache is None or not isinstance(self.runtime, LlamaCppRuntime):
            return None
        import hashlib

        import llama_cpp

        from brief import __version__
        from brief.config import cache_dir

        parts = [self.model_id, prompt, str(self.context), llama_cpp.__version__, __version__]
        key = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
        return cache_dir(self.config) / "prefix" / f"{key}.npz"
