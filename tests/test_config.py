"""Typed config: every mistake is one line naming where it came from (exit 2), with the nearest
valid name; defaults are written once, in defaults.toml (issue 13 cases 3 and 11, issue 15)."""

import os
import subprocess
import sys
import tomllib

import pytest

from brief.config import (SECTIONS, check_file, default_text, defaults, find_user_file, load_config,
                          sources_of, to_toml)
from brief.errors import ConfigError


def refused(toml="", **environ):
    path = None
    if toml:
        path = os.path.join(os.environ["XDG_CONFIG_HOME"], "t.toml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(toml)
    with pytest.raises(ConfigError) as info:
        load_config(path, environ=environ)
    message = str(info.value)
    assert "\n" not in message
    return message.replace(os.environ["XDG_CONFIG_HOME"] + os.sep, "")


@pytest.mark.parametrize("toml, message", [
    ('[brief]\ntop = "ten"', 't.toml: [brief] top = "ten": expected an integer'),
    ("[rank]\ngroup_treshold = 0.9", "t.toml: unknown key [rank] group_treshold (did you mean group_threshold?)"),
    ("[summarise]\nmax_chars = 60", "t.toml: unknown section [summarise] (did you mean [summarize]?)"),
    ('[mail]\nhots = "x"', "t.toml: unknown key [mail] hots (did you mean host?)"),
    ("[summarize]\nmax_chars = 0", "t.toml: [summarize] max_chars = 0: must be at least 20"),
    ("[rank.weights]\nprovincal = 1.2", 't.toml: [rank] weights = { "provincal" = 1.2 }: unknown weight provincal '
                                        "(did you mean provincial?)"),
    ('[rank.profile]\n"就业" = "high"', 't.toml: [rank] profile = { "就业" = "high" }: expected a table of numbers'),
    ('[brief]\ntitle = "简报\\nBcc: x@example.org"', 't.toml: [brief] title = "简报\\nBcc: x@example.org": '
                                                     "must be one line, without control characters"),
    ('[mail]\nsubject = "{0} {nope}"', 't.toml: [mail] subject = "{0} {nope}": unknown field {0}; '
                                       "use {title}, {date} and {date_label}"),
    ('[mail]\nfrom = "a@example.org\\r\\nBcc: b@example.org"', "must be one line"),
    ('[mail]\nto = ["a@example.org", "b\\n@x"]', "must be one line"),
    ("[mail]\nport = 70000", "t.toml: [mail] port = 70000: must be between 0 and 65535"),
    ('[mail]\nsecurity = "tls13"', "expected one of starttls, ssl, none"),
    ('[summarize]\nbackend = "gpt"', "expected one of auto, extractive, llm, seq2seq"),
    ("brief = 3", "t.toml: brief = 3: expected a [brief] table"),
    ("[brief\ntop = 3", "t.toml: not valid TOML"),
])
def test_file_mistakes_are_one_line(toml, message):
    assert message in refused(toml)


@pytest.mark.parametrize("name, value, message", [
    ("BRIEF_BRIEF__TOP", "-5", "environment BRIEF_BRIEF__TOP: [brief] top = -5: must be at least 1"),
    ("BRIEF_BRIEF__TOP", "0", "must be at least 1"),
    ("BRIEF_BRIEF__TOP", "ten", "environment BRIEF_BRIEF__TOP=ten: expected an integer"),
    ("BRIEF_SUMMARIZE__MAX_CHARS", "0", "[summarize] max_chars = 0: must be at least 20"),
    ("BRIEF_MAIL__PORT", "99999", "environment BRIEF_MAIL__PORT: [mail] port = 99999: must be between 0 and 65535"),
    ("BRIEF_SUMARIZE__MAX_CHARS", "10", "unknown section sumarize (did you mean BRIEF_SUMMARIZE__MAX_CHARS?)"),
    ("BRIEF_MAIL__HOTS", "x", "unknown key hots in [mail] (did you mean BRIEF_MAIL__HOST?)"),
    ("BRIEF_INGEST__TO_SIMPLIFIED", "maybe", "expected true or false"),
    ("BRIEF_BRIEF__TITLE", "a\r\nb", "must be one line"),
])
def test_environment_overrides_are_checked_the_same_way(name, value, message):
    assert message in refused(**{name: value})


def test_environment_overrides_apply_typed_and_say_where_from(tmp_path):
    config = load_config(environ={"BRIEF_BRIEF__TOP": "5", "BRIEF_RANK__GROUP": "off",
                                  "BRIEF_MAIL__TO": "a@example.org, b@example.org",
                                  "BRIEF_RANK__WEIGHTS__PROVINCIAL": "1.5", "BRIEF_SMTP_PASSWORD": "x"})
    assert config["brief"]["top"] == 5 and config.brief.top == 5
    assert config["rank"]["group"] is False
    assert config["mail"]["to"] == ["a@example.org", "b@example.org"]
    assert config["rank"]["weights"] == {"provincial": 1.5}
    assert config.origin("brief", "top") == "BRIEF_BRIEF__TOP" and config.origin("brief", "title") == "default"


def test_discovery_order(tmp_path, monkeypatch):
    xdg = tmp_path / "xdg"
    (xdg / "brief").mkdir(parents=True)
    (xdg / "brief" / "brief.toml").write_text("[brief]\ntop = 7\n")
    named = tmp_path / "named.toml"
    named.write_text("[brief]\ntop = 8\n")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    environ = {"XDG_CONFIG_HOME": str(xdg)}
    assert load_config(environ=environ)["brief"]["top"] == 7
    (here / "brief.toml").write_text("[brief]\ntop = 9\n")
    assert load_config(environ=environ)["brief"]["top"] == 9
    assert load_config(environ={**environ, "BRIEF_CONFIG": str(named)})["brief"]["top"] == 8
    assert find_user_file({**environ, "BRIEF_CONFIG": str(named)})[0] == named
    with pytest.raises(ConfigError, match="not found .named by BRIEF_CONFIG"):
        load_config(environ={"BRIEF_CONFIG": str(tmp_path / "absent.toml")})


def test_every_default_is_written_once_in_defaults_toml():
    """The sections' fields and defaults.toml name the same keys; the code holds no default of its own."""
    table = tomllib.loads(default_text())
    assert set(table) == set(SECTIONS)
    for name, cls in SECTIONS.items():
        assert set(table[name]) == set(defaults()[name]), name


def test_sections_read_and_write_like_dicts():
    config = defaults()
    config["summarize"].update(max_chars=50, cache=False)
    config["mail"]["from"] = "a@example.org"
    assert config.summarize.max_chars == 50 and config["mail"].sender == "a@example.org"
    assert config.get("rank", {}).get("group_threshold") == 0.25
    assert defaults()["summarize"]["max_chars"] == 120  # each call is a fresh copy
    with pytest.raises(ConfigError, match="did you mean max_chars"):
        config["summarize"]["max_char"] = 3


def test_show_round_trips_and_check_validates(tmp_path):
    shown = to_toml(load_config(environ={"BRIEF_BRIEF__TOP": "4"}))
    assert "top = 4  # BRIEF_BRIEF__TOP" in shown and 'title = "每日要闻简报"  # default' in shown
    reread = tomllib.loads(shown)
    assert reread["brief"]["top"] == 4 and reread["mail"]["from"] == ""
    good = tmp_path / "good.toml"
    good.write_text(to_toml(defaults(), origins=False), encoding="utf-8")
    assert check_file(good)["brief"]["top"] == 10


def test_sources_of_names_file_and_variable():
    assert sources_of("mail", "host") == "brief.toml [mail] host or BRIEF_MAIL__HOST"


def run(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "brief", *args], capture_output=True, text=True,
                          timeout=60, cwd=cwd, env={**os.environ, "PYTHONPATH": os.getcwd(), **(env or {})})


def test_cli_one_line_exit_2_and_config_commands(tmp_path):
    bad = tmp_path / "brief.toml"
    bad.write_text('[brief]\ntop = "ten"\n', encoding="utf-8")
    result = run("daily", "examples/page-front.txt", "--config", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f'brief: {bad}: [brief] top = "ten": expected an integer'
    result = run("daily", "examples/page-front.txt", env={"BRIEF_BRIEF__TOP": "-5"})
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    result = run("config", "check", str(bad))
    assert result.returncode == 2 and "expected an integer" in result.stderr
    bad.write_text("[brief]\ntop = 3\n", encoding="utf-8")
    result = run("config", "check", str(bad))
    assert result.returncode == 0 and result.stdout.strip() == f"{bad}: ok"
    result = run("config", "show", "--config", str(bad))
    assert result.returncode == 0 and f"top = 3  # {bad}" in result.stdout


def test_a_setting_only_defaults_toml_has_is_typed_by_its_default(monkeypatch):
    """A stage that adds a key or a table to defaults.toml gets it checked before config.py declares it."""
    import brief.config as config_module

    text = default_text().replace("[mail]\n", "[mail]\nqueue_wait = 900.0\n", 1)
    text += '\n[server]\nurl = ""\nmax_in_flight = 4\nextra_body = { repeat_penalty = 1.0, stop = "x" }\n'
    monkeypatch.setattr(config_module, "default_text", lambda: text)
    config_module.schema.cache_clear()
    config_module._default_values.cache_clear()
    try:
        config = load_config(environ={"BRIEF_SERVER__MAX_IN_FLIGHT": "8"})
        assert config["server"]["max_in_flight"] == 8 and config["mail"]["queue_wait"] == 900.0
        assert config["server"]["extra_body"] == {"repeat_penalty": 1.0, "stop": "x"}
        assert "server" in list(config) and config["mail"]["from"] == ""
        assert "did you mean max_in_flight" in refused("[server]\nmax_inflight = 2")
        assert "expected a number" in refused('[mail]\nqueue_wait = "long"')
        assert "expected an integer" in refused(BRIEF_SERVER__MAX_IN_FLIGHT="many")
        assert "[server]\nurl = " in to_toml(config)
    finally:
        config_module.schema.cache_clear()
        config_module._default_values.cache_clear()


def test_a_sub_table_of_settings_is_merged_key_by_key(monkeypatch):
    import brief.config as config_module

    text = default_text() + '\n[render.server]\nurl = ""\ntimeout = 120\n'
    monkeypatch.setattr(config_module, "default_text", lambda: text)
    config_module.schema.cache_clear()
    config_module._default_values.cache_clear()
    try:
        path = os.path.join(os.environ["XDG_CONFIG_HOME"], "s.toml")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write('[render.server]\nurl = "http://127.0.0.1:8080/v1"\n')
        assert load_config(path, environ={})["render"]["server"] == {"url": "http://127.0.0.1:8080/v1",
                                                                    "timeout": 120}
        assert "unknown key [render.server] timout (did you mean timeout?)" in refused(
            "[render.server]\ntimout = 3")
    finally:
        config_module.schema.cache_clear()
        config_module._default_values.cache_clear()


def test_model_top_takes_a_count_or_all():
    assert load_config(environ={"BRIEF_SUMMARIZE__MODEL_TOP": "all"})["summarize"]["model_top"] == "all"
    assert load_config(environ={"BRIEF_SUMMARIZE__MODEL_TOP": "7"})["summarize"]["model_top"] == 7
    assert 'expected an integer or "all"' in refused(BRIEF_SUMMARIZE__MODEL_TOP="most")
    assert "must be at least 0" in refused("[summarize]\nmodel_top = -1")


def test_an_entry_of_a_settings_sub_table_is_typed_by_its_default_in_the_environment():
    config = load_config(environ={"BRIEF_SUMMARIZE__SERVER__URL": "http://127.0.0.1:8080/v1",
                                  "BRIEF_SUMMARIZE__SERVER__MAX_IN_FLIGHT": "8"})
    assert config["summarize"]["server"]["url"] == "http://127.0.0.1:8080/v1"
    assert config["summarize"]["server"]["max_in_flight"] == 8
    assert "did you mean max_in_flight" in refused(BRIEF_SUMMARIZE__SERVER__MAX_INFLIGHT="2")
    assert "expected an integer" in refused(BRIEF_SUMMARIZE__SERVER__RETRIES="many")
