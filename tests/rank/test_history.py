"""Memory across days: a story already briefed is dropped, or kept as 持续关注 with new facts."""

import json
import os
import subprocess
import sys
from pathlib import Path

from brief.config import defaults
from brief.rank.history import History, entities, figures, history_path
from brief.pipeline import build_brief
from brief.rank import FOLLOW_UP, rank

sys.path.insert(0, str(Path(__file__).parent))  # the stories written for the rank tests
from rank_stories import BRIDGE_A, BRIDGE_B, BRIDGE_NEXT, CENTRAL, HARVEST  # noqa: E402


def test_record_is_idempotent_and_only_earlier_days_count(tmp_path):
    with History(tmp_path / "h.sqlite3") as store:
        store.record("2024-10-17", [BRIDGE_A, HARVEST])
        store.record("2024-10-17", [BRIDGE_A, HARVEST])  # a re-run of the same morning
        assert store.earlier("2024-10-17", 7) == []
        rows = store.earlier("2024-10-18", 7)
        assert sorted(r.title for r in rows) == sorted([BRIDGE_A.title, HARVEST.title])
        assert "18.6亿元" in next(r for r in rows if r.title == BRIDGE_A.title).figures
        store.record("2024-10-17", [HARVEST])  # the re-run replaces the day, it does not add
        assert [r.title for r in store.earlier("2024-10-18", 7)] == [HARVEST.title]
        assert store.earlier("2024-10-30", 7) == []  # beyond the window


def test_story_briefed_yesterday_is_dropped_unless_it_brings_new_facts(tmp_path):
    config = defaults()
    with History(tmp_path / "h.sqlite3") as store:
        store.record("2024-10-17", [BRIDGE_A, HARVEST])
        items = rank([BRIDGE_B, CENTRAL], config=config, date="2024-10-18", history=store)
        assert [i.article.title for i in items] == [CENTRAL.title]  # the retelling adds nothing
        assert rank([BRIDGE_B], config=config, date="2024-10-18", history=store) == []
        items = rank([BRIDGE_NEXT, CENTRAL], config=config, date="2024-10-18", history=store)
        follow = next(i for i in items if i.article.title == BRIDGE_NEXT.title)
        assert follow.status == FOLLOW_UP and "有新进展" in follow.reasons
        assert next(i for i in items if i.article.title == CENTRAL.title).status is None


def test_same_date_rerun_drops_nothing(tmp_path):
    with History(tmp_path / "h.sqlite3") as store:
        store.record("2024-10-17", [BRIDGE_A, HARVEST])
        items = rank([BRIDGE_A, HARVEST], config=defaults(), date="2024-10-17", history=store)
        assert len(items) == 2 and all(i.status is None for i in items)


def test_new_facts_are_new_figures_and_names():
    assert "4.3万辆" in figures(BRIDGE_NEXT.body) - figures(BRIDGE_A.body)
    assert figures(BRIDGE_B.body) <= figures(BRIDGE_A.body)
    assert entities("中共中央印发《关于进一步做好就业工作的意见》") == {"《关于进一步做好就业工作的意见》"}


def test_history_path_from_config_or_data_home(tmp_path, monkeypatch):
    config = defaults()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert history_path(config) == tmp_path / "brief" / "history.sqlite3"
    config["rank"]["history"] = str(tmp_path / "elsewhere.db")
    assert history_path(config) == tmp_path / "elsewhere.db"


def _day_file(tmp_path, name, stories):
    path = tmp_path / name
    path.write_text(json.dumps([{"title": a.title, "body": a.body, "source": a.source} for a in stories],
                               ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_build_brief_remembers_across_days(tmp_path):
    config = defaults()
    config["rank"]["history"] = str(tmp_path / "h.sqlite3")
    config["summarize"]["backend"] = "extractive"
    monday = _day_file(tmp_path, "mon.json", [BRIDGE_A, HARVEST])
    tuesday = _day_file(tmp_path, "tue.json", [BRIDGE_B, CENTRAL])
    first = build_brief([monday], date="2024-10-17", config=config)
    again = build_brief([monday], date="2024-10-17", config=config)
    assert len(first.brief.items) == len(again.brief.items) == 2
    second = build_brief([tuesday], date="2024-10-18", config=config)
    assert [i.article.title for i in second.brief.items] == [CENTRAL.title]
    assert "left out 1 already-briefed stories with nothing new (--no-history keeps them)" in second.notices
    off = build_brief([tuesday], date="2024-10-18", config=config, history=False).brief.items
    assert len(off) == 2


def test_cli_no_history_writes_no_store(tmp_path):
    day = _day_file(tmp_path, "day.json", [BRIDGE_A, HARVEST])
    env_home = tmp_path / "home"
    env = {**os.environ, "XDG_DATA_HOME": str(env_home)}
    args = [sys.executable, "-m", "brief", "daily", day, "--date", "2024-10-17", "--backend", "extractive"]
    result = subprocess.run([*args, "--no-history", "--reasons"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "排序依据" in result.stdout
    assert not (env_home / "brief" / "history.sqlite3").exists()
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (env_home / "brief" / "history.sqlite3").exists()


def test_unreadable_store_costs_the_memory_not_the_brief(tmp_path):
    broken = tmp_path / "h.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    config = defaults()
    config["rank"]["history"] = str(broken)
    config["summarize"]["backend"] = "extractive"
    result = build_brief([_day_file(tmp_path, "day.json", [HARVEST])], date="2024-10-17", config=config)
    assert len(result.brief.items) == 1
    assert any("h.sqlite3" in n and "without history" in n for n in result.notices)
