"""Settings from vaktacheck.toml or [tool.vaktacheck] in pyproject.toml (CLI > file > defaults)."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .context import Context
from .findings import Severity


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.low
    fail_on: Severity = Severity.medium
    ui_lang: str | None = None          # None: Hindi for Hindi drafts, else English
    packs: tuple[Path, ...] = ()
    model: bool = True
    model_dir: Path | None = None
    profanity_sureness: int = 1   # lexicon entries below this sureness are not used
    context: Context = field(default_factory=Context)
    source: Path | None = None

    def with_overrides(self, **kw) -> "Config":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


_KEYS = {"select", "ignore", "min-severity", "fail-on", "ui-lang", "packs", "model", "model-dir",
         "profanity-sureness", "context"}


def find_config(start: Path | None = None) -> tuple[Path, dict] | None:
    """The nearest vaktacheck.toml, or pyproject.toml with a [tool.vaktacheck] table."""
    here = (start or Path.cwd()).resolve()
    for d in [here, *here.parents]:
        for name in ("vaktacheck.toml", "pyproject.toml"):
            p = d / name
            if p.is_file():
                data = _read_toml(p)
                table = data if name == "vaktacheck.toml" else data.get("tool", {}).get("vaktacheck")
                if table is not None:
                    return p, table
    xdg = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "vaktacheck" / "config.toml"
    if xdg.is_file():
        return xdg, _read_toml(xdg)
    return None


def _read_toml(p: Path) -> dict:
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as e:
        raise ConfigError(f"{p}: cannot read config: {e}") from None


def _ids(p, key, v) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [x for x in v.replace(",", " ").split() if x]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{p}: '{key}' must be a list of rule ids or prefixes")
    return tuple(x.strip().upper() for x in v)


def from_table(p: Path | None, table: dict) -> Config:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{p}: unknown setting(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(_KEYS))}")
    kw: dict = {"source": p}
    try:
        if "select" in table:
            kw["select"] = _ids(p, "select", table["select"])
        if "ignore" in table:
            kw["ignore"] = _ids(p, "ignore", table["ignore"])
        if "min-severity" in table:
            kw["min_severity"] = Severity.parse(table["min-severity"])
        if "fail-on" in table:
            kw["fail_on"] = Severity.parse(table["fail-on"])
        if "ui-lang" in table:
            if table["ui-lang"] not in ("hi", "en"):
                raise ConfigError(f"{p}: 'ui-lang' must be 'hi' or 'en'")
            kw["ui_lang"] = table["ui-lang"]
        base = p.parent if p else Path.cwd()
        if "packs" in table:
            kw["packs"] = tuple((base / x).resolve() for x in table["packs"])
        if "model" in table:
            kw["model"] = bool(table["model"])
        if "model-dir" in table:
            kw["model_dir"] = (base / table["model-dir"]).resolve()
        if "profanity-sureness" in table:
            kw["profanity_sureness"] = int(table["profanity-sureness"])
        if "context" in table:
            kw["context"] = Context.from_mapping(table["context"])
    except ValueError as e:
        if isinstance(e, ConfigError):
            raise
        raise ConfigError(f"{p}: {e}") from None
    return Config(**kw)


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    if path is not None:
        path = Path(path)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        data = _read_toml(path)
        table = data.get("tool", {}).get("vaktacheck", {}) if path.name == "pyproject.toml" else data
        return from_table(path, table)
    found = find_config(start)
    return from_table(*found) if found else Config()
