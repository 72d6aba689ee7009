"""After the brief is made: English, output file, mail file, mail. Returns the exit code.

Kept apart from the CLI so that a scheduler or another program can publish a Brief the same way
``brief daily`` does.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from brief.errors import EXIT_OK, EXIT_PARTIAL, BriefError, ModelError
from brief.document import Brief

log = logging.getLogger("brief")


def add_english(brief: Brief, config: dict[str, Any]) -> int:
    """Translate the brief in place; EXIT_PARTIAL when no translator can run (brief stays Chinese)."""
    from brief.deliver.translate import get_translator, translate_brief

    try:
        translate_brief(brief, get_translator(config))
    except ModelError as exc:  # no translator, or one that failed to run
        log.warning("%s; the brief goes out in Chinese only", exc)
        for item in brief.items:
            item.en = None
        if brief.overview is not None:
            brief.overview.en = None
        brief.meta["english"] = None
        return EXIT_PARTIAL
    kept = brief.meta["english"]["chinese_only"]
    if kept:
        log.warning("item(s) %s kept in Chinese only: their figures did not survive translation",
                    ", ".join(map(str, kept)))
    return EXIT_OK


def check_mail_options(config: dict[str, Any], *, email: bool = False, eml: Path | None = None,
                       dry_run: bool = False, connect: bool = False) -> None:
    """Refuse mail options that contradict each other, or a ``[mail]`` the run could not use,
    before any work is done (a config error found after an hour of summarizing helps nobody)."""
    if eml is not None and (email or dry_run):
        raise BriefError("--eml writes the mail to a file instead of sending it: "
                         "give --eml, or --email / --dry-run, not both")
    if connect and not dry_run:
        raise BriefError("--connect goes with --dry-run (it checks the server and sends nothing)")
    if email or dry_run:
        from brief.deliver.mail import settings_from

        settings_from(config)


def publish(
    brief: Brief,
    config: dict[str, Any],
    *,
    fmt: str = "md",
    output: Path | None = None,  # "-": stdout
    english: bool = False,
    email: bool = False,
    eml: Path | None = None,
    dry_run: bool = False,
    connect: bool = False,
    force: bool = False,
) -> int:
    """Write and/or send the brief. When mailing, stdout stays quiet unless ``-o`` asks for a file."""
    from brief.deliver.rendering import render
    from brief.io import write_output

    check_mail_options(config, email=email, eml=eml, dry_run=dry_run, connect=connect)
    code = add_english(brief, config) if english else EXIT_OK
    mailing = email or eml is not None or dry_run
    if fmt == "docx":
        if output is None:
            raise BriefError("--format docx needs -o FILE (Word files do not go to the terminal)")
        from brief.deliver.docx import render_docx

        write_output(output, render_docx(brief, config))
    elif output is not None or not mailing:  # None or "-": stdout; mailing prints only when asked (-o -)
        write_output(output, render(brief, fmt, config))
    if eml is not None:
        from brief.deliver.mail import build_message, file_settings

        settings, warnings = file_settings(config)
        for warning in warnings:
            log.warning(warning)
        write_output(eml, build_message(brief, settings, config).as_bytes())
        log.info("wrote the mail to %s (nothing was sent)", eml)
    if email or dry_run:
        from brief.deliver.mail import deliver

        delivery = deliver(brief, config, force=force, dry_run=dry_run, connect=connect)
        report(delivery, to_stdout=dry_run)
        code = max(code, delivery.exit_code)
    return code


def report(delivery, *, to_stdout: bool = False) -> None:
    """A delivery's lines: on stdout for a dry run, else logged (its problems as warnings)."""
    for line in delivery.lines:
        if to_stdout:
            print(line)
        elif line in delivery.problems:
            log.warning(line)
        else:
            log.info(line)
