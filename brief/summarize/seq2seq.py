"""The ``seq2seq`` backend: a transformers encoder-decoder (mT5, Pegasus, BART-Chinese) from a
local directory, with whatever tokenizer it ships (sentencepiece or a BERT vocabulary).

Such models are fine-tuned to map an article to its summary, so there is no prompt: the strict
retry after a guard failure decodes again with beam search and a repetition block instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Sequence

from brief.errors import ModelError
from brief.summarize.abstractive import AbstractiveSummarizer, Request


class Seq2SeqSummarizer(AbstractiveSummarizer):
    name = "seq2seq"
    prompt_version = "none"

    def __init__(self, config: dict[str, Any]):
        super().__init__(config)
        settings = config["summarize"]
        if not settings["model_path"]:
            raise ModelError("the seq2seq backend needs summarize.model_path: a local model directory")
        self.path = Path(settings["model_path"]).expanduser()
        if not self.path.is_dir():
            raise ModelError(f"{self.path}: not a model directory")
        self.model_id = self.path.name
        self.batch_size = settings["batch_size"]
        self.max_input_tokens = settings["max_input_tokens"]
        self.threads = settings["threads"] or os.cpu_count() or 1
        self._loaded = None

    def _load(self):
        if self._loaded is None:
            try:
                import torch
                from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
            except ImportError:
                raise ModelError("the seq2seq backend needs the neural extra: pip install 'brief[neural]'") from None
            torch.set_num_threads(self.threads)
            try:
                tokenizer = AutoTokenizer.from_pretrained(self.path)
                model = AutoModelForSeq2SeqLM.from_pretrained(self.path).eval()
            except (OSError, ValueError) as exc:
                raise ModelError(f"{self.path}: cannot load the model: {exc}") from None
            self._loaded = (torch, tokenizer, model)
        return self._loaded

    def generate(self, texts: Sequence[str], *, max_new_tokens: int, strict: bool = False) -> list[tuple[str, bool]]:
        """Decode a batch: greedy first; beams and no repeated trigrams on the strict retry."""
        torch, tokenizer, model = self._load()
        options: dict[str, Any] = {"max_new_tokens": max_new_tokens, "do_sample": False}
        if strict:
            options.update(num_beams=4, no_repeat_ngram_size=3)
        replies = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            encoded = tokenizer(batch, return_tensors="pt", padding=True, truncation=True,
                                max_length=self.max_input_tokens)
            encoded.pop("token_type_ids", None)
            with torch.inference_mode():
                out = model.generate(**encoded, **options)
            eos = model.generation_config.eos_token_id
            for row in out:
                ids = row.tolist()
                replies.append((tokenizer.decode(ids, skip_special_tokens=True), eos not in ids[1:]))
        return replies

    def _source_for(self, article, kind):
        """Fine-tuned on article -> summary pairs: the body alone, no title or instructions."""
        return super()._source_for(article, kind).removeprefix(f"标题：{article.title}\n")

    def _generate(self, requests: Sequence[Request], strict: bool) -> list[tuple[str, bool]]:
        cap = max(r.limit for r in requests) + 8 if requests else 0
        return self.generate([r.text for r in requests], max_new_tokens=cap, strict=strict)
