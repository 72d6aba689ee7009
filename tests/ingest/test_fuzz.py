"""Seeded fuzzing of ingestion (the full run of 10,000+ is ``python -m benchmarks.fuzz``): generated
truncated, mixed-encoding, BOM-prefixed, NUL-laden, huge-line, deeply nested inputs end as articles
or as one line naming the file, never as a reader's crash, and through the CLI as the documented exit
code without a traceback."""

import os
import random
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import generate, outcome
from brief.config import defaults


def test_generated_inputs_are_articles_or_one_line(tmp_path):
    rng = random.Random(13)
    config = defaults()
    crashes = []
    for number in range(300):
        label, suffix, data = generate(rng)
        path = tmp_path / f"input{number}{suffix}"
        path.write_bytes(data)
        result = outcome(path, config)
        if result.startswith("CRASH"):
            crashes.append((label, result))
    assert crashes == []


PREFIXES = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{", b"[", b"<", b"%PDF-1.4\n"]


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES),
       text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
       raw=st.binary(max_size=200),
       encoding=st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"]))
def test_arbitrary_bytes_never_crash_a_reader(tmp_path, prefix, text, raw, encoding):
    path = tmp_path / "input.txt"
    path.write_bytes(prefix + text.encode(encoding, errors="replace") + raw)
    assert not outcome(path, defaults()).startswith("CRASH")


def test_the_cli_gives_the_documented_exit_code_and_no_traceback(tmp_path):
    rng = random.Random(7)
    folder = tmp_path / "news"
    folder.mkdir()
    env = {**os.environ, "PYTHONPATH": os.getcwd()}
    singles = []
    for number in range(12):
        label, suffix, data = generate(rng)
        (folder / f"{number:02d}{suffix}").write_bytes(data)
        singles.append(folder / f"{number:02d}{suffix}")
    good = folder / "good.txt"
    good.write_text("全省城镇新增就业36.54万人\n今年1—8月，全省城镇新增就业36.54万人，完成全年目标任务的81.2%。\n",
                    encoding="utf-8")
    for path in singles[:4]:
        result = subprocess.run([sys.executable, "-m", "brief", "ingest", str(path)], capture_output=True,
                                text=True, timeout=120, env=env)
        assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr
        if result.returncode == 2:
            assert result.stderr.count("\n") == 1 and str(path) in result.stderr
    result = subprocess.run([sys.executable, "-m", "brief", "daily", str(folder), "--no-history", "--backend",
                             "extractive", "--date", "2024-10-18"], capture_output=True, text=True, timeout=120,
                            env=env)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert "全省城镇新增就业36.54万人" in result.stdout
    assert all(line.startswith("brief: ") for line in result.stderr.splitlines())
