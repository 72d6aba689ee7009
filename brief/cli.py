"""The command line: a thin typer layer over the library API.

Only typer is imported at start-up so that ``brief --help`` answers at once; each command imports
the stages it needs. Errors the user can act on print one line and exit non-zero, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer

from brief import __version__
from brief.errors import EXIT_BAD_INPUT, EXIT_PARTIAL, BriefError

app = typer.Typer(
    name="brief",
    help="Turn a day's Chinese news into a ranked, faithful morning briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    """Print, or write atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from brief.io import atomic_write

    try:
        atomic_write(output, text)
    except OSError as exc:
        raise BriefError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _load_config(config_path: Optional[Path]):
    from brief.config import load_config

    return load_config(config_path)


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


ConfigOpt = typer.Option(None, "--config", help="A brief.toml (default: ./brief.toml if present).")
StrictOpt = typer.Option(False, "--strict", help="Stop at the first bad input (exit 2).")


def _report_errors(errors) -> None:
    for error in errors:
        warn(str(error))


@app.command()
@user_errors
def ingest(
    files: List[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of articles."),
    strict: bool = StrictOpt,
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Read and segment inputs into articles."""
    from brief.ingest import read_inputs

    result = read_inputs(files, strict=strict, config=_load_config(config_path))
    if not result.articles and len(result.errors) == 1:
        raise result.errors[0]  # one bad input and nothing else: its own line, exit 2
    _report_errors(result.errors)
    if not result.articles:
        raise BriefError("no articles found in " + ", ".join(files))
    if as_json:
        keys = ("kind", "title", "kicker", "subtitle", "reporters", "dateline", "body",
                "continued_to", "continued_from", "page", "source", "date", "url")
        rows = [{k: a.to_dict()[k] for k in keys} for a in result.articles]
        emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
    else:
        for article in result.articles:
            label = "[图片说明] " if article.kind == "caption" else ""
            typer.echo(f"{label}{article.title or '(无标题)'}  ({len(article.body)} 字)")
    if result.errors:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
@user_errors
def summarize(
    file: str = typer.Argument(..., help="A file, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of summaries."),
    backend: Optional[str] = typer.Option(None, "--backend", help="extractive, llm, seq2seq or auto."),
    kind: str = typer.Option("summary", "--kind", help="summary (2-3 sentences) or headline (one line)."),
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Summarize every article of one input."""
    from brief.ingest import read_inputs
    from brief.summarize import resolve_backend

    if kind not in ("summary", "headline"):
        raise BriefError(f"--kind {kind!r}: expected summary or headline")
    config = _load_config(config_path)
    articles = [a for a in read_inputs([file], strict=True, config=config).articles
                if a.kind == "article"]
    summarizer, notice = resolve_backend(backend, config)
    if notice:
        warn(notice)
    summaries = summarizer.summarize(articles, kind=kind)
    if as_json:
        rows = [{"title": a.title, "summary": s.text, "method": s.method, "guard": s.guard,
                 "evidence": [e.__dict__ for e in s.evidence]} for a, s in zip(articles, summaries)]
        emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
    else:
        for article, summary in zip(articles, summaries):
            if len(articles) > 1:
                typer.echo(f"【{article.title or '无标题'}】")
            typer.echo(summary.text)


@app.command()
@user_errors
def daily(
    files: List[str] = typer.Argument(..., help="Pages, articles, directories, or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Date of the brief, YYYY-MM-DD (default today)."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="How many items to keep."),
    fmt: str = typer.Option("md", "--format", help="md, json, html, txt or docx (needs -o)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (atomically)."),
    english: bool = typer.Option(False, "--english", help="Add English under each item."),
    email: bool = typer.Option(False, "--email", help="Mail the brief (SMTP settings in brief.toml)."),
    eml: Optional[Path] = typer.Option(None, "--eml", help="Write the mail to this .eml file instead."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be mailed; send nothing."),
    force: bool = typer.Option(False, "--force", help="Mail again even if the ledger says sent."),
    log_json: bool = typer.Option(False, "--log-json", help="Log to stderr as JSON lines."),
    backend: Optional[str] = typer.Option(None, "--backend", help="extractive, llm, seq2seq or auto."),
    strict: bool = StrictOpt,
    no_history: bool = typer.Option(False, "--no-history", help="Ignore and keep no record of earlier briefs."),
    reasons: bool = typer.Option(False, "--reasons", help="Show why each item ranks where it does."),
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Make the day's brief from all inputs."""
    from brief.logs import setup_logging
    from brief.pipeline import build_brief
    from brief.publish import publish
    from brief.render import FORMATS

    setup_logging(as_json=log_json)
    if fmt not in FORMATS:
        raise BriefError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    config = _load_config(config_path)
    if reasons:
        config["render"]["show_reasons"] = True
    result = build_brief(files, date=date, top=top, backend=backend, strict=strict, config=config,
                         history=not no_history)
    _report_errors(result.errors)
    for notice in result.notices:
        warn(notice)
    code = publish(result.brief, config, fmt=fmt, output=output, english=english, email=email,
                   eml=eml, dry_run=dry_run, force=force)
    if result.errors:
        code = max(code, EXIT_PARTIAL)
    if code:
        raise typer.Exit(code)


@app.command("eval")
@user_errors
def eval_command(
    data: Path = typer.Argument(..., help="Pairs as .jsonl or .jsonl.gz: article|text|body and summary|title."),
    backend: Optional[str] = typer.Option(None, "--backend", help="extractive, llm, seq2seq or auto."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N pairs."),
    kind: str = typer.Option("headline", "--kind", help="headline (one line) or summary (2-3 sentences)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Score a summarizer against reference summaries (ROUGE on characters)."""
    from brief.evaluate import evaluate, load_pairs
    from brief.summarize import resolve_backend

    if kind not in ("summary", "headline"):
        raise BriefError(f"--kind {kind!r}: expected headline or summary")
    config = _load_config(config_path)
    pairs = load_pairs(data)
    summarizer, notice = resolve_backend(backend, config)
    if notice:
        warn(notice)
    result = evaluate(pairs, summarizer, kind=kind, limit=limit)
    if as_json:
        emit(json.dumps(result.to_dict(), ensure_ascii=False) + "\n", None)
        return
    typer.echo(f"{summarizer.name}, {kind}, {result.n} pairs from {data} (ROUGE F1 x 100 on characters)")
    rows = [("ROUGE-1", f"{result.rouge1:.1f}"), ("ROUGE-2", f"{result.rouge2:.1f}"),
            ("ROUGE-L", f"{result.rougeL:.1f}"), ("figures supported", f"{result.numbers_supported:.0%}"),
            ("mean length", f"{result.mean_len:.1f}"), ("seconds per item", f"{result.sec_per_item:.4f}")]
    for label, value in rows:
        typer.echo(f"  {label:<18} {value:>8}")


from brief.models_cli import models_app  # noqa: E402  (typer only: keeps start-up instant)

app.add_typer(models_app, name="models")

from brief.config_cli import config_app  # noqa: E402  (typer only)

app.add_typer(config_app, name="config")


def main() -> None:
    app()
