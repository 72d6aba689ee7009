"""Suite-wide isolation: no test reads or writes the user's real brief history or configuration."""

import os

import pytest


@pytest.fixture(autouse=True)
def _private_data_home(tmp_path_factory, monkeypatch):
    # brief.rank.history keeps its SQLite store under $XDG_DATA_HOME/brief by default.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data_home")))
    # Said-once notices and the mail ledger live under $XDG_STATE_HOME/brief.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state_home")))
    # brief.config also finds $XDG_CONFIG_HOME/brief/brief.toml, $BRIEF_CONFIG and BRIEF_SECTION__KEY.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config_home")))
    for name in list(os.environ):
        if name == "BRIEF_CONFIG" or (name.startswith("BRIEF_") and "__" in name):
            monkeypatch.delenv(name)
