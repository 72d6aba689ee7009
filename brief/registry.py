"""Name -> the object that does the work, imported only when asked for.

One style for every pluggable part: input readers (by detected format), summarizers and English
translators. An entry is ``"module:attribute"``; :func:`load` imports the module on first use, so
that naming a backend (or validating a config that names one) never pays for torch or llama.cpp.
Adding a backend is one line here and one module.
"""

from __future__ import annotations

import importlib
from typing import Any

from brief.errors import ConfigError

# format (brief.ingest.detect) -> reader(text, origin) -> list[Article]
READERS = {
    "page": "brief.ingest.segment:read_page",
    "json": "brief.ingest.records:read_records",
    "feed": "brief.ingest.feed:read_feed",
    "html": "brief.ingest.html:read_html",
    "text": "brief.ingest.plain:read_article",
}

# summarize.backend -> class built as Class(config)
SUMMARIZERS = {
    "extractive": "brief.summarize.extractive:ExtractiveSummarizer",
    "llm": "brief.summarize.llm:LLMSummarizer",
    "seq2seq": "brief.summarize.seq2seq:Seq2SeqSummarizer",
    "server": "brief.summarize.server:ServerSummarizer",
}

# english.backend -> class built as Class(config)
TRANSLATORS = {
    "llm": "brief.deliver.translate:LLMTranslator",
    "marian": "brief.deliver.translate:MarianTranslator",
}


def load(registry: dict[str, str], name: str, what: str) -> Any:
    """The object registered as ``name``; an unknown name is a ConfigError listing the choices."""
    try:
        target = registry[name]
    except KeyError:
        raise ConfigError(f"unknown {what} {name!r} (choose from {', '.join(registry)})") from None
    module_name, attribute = target.split(":")
    return getattr(importlib.import_module(module_name), attribute)
