"""Short reasons in Chinese, read off the score breakdown: why an item ranks where it does."""

from __future__ import annotations

# Feature -> the phrase an editor would use. Features sharing a phrase are summed before choosing.
PHRASES = {
    "leader_first": "中央主要领导活动",
    "leader_title": "中央主要领导活动",
    "leader_lead": "中央主要领导活动",
    "leader_body": "中央主要领导活动",
    "premier": "国家领导人活动",
    "national_leader": "国家领导人活动",
    "central_title": "中央发布",
    "central_lead": "中央发布",
    "ministry": "部委发布",
    "provincial": "省委省政府发布",
    "department": "厅局发布",
    "local": "市县动态",
    "decision": "有部署决定",
    "party_line": "贯彻中央精神",
    "commentary": "重要评论",
    "scope_national": "涉及全国",
    "scope_province": "涉及全省",
    "scope_local": "涉及全市",
    "figures": "含关键数据",
    "money": "涉及资金",
    "people": "涉及群众",
    "front_page": "头版",
    "lead_article": "头版头条",
    "profile": "符合关注领域",
    "coverage": "多家媒体报道",
    "length": "篇幅长",
}
MIN_CONTRIBUTION = 0.15
MAX_REASONS = 3


def reasons_for(contributions: dict[str, float]) -> list[str]:
    """Up to three phrases for the largest positive contributions, strongest first."""
    by_phrase: dict[str, float] = {}
    for name, value in contributions.items():
        phrase = PHRASES.get(name)
        if phrase and value > 0:
            by_phrase[phrase] = by_phrase.get(phrase, 0.0) + value
    if "头版头条" in by_phrase:  # the lead article is on page 1 anyway: one phrase, not two
        by_phrase["头版头条"] += by_phrase.pop("头版", 0.0)
    # Length is a real signal but says little to a reader: it comes last whatever its weight.
    ranked = sorted(by_phrase.items(), key=lambda kv: (kv[0] == PHRASES["length"], -kv[1]))
    return [phrase for phrase, value in ranked if value >= MIN_CONTRIBUTION][:MAX_REASONS]
