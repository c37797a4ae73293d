"""Reading drafts: files, stdin; encodings, binaries and size limits, each with a clear error."""
from __future__ import annotations

import codecs
import sys
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A draft cannot be read; the message is one line for the user."""


def decode(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> str:
    if encoding:
        try:
            return data.decode(encoding, errors=errors)
        except LookupError:
            raise InputError(f"{name}: unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as e:
            raise InputError(f"{name}: not valid {encoding} at byte {e.start}; try --errors replace") from None
    if data.startswith(codecs.BOM_UTF8):
        data, enc = data[3:], "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        enc = "utf-8"
        sample = data[:8192]
        if b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > max(8, len(sample) // 20):
            raise InputError(f"{name}: looks like a binary file, not text; vaktacheck reads .txt and .md drafts")
    try:
        return data.decode(enc, errors=errors)
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 at byte {e.start}; "
                         f"save it as UTF-8, or pass --encoding (e.g. cp1252) or --errors replace") from None


def read_input(path: str, encoding: str | None = None, errors: str = "strict",
               max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        name = path
        if not p.exists():
            raise InputError(f"{path}: no such file")
        if p.is_dir():
            raise InputError(f"{path}: is a directory; give the draft files inside it (or use 'vaktacheck batch')")
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(f"{path}: {size / 1e6:.0f} MB is over the {max_bytes / 1e6:.0f} MB limit; "
                                 f"raise it with --max-size MB")
            with open(p, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as e:
            raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: over the {max_bytes / 1e6:.0f} MB limit; raise it with --max-size MB")
    return decode(data, name, encoding, errors)
