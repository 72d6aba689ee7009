"""The CLI contract: exit codes, one-line errors, JSON keys."""

import subprocess
import sys


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "brief", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("brief ")


def test_missing_file_is_one_line_exit_2(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run("daily", str(missing))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_empty_file_is_one_line_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("daily", str(empty))
    assert result.returncode == 2
    assert "empty.txt" in result.stderr and "empty" in result.stderr.split(":")[-1]
    assert "Traceback" not in result.stderr
