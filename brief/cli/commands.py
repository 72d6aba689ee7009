"""The top-level commands: ``ingest``, ``summarize``, ``daily`` and ``eval``.

Each imports the stages it needs when it runs, so that ``brief --help`` answers at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from brief.cli.common import (
    EXTENSIONS,
    Backend,
    BackendOpt,
    ConfigOpt,
    Format,
    Kind,
    QuietOpt,
    StrictOpt,
    VerboseOpt,
    config_from,
    emit,
    notify,
    report_errors,
    set_verbosity,
    user_errors,
)
from brief.errors import EXIT_PARTIAL, BriefError


def _check_output(output: Optional[Path], files: List[str]) -> None:
    """Refuse ``-o`` onto one of the inputs, or into an input directory (tomorrow's run would read it)."""
    from brief.io import STDOUT, same_file

    if output is None or str(output) == STDOUT or str(output).startswith("/dev/"):
        return
    target = output.resolve()
    for source in files:
        if source == "-":
            continue
        path = Path(source)
        if same_file(path, output):
            raise BriefError(f"{output}: is one of the inputs; refusing to overwrite it")
        if path.is_dir() and target.is_relative_to(path.resolve()):
            raise BriefError(f"{output}: is inside the input directory {source} (the next run would read "
                             "the brief as news); write it elsewhere")


def _format_for(fmt: Optional[Format], output: Optional[Path]) -> str:
    if fmt is not None:
        return fmt.value
    if output is not None and output.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[output.suffix.lower()]
    return "md"


def _check_backend(backend: Optional[str], config) -> None:
    """An explicit --backend that cannot run here is an error (exit 2); only auto falls back."""
    from brief.errors import ModelError

    name = backend or config["summarize"]["backend"]
    asked = f"--backend {name}" if backend else f"summarize.backend = {name}"
    if name == "llm":
        from brief.llm.runtime import llm_available

        reason = llm_available(config)
        if reason:
            raise ModelError(f"{asked} cannot run: {reason} (auto falls back to extractive)")
    elif name not in ("auto", "extractive"):
        from brief.summarize import get_summarizer

        try:
            get_summarizer(name, config)  # checks its settings; the model itself loads on first use
        except ModelError as exc:
            raise ModelError(f"{asked} cannot run: {exc}") from None


@user_errors
def ingest(
    files: List[str] = typer.Argument(..., help="Files, directories, or - for stdin."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of articles."),
    strict: bool = StrictOpt,
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Read and segment inputs into articles."""
    from brief.ingest import read_inputs

    set_verbosity(quiet, verbose)
    result = read_inputs(files, strict=strict, config=config_from(config_path))
    if not result.articles and len(result.errors) == 1:
        raise result.errors[0]  # one bad input and nothing else: its own line, exit 2
    report_errors(result.errors)
    notify(result.warnings)
    if not result.articles:
        raise BriefError("no articles found in " + ", ".join(files))
    if as_json:
        keys = ("kind", "title", "kicker", "subtitle", "reporters", "dateline", "body",
                "continued_to", "continued_from", "missing_parts", "page", "source", "date", "url")
        rows = [{k: a.to_dict()[k] for k in keys} for a in result.articles]
        emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
    else:
        from brief.zh import strip_controls

        for article in result.articles:
            label = "[图片说明] " if article.kind == "caption" else ""
            typer.echo(strip_controls(f"{label}{article.title or '(无标题)'}  ({len(article.body)} 字)"))
    if result.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _summarizer(backend: Optional[Backend], config):
    """The summarizer asked for, an explicit one that cannot run being an error; auto's notice said once."""
    from brief.summarize import resolve_backend

    name = backend.value if backend else None
    _check_backend(name, config)
    summarizer, notice = resolve_backend(name, config)
    if notice:
        notify([notice], standing=notice)
    return summarizer


@user_errors
def summarize(
    file: str = typer.Argument(..., help="A file, or - for stdin (pasted text needs no title line)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON array of summaries."),
    backend: Optional[Backend] = BackendOpt,
    kind: Kind = typer.Option(Kind.summary, "--kind", help="summary (2-3 sentences) or headline (one line)."),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Summarize every article of one input."""
    from brief.zh import strip_controls
    from brief.ingest import read_inputs

    set_verbosity(quiet, verbose)
    config = config_from(config_path)
    articles = [a for a in read_inputs([file], strict=True, config=config).articles
                if a.kind == "article"]
    summarizer = _summarizer(backend, config)
    summaries = summarizer.summarize(articles, kind=kind.value)
    if as_json:
        rows = [{"title": a.title, "summary": s.text, "method": s.method, "guard": s.guard,
                 "evidence": [e.__dict__ for e in s.evidence]} for a, s in zip(articles, summaries)]
        emit(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", None)
    else:
        for article, summary in zip(articles, summaries):
            if len(articles) > 1:
                typer.echo(strip_controls(f"【{article.title or '无标题'}】"))
            typer.echo(strip_controls(summary.text))


@user_errors
def daily(
    files: List[str] = typer.Argument(..., help="Pages, articles, directories, or - for stdin."),
    date: Optional[str] = typer.Option(None, "--date", help="Date of the brief, YYYY-MM-DD (default: the "
                                       "inputs' date when they agree, else today)."),
    top: Optional[int] = typer.Option(None, "--top", min=1, help="How many items to keep."),
    fmt: Optional[Format] = typer.Option(None, "--format", help="Output format (default: from -o's "
                                         "extension, else md); docx needs -o."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here (atomically; - is stdout)."),
    english: bool = typer.Option(False, "--english", help="Add English under each item."),
    email: bool = typer.Option(False, "--email", help="Mail the brief, once per recipient ([mail] in brief.toml)."),
    eml: Optional[Path] = typer.Option(None, "--eml", help="Write the mail to this file instead of sending it."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check the mail settings and show what would be sent."),
    connect: bool = typer.Option(False, "--connect", help="With --dry-run: also connect, EHLO, log in, QUIT."),
    force: bool = typer.Option(False, "--force", help="Also mail those whose delivery is unknown (see README)."),
    log_json: bool = typer.Option(False, "--log-json", help="Log to stderr as JSON lines."),
    backend: Optional[Backend] = BackendOpt,
    strict: bool = StrictOpt,
    no_history: bool = typer.Option(False, "--no-history", help="Ignore and keep no record of earlier briefs."),
    reasons: bool = typer.Option(False, "--reasons", help="Show why each item ranks where it does."),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Make the day's brief from all inputs."""
    from brief.pipeline import build_brief
    from brief.deliver.publish import publish

    set_verbosity(quiet, verbose, log_json)
    fmt_name = _format_for(fmt, output)
    _check_output(output, files)
    if fmt_name == "docx" and (output is None or str(output) == "-"):  # before the run, not after it
        raise BriefError("--format docx needs -o FILE (Word files do not go to the terminal)")
    config = config_from(config_path)
    _check_mail(config, email, eml, dry_run, connect)
    if reasons:
        config["render"]["show_reasons"] = True
    name = backend.value if backend else None
    _check_backend(name, config)
    result = build_brief(files, date=date, top=top, backend=name, strict=strict, config=config,
                         history=not no_history, progress=verbose or sys.stderr.isatty())
    report_errors(result.errors)
    notify(result.notices, standing=result.fallback)
    code = publish(result.brief, config, fmt=fmt_name, output=output, english=english, email=email,
                   eml=eml, dry_run=dry_run, connect=connect, force=force)
    if result.errors:
        code = max(code, EXIT_PARTIAL)
    if code:
        raise typer.Exit(code)


def _check_mail(config, email: bool, eml: Optional[Path], dry_run: bool, connect: bool) -> None:
    """Mail options and settings are checked before the brief is made, not after."""
    from brief.deliver.publish import check_mail_options

    check_mail_options(config, email=email, eml=eml, dry_run=dry_run, connect=connect)


@user_errors
def eval_command(
    data: Path = typer.Argument(..., help="Pairs as .jsonl or .jsonl.gz: article|text|body and summary|title."),
    backend: Optional[Backend] = BackendOpt,
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Score only the first N pairs."),
    kind: Kind = typer.Option(Kind.headline, "--kind", help="headline (one line) or summary (2-3 sentences)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    quiet: bool = QuietOpt,
    verbose: bool = VerboseOpt,
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Score a summarizer against reference summaries (ROUGE on characters)."""
    from brief.evaluate import evaluate, load_pairs

    set_verbosity(quiet, verbose)
    config = config_from(config_path)
    pairs = load_pairs(data)
    summarizer = _summarizer(backend, config)
    result = evaluate(pairs, summarizer, kind=kind.value, limit=limit)
    if as_json:
        emit(json.dumps(result.to_dict(), ensure_ascii=False) + "\n", None)
        return
    typer.echo(f"{summarizer.name}, {kind.value}, {result.n} pairs from {data} (ROUGE F1 x 100 on characters)")
    rows = [("ROUGE-1", f"{result.rouge1:.1f}"), ("ROUGE-2", f"{result.rouge2:.1f}"),
            ("ROUGE-L", f"{result.rougeL:.1f}"), ("figures supported", f"{result.numbers_supported:.0%}"),
            ("mean length", f"{result.mean_len:.1f}"), ("seconds per item", f"{result.sec_per_item:.4f}")]
    for label, value in rows:
        typer.echo(f"  {label:<18} {value:>8}")
