"""Atomic output: whole file or the old one, never half of the new one."""

import os

import pytest

from brief.io import atomic_write


def test_writes_text_and_creates_parents(tmp_path):
    target = tmp_path / "out" / "brief.md"
    atomic_write(target, "# 每日要闻简报\n")
    assert target.read_text(encoding="utf-8") == "# 每日要闻简报\n"
    assert [p.name for p in target.parent.iterdir()] == ["brief.md"]


def test_mode_follows_the_umask_not_mkstemp(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "brief.md", "x")
    finally:
        os.umask(old)
    assert (tmp_path / "brief.md").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "brief.md"
    target.write_text("old", encoding="utf-8")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]
