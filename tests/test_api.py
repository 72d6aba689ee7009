"""The library API as the README shows it."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_snippet_runs(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [snippet] = [block for block in re.findall(r"```python\n(.*?)```", readme, flags=re.S)
                 if "build_brief" in block]
    page = tmp_path / "page.txt"
    page.write_text((ROOT / "examples" / "page-front.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code = "import brief.pipeline\n" + snippet  # the pipeline imports the render module first
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# ") and "要点速览" in done.stdout


def test_lazy_names_are_the_functions_after_their_modules_load():
    import brief
    import brief.pipeline  # noqa: F401  (loads brief.deliver.rendering)
    from brief import build_brief, render

    assert callable(render) and callable(build_brief) and render.__module__ == "brief.deliver.rendering"
