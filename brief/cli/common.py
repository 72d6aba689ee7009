"""What every command shares: one-line errors and warnings, output, logging levels, options, choices.

Imports only typer and light brief modules (no stage's libraries) so that ``brief --help`` answers at once.
"""

from __future__ import annotations

import enum
import functools
import logging
import sys
import typing
from pathlib import Path
from typing import Callable, Optional

import typer

from brief.deliver.rendering import FORMATS
from brief.errors import EXIT_BAD_INPUT, EXIT_PARTIAL, BriefError
from brief.registry import SUMMARIZERS
from brief.summarize import Kind as SummaryKind


def new_app(**settings) -> typer.Typer:
    """A typer app (the top level or a command group) with brief's plain help and ``-h``."""
    return typer.Typer(
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain click help and errors: choices listed, no boxes in cron logs
        context_settings={"help_option_names": ["-h", "--help"]},
        **settings,
    )


# Choices are checked by click before anything runs, and listed in --help; each comes from the
# place that defines it (the renderers, the summarizer registry, the summary kinds).
Format = enum.Enum("Format", {name: name for name in FORMATS}, type=str)
Backend = enum.Enum("Backend", {name: name for name in ("auto", *SUMMARIZERS)}, type=str)
Kind = enum.Enum("Kind", {name: name for name in typing.get_args(SummaryKind)}, type=str)


# -o brief.docx / brief.html: the format from the extension when --format is not given.
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".txt": "txt",
              ".json": "json", ".docx": "docx"}


def _logger():
    """The ``brief`` logger once a command has set up logging (``--log-json``), else None."""
    import logging

    logger = logging.getLogger("brief")
    return logger if logger.handlers else None


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    if _logger():
        _logger().error(message)
    else:
        typer.echo(f"brief: {message}", err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    if _logger():
        _logger().warning(message)
    else:
        typer.echo(f"brief: warning: {message}", err=True)


def user_errors(command: Callable) -> Callable:
    """Turn BriefError (and an interrupted pipe) into one line on stderr and its exit code."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefError as exc:
            fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(EXIT_PARTIAL)
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper


def emit(text: str, output: Optional[Path]) -> None:
    """Print, or write to ``output`` (``-`` is stdout) by the rules of ``brief.io``."""
    from brief.io import write_output

    write_output(output, text)


def config_from(config_path: Optional[Path]):
    from brief.config import load_config

    return load_config(config_path)


_verbose = False


def set_verbosity(quiet: bool, verbose: bool, log_json: bool = False) -> None:
    """Info and warnings by default; -q only errors; -v also progress (even off a terminal) and detail."""
    global _verbose
    from brief.logs import setup_logging

    if quiet and verbose:
        raise BriefError("-q and -v: choose one")
    _verbose = verbose
    setup_logging(as_json=log_json, level=logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)


def first_time(notice: str) -> bool:
    """Whether a standing notice is new on this machine (a marker under the state directory), or -v."""
    import hashlib
    import os

    if _verbose:
        return True
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    marker = Path(base) / "brief" / "notices" / hashlib.sha256(notice.encode()).hexdigest()[:16]
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        with open(marker, "x", encoding="utf-8") as handle:
            handle.write(notice + "\n")
    except FileExistsError:
        return False
    except OSError:
        return True  # cannot remember: say it every time rather than never
    return True


ConfigOpt = typer.Option(None, "--config", help="A brief.toml (default: $BRIEF_CONFIG, ./brief.toml, "
                         "or $XDG_CONFIG_HOME/brief/brief.toml).")
StrictOpt = typer.Option(False, "--strict", help="Stop at the first bad input (exit 2).")
QuietOpt = typer.Option(False, "-q", "--quiet", help="Print only errors on stderr.")
VerboseOpt = typer.Option(False, "-v", "--verbose", help="Also print progress and what each stage did.")
BackendOpt = typer.Option(None, "--backend", help="Summarizer; only auto falls back (default: brief.toml).")


def report_errors(errors) -> None:
    for error in errors:
        warn(str(error))


def notify(notices, standing: Optional[str] = None) -> None:
    """Warn each notice; ``standing`` (auto's fallback to extractive, true every run) only once, or with -v."""
    for notice in notices:
        if notice != standing or first_time(notice):
            warn(notice)


