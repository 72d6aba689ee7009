"""``brief config init|show|check``: start a brief.toml, see the merged configuration, check a file.

Imported by ``brief.cli`` at start-up, so it imports nothing heavy until a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from brief.cli.common import new_app, user_errors

config_app = new_app(help="Write, show or check the configuration (brief.toml).")


@config_app.command("init")
@user_errors
def init(
    path: Path = typer.Argument(Path("brief.toml"), help="Where to write it (default ./brief.toml)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write the commented default brief.toml (refuses to overwrite without --force)."""
    from brief.config import default_text
    from brief.errors import BriefError
    from brief.io import write_output

    if path.exists() and not force:
        raise BriefError(f"{path}: already exists (use --force to overwrite)")
    write_output(path, default_text())
    typer.echo(f"wrote {path}", err=True)


@config_app.command("show")
@user_errors
def show(
    config_path: Optional[Path] = typer.Option(None, "--config", help="A brief.toml instead of the one found."),
) -> None:
    """Print the merged configuration, each value commented with where it came from."""
    from brief.config import find_user_file, load_config, to_toml

    config = load_config(config_path)
    used = config_path or find_user_file()[0]
    typer.echo(f"# brief config: defaults, {used or 'no user file'}, BRIEF_SECTION__KEY variables\n")
    typer.echo(to_toml(config), nl=False)


@config_app.command("check")
@user_errors
def check(path: Path = typer.Argument(..., help="The brief.toml to check.")) -> None:
    """Check a brief.toml without running anything: exit 0 and "ok", or one line and exit 2."""
    from brief.config import check_file

    check_file(path)
    typer.echo(f"{path}: ok")

