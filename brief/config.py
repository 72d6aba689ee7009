"""Configuration: packaged defaults (``defaults.toml``), a user TOML file, environment overrides."""

from __future__ import annotations

import copy
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from brief.errors import ConfigError

ENV_PREFIX = "BRIEF_"
USER_FILE = "brief.toml"


def default_text() -> str:
    """The commented default config, as shipped."""
    return resources.files("brief").joinpath("defaults.toml").read_text(encoding="utf-8")


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def _coerce(raw: str, like: Any) -> Any:
    """Environment values are strings: give them the type of the default they replace."""
    if isinstance(like, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(raw)
    if isinstance(like, float):
        return float(raw)
    if isinstance(like, list):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def _apply_env(config: dict[str, Any], environ: dict[str, str]) -> None:
    for name, raw in environ.items():
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        path = name[len(ENV_PREFIX):].lower().split("__")
        node = config
        for part in path[:-1]:
            node = node.setdefault(part, {})
        try:
            node[path[-1]] = _coerce(raw, node.get(path[-1], ""))
        except ValueError as exc:
            raise ConfigError(f"environment {name}: {exc}") from None


def load_config(path: str | Path | None = None, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """Defaults, then ``path`` (or ./brief.toml when present), then BRIEF_* environment variables."""
    config = tomllib.loads(default_text())
    if path is None and Path(USER_FILE).is_file():
        path = USER_FILE
    if path is not None:
        try:
            user = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: config file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        _merge(config, user)
    _apply_env(config, dict(os.environ if environ is None else environ))
    return config


def defaults() -> dict[str, Any]:
    """The packaged defaults alone (no user file, no environment): for tests and library callers."""
    return copy.deepcopy(tomllib.loads(default_text()))


def cache_dir(config: dict[str, Any]) -> Path:
    configured = config.get("summarize", {}).get("cache_dir") or ""
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "brief"
