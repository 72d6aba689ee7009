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


# --- what is at the path decides how it is written (issue 13, case 9) ---------------------------

def test_an_existing_files_mode_is_kept(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o600)
    atomic_write(target, "new")
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o600


def test_a_symlink_stays_a_symlink_and_its_target_is_replaced(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_a_device_is_written_in_place_never_replaced():
    atomic_write("/dev/null", "简报")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")


def test_dev_full_is_an_error_and_stays_a_device():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with pytest.raises(OSError) as info:
        atomic_write("/dev/full", "简报")
    assert info.value.errno == 28
    assert not os.path.isfile("/dev/full")


def test_a_fifo_with_a_reader_gets_the_text_and_without_one_fails_at_once(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError):  # nobody reads: ENXIO now, not a hang
        atomic_write(fifo, "x")
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    import time

    for _ in range(100):  # the reader opens the FIFO; a writer before it would see ENXIO
        try:
            atomic_write(fifo, "简报")
            break
        except OSError:
            time.sleep(0.05)
    reader.join(timeout=10)
    assert got == ["简报".encode()] and fifo.exists() and not fifo.is_file()


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path, "x")


def test_write_output_dash_is_stdout(capsys):
    from brief.io import write_output

    write_output("-", "简报\n")
    assert capsys.readouterr().out == "简报\n"
