"""Context metadata about a draft (rules catalogue 0.4): from the CLI, the API or config."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Optional


@dataclass(frozen=True)
class Context:
    publish_at: Optional[datetime] = None
    poll_end: Optional[datetime] = None
    mcc_in_force: bool = False
    speaker_role: Optional[str] = None
    is_paid_ad: bool = False
    media_is_synthetic: bool = False
    contains_minors_in_media: bool = False
    official_account: bool = False
    mode: Optional[str] = None          # speech, post, poster, pamphlet, ad
    ai_drafted: bool = False

    @classmethod
    def from_mapping(cls, data: dict | None) -> "Context":
        if not data:
            return cls()
        known = {f.name for f in fields(cls)}
        kw = {}
        for k, v in data.items():
            key = k.replace("-", "_")
            if key not in known:
                raise ValueError(f"unknown context key '{k}'; known: {', '.join(sorted(known))}")
            if key in ("publish_at", "poll_end") and isinstance(v, str):
                v = parse_time(v)
            kw[key] = v
        return cls(**kw)

    def merged(self, **kw) -> "Context":
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def parse_time(value: str) -> datetime:
    """ISO 8601 ('2026-04-18T17:00' or with an offset); naive times are local times."""
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"cannot read time {value!r}; use ISO 8601 such as 2026-04-18T17:00") from None
    return dt.replace(tzinfo=None) if dt.tzinfo is None else dt.astimezone().replace(tzinfo=None)
