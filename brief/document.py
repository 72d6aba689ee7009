"""The document model that flows through every stage: Article -> Summary -> BriefItem -> Brief.

Plain dataclasses, so that each stage is a function of data and every object round-trips through
JSON (``to_dict`` / ``from_dict``) for caching, the CLI's ``--json`` and other tools.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

ARTICLE = "article"
CAPTION = "caption"


@dataclass
class Dateline:
    """Where and when the story was filed: ``本报太原10月17日讯`` -> place 太原, date 10月17日."""

    place: str | None = None
    date: str | None = None


@dataclass
class Article:
    """One story (or photo caption) as it was printed, cleaned but not rewritten."""

    id: str = ""
    kind: str = ARTICLE
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    reporters: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    source: str = ""
    page: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    continued_to: str | None = None
    continued_from: str | None = None
    # Pages of this article's other parts (``continued_to`` / ``continued_from``) not among the inputs.
    missing_parts: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    position: int = 0  # order on its page (0 = first printed), a prominence signal for ranking

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        """Stable key of what the article says: caches and same-story memory hang off it."""
        text = "\x1f".join([self.title, self.body])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.content_hash

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["body"] = self.body
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        if isinstance(kwargs.get("dateline"), dict):
            kwargs["dateline"] = Dateline(**kwargs["dateline"])
        if "paragraphs" not in kwargs and data.get("body"):
            kwargs["paragraphs"] = [p for p in str(data["body"]).split("\n") if p.strip()]
        return cls(**kwargs)


@dataclass
class Evidence:
    """A summary sentence and the source sentences it rests on."""

    sentence: str
    sources: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """What a summarizer made of one article, and how."""

    text: str
    method: str
    evidence: list[Evidence] = field(default_factory=list)
    headline: str | None = None
    # Set when the faithfulness guard replaced or regenerated the output: what failed and why.
    guard: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Summary:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["evidence"] = [Evidence(**e) for e in kwargs.get("evidence", [])]
        return cls(**kwargs)


# How the brief marks a heading it made itself, and shows an item with neither title nor text to make one.
MADE_HEADING_MARK = "（据正文）"
UNTITLED = "（无标题）"


@dataclass
class BriefItem:
    """An article chosen for the brief: its summary, its score and why it scored so."""

    article: Article
    summary: Summary | None = None
    score: float = 0.0
    # Score breakdown by feature (machine-readable) and short human reasons in Chinese.
    features: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    rank: int = 0
    section: str | None = None
    # Other articles telling the same story (same-story grouping), shown as extra sources.
    related: list[Article] = field(default_factory=list)
    status: str | None = None  # e.g. "持续关注" for a story already briefed that brings new facts
    en: dict[str, str] | None = None  # {"title", "summary"} when translated
    # For an article that came with no title (the page printed none, or the segmenter found none):
    # a heading made from its text, so that no item of the brief is a bare number.
    made_heading: str = ""

    @property
    def title_line(self) -> str:
        """The item's title (after the kicker that names who spoke), else the heading made from its
        text, unmarked: what the overview reads and the translator translates."""
        return self._printed_title or self.made_heading

    @property
    def heading(self) -> str:
        """The line the brief prints for the item: its title, else the heading made from its text,
        marked as such (the official must not take it for the paper's headline)."""
        if self._printed_title:
            return self._printed_title
        return f"{self.made_heading}{MADE_HEADING_MARK}" if self.made_heading else UNTITLED

    @property
    def _printed_title(self) -> str:
        """The title, after a kicker that says who spoke (``习近平在……上强调：紧紧围绕……``): without it
        the title does not say whose words it gives."""
        from brief.zh.clean import SPEAKER_KICKER

        title, kicker = self.article.title, self.article.kicker
        return f"{kicker}：{title}" if title and SPEAKER_KICKER.search(kicker) else title

    @property
    def source_label(self) -> str:
        """``山西日报 第1版`` style label; falls back to whatever identifies the source."""
        art = self.article
        parts = [art.source] if art.source else []
        if art.page:  # a continued article was printed on several pages: "1,2" -> 第1、2版
            pages = str(art.page).split(",")
            parts.append(f"第{'、'.join(pages)}版" if all(p.isdigit() for p in pages) else "、".join(pages))
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["article"] = self.article.to_dict()
        data["related"] = [a.to_dict() for a in self.related]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BriefItem:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["article"] = Article.from_dict(kwargs["article"])
        kwargs["related"] = [Article.from_dict(a) for a in kwargs.get("related", [])]
        if kwargs.get("summary"):
            kwargs["summary"] = Summary.from_dict(kwargs["summary"])
        return cls(**kwargs)


@dataclass
class Overview:
    """The day overview (今日要闻综述) shown on top of the brief, and how it was made."""

    text: str
    method: str  # "model" or "extractive"
    themes: list[str] = field(default_factory=list)
    items: list[int] = field(default_factory=list)  # ranks of the items it rests on
    fallback: str | None = None  # why the extractive overview was used instead of a model's
    rejected: str | None = None  # the model's overview that the checks turned down
    problems: list[str] = field(default_factory=list)  # what the checks found in it
    en: str | None = None  # its English (--english), None when not asked or its figures failed

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Overview:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Brief:
    """The day's briefing, ready to render in any format."""

    date: str  # ISO date, YYYY-MM-DD
    title: str
    items: list[BriefItem] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    overview: Overview | None = None  # 今日要闻综述 on top of the brief; None when turned off

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "title": self.title,
            "overview": self.overview.to_dict() if self.overview else None,
            "items": [item.to_dict() for item in self.items],
            "meta": dict(self.meta),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Brief:
        overview = Overview.from_dict(data["overview"]) if data.get("overview") else None
        return cls(
            date=data["date"],
            title=data["title"],
            items=[BriefItem.from_dict(i) for i in data.get("items", [])],
            meta=dict(data.get("meta", {})),
            overview=overview,
        )
