"""Summarizers: one interface, small backends chosen by name.

A backend takes a batch of articles and returns one :class:`~brief.document.Summary` each, with the
evidence it rests on and the method used. Backends are imported only when asked for, so that the
extractive path never pays for torch or llama.cpp.
"""

from __future__ import annotations

from typing import Any, Literal, Protocol, Sequence, runtime_checkable

from brief.document import Article, Summary
from brief.registry import SUMMARIZERS, load

Kind = Literal["summary", "headline"]



@runtime_checkable
class Summarizer(Protocol):
    """What every backend offers: a name, and a batch of articles in, summaries out."""

    name: str

    def summarize(self, articles: Sequence[Article], kind: Kind = "summary") -> list[Summary]:
        """``summary``: the brief's 2-3 sentences; ``headline``: a one-line summary."""
        ...


def get_summarizer(name: str, config: dict[str, Any]) -> Summarizer:
    """Build the backend called ``name`` (``extractive``, ``llm``, ``seq2seq``, ``server``)."""
    return load(SUMMARIZERS, name, "summarizer backend")(config)


def resolve_backend(name: str | None, config: dict[str, Any]) -> tuple[Summarizer, str | None]:
    """The backend to use and, when ``auto`` had to fall back, the one-line notice saying so."""
    name = name or config["summarize"]["backend"]
    if name != "auto":
        return get_summarizer(name, config), None
    try:
        from brief.llm.runtime import llm_available
    except ImportError:
        llm_available = None
    reason = llm_available(config) if llm_available else "the llm backend is not part of this build"
    if reason is None:
        return get_summarizer("llm", config), None
    return get_summarizer("extractive", config), f"using the extractive summarizer: {reason}"
