"""Command line: `vaktacheck FILE... | -`, plus `rules`, `rule ID` and `score`.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, input or
config error (the other files in the same run are still checked and reported).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .findings import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "rule", "score", "batch", "practice", "check")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: one line, exit 2
        self.print_usage(sys.stderr)
        print(f"vaktacheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _sev(value: str) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None


def _ids(value: str) -> tuple[str, ...]:
    return tuple(x.strip().upper() for x in value.replace(",", " ").split() if x.strip())


def _add_common(p):
    p.add_argument("--config", help="config file (default: nearest vaktacheck.toml or pyproject.toml)")
    p.add_argument("--select", type=_ids, help="only these rule ids or prefixes, e.g. VC1,VC701")
    p.add_argument("--ignore", type=_ids, help="skip these rule ids or prefixes")
    p.add_argument("--min-severity", type=_sev, help="hide findings below this (low, medium, high, critical)")
    p.add_argument("--no-model", action="store_true", help="rules only; do not load the classifier")
    p.add_argument("--packs", action="append", default=None, help="extra rule-pack folder (repeatable)")
    p.add_argument("--encoding", help="input encoding (default: UTF-8, or UTF-16 by BOM)")
    p.add_argument("--errors", choices=("strict", "replace"), default="strict",
                   help="what to do with bytes that are not valid in the encoding")
    p.add_argument("--max-size", type=float, default=20, help="largest input in MB (default 20)")
    ctx = p.add_argument_group("context (rules catalogue 0.4)")
    ctx.add_argument("--publish-at", help="when the post goes out, ISO 8601 (e.g. 2026-04-17T20:00)")
    ctx.add_argument("--poll-end", help="end of poll in the target area, ISO 8601")
    ctx.add_argument("--mcc", dest="mcc_in_force", action="store_true", default=None,
                     help="the Model Code of Conduct is in force")
    ctx.add_argument("--speaker-role", help="candidate, star-campaigner, minister, office-holder, ...")
    ctx.add_argument("--paid-ad", dest="is_paid_ad", action="store_true", default=None, help="a paid advertisement")
    ctx.add_argument("--synthetic-media", dest="media_is_synthetic", action="store_true", default=None,
                     help="the post carries AI-generated or altered media")
    ctx.add_argument("--minors-in-media", dest="contains_minors_in_media", action="store_true", default=None,
                     help="the media shows children")
    ctx.add_argument("--official-account", action="store_true", default=None, help="posted from an official account")
    ctx.add_argument("--mode", choices=("speech", "post", "poster", "pamphlet", "ad"), help="kind of material")
    ctx.add_argument("--ai-drafted", action="store_true", default=None,
                     help="drafted with an AI assistant: flag every specific it may have invented")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="vaktacheck", description="Review speeches and posts (Hindi, English, Hinglish) for risky "
                "phrasing and missing context before they are said or posted.")
    p.add_argument("--version", action="version", version=f"vaktacheck {__version__}")
    p.add_argument("files", nargs="*", metavar="FILE", help="drafts (.txt, .md); '-' reads standard input")
    p.add_argument("--format", choices=("text", "concise", "json", "html", "markdown", "sarif"), default="text")
    p.add_argument("-o", "--output", help="write the report to this file instead of standard output")
    p.add_argument("--fail-on", type=_sev, help="exit 1 when a finding is at or above this (default medium)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (errors still exit 2)")
    p.add_argument("--ui-lang", choices=("hi", "en"), help="language of messages (default: Hindi for Hindi drafts)")
    p.add_argument("--explain", action="store_true", help="show each finding's full explanation and sources")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _add_common(p)
    return p


def _config(args):
    from .config import load_config
    from .context import parse_time
    cfg = load_config(Path(args.config) if args.config else None)
    ctx_kw = {k: getattr(args, k, None) for k in ("mcc_in_force", "speaker_role", "is_paid_ad", "media_is_synthetic",
                                                   "contains_minors_in_media", "official_account", "mode", "ai_drafted")}
    for k in ("publish_at", "poll_end"):
        v = getattr(args, k, None)
        ctx_kw[k] = parse_time(v) if v else None
    packs = tuple(Path(x).resolve() for x in args.packs) if args.packs else None
    return cfg.with_overrides(
        select=args.select, ignore=args.ignore, min_severity=args.min_severity,
        fail_on=getattr(args, "fail_on", None), ui_lang=getattr(args, "ui_lang", None),
        packs=(cfg.packs + packs) if packs else None, model=False if args.no_model else None,
        context=cfg.context.merged(**ctx_kw))


def _err(msg: str) -> None:
    print(f"vaktacheck: {msg}", file=sys.stderr)


def cmd_check(argv) -> int:
    from .config import ConfigError
    from .inputs import InputError, read_input
    args = build_parser().parse_args(argv)
    if not args.files:
        build_parser().print_usage(sys.stderr)
        _err("give one or more draft files, or '-' for standard input (see 'vaktacheck --help')")
        return EXIT_ERROR
    try:
        cfg = _config(args)
    except (ConfigError, ValueError) as e:
        _err(str(e))
        return EXIT_ERROR
    from .checker import Checker
    from .rules import RuleError
    try:
        checker = Checker(cfg)
    except RuleError as e:
        _err(str(e))
        return EXIT_ERROR
    status = EXIT_OK
    for e in checker.pack_errors:
        _err(f"rule pack problem (built-in rules still run): {e}")
        status = EXIT_ERROR
    reports, errors = [], {}
    for path in args.files:
        try:
            text = read_input(path, args.encoding, args.errors, int(args.max_size * 1024 * 1024))
        except InputError as e:
            _err(str(e))
            errors[path if path != "-" else "<stdin>"] = str(e)
            status = EXIT_ERROR
            continue
        reports.append(checker.check(text, path="<stdin>" if path == "-" else path))
    if cfg.model and checker.model_error:
        _err(f"classifier not loaded ({checker.model_error}); rules still ran. Use --no-model to skip it.")
    from . import term_cache
    term_cache.save()  # what the checks built (the gate's RE2 copies) serves the next run
    out = _render(args, cfg, reports, errors)
    try:
        if args.output:
            Path(args.output).write_text(out, encoding="utf-8")
        else:
            sys.stdout.write(out)
    except OSError as e:
        _err(f"cannot write report: {e}")
        return EXIT_ERROR
    if status == EXIT_OK and not args.exit_zero and any(f.severity >= cfg.fail_on and f.category != "meta"
                                 for r in reports for f in r.findings):
        status = EXIT_FINDINGS
    return status


def _render(args, cfg, reports, errors) -> str:
    fmt = args.format
    if fmt == "json":
        from .render.json import render_json
        return render_json(reports, errors)
    if fmt == "concise":
        from .render.text import render_concise
        return render_concise(reports)
    if fmt == "html":
        from .render.html import render_html
        return render_html(reports, ui_lang=cfg.ui_lang)
    if fmt == "markdown":
        from .render.markdown import render_markdown
        return render_markdown(reports, ui_lang=cfg.ui_lang)
    if fmt == "sarif":
        from .render.sarif import render_sarif
        return render_sarif(reports)
    from .render.color import use_color
    from .render.text import render_text
    color = use_color(sys.stdout, args.color) and not args.output
    return render_text(reports, color=color, ui_lang=cfg.ui_lang, explain=args.explain)


def cmd_rules(argv) -> int:
    p = _Parser(prog="vaktacheck rules", description="List the rules.")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--packs", action="append", default=None)
    args = p.parse_args(argv)
    checker = _plain_checker(args.packs)
    if args.format == "json":
        print(json.dumps([_rule_obj(r) for r in checker.all_rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in checker.all_rules:
        print(f"{r.id}  {r.severity.name:<8}  {r.category:<23}  {r.name}  [{', '.join(r.languages)}]")
    cats = {r.category for r in checker.all_rules}
    print(f"\n{len(checker.all_rules)} rules in {len(cats)} categories")
    return EXIT_OK


def _plain_checker(packs):
    from .checker import Checker
    from .config import Config
    return Checker(Config(model=False, packs=tuple(Path(x).resolve() for x in packs or ())))


def _rule_obj(r) -> dict:
    return {"id": r.id, "name": r.name, "title": r.title, "category": r.category, "severity": r.severity.name,
            "kind": r.kind, "languages": list(r.languages), "mcc": r.mcc,
            "message": {"en": r.message.en, "hi": r.message.hi}, "explanation": r.explanation,
            "suggestion": {"en": r.suggestion.en, "hi": r.suggestion.hi}, "sources": [{"title": s.title, "tag": s.tag, "url": s.url} for s in r.sources],
            "guards": r.guards,
            "examples": {"flag": [{"lang": e.lang, "text": e.text} for e in r.flag_examples],
                         "pass": [{"lang": e.lang, "text": e.text} for e in r.pass_examples]}}


def cmd_rule(argv) -> int:
    p = _Parser(prog="vaktacheck rule", description="Explain one rule: what, why, source, examples.")
    p.add_argument("id")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--packs", action="append", default=None)
    args = p.parse_args(argv)
    checker = _plain_checker(args.packs)
    r = checker.rule(args.id)
    if r is None:
        from .meta import META
        if args.id.upper() in META:
            name, sev, msg, expl, sugg = META[args.id.upper()]
            print(f"# {name} ({args.id.upper()})\n\nCategory: meta · Severity: {sev.name}\n\n{expl}\n\nTry: {sugg}")
            return EXIT_OK
        _err(f"no rule '{args.id}'; 'vaktacheck rules' lists them")
        return EXIT_ERROR
    if args.format == "json":
        print(json.dumps(_rule_obj(r), ensure_ascii=False, indent=2))
        return EXIT_OK
    lines = [f"# {r.title} ({r.id}, {r.name})", "",
             f"Category: {r.category} · Severity: {r.severity.name}"
             + (" (one level higher while the Model Code of Conduct is in force)" if r.mcc else "")
             + f" · Languages: {', '.join(r.languages)}", "",
             "## What it flags", r.message.en, r.message.hi, "",
             "## Why", r.explanation, "", "## Safer rewrite", r.suggestion.en] + (
                 [r.suggestion.hi] if r.suggestion.hi != r.suggestion.en else []) + ["", "## Sources"]
    lines += [f"- {s.label()}" + (f" {s.url}" if s.url else "") for s in r.sources]
    if any(s.tag != "TEXT" for s in r.sources):
        lines.append("  (REPORTED: read only in a news or secondary summary; UNVERIFIED: could not be confirmed)")
    if r.guards:
        lines += ["", "## Not flagged, or lowered, when", ", ".join(f"{g} ({a})" for g, a in r.guards.items())]
    if r.languages_note:
        lines += ["", "## Languages", r.languages_note]
    lines += ["", "## Examples that are flagged"] + [f"- [{e.lang}] {e.text}" for e in r.flag_examples]
    lines += ["", "## Examples that pass"] + [f"- [{e.lang}] {e.text}" for e in r.pass_examples]
    print("\n".join(lines))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            cmd, rest = argv[0], argv[1:]
            if cmd == "rules":
                return cmd_rules(rest)
            if cmd == "rule":
                return cmd_rule(rest)
            if cmd == "score":
                from .score import cmd_score
                return cmd_score(rest)
            if cmd == "batch":
                from .batch import cmd_batch
                return cmd_batch(rest)
            if cmd == "practice":
                from .practice import cmd_practice
                return cmd_practice(rest)
            return cmd_check(rest)
        return cmd_check(argv)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else EXIT_ERROR
