"""The send ledger: a state per date and recipient, durable across runs, and a lock per date."""

import sqlite3
import subprocess
import os
import sys
from pathlib import Path

import pytest

from brief.deliver.ledger import Ledger, LedgerBusy, recipient_key, unique_recipients

DATE = "2024-10-18"


def states(ledger, date=DATE):
    return {r: e.state for r, e in ledger.entries(date).items()}


def test_a_delivery_moves_through_its_states_per_date_and_recipient(tmp_path):
    ledger = Ledger(tmp_path / "state" / "sent.sqlite3")
    assert ledger.entries(DATE) == {}
    ledger.mark(DATE, ["a@example.org", "b@example.org"], "pending", message_id="<m1@example.org>")
    ledger.mark(DATE, ["a@example.org", "b@example.org"], "sending")
    ledger.mark(DATE, ["a@example.org"], "accepted")
    ledger.mark(DATE, ["b@example.org"], "failed", failure="permanent", reason="550 5.1.1 mailbox unavailable")
    assert states(ledger) == {"a@example.org": "accepted", "b@example.org": "failed"}
    b = ledger.entries(DATE)["b@example.org"]
    assert b.describe() == "failed (permanent): 550 5.1.1 mailbox unavailable"
    assert b.message_id == "<m1@example.org>" and b.attempts == 1
    assert ledger.entries("2024-10-19") == {} and ledger.dates() == [DATE]


def test_accepted_is_final(tmp_path):
    """Whatever comes after the 250 (a 421 to QUIT, a forced run) cannot undo a delivery."""
    ledger = Ledger(tmp_path / "sent.sqlite3")
    ledger.mark(DATE, ["a@example.org"], "accepted", message_id="<m1@example.org>")
    ledger.mark(DATE, ["a@example.org"], "failed", failure="transient", reason="421 4.3.2 closing")
    ledger.mark(DATE, ["a@example.org"], "sending", message_id="<m2@example.org>")
    [entry] = ledger.entries(DATE).values()
    assert entry.state == "accepted" and entry.message_id == "<m1@example.org>" and entry.reason == ""


def test_a_sending_entry_reads_as_unknown(tmp_path):
    ledger = Ledger(tmp_path / "sent.sqlite3")
    ledger.mark(DATE, ["a@example.org"], "sending")
    [entry] = ledger.entries(DATE).values()
    assert entry.unknown and entry.describe().startswith("unknown")


def test_failed_needs_its_kind(tmp_path):
    ledger = Ledger(tmp_path / "sent.sqlite3")
    with pytest.raises(ValueError):
        ledger.mark(DATE, ["a@example.org"], "failed")
    with pytest.raises(ValueError):
        ledger.mark(DATE, ["a@example.org"], "delivered")


def test_addresses_compare_without_case_and_display_name_and_survive_reopening(tmp_path):
    path = tmp_path / "sent.sqlite3"
    Ledger(path).mark(DATE, ["张三 < Chief@Example.org>"], "accepted")
    assert states(Ledger(path)) == {"chief@example.org": "accepted"}
    assert recipient_key("Chief@EXAMPLE.org") == recipient_key("chief@example.org")
    assert unique_recipients(["a@x.org", "A@X.org", "李四 <b@x.org>", "B@x.org"]) == ["a@x.org", "李四 <b@x.org>"]


def test_a_ledger_of_the_old_format_keeps_its_deliveries(tmp_path):
    path = tmp_path / "sent.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE sent (date TEXT NOT NULL, recipient TEXT NOT NULL, message_id TEXT NOT NULL, "
                   "sent_at TEXT NOT NULL, PRIMARY KEY (date, recipient))")
        db.execute("INSERT INTO sent VALUES (?, 'a@example.org', '<m0@example.org>', '2024-10-18T06:30:02+08:00')",
                   (DATE,))
    ledger = Ledger(path)
    assert states(ledger) == {"a@example.org": "accepted"}
    assert Ledger(path).entries(DATE)["a@example.org"].updated_at == "2024-10-18T06:30:02+08:00"


def test_a_second_holder_of_the_date_waits_then_gives_up_naming_the_first(tmp_path):
    ledger = Ledger(tmp_path / "sent.sqlite3")
    with ledger.lock(DATE, wait=1):
        with pytest.raises(LedgerBusy, match=r"another brief run \(pid \d+\) has been sending the brief of 2024-10-18"):
            with Ledger(tmp_path / "sent.sqlite3").lock(DATE, wait=0.1):
                pass
        with Ledger(tmp_path / "sent.sqlite3").lock("2024-10-19", wait=0):  # another date: no wait
            pass
    with ledger.lock(DATE, wait=0):  # released
        pass


def test_a_killed_holder_leaves_no_lock_behind(tmp_path):
    path = tmp_path / "sent.sqlite3"
    Ledger(path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from brief.deliver.ledger import Ledger\n"
         f"with Ledger({str(path)!r}).lock({DATE!r}, wait=5):\n print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LedgerBusy):
            with Ledger(path).lock(DATE, wait=0):
                pass
    finally:
        holder.kill()
        holder.wait()
    with Ledger(path).lock(DATE, wait=0):  # the kernel let go of it with the process
        pass
