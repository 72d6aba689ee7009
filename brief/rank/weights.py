"""The feature weights: the shipped ``weights.toml``, then ``[rank.weights]`` from the config."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def shipped() -> dict[str, dict[str, float]]:
    """``{"set": ..., "learned": ...}`` as shipped: hand-set weights and learned ones."""
    text = resources.files("brief.rank").joinpath("weights.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def load_weights(config: dict[str, Any]) -> dict[str, float]:
    """Shipped weights (hand-set, then learned), overridden by the config's ``[rank.weights]``
    (names and numbers checked when the config was loaded)."""
    table = shipped()
    return {**table["set"], **table["learned"], **config["rank"]["weights"]}
