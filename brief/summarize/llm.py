"""The ``llm`` backend: the configured chat model (``brief.llm``) driven by the prompt files in ``prompts/``.

The model, its runtime and the kept prompt prefixes are ``brief.llm.runtime.ChatModel``'s, shared with
the day overview and English translation; this module turns articles into requests and replies into
summaries, under the checks of :class:`~brief.summarize.abstractive.AbstractiveSummarizer`.
"""

from __future__ import annotations

from typing import Any, Sequence

from brief.llm.prompts import load_prompt
from brief.llm.runtime import ChatModel, LlamaCppRuntime, Runtime
from brief.summarize.abstractive import AbstractiveSummarizer, Request


# How far past the length asked a reply may run before llama.cpp stops it. What runs past the
# length is cut anyway (``fit_length``: at a sentence or clause end, never inside a figure; a reply
# stopped here is marked truncated, so its unfinished sentence goes); the few characters are room
# for what ``clean_output`` strips (a label, quotes).
OVERRUN_CHARS = 4


class LLMSummarizer(AbstractiveSummarizer):
    name = "llm"

    def __init__(self, config: dict[str, Any], chat_model: ChatModel | None = None):
        super().__init__(config)
        self.chat_model = chat_model or ChatModel(config)
        self.model_id, self.prompt_set = self.chat_model.model_id, self.chat_model.prompt_set
        self.prompts = {kind: load_prompt(self.prompt_set, kind) for kind in ("summary", "headline")}
        self.key_figures = config["summarize"]["key_figures"]
        self.prompt_version = ",".join(f"{p.name}@{p.version}" for p in self.prompts.values())
        self.prompt_version += f",key figures {self.key_figures}"

    @property
    def runtime(self) -> Runtime:
        return self.chat_model.runtime

    def chat(self, conversations: Sequence[list[dict[str, str]]], max_tokens: int, *, prompt: str,
             grammar: str | None = None, max_chars: int | None = None) -> list[tuple[str, bool]]:
        return self.chat_model.chat(conversations, max_tokens, prompt=prompt, grammar=grammar, max_chars=max_chars)

    def _continues(self, request: Request, strict: bool) -> bool:
        """A retry that continues its draft's conversation: one naming what the checks found, of a
        kind whose prompt file has a ``[retry]`` request (else the strict variant writes it afresh)."""
        return strict and bool(request.problems) and bool(self.prompts[request.kind].retry_user)

    def _retry_follows_its_draft(self, kind: str) -> bool:
        # llama.cpp keeps only the last request's tokens: a retry reuses them only right after its
        # own draft. Batched or parallel runtimes (transformers, a server) keep the batch.
        return bool(self.prompts[kind].retry_user) and isinstance(self.runtime, LlamaCppRuntime)

    def conversation(self, request: Request, strict: bool) -> list[dict[str, str]]:
        """The messages sent for ``request``: the prompt file's plain or strict variant, or for a
        retry naming what the checks found, the draft's conversation continued by the ``[retry]``
        request."""
        prompt = self.prompts[request.kind]
        if self._continues(request, strict):
            return prompt.retry_messages(request.text, request.problems, limit=request.limit,
                                         key_figures=self.key_figures)
        return prompt.messages(request.text, limit=request.limit, key_figures=self.key_figures, strict=strict)

    def _generate(self, requests: Sequence[Request], strict: bool) -> list[tuple[str, bool]]:
        if not requests:
            return []
        out: dict[int, tuple[str, bool]] = {}
        for continued in (False, True):  # continued retries and fresh requests go apart
            group = [r for r in requests if self._continues(r, strict) == continued]
            if group:
                out.update(zip(map(id, group), self._generate_group(group, strict, continued=continued)))
        return [out[id(r)] for r in requests]

    def _generate_group(self, requests: Sequence[Request], strict: bool, *, continued: bool) -> list[tuple[str, bool]]:
        conversations = [self.conversation(r, strict) for r in requests]
        # Chinese runs at about 1.3 characters per token: room to finish a slightly long answer,
        # never so much that a rambling one costs seconds.
        cap = max(r.limit for r in requests) + 24
        limit = requests[0].limit
        # Whatever runs past the length asked is cut off (fit_length), so llama.cpp stops there,
        # with a margin for the cut to find the end of a sentence or clause: a 2-3 sentence
        # summary the model writes to 190 characters costs 40 tokens (2 s on two cores) less.
        # A continued retry begins with the plain conversation: it shares the plain prompt's kept
        # prefix (no switch to another kept state, which would drop the draft just evaluated).
        variant = strict and not continued
        return self.chat(conversations, cap, prompt=f"{self.prompt_version}|{requests[0].kind}|{limit}|{variant}",
                         max_chars=max(r.limit for r in requests) + OVERRUN_CHARS)
