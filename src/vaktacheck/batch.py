"""`vaktacheck batch DIR`: review every draft in a folder (a workshop of 400 trainees) at once.

Writes, into --out (default DIR/vaktacheck-report): index.html (a table per file with counts by
severity and category, the most common categories across the class, a link to each file's own
HTML report), one report per draft, and summary.json. One bad file never spoils the batch.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from html import escape
from pathlib import Path

_WORKER = None


def _init(model: bool):
    global _WORKER
    os.environ["VAKTACHECK_THREADS"] = "1"  # one process per core already
    from .checker import Checker
    from .config import load_config
    _WORKER = Checker(load_config().with_overrides(model=model))


def _review(path: str):
    from .inputs import InputError, read_input
    from .render.html import render_html
    try:
        text = read_input(path)
    except InputError as e:
        return path, None, str(e)
    r = _WORKER.check(text, path=path)
    summary = {"severity": r.counts(), "categories": dict(Counter(f.category for f in r.findings)),
               "words": r.document.word_count, "language": r.lang}
    return path, (summary, render_html([r])), None


def _progress(done: int, total: int, stream) -> None:
    if stream.isatty():
        width = 30
        filled = int(width * done / max(1, total))
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done == total:
            stream.write("\n")
        stream.flush()


def cmd_batch(argv) -> int:
    p = argparse.ArgumentParser(prog="vaktacheck batch", description="Review every .txt/.md draft in a folder.")
    p.add_argument("folder")
    p.add_argument("--out", help="where to write index.html and the reports (default FOLDER/vaktacheck-report)")
    p.add_argument("--no-model", action="store_true")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default 2)")
    args = p.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"vaktacheck: {folder}: not a folder", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else folder / "vaktacheck-report"
    files = sorted(str(f) for f in folder.rglob("*") if f.suffix.lower() in (".txt", ".md") and out not in f.parents)
    if not files:
        print(f"vaktacheck: no .txt or .md drafts in {folder}", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    results = []
    chunk = max(1, len(files) // (args.jobs * 8))
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=_init, initargs=(not args.no_model,)) as ex:
        for i, res in enumerate(ex.map(_review, files, chunksize=chunk), 1):
            results.append(res)
            _progress(i, len(files), sys.stderr)
    table, class_cats, class_sev, errors = [], Counter(), Counter(), {}
    for path, data, err in results:
        rel = os.path.relpath(path, folder)
        if err:
            errors[rel] = err
            print(f"vaktacheck: {err}", file=sys.stderr)
            continue
        summary, html = data
        name = rel.replace(os.sep, "__") + ".html"
        (out / name).write_text(html, encoding="utf-8")
        class_cats.update(summary["categories"])
        class_sev.update(summary["severity"])
        table.append((rel, name, summary))
    (out / "summary.json").write_text(json.dumps(
        {"files": {rel: s for rel, _, s in table}, "errors": errors, "categories": dict(class_cats),
         "severity": dict(class_sev)}, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "index.html").write_text(_index(table, class_cats, class_sev, errors), encoding="utf-8")
    print(f"{len(table)} drafts reviewed, {len(errors)} could not be read; most common: "
          + ", ".join(f"{c} {n}" for c, n in class_cats.most_common(5)))
    print(f"summary: {out / 'index.html'}")
    return 2 if errors else 0


def _index(table, cats, sev, errors) -> str:
    sevs = ("critical", "high", "medium", "low")
    catnames = [c for c, _ in cats.most_common()]
    head = "".join(f"<th>{escape(s)}</th>" for s in sevs) + "".join(f"<th>{escape(c)}</th>" for c in catnames)
    rows = "".join(
        f"<tr><td><a href=\"{escape(name)}\">{escape(rel)}</a></td><td>{s['words']}</td>"
        + "".join(f"<td>{s['severity'].get(k, 0)}</td>" for k in sevs)
        + "".join(f"<td>{s['categories'].get(c, 0)}</td>" for c in catnames) + "</tr>"
        for rel, name, s in table)
    errs = "".join(f"<li>{escape(rel)}: {escape(e)}</li>" for rel, e in errors.items())
    top = "".join(f"<li>{escape(c)}: {n}</li>" for c, n in cats.most_common())
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>vaktacheck class summary</title><style>"
            "body{font-family:'Noto Sans','Noto Sans Devanagari',system-ui,sans-serif;margin:1rem}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:right}"
            "td:first-child{text-align:left}</style></head><body><h1>Class summary · कक्षा सारांश</h1>"
            f"<p>{len(table)} drafts; findings by severity: "
            + ", ".join(f"{s} {sev.get(s, 0)}" for s in sevs) + "</p>"
            f"<h2>Most common categories</h2><ol>{top}</ol>"
            f"<h2>Per draft</h2><table><tr><th>draft</th><th>words</th>{head}</tr>{rows}</table>"
            + (f"<h2>Could not be read</h2><ul>{errs}</ul>" if errs else "") + "</body></html>\n")
