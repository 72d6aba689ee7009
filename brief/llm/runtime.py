"""The chat model that summarize and translate share: how it runs and which one it is.

Two in-process runtimes: llama.cpp for a GGUF file (the packaged default model) and transformers for
a Hugging Face model directory (``AutoModelForCausalLM`` with its chat template); a third, for
OpenAI-compatible servers, is in ``brief.llm.server``. :class:`ChatModel` picks the configured model,
loads it on first use, and keeps each prompt's evaluated prefix across runs (llama.cpp). Every
request puts the instructions first and the text last, so consecutive requests share that prefix.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any, Callable, Protocol, Sequence

from brief.errors import ModelError


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

    def chat(self, conversations, max_tokens, grammar=None, max_chars=None):
        """``max_chars``: stop once the reply is this long (and call it truncated): a summary is
        cut to its length anyway, so the tokens after that are paid for and thrown away."""
        if grammar is not None:
            from llama_cpp import LlamaGrammar

            grammar = LlamaGrammar.from_string(grammar, verbose=False)
        replies = []
        for messages in conversations:
            try:
                out = self.llm.create_chat_completion(messages=messages, max_tokens=max_tokens,
                                                      temperature=0.0, top_k=1, seed=0, grammar=grammar,
                                                      stream=max_chars is not None)
                if max_chars is None:
                    choice = out["choices"][0]
                    replies.append((choice["message"]["content"] or "", choice["finish_reason"] == "length"))
                    continue
                text, finish = "", None
                try:
                    for chunk in out:
                        choice = chunk["choices"][0]
                        text += choice["delta"].get("content") or ""
                        finish = choice.get("finish_reason") or finish
                        if len(text) >= max_chars:
                            finish = "length"
                            break
                finally:
                    out.close()
                replies.append((text, finish == "length"))
            except (ValueError, RuntimeError) as exc:  # e.g. a request longer than the context
                raise ModelError(f"llama.cpp failed: {exc}") from None
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


def model_source(config: dict[str, Any]) -> tuple[str, Path | None, str]:
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
        _, path, _ = model_source(config)
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


class ChatModel:
    """The configured model (``[summarize] model`` or ``model_path``), loaded on first use.

    ``load`` replaces how the runtime is made (the ``server`` backend sends requests to a server).
    """

    def __init__(self, config: dict[str, Any], *, load: Callable[[], Runtime] | None = None,
                 model_id: str | None = None):
        self.config = config
        self.model_id, self.path, self.prompt_set = model_source(config)
        self.model_id = model_id or self.model_id
        self.context = config["summarize"]["context"]
        self.keep_prefixes = config["summarize"]["cache"]
        self._load = load or self._load_local
        self._runtime: Runtime | None = None

    @property
    def runtime(self) -> Runtime:
        """Loaded on first use: assembling or loading the weights is the slow part."""
        if self._runtime is None:
            self._runtime = self._load()
        return self._runtime

    def _load_local(self) -> Runtime:
        threads = self.config["summarize"]["threads"] or os.cpu_count() or 1
        path = self.path
        if path is None:
            from brief.llm.models import ensure_model, get_card

            path = ensure_model(get_card(self.config["summarize"]["model"] or None), self.config)
        if path.is_dir():
            return TransformersRuntime(path, threads=threads)
        return LlamaCppRuntime(path, context=self.context, threads=threads)

    def chat(self, conversations: Sequence[list[dict[str, str]]], max_tokens: int, *, prompt: str,
             grammar: str | None = None, max_chars: int | None = None) -> list[tuple[str, bool]]:
        """The runtime's replies. ``prompt`` names what the conversations share before their own
        text (prompt file, version, variant): with llama.cpp that evaluated prefix is kept in the
        cache directory after its first use and loaded whenever the run comes back to it.
        ``max_chars``: with llama.cpp, stop a reply at this many characters (marked truncated)."""
        kept = self.prefix_path(prompt)
        if kept is not None:
            self.runtime.switch_prefix(kept)
        extra = {} if grammar is None else {"grammar": grammar}
        if max_chars is not None and isinstance(self.runtime, LlamaCppRuntime):
            extra["max_chars"] = max_chars
        replies = self.runtime.chat(conversations, max_tokens=max_tokens, **extra)
        if kept is not None and not kept.exists():
            try:
                self.runtime.save_prefix(kept)
            except OSError:
                pass  # a read-only or full cache costs the next run time, never this one
        return replies

    def prefix_path(self, prompt: str) -> Path | None:
        """Where llama.cpp's state after a request of ``prompt`` is kept, keyed like the summary
        cache (model, prompt version and variant, context, llama.cpp version, brief version); None
        when the cache is off or the runtime is not llama.cpp."""
        if not self.keep_prefixes or not isinstance(self.runtime, LlamaCppRuntime):
            return None
        import hashlib

        import llama_cpp

        from brief import __version__
        from brief.config import cache_dir

        parts = [self.model_id, prompt, str(self.context), llama_cpp.__version__, __version__]
        key = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
        return cache_dir(self.config) / "prefix" / f"{key}.npz"
