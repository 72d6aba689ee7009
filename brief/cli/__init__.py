"""The command line: a thin typer layer over the library API.

Only typer is imported at start-up so that ``brief --help`` answers at once; each command imports
the stages it needs. Errors the user can act on print one line and exit non-zero, never a traceback
(``brief.cli.common``). One module per command group: ``commands`` (ingest, summarize, daily, eval),
``config``, ``models``, ``outbox``.
"""

from __future__ import annotations

import typer

from brief import __version__
from brief.cli import commands
from brief.cli.common import new_app
from brief.cli.config import config_app
from brief.cli.models import models_app
from brief.cli.outbox import outbox_app

app = new_app(name="brief", help="Turn a day's Chinese news into a ranked, faithful morning briefing.")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"brief {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Turn a day's Chinese news into a ranked, faithful morning briefing."""


for command in (commands.ingest, commands.summarize, commands.daily):
    app.command()(command)
app.command("eval")(commands.eval_command)
app.add_typer(models_app, name="models")
app.add_typer(config_app, name="config")
app.add_typer(outbox_app, name="outbox")


def main() -> None:
    app()
