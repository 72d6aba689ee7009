"""Sentences, clauses and cuts on Chinese news text written for these tests."""

from brief.zh import clauses, ends_sentence, fit, split_sentences


def test_split_keeps_decimals_and_percentages_whole():
    text = "今年前三季度全市粮食播种面积10714.9亩，同比增长1.85%。秋粮收购进展顺利！下一步怎么办？"
    assert split_sentences(text) == [
        "今年前三季度全市粮食播种面积10714.9亩，同比增长1.85%。",
        "秋粮收购进展顺利！",
        "下一步怎么办？",
    ]


def test_split_at_semicolon_ellipsis_and_line_break():
    text = "一是稳就业；二是保民生……\n三是促发展"
    assert split_sentences(text) == ["一是稳就业；", "二是保民生……", "三是促发展"]


def test_quote_with_its_own_full_stops_is_one_sentence():
    text = "厅长在会上说：“就业形势总体稳定。下一步还要加力。”与会代表表示认同。"
    assert split_sentences(text) == [
        "厅长在会上说：“就业形势总体稳定。下一步还要加力。”",
        "与会代表表示认同。",
    ]


def test_the_speaker_after_a_quote_stays_with_it():
    text = "“现在机器三天就能收完。”种粮大户李建国说。全省秋收进度过半。"
    assert split_sentences(text) == ["“现在机器三天就能收完。”种粮大户李建国说。", "全省秋收进度过半。"]


def test_closing_quote_and_bracket_stay_with_their_sentence():
    text = "他称这是“关键一步。”会议通过了方案（详见附件。）随后闭幕。"
    assert split_sentences(text) == ["他称这是“关键一步。”", "会议通过了方案（详见附件。）", "随后闭幕。"]


def test_unbalanced_quote_does_not_swallow_the_line():
    text = "标题写着“春耕忙。农民说今年雨水足。会议随后闭幕。"
    assert split_sentences(text) == ["标题写着“春耕忙。", "农民说今年雨水足。", "会议随后闭幕。"]


def test_punctuation_only_pieces_are_dropped():
    assert split_sentences("。。\n……\n新的一天开始了。") == ["新的一天开始了。"]


def test_clauses_respect_quotes_and_lists():
    sentence = "他说：“好，很好。”会议强调，要稳就业、保民生，促发展。"
    assert clauses(sentence) == ["他说：", "“好，很好。”会议强调，", "要稳就业、保民生，", "促发展。"]
    assert clauses("要稳就业、保民生", lists=True) == ["要稳就业、", "保民生"]


def test_fit_cuts_at_clause_boundaries_and_never_mid_number():
    sentence = "全省城镇新增就业36.54万人，同比增长1.85%，较上年同期有所提高。"
    assert fit(sentence, 20) == "全省城镇新增就业36.54万人"
    assert fit(sentence, 100) == sentence
    no_commas = "全省城镇新增就业人数同比增长1.85%较上年同期有所提高"
    cut = fit(no_commas, 16)
    assert len(cut) <= 16 and no_commas.startswith(cut)
    assert not cut.endswith(("1", "1.", "1.8", "1.85"))


def test_fit_does_not_cut_a_range_in_half():
    sentence = "规划纲要（2024—2028年）明确了今后五年的目标任务和工作举措"
    cut = fit(sentence, 10)
    assert not cut.endswith("2024")


def test_fit_prefers_a_cut_before_a_function_word_to_a_fragment():
    sentence = "国家主席在人民大会堂同来华进行国事访问的外国元首举行会谈。"
    assert fit(sentence, 24) == "国家主席在人民大会堂同来华进行国事访问"


def test_a_hard_cut_ends_on_a_whole_word_where_one_is_near():
    # no clause break, no function word in reach: the cut backs off ``正式`` rather than keep ``正``
    sentence = "《全省秸秆综合利用年度发展报告》2024版蓝皮书正式发布"
    assert fit(sentence, 25) == "《全省秸秆综合利用年度发展报告》2024版蓝皮书"


def test_a_line_ends_a_paragraph_only_at_a_full_width_mark():
    assert ends_sentence("他说：“这个政策真好。”")
    assert ends_sentence("下降0.94%。")
    assert ends_sentence("详见【附件】。】")  # a tag's bracket after the stop
    assert not ends_sentence("全市新增就业岗位2.3万个，完成")
    assert not ends_sentence("晋城社区文化服务“四送”")


def test_ascii_marks_split_sentences_but_do_not_end_a_paragraph():
    # SENTENCE_END vs PARAGRAPH_END: a model's "!" cuts a sentence; a page line ending in
    # "?" is wrapped Latin text and flows on.
    assert split_sentences("增长明显!同比上升") == ["增长明显!", "同比上升"]
    assert not ends_sentence("访问 www.example.com/a?")
    assert ends_sentence("增长明显！")


def test_a_clause_never_ends_inside_a_number():
    assert clauses("全市共有12,500名志愿者参加，覆盖全部社区") == ["全市共有12,500名志愿者参加，", "覆盖全部社区"]
    assert clauses("会议于10:30召开，历时两小时") == ["会议于10:30召开，", "历时两小时"]
    assert clauses("议程如下：一是部署") == ["议程如下：", "一是部署"]
    assert clauses("以总比分3:2晋级，网址http://a.cn") == ["以总比分3:2晋级，", "网址http://a.cn"]
    assert fit("全市共有12,500名志愿者参加了本次活动，覆盖全部社区和街道", 20) != "全市共有12"
