"""The colour policy, decided once, at render time: flag, then NO_COLOR, then FORCE_COLOR, then tty."""
from __future__ import annotations

import os


def use_color(stream, choice: str = "auto", environ=None) -> bool:
    env = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


SEVERITY_COLOR = {"critical": "1;97;41", "high": "1;31", "medium": "1;33", "low": "36"}


def paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text
