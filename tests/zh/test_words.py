import pytest

from brief.zh.words import breaks_word


@pytest.mark.parametrize(
    "left, right",
    [
        ("全市今年新建高标准农", "田十二万亩"),  # 农田
        ("县医院新门诊楼正式启", "用"),  # 启用
        ("省政府新闻办今天举行新闻发布", "会"),  # 发布会
        ("本 报 讯 县 医 院 新 门 诊 楼 日 前 正 式 启", "用 ，设 置 诊 室"),  # letter-spaced text
    ],
)
def test_a_break_inside_a_word(left, right):
    assert breaks_word(left, right)


@pytest.mark.parametrize(
    "left, right",
    [
        ("全市秋粮喜获丰收", "县医院新门诊楼启用"),  # a title, then the next headline
        ("推进乡村全面振兴", "全市秋粮收获进度过九成"),  # a kicker, then its title
        ("群众出行更加方便。", "全县新修农村公路"),
        ("", "全县"),
        ("全县", ""),
    ],
)
def test_a_break_between_words(left, right):
    assert not breaks_word(left, right)
