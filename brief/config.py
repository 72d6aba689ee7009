"""Configuration: one typed, validated section per table, built once at load.

Values come from the packaged ``defaults.toml`` (where every default is written, with its comment),
then one user file (``--config``, else ``$BRIEF_CONFIG``, else ``./brief.toml``, else
``$XDG_CONFIG_HOME/brief/brief.toml``), then ``BRIEF_SECTION__KEY`` environment variables. An unknown
section or key is refused with the nearest valid name; a value of the wrong type or out of range is
refused in one line naming where it came from. Each section is a dataclass that also reads and
writes like a dict (``config["summarize"]["max_chars"]``), so stages take either.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import functools
import json
import keyword
import os
import string
import tomllib
import typing
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from brief.errors import ConfigError

ENV_PREFIX = "BRIEF_"
ENV_FILE = "BRIEF_CONFIG"
USER_FILE = "brief.toml"
DEFAULT = "default"


def default_text() -> str:
    """The commented default config, as shipped."""
    return resources.files("brief").joinpath("defaults.toml").read_text(encoding="utf-8")


# --- checks: each returns a problem, or None -----------------------------------------------------

Check = Callable[[Any], "str | None"]


def at_least(low: float) -> Check:
    return lambda v: None if v >= low else f"must be at least {low}"


def between(low: float, high: float) -> Check:
    return lambda v: None if low <= v <= high else f"must be between {low} and {high}"


def one_of(*choices: str) -> Check:
    return lambda v: None if v in choices else f"expected one of {', '.join(choices)}"


def one_line(value: Any) -> str | None:
    """No line breaks or control characters: the value becomes a heading or a mail header."""
    texts = value if isinstance(value, list) else [value]
    if any(ch < " " or ch == "\x7f" for text in texts for ch in text):
        return "must be one line, without control characters"
    return None


SUBJECT_FIELDS = ("title", "date", "date_label")


def _subject(value: str) -> str | None:
    """A one-line format string that uses only {title}, {date} and {date_label}."""
    use = "; use {title}, {date} and {date_label}"
    problem = one_line(value)
    if problem:
        return problem
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(value) if name is not None]
        unknown = [name for name in names if name not in SUBJECT_FIELDS]
        if unknown:
            return f"unknown field {{{unknown[0]}}}{use}"
        value.format(title="", date="", date_label="")
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        return f"bad format ({exc}){use}"
    return None


def _backends(value: str) -> str | None:
    from brief.registry import SUMMARIZERS

    return one_of("auto", *SUMMARIZERS)(value)


def _translators(value: str) -> str | None:
    from brief.registry import TRANSLATORS

    return one_of("auto", *TRANSLATORS)(value)


def _weights(table: dict[str, float]) -> str | None:
    if not table:
        return None
    from brief.rank.weights import shipped

    known = {name for part in shipped().values() for name in part}
    for name in table:
        if name not in known:
            return f"unknown weight {name}{_did_you_mean(name, known)}"
    return None


class CountOrAll:
    """The type of a count that may also be "all" (``model_top``): an int, or the string "all"."""


def setting(check: Check | None = None, *, key: str | None = None) -> Any:
    """A config field: its type comes from the annotation, its default from defaults.toml."""
    return field(metadata={"check": check, "key": key})


# --- sections -------------------------------------------------------------------------------------

class Section(MutableMapping):
    """A dataclass that reads and writes like the TOML table it was built from."""

    section: ClassVar[str] = ""  # the table's name, set by schema()

    def _names(self) -> dict[str, str]:
        return _keys(type(self))

    def __getitem__(self, key: str) -> Any:
        try:
            return getattr(self, self._names()[key])
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key: str, value: Any) -> None:
        """Set in code (a test, a benchmark, ``--reasons``): typed and checked as if read from a file."""
        names = self._names()
        if key not in names:
            raise ConfigError(f"unknown key {key!r}{_did_you_mean(key, names)}")
        setattr(self, names[key], _check(self.section, key, value, "set in code"))

    def __delitem__(self, key: str) -> None:
        raise TypeError("config keys cannot be removed")

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


@functools.cache
def _keys(cls: type) -> dict[str, str]:
    """TOML key -> attribute name (``from`` is a Python keyword, so the attribute is ``sender``)."""
    if not dataclasses.is_dataclass(cls):
        return {}
    return {f.metadata.get("key") or f.name: f.name for f in fields(cls)}


@dataclass(eq=False)
class BriefSettings(Section):
    title: str = setting(one_line)
    top: int = setting(at_least(1))
    highlights: int = setting(at_least(0))


@dataclass(eq=False)
class IngestSettings(Section):
    max_file_mb: float = setting(at_least(0.001))
    to_simplified: bool = setting()


@dataclass(eq=False)
class SummarizeSettings(Section):
    backend: str = setting(_backends)
    max_chars: int = setting(at_least(20))
    headline_chars: int = setting(at_least(8))
    model_top: CountOrAll = setting(lambda v: None if v == "all" or v >= 0 else "must be at least 0")
    model_path: str = setting()
    cache_dir: str = setting()
    model: str = setting()
    prompt_set: str = setting()
    cache: bool = setting()
    input_chars: int = setting(at_least(0))
    headline_input_chars: int = setting(at_least(0))
    chunk_chars: int = setting(at_least(100))
    key_figures: int = setting(at_least(0))
    context: int = setting(at_least(256))
    threads: int = setting(at_least(0))
    batch_size: int = setting(at_least(1))
    max_input_tokens: int = setting(at_least(16))


@dataclass(eq=False)
class RankSettings(Section):
    group: bool = setting()
    group_threshold: float = setting(between(0.01, 1.0))
    diversity: float = setting(between(0.0, 1.0))
    sections: bool = setting()
    history: str = setting()
    history_days: int = setting(at_least(0))
    profile: dict[str, float] = setting()
    weights: dict[str, float] = setting(_weights)


@dataclass(eq=False)
class OverviewSettings(Section):
    enabled: bool = setting()
    item_count: int = setting(at_least(1), key="items")  # not ``items``: that is the mapping's method
    max_chars: int = setting(at_least(40))
    themes: int = setting(at_least(0))


@dataclass(eq=False)
class RenderSettings(Section):
    template_dir: str = setting()
    show_reasons: bool = setting()


@dataclass(eq=False)
class EnglishSettings(Section):
    backend: str = setting(_translators)
    marian_dir: str = setting()
    max_new_tokens: int = setting(at_least(1))


@dataclass(eq=False)
class MailSettings(Section):
    host: str = setting(one_line)
    port: int = setting(between(0, 65535))
    security: str = setting(one_of("starttls", "ssl", "none"))
    cafile: str = setting()
    user: str = setting(one_line)
    password_env: str = setting(one_line)
    sender: str = setting(one_line, key="from")
    to: list[str] = setting(one_line)
    subject: str = setting(_subject)
    timeout: float = setting(at_least(0.1))
    retries: int = setting(at_least(0))
    backoff: float = setting(at_least(0))
    state_dir: str = setting()


@dataclass(eq=False)
class Config(MutableMapping):
    """The whole configuration: one section per table, and where each value came from."""

    brief: BriefSettings
    ingest: IngestSettings
    summarize: SummarizeSettings
    rank: RankSettings
    overview: OverviewSettings
    render: RenderSettings
    english: EnglishSettings
    mail: MailSettings
    # Tables defaults.toml has that no class above declares yet (typed by their defaults).
    extra: dict[str, Section] = field(default_factory=dict, repr=False)
    # (section, key) -> "default", the user file's path, or the environment variable's name.
    origins: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def __getitem__(self, key: str) -> Section:
        if key in SECTIONS:
            return getattr(self, key)
        return self.extra[key]

    def __setitem__(self, key: str, value: Any) -> None:
        raise TypeError("config sections cannot be replaced; set their keys")

    def __delitem__(self, key: str) -> None:
        raise TypeError("config sections cannot be removed")

    def __iter__(self) -> Iterator[str]:
        return iter(schema())

    def __len__(self) -> int:
        return len(schema())

    def origin(self, section: str, key: str) -> str:
        return self.origins.get((section, key), DEFAULT)


SECTIONS: dict[str, type[Section]] = {
    "brief": BriefSettings, "ingest": IngestSettings, "summarize": SummarizeSettings,
    "rank": RankSettings, "overview": OverviewSettings, "render": RenderSettings, "english": EnglishSettings,
    "mail": MailSettings,
}


def _inferred(value: Any) -> Any:
    """The type of a setting only defaults.toml knows, from its default."""
    if isinstance(value, list):
        return list[str] if all(isinstance(v, str) for v in value) else list[Any]
    if isinstance(value, dict):
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values())
        return dict[str, float] if numbers else dict[str, Any]
    return type(value)


@functools.cache
def schema() -> dict[str, type[Section]]:
    """Section name -> its class, for every table of defaults.toml.

    The classes above declare each setting's type and range. A setting that only defaults.toml has
    (added there by a newer stage) is still typed, by its default, so that a misspelt or mistyped
    value is refused all the same; a class extends its declared one with such settings.
    """
    table = tomllib.loads(default_text())
    classes: dict[str, type[Section]] = {}
    for name, entries in table.items():
        base = SECTIONS.get(name, Section)
        known = _keys(base) if base is not Section else {}
        extra = []
        for key, value in entries.items():
            if key not in known:
                attr = key if key.isidentifier() and not keyword.iskeyword(key) else f"{key}_"
                extra.append((attr, _inferred(value), setting(key=None if attr == key else key)))
        classes[name] = (dataclasses.make_dataclass(f"{name.title()}Settings", extra, bases=(base,), eq=False)
                         if extra or base is Section else base)
    for name, cls in SECTIONS.items():
        classes.setdefault(name, cls)
    for name, cls in classes.items():
        cls.section = name
    return classes


def sources_of(section: str, key: str) -> str:
    """Where a user sets a value, for messages: ``brief.toml [mail] host or BRIEF_MAIL__HOST``."""
    return f"{USER_FILE} [{section}] {key} or {env_name(section, key)}"


def env_name(section: str, key: str) -> str:
    return f"{ENV_PREFIX}{section.upper()}__{key.upper()}"


# --- building and checking ------------------------------------------------------------------------

def _did_you_mean(name: str, known: typing.Iterable[str], show: Callable[[str], str] = str) -> str:
    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f" (did you mean {show(match[0])}?)" if match else ""


def _show(value: Any) -> str:
    """A value as TOML would write it, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):  # an inline table
        return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_show(v)}" for k, v in value.items()) + " }"
    if isinstance(value, list):
        return "[" + ", ".join(map(_show, value)) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_KINDS = {CountOrAll: 'an integer or "all"', str: "a string", int: "an integer", float: "a number", bool: "true or false",
          list: "a list of strings", dict: "a table of numbers"}


def _typed(value: Any, hint: Any) -> Any:
    """``value`` as the annotated type, or ValueError saying what was expected."""
    kind = typing.get_origin(hint) or hint
    if typing.get_args(hint)[-1:] == (Any,):  # a list or table whose default mixes types
        if not isinstance(value, kind):
            raise ValueError(f"expected {'a list' if kind is list else 'a table'}")
        return value
    ok = {
        CountOrAll: value == "all" or (isinstance(value, int) and not isinstance(value, bool)),
        bool: isinstance(value, bool),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: isinstance(value, (int, float)) and not isinstance(value, bool),
        str: isinstance(value, str),
        list: isinstance(value, list) and all(isinstance(v, str) for v in value),
        dict: isinstance(value, dict) and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in value.values()),
    }[kind]
    if kind is list and isinstance(value, str):  # to = "a@example.org, b@example.org"
        return [part.strip() for part in value.split(",") if part.strip()]
    if not ok:
        raise ValueError(f"expected {_KINDS[kind]}")
    if kind is float:
        return float(value)
    if kind is dict:
        return {k: float(v) for k, v in value.items()}
    return value


def _from_env(raw: str, hint: Any) -> Any:
    """An environment string read as the type its setting has."""
    kind = typing.get_origin(hint) or hint
    text = raw.strip()
    if kind is bool:
        words = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False,
                 "off": False, "": False}
        if text.lower() not in words:
            raise ValueError("expected true or false (1/0, yes/no, on/off)")
        return words[text.lower()]
    if kind is CountOrAll and text.lower() == "all":
        return "all"
    if kind in (int, float, CountOrAll):
        try:
            return (float if kind is float else int)(text)
        except ValueError:
            raise ValueError(f"expected {_KINDS[kind]}") from None
    if kind is list:
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _field(section: str, key: str, origin: str) -> tuple[type[Section], str]:
    """The class and attribute of ``[section] key``, or ConfigError with the nearest valid name."""
    sections = schema()
    if section not in sections:
        raise _unknown(origin, section, sections, f"section {section}", f"section [{section}]",
                       lambda guess: env_name(guess, key), "[{}]".format)
    cls = sections[section]
    names = _keys(cls)
    if key not in names:
        raise _unknown(origin, key, names, f"key {key} in [{section}]", f"key [{section}] {key}",
                       lambda guess: env_name(section, guess))
    return cls, names[key]


def _unknown(origin: str, name: str, known: typing.Iterable[str], as_variable: str, as_written: str,
             variable: Callable[[str], str], show: Callable[[str], str] = str) -> ConfigError:
    """An unknown section or key, with the nearest valid one spelt as the user spells it: a
    ``BRIEF_SECTION__KEY`` variable for a variable, the TOML name for a file."""
    if origin.startswith(ENV_PREFIX):
        guess = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
        hint = f" (did you mean {variable(guess[0])}?)" if guess else ""
        return ConfigError(f"{_where(origin)}: unknown {as_variable}{hint}")
    return ConfigError(f"{_where(origin)}: unknown {as_written}{_did_you_mean(name, known, show)}")


def _where(origin: str) -> str:
    return f"environment {origin}" if origin.startswith(ENV_PREFIX) else origin


def _check(section: str, key: str, value: Any, origin: str) -> Any:
    """``value`` typed and range-checked for ``[section] key``; ConfigError in one line otherwise."""
    cls, attr = _field(section, key, origin)
    spec = next(f for f in fields(cls) if f.name == attr)
    try:
        value = _typed(value, _hints(cls)[attr])
        problem = spec.metadata["check"](value) if spec.metadata["check"] else None
    except ValueError as exc:
        problem = str(exc)
    if problem:
        raise ConfigError(f"{_where(origin)}: [{section}] {key} = {_show(value)}: {problem}")
    return value


def _layer(values: dict[str, dict[str, Any]], table: dict[str, Any], origin: str,
           origins: dict[tuple[str, str], str]) -> None:
    """Check a parsed TOML document and lay it over ``values``."""
    for section, entries in table.items():
        if not isinstance(entries, dict):
            raise ConfigError(f"{_where(origin)}: {section} = {_show(entries)}: expected a [{section}] table"
                              f"{_did_you_mean(section, schema(), '[{}]'.format) if section not in schema() else ''}")
        for key, value in entries.items():
            value = _check(section, key, value, origin)
            default = values[section].get(key)
            if isinstance(default, dict) and isinstance(value, dict):  # a sub-table: entries override
                unknown = [k for k in value if default and k not in default and _is_settings(default)]
                if unknown:
                    raise ConfigError(f"{_where(origin)}: unknown key [{section}.{key}] {unknown[0]}"
                                      f"{_did_you_mean(unknown[0], default)}")
                value = {**default, **value}
            values[section][key] = value
            origins[(section, key)] = origin


def _is_settings(table: dict[str, Any]) -> bool:
    """A sub-table of named settings (``[summarize.server]``), not a free one (``[rank.profile]``)."""
    return not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in table.values())


def _env_layer(values: dict[str, dict[str, Any]], environ: dict[str, str],
               origins: dict[tuple[str, str], str]) -> None:
    for name in sorted(environ):
        if not name.startswith(ENV_PREFIX) or "__" not in name:
            continue
        raw = environ[name]
        section, key, *rest = name[len(ENV_PREFIX):].lower().split("__")
        cls, attr = _field(section, key, name)
        hint = _hints(cls)[attr]
        try:
            if typing.get_origin(hint) is dict:  # BRIEF_RANK__WEIGHTS__PROVINCIAL=1.2
                if len(rest) != 1:
                    raise ValueError(f"name one entry: {name}__NAME")
                current, entry = values[section][key], rest[0]
                if _is_settings(current):  # BRIEF_SUMMARIZE__SERVER__URL: typed by its default
                    if entry not in current:
                        raise ValueError(f"[{section}.{key}] has no {entry}{_did_you_mean(entry, current)}")
                    value = {**current, entry: _from_env(raw, _inferred(current[entry]))}
                else:
                    value = {**current, entry: _from_env(raw, float)}
            elif rest:
                raise ValueError(f"{section}.{key} has no entries")
            else:
                value = _from_env(raw, hint)
        except ValueError as exc:
            raise ConfigError(f"environment {name}={raw}: {exc}") from None
        values[section][key] = _check(section, key, value, name)
        origins[(section, key)] = name


def _build(values: dict[str, dict[str, Any]], origins: dict[tuple[str, str], str]) -> Config:
    sections = {}
    for name, cls in schema().items():
        names = _keys(cls)
        missing = [key for key in names if key not in values[name]]
        if missing:  # defaults.toml and the classes must agree: a packaging bug, not the user's
            raise ConfigError(f"defaults.toml lacks [{name}] {', '.join(missing)}")
        sections[name] = cls(**{names[key]: value for key, value in values[name].items()})
    declared = {name: sections.pop(name) for name in SECTIONS}
    return Config(**declared, extra=sections, origins=origins)


@functools.cache
def _default_values() -> dict[str, dict[str, Any]]:
    values: dict[str, dict[str, Any]] = {name: {} for name in schema()}
    _layer(values, tomllib.loads(default_text()), DEFAULT, {})
    return values


def _read_toml(path: Path, named_by: str) -> dict[str, Any]:
    try:
        if path.exists() and not path.is_file():
            raise ConfigError(f"{path}: not a regular file{named_by}")
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found{named_by}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the config file: {exc.strerror or exc}") from None


def find_user_file(environ: dict[str, str] | None = None) -> tuple[Path | None, str]:
    """The user file in effect without --config, and how it was found (for ``brief config show``)."""
    environ = dict(os.environ if environ is None else environ)
    if environ.get(ENV_FILE):
        return Path(environ[ENV_FILE]), f" (named by {ENV_FILE})"
    if Path(USER_FILE).is_file():
        return Path(USER_FILE), ""
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    xdg = Path(base) / "brief" / USER_FILE
    return (xdg, "") if xdg.is_file() else (None, "")


def load_config(path: str | Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults, then ``path`` (or the file ``find_user_file`` finds), then BRIEF_* variables."""
    environ = dict(os.environ if environ is None else environ)
    named_by = ""
    if path is None:
        path, named_by = find_user_file(environ)
    values = copy.deepcopy(_default_values())
    origins: dict[tuple[str, str], str] = {}
    if path is not None:
        _layer(values, _read_toml(Path(path), named_by), str(path), origins)
    _env_layer(values, environ, origins)
    return _build(values, origins)


def check_file(path: str | Path) -> Config:
    """Validate one file over the defaults, without the environment: ``brief config check``."""
    values = copy.deepcopy(_default_values())
    origins: dict[tuple[str, str], str] = {}
    _layer(values, _read_toml(Path(path), ""), str(path), origins)
    return _build(values, origins)


def defaults() -> Config:
    """The packaged defaults alone (no user file, no environment): for tests and library callers."""
    return _build(copy.deepcopy(_default_values()), {})


def to_toml(config: Config, *, origins: bool = True) -> str:
    """The merged config as TOML, each value commented with where it came from."""
    out: list[str] = []
    for name in config:
        section = config[name]
        out.append(f"[{name}]")
        tables = []
        for key, value in section.items():
            if isinstance(value, dict):
                tables.append((key, value))
                continue
            note = f"  # {config.origin(name, key)}" if origins else ""
            out.append(f"{key} = {_show(value)}{note}")
        for key, table in tables:
            note = f"  # {config.origin(name, key)}" if origins else ""
            out.append(f"\n[{name}.{key}]{note}")
            out.extend(f"{json.dumps(k, ensure_ascii=False)} = {_show(v)}" for k, v in table.items())
        out.append("")
    return "\n".join(out)


def cache_dir(config: MutableMapping) -> Path:
    configured = config["summarize"]["cache_dir"]
    if configured:
        return Path(configured).expanduser()
    return default_cache_dir()


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/brief``: the cache of what needs no configuration (jieba's word table)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "brief"
