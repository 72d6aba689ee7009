"""Suite-wide isolation: no test reads or writes the user's real brief history."""

import pytest


@pytest.fixture(autouse=True)
def _private_data_home(tmp_path_factory, monkeypatch):
    # brief.history keeps its SQLite store under $XDG_DATA_HOME/brief by default.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data_home")))
