"""Marks of a printed page's layout: jump lines between pages and page labels.

A story continued on another page says so in brackets (``（下转第2版）``, ``（上接第1版）``); the
page segmenter takes the jump off the text, the page's banner reader must not take it for the
page's own number, and the joiner compares the page it names with the page list.
"""

from __future__ import annotations

import re

from brief.zh.figures import chinese_number

JUMP_MARK = r"[（(]\s*(下转|上接|转|接)"
"""The opening of a jump line (``（下转``): enough to tell a banner line that holds one."""

JUMP = re.compile(JUMP_MARK + r"\s*(第?\s*[0-9A-Za-z一二三四五六七八九十]+\s*版)\s*[）)]")
"""A whole jump line: the direction (``下转``) and the page it names (``第2版``)."""

PAGE_FURNITURE = re.compile(
    r"^(?:本版)?(?:主编|责任编辑|值班编辑|责编|美编|美术编辑|编辑|校对|版式|版式设计|制图|组版|视觉)\s*[:：]"
    r"|^(?:本版)?(?:主编|责任编辑|值班编辑|责编|美编|校对|版式|组版)\s+[\u4e00-\u9fff]{2,4}"
    # A bare 编辑 is a common word: the page's editor only with 本版 before or another role after.
    r"|^本版编辑\s*[\u4e00-\u9fff]{2,4}"
    r"|^编辑\s+[\u4e00-\u9fff]{2,4}\s+(?:美编|美术编辑|组版|校对|版式|制图)"
    r"|二维码|扫码(?:阅读|看|观看|了解|收听|下载|关注)|扫一扫|长按识别|下载客户端"
    # The folio: the paper's date with its weekday (``2024年8月10日 星期六``), printed on every page.
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]"
    # The imprint: the paper's address, postcode, licence, price, printer.
    r"|^本报(?:社)?地址\s*[:：]|邮(?:政)?编(?:码)?\s*[:：]?\s*\d{6}|广告(?:经营)?许可证|^(?:零售)?定价\s*[:：]|^印刷\s*[:：]"
)
"""A page's own lines that belong to no story: who edited and laid out the page, a QR code's hint,
the folio, the imprint."""

_VIEWER_BUTTON = r"(?:上一篇|下一篇|上一版|下一版|上一期|下一期|返回目录|返回本版|返回首页|返回顶部|版面导航|标题导航|打印本页|关闭窗口|放大\s*[+＋]|缩小\s*[-－]|默认)"
VIEWER_CHROME = re.compile(
    rf"^(?:[<>«»《》\s]*{_VIEWER_BUTTON}[<>«»《》\s]*)+$(?<!^默认)"
    # an e-paper's page heading (第06版：综合新闻), the paper's name and date (经济日报 2024年1月26日)
    r"|^第\s*[0-9]{1,3}\s*版\s*[:：]\s*[\u4e00-\u9fff·]{1,8}$"
    r"|^[\u4e00-\u9fff·]{1,10}报\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
"""A line of an e-paper reader's buttons (``放大+ 缩小- 默认``, ``上一篇``, ``返回目录``), its page
heading (``第06版：综合新闻``) or the paper's name and date, copied with the articles: it belongs to no article, and it stands
between two of them."""

_OPEN_TAIL = re.compile(r"[（(][^（()）\n]{0,10}$")


def rejoin_jumps(lines: list[str]) -> list[str]:
    """Lines with a jump line that the column's end broke in two (``……事项。（`` / ``下转第 2 版）``)
    put back together: the broken-off opening goes to the line where the jump ends, so that the
    jump is read whole and the line before keeps only its text."""
    out = list(lines)
    for i in range(len(out) - 1):
        tail = _OPEN_TAIL.search(out[i].rstrip())
        if not tail:
            continue
        after = next((j for j in range(i + 1, min(i + 3, len(out))) if out[j].strip()), None)
        if after is not None and JUMP.match(tail.group(0) + out[after].strip()):
            out[i] = out[i].rstrip()[: tail.start()].rstrip()
            out[after] = tail.group(0) + out[after].strip()
    return out


PAGE_REFERENCE = re.compile(r"^第?\s*([A-Za-z]?)\s*0*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*版?$")
"""A page as a jump or a banner names it: ``第 2 版``, ``A03``, ``第十二版``."""


def page_label(where: str | None) -> str | None:
    """A page as the jumps and the page list compare it: ``第 2 版`` -> ``2``, ``a03`` -> ``A3``,
    ``第十二版`` -> ``12``; text that names no page is returned stripped (None when empty)."""
    match = PAGE_REFERENCE.match(where.strip()) if where else None
    if not match:
        return where.strip() if where and where.strip() else None
    letter, number = match[1].upper(), match[2]
    return letter + str(int(number) if number.isdigit() else chinese_number(number))


_FIGURE = r"[-+−]?\d[\d,.]*%?"
DATA_TITLE = re.compile(r"^(?:表|图表)\s*\d{0,2}\s*[：:]|^(?:表|图表?)\s*\d{0,2}\s*[：:]?\s*\d{4}\s*(?:年|—|-|－)")
"""A table's or chart's title: ``表：2024年前三季度主要经济指标``, ``图表2022—2024年外贸进出口``, ``图：2021—2024年粮食产量``."""
DATA_NOTE = re.compile(r"^(?:数据)?来源\s*[：:]|^单位\s*[：:]|^制图\s*[：:\s]\s*[\u4e00-\u9fff]{2,4}$")
"""A table's or chart's source, unit or maker: ``数据来源：省统计局``, ``单位：万吨``, ``制图：王芳``."""
DATA_ROW = re.compile(rf"^{_FIGURE}$|^[^\s，。；！？]{{1,14}}(?:\s+{_FIGURE}){{1,6}}$")
"""A table's row (a label and its figures, spaced apart) or a chart's figure on a line of its own."""
