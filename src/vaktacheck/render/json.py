"""JSON output, schema "vaktacheck/1" (documented in docs/json-schema.md)."""
from __future__ import annotations

import json

from ..report import SCHEMA


def to_json_obj(reports, errors: dict[str, str] | None = None) -> dict:
    files = {r.path: r.to_dict() for r in reports}
    for path, err in (errors or {}).items():
        files[path] = {"path": path, "error": err}
    return {"schema": SCHEMA, "version": _version(), "files": list(files.values())}


def render_json(reports, errors=None) -> str:
    return json.dumps(to_json_obj(reports, errors), ensure_ascii=False, indent=2) + "\n"


def _version() -> str:
    from .. import __version__
    return __version__
