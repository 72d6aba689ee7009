"""Two and four ``brief daily`` runs at once on one HOME (cron overlapping a manual run), and a
corrupted history store: every run makes its brief, the store stays whole, the user is told."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest

TEXTS = [
    ("全市新增城镇就业2.3万人", "1—9月，全市新增城镇就业2.3万人，完成全年目标的92.5%。重点群体就业保持稳定。"),
    ("老旧小区改造惠及4120户", "今年改造老旧小区37个，惠及居民4120户，完成投资1.86亿元。工程将于年底前完工。"),
    ("秋粮收购全面启动", "全市秋粮收购于10月8日启动，预计收购玉米15万吨，收购网点覆盖所有乡镇。"),
    ("新开通三条公交线路", "本月二十日起市区新开通三条公交线路，全程共设站点42个，方便城东新区居民出行。"),
]
STORIES = [{"title": t, "text": body, "source": "太行日报", "page": str(n)} for n, (t, body) in enumerate(TEXTS, 1)]


def start(day, home, date):
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PYTHONPATH=os.getcwd())
    return subprocess.Popen([sys.executable, "-m", "brief", "daily", str(day), "--date", date, "--backend",
                             "extractive", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


@pytest.mark.parametrize("runs", [2, 4])
def test_concurrent_runs_share_one_history(tmp_path, runs):
    day = tmp_path / "day.json"
    day.write_text(json.dumps(STORIES, ensure_ascii=False), encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    processes = [start(day, home, "2024-10-18") for _ in range(runs)]
    results = [(p.wait(timeout=300), *p.communicate()) for p in processes]
    for code, out, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    titles = {tuple(item["title"] for item in json.loads(out)["items"]) for _, out, _ in results}
    assert len(titles) == 1 and len(next(iter(titles))) == len(STORIES)
    store = home / ".local" / "share" / "brief" / "history.sqlite3"
    with sqlite3.connect(store) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT date, COUNT(*) FROM briefed GROUP BY date").fetchall()
    assert rows == [("2024-10-18", len(STORIES))]
    # The next day, every story is already briefed: each run says so, none makes an empty brief.
    later = [start(day, home, "2024-10-19") for _ in range(runs)]
    for process in later:
        assert process.wait(timeout=300) == 4, process.communicate()[1]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "page"])
def test_a_corrupted_history_costs_the_memory_not_the_brief(tmp_path, damage):
    day = tmp_path / "day.json"
    day.write_text(json.dumps(STORIES, ensure_ascii=False), encoding="utf-8")
    home = tmp_path / "home"
    store = home / ".local" / "share" / "brief" / "history.sqlite3"
    process = start(day, home, "2024-10-17")
    assert process.wait(timeout=300) == 0
    data = store.read_bytes()
    damaged = {"garbage": b"not a database at all" * 200, "truncated": data[: len(data) // 2],
               "page": data[:4096] + bytes(range(256)) * 16 + data[8192:]}
    store.write_bytes(damaged[damage])
    process = start(day, home, "2024-10-18")
    code = process.wait(timeout=300)
    out, err = process.communicate()
    assert code == 0, err
    assert len(json.loads(out)["items"]) == len(STORIES)
    assert "history.sqlite3" in err and "without history" in err and "Traceback" not in err
