"""Errors that reach the user as one line and an exit code, never as a traceback."""

from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_PARTIAL = 1  # some inputs were bad (or some recipients failed); the rest went through
EXIT_BAD_INPUT = 2
EXIT_DELIVERY_FAILED = 3
EXIT_NOTHING_NEW = 4  # every story was already briefed on an earlier day: no brief, nothing sent


class BriefError(Exception):
    """A failure the user can act on; ``str()`` is the one line we print."""

    exit_code = EXIT_BAD_INPUT


class InputError(BriefError):
    """An input file that cannot be read as news: names the file and the problem."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(BriefError):
    """A config file or value that makes no sense."""


class ModelError(BriefError):
    """A model that is missing, corrupt or failed to run."""


class DeliveryError(BriefError):
    """Mail that could not be delivered."""

    exit_code = EXIT_DELIVERY_FAILED
