"""One layer of Chinese text rules, used by every stage: characters and widths (``chars``),
sentences and clauses (``sentences``), figures (``figures``), datelines and bylines (``bylines``)
and the cleaning every reader applies (``clean``).

A rule is written once, here. Where two stages need different rules (a sentence end for the
summarizer, a paragraph end for the page segmenter), both are here under their own names.
"""

from brief.zh.bylines import strip_attribution, strip_source_tag
from brief.zh.chars import balanced, to_halfwidth, unbalanced, visual_width
from brief.zh.clean import (
    clean_heading,
    clean_inline,
    clean_text,
    join_lines,
    normalize_chars,
    strip_controls,
)
from brief.zh.figures import (
    Figure,
    chinese_number,
    extract_figures,
    is_key_figure,
    key_figures,
)
from brief.zh.sentences import clauses, ends_sentence, fit, split_sentences

__all__ = [
    "Figure", "balanced", "chinese_number", "clauses", "clean_heading", "clean_inline", "clean_text",
    "ends_sentence", "extract_figures", "fit", "is_key_figure", "join_lines", "key_figures",
    "normalize_chars", "split_sentences", "strip_attribution", "strip_controls", "strip_source_tag",
    "to_halfwidth", "unbalanced", "visual_width",
]
