"""``brief outbox list | send``: the briefs that did not reach everyone, and sending them again.

Imported by ``brief.cli`` at start-up, so it imports nothing heavy until a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from brief.cli.common import ConfigOpt, new_app, user_errors

outbox_app = new_app(help="Briefs kept because they did not reach every recipient: list, send.")

DateOpt = typer.Option(None, "--date", help="Only the brief of this date, YYYY-MM-DD.")


@outbox_app.command("list")
@user_errors
def list_kept(date: Optional[str] = DateOpt, config_path: Optional[Path] = ConfigOpt) -> None:
    """Each kept brief, and where it stands with each of its recipients (the send ledger)."""
    from brief.config import load_config
    from brief.deliver.ledger import Ledger, recipient_key
    from brief.deliver.mail import state_dir
    from brief.deliver.outbox import kept

    folder = state_dir(load_config(config_path)["mail"]["state_dir"])
    briefs = kept(folder / "outbox", date)
    if not briefs:
        typer.echo(f"no brief{' of ' + date if date else ''} in {folder / 'outbox'}")
        return
    ledger_path = folder / "sent.sqlite3"
    for brief in briefs:
        entries = Ledger(ledger_path).entries(brief.date) if ledger_path.exists() else {}
        typer.echo(f"{brief.date}  {brief.path}  {brief.subject}")
        for address in brief.recipients:
            entry = entries.get(recipient_key(address))
            typer.echo(f"  {address}: {entry.describe() if entry else 'not tried'}")


@outbox_app.command("send")
@user_errors
def send_kept(
    date: Optional[str] = DateOpt,
    force: bool = typer.Option(False, "--force", help="Also mail those whose delivery is unknown."),
    log_json: bool = typer.Option(False, "--log-json", help="Log to stderr as JSON lines."),
    config_path: Optional[Path] = ConfigOpt,
) -> None:
    """Send the kept briefs to those of their recipients who do not have them (ledger as for --email)."""
    from brief.config import load_config
    from brief.errors import BriefError
    from brief.logs import setup_logging
    from brief.deliver.mail import resend_kept
    from brief.deliver.outbox import DATE
    from brief.deliver.publish import report

    setup_logging(as_json=log_json)
    if date is not None and not DATE.fullmatch(date):
        raise BriefError(f"--date {date!r}: expected YYYY-MM-DD")
    delivery = resend_kept(load_config(config_path), date=date, force=force)
    report(delivery)
    if delivery.exit_code:
        raise typer.Exit(delivery.exit_code)

