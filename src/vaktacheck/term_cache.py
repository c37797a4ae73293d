"""A disk cache of the regex sources built from rule terms, so a cold `vaktacheck draft.txt` does
not rebuild them. Building them (romanized spelling patterns, noun forms, the term tree) took about
a third of a cold run (0.32-0.36 s of 1.0-1.1 s on the 2-core machine, docs/benchmarks.md). It also
keeps the parsed YAML of the rule and lexicon files (`load_yaml`: PyYAML took 0.10 s of a 0.96 s run), the
gate's RE2 copies (triggers.py), the view's spelling vocabularies (document.py) and the compiled term
patterns (`compiled_regex`: `regex` parses a pattern in Python, 0.9 s for a `score` worker's term patterns,
and rebuilds a pickled one from its compiled code in C, 0.02 s for all). It is written when a
`Checker` is built, after the CLI's checks and each `score` chunk, and at the exit of any process that added to it.

The file is named by a hash of vaktacheck's own code, so a changed or upgraded vaktacheck never reads
sources an older one built; the terms themselves are the keys, so an edited pack only misses the sets
it changed. The cache is an optimisation only: an unreadable, damaged or unwritable file is ignored.
It lives in $XDG_CACHE_HOME/vaktacheck (~/.cache/vaktacheck; %LOCALAPPDATA%\\vaktacheck on Windows).
"""
from __future__ import annotations

import atexit
import base64
import hashlib
import io
import json
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

import regex
import yaml

# libyaml's safe loader is ~10x faster than the pure-Python one; both construct only plain data.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_entries: dict[str, list] | None = None  # loaded on first use
_new = False
_at_exit = False  # save() registered to run at exit


def cache_dir() -> Path:
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "vaktacheck"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vaktacheck"


@lru_cache(maxsize=1)  # read once per process: the code does not change under it
def _code_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def _file() -> Path:
    return cache_dir() / f"terms-{_code_hash()}.json"


def _load() -> dict[str, list]:
    global _entries
    if _entries is None:
        try:
            data = json.loads(_file().read_text(encoding="utf-8"))
            _entries = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            _entries = {}
    return _entries


def key(terms_by_flavour: dict[str, list[str]]) -> str:
    return json.dumps(list(terms_by_flavour.items()), ensure_ascii=False)


def get(k: str):
    """The cached value for a key, or None."""
    return _load().get(k)


def put(k: str, value) -> None:
    global _new, _at_exit
    _load()[k] = value
    _new = True
    if not _at_exit:  # a library user's process keeps what it built too (the CLI and `score` save sooner)
        atexit.register(save)
        _at_exit = True


def cached(k: str, build):
    """The value kept under a key, or build()'s, kept (wrapped in a list, so that None is kept too). JSON keeps
    it: what comes back from an earlier process has lists where build() had tuples, and no sets."""
    hit = get(k)
    if hit is None:
        hit = [build()]
        put(k, hit)
    return hit[0]


def load_yaml(text: str):
    """yaml.load(text) (safe), from the cache when this text was parsed before. Raises yaml.YAMLError.
    Keyed by the text's hash, so an edited file is parsed again. Callers must not change the result."""
    k = "yaml:" + hashlib.sha256(text.encode("utf-8")).hexdigest()
    hit = get(k)
    if hit is not None:
        return hit[0]
    data = yaml.load(text, Loader=_LOADER)
    try:  # keep only what JSON stores unchanged (not dates, not number keys)
        if json.loads(json.dumps(data, ensure_ascii=False)) == data:
            put(k, [data])
    except (TypeError, ValueError):
        pass
    return data


class _PatternUnpickler(pickle.Unpickler):
    """Rebuilds a regex pattern and nothing else: pickle would otherwise call whatever a damaged or
    tampered file names."""

    def find_class(self, module, name):
        if (module, name) == ("regex._regex", "compile"):  # what a pickled regex.Pattern is rebuilt by
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a regex pattern: {module}.{name}")


def compiled_regex(src: str, flags: int) -> regex.Pattern:
    """regex.compile(src, flags), from the cache when compiled before (a pattern pickles as its compiled
    code; the key holds the regex version, whose code format may change). Raises regex.error."""
    k = f"regex:{regex.__version__}:{int(flags)}:" + hashlib.sha256(src.encode("utf-8")).hexdigest()
    hit = get(k)
    if hit is not None:
        try:
            pattern = _PatternUnpickler(io.BytesIO(base64.b64decode(hit[0]))).load()
            if isinstance(pattern, regex.Pattern) and pattern.pattern == src:
                return pattern
        except Exception:  # noqa: BLE001 - a damaged entry of an optimisation: compile as if it were absent
            pass
    pattern = regex.compile(src, flags)
    put(k, [base64.b64encode(pickle.dumps(pattern, protocol=4)).decode("ascii")])
    return pattern


def save() -> None:
    """Write the cache if this process added to it (atomically: `batch` workers may write at once),
    and remove the files of other versions of the code."""
    global _new
    if not _new:
        return
    _new = False
    target = _file()
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".terms-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(_entries, f, ensure_ascii=False)
        os.replace(tmp, target)
        tmp = None
        for old in target.parent.glob("terms-*.json"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home or a full disk only costs the next run its start-up time
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
