"""Prompt files (``prompts/<set>/<kind>.toml``): instructions, worked examples, a strict variant.

Shared by every use of the chat model: summaries, the day overview, English translation.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Sequence

from brief.errors import ModelError


# At most this many of a rejected draft's problems are named in the retry request.
RETRY_PROBLEMS = 4


@dataclass
class Prompt:
    """One prompt file: a plain and a strict variant, worked examples, a version for the cache key,
    and optionally a ``[retry]`` request that continues a rejected draft's conversation.

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
    # ``[retry] user``: the request after a rejected draft, with {problems} and {limit}; empty when
    # the file has none (then the retry is the strict variant, written from scratch).
    retry_user: str = ""

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

    def retry_messages(self, text: str, problems: Sequence[str], *, limit: int,
                       key_figures: int) -> list[dict[str, str]]:
        """The retry of a rejected draft as a further turn of its conversation: the plain variant's
        messages for ``text`` (what llama.cpp has just evaluated, so only this request is new to it),
        then the ``[retry]`` request naming ``problems``. The draft itself is left out: shown its
        own draft, the 1.5B model writes it again word for word (docs/models.md)."""
        if not self.retry_user:
            raise ValueError(f"{self.name}: no [retry] request")
        said = "；".join(list(dict.fromkeys(p for p in problems if p))[:RETRY_PROBLEMS]) or "不符合要求"
        return [*self.messages(text, limit=limit, key_figures=key_figures, strict=False),
                {"role": "user", "content": self.retry_user.format(problems=said, limit=limit)}]


def load_prompt(prompt_set: str, kind: str) -> Prompt:
    from brief.resources import data_dir

    path = data_dir("prompts") / prompt_set / f"{kind}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        examples = [{"article": e["article"], "summary": e["summary"]} for e in data.get("examples", [])]
        return Prompt(name=f"{prompt_set}/{kind}", version=data["version"], system=data["system"],
                      user=data["user"], strict_system=data["strict"]["system"],
                      strict_user=data["strict"]["user"], examples=examples,
                      figures=data.get("figures", "any"), retry_user=data.get("retry", {}).get("user", ""))
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
