"""The feature weights: the shipped ``weights.toml``, then ``[rank.weights]`` from the config."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

from brief.errors import ConfigError


def shipped() -> dict[str, dict[str, float]]:
    """``{"set": ..., "learned": ...}`` as shipped: hand-set weights and learned ones."""
    text = resources.files("brief.rank").joinpath("weights.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_weights(config: dict[str, Any]) -> dict[str, float]:
    """Shipped weights (hand-set, then learned), overridden by the config's ``[rank.weights]``."""
    table = shipped()
    weights = {**table.get("set", {}), **table.get("learned", {})}
    for name, value in (config.get("rank", {}).get("weights") or {}).items():
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"[rank.weights] {name} = {value!r}: expected a number")
        weights[name] = float(value)
    return weights
