"""``brief config init [PATH]``: write the commented default configuration as a starting point.

Imported by ``brief.cli`` at start-up, so it imports nothing beyond typer until a command runs.
"""

from __future__ import annotations

from pathlib import Path

import typer

config_app = typer.Typer(help="Write or inspect the configuration (brief.toml).", no_args_is_help=True)


@config_app.command("init")
def init(
    path: Path = typer.Argument(Path("brief.toml"), help="Where to write it (default ./brief.toml)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write the commented default brief.toml (refuses to overwrite without --force)."""
    from brief.cli import user_errors

    @user_errors
    def run() -> None:
        from brief.config import default_text
        from brief.errors import BriefError
        from brief.io import atomic_write

        if path.exists() and not force:
            raise BriefError(f"{path}: already exists (use --force to overwrite)")
        try:
            atomic_write(path, default_text())
        except OSError as exc:
            raise BriefError(f"{path}: cannot write: {exc.strerror or exc}") from None
        typer.echo(f"wrote {path}", err=True)

    run()
