"""The send ledger: per date and recipient, persistent across runs."""

import sqlite3

from brief.ledger import Ledger


def test_records_per_date_and_recipient(tmp_path):
    ledger = Ledger(tmp_path / "state" / "sent.sqlite3")
    assert ledger.already_sent("2024-10-18", ["a@example.org"]) == set()
    ledger.record("2024-10-18", ["a@example.org"], "<m1@example.org>")
    assert ledger.already_sent("2024-10-18", ["a@example.org", "b@example.org"]) == {"a@example.org"}
    assert ledger.already_sent("2024-10-19", ["a@example.org"]) == set()


def test_addresses_compare_without_case_and_survive_reopening(tmp_path):
    path = tmp_path / "sent.sqlite3"
    Ledger(path).record("2024-10-18", [" Chief@Example.org"], "<m1@example.org>")
    assert Ledger(path).already_sent("2024-10-18", ["chief@example.org"]) == {"chief@example.org"}


def test_forced_resend_updates_the_row(tmp_path):
    path = tmp_path / "sent.sqlite3"
    ledger = Ledger(path)
    ledger.record("2024-10-18", ["a@example.org"], "<m1@example.org>")
    ledger.record("2024-10-18", ["a@example.org"], "<m2@example.org>")
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT message_id FROM sent").fetchall()
    assert rows == [("<m2@example.org>",)]
