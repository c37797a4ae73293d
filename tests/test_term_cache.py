"""The disk cache of term patterns and parsed pack files: a cold run reads what an earlier one built,
and never depends on it."""
import json
import os
import subprocess
import sys

import pytest
import yaml

from vaktacheck import matching, term_cache

# A new process loads the rule packs and prints a digest of every term pattern it built
# (matching._INTERNED is keyed by their sources). With "strict", building one, parsing YAML, building the
# view's spelling vocabularies or parsing a long pattern raises.
_PROCESS = """
import hashlib, sys
import yaml
from vaktacheck import matching
if sys.argv[1] == "strict":
    def no_building(*args, **kwargs):
        raise SystemExit("built or parsed again: %r" % (args,))
    matching._build = no_building
    yaml.load = no_building
    from vaktacheck import document
    document._build_latin_vocabulary = document._build_deva_misspellings = no_building
from vaktacheck import Checker, Config
checker = Checker(Config(model=False))
if sys.argv[1] == "strict":  # the term patterns, compiled on first use, are rebuilt from the cache, not parsed
    import regex
    parse = regex.compile
    def no_long_parsing(pattern, *args, **kwargs):
        if len(pattern) > 2000:
            raise SystemExit("parsed again: %r" % pattern[:80])
        return parse(pattern, *args, **kwargs)
    regex.compile = no_long_parsing
assert checker.check("ye log desh ke gaddar hain").findings
assert checker.check("ये मुलसमान सब गद्दार हैं").findings  # a misspelling repaired: the vocabularies are read
from vaktacheck import term_cache
term_cache.save()  # as the CLI does after its checks
print(len(matching._INTERNED), hashlib.sha256(repr(sorted(matching._INTERNED)).encode()).hexdigest())
"""


def _process(cache, mode="build"):
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run([sys.executable, "-c", _PROCESS, mode], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """This process with nothing loaded from the cache yet, and its cache in tmp_path."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(term_cache, "_entries", None)
    monkeypatch.setattr(term_cache, "_new", False)


def test_second_process_reads_the_patterns_the_first_built(tmp_path):
    first = _process(tmp_path)
    assert len(list((tmp_path / "vaktacheck").glob("terms-*.json"))) == 1
    assert _process(tmp_path, "strict") == first  # nothing built, the same patterns


def test_damaged_cache_is_rebuilt(tmp_path):
    first = _process(tmp_path)
    path = next((tmp_path / "vaktacheck").glob("terms-*.json"))
    path.write_text("{not json", encoding="utf-8")
    assert _process(tmp_path) == first
    assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict)


def test_unwritable_cache_place_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")  # a file where the folder should be
    _process(blocker)


def test_files_of_other_code_versions_are_removed(tmp_path):
    old = tmp_path / "vaktacheck" / "terms-0000000000000000.json"
    old.parent.mkdir(parents=True)
    old.write_text("{}", encoding="utf-8")
    _process(tmp_path)
    assert not old.exists()
    assert len(list(old.parent.glob("terms-*.json"))) == 1


def test_new_terms_are_built_and_kept(fresh, tmp_path, monkeypatch):
    monkeypatch.setattr(matching, "_BY_TERMS", {})
    terms = {"hi-Latn": ["koi naya shabd"]}
    assert term_cache.get(term_cache.key(terms)) is None
    assert matching.compile_terms(terms).search("ye koi naya shabd hai")
    term_cache.save()
    saved = json.loads(next((tmp_path / "vaktacheck").glob("terms-*.json")).read_text(encoding="utf-8"))
    assert term_cache.key(terms) in saved


def test_a_bad_raw_term_is_never_cached(fresh, monkeypatch):
    monkeypatch.setattr(matching, "_BY_TERMS", {})
    terms = {"en": ["re:(unclosed"]}
    with pytest.raises(Exception):
        matching.compile_terms(terms)
    assert term_cache.get(term_cache.key(terms)) is None


def test_yaml_is_parsed_once_then_read_from_the_cache(fresh, monkeypatch):
    text = "id: VC999\nterms:\n  hi: [\"गद्दार\"]\n  hi-Latn: [gaddar]\nsureness: 2\n"
    first = term_cache.load_yaml(text)
    assert first == {"id": "VC999", "terms": {"hi": ["गद्दार"], "hi-Latn": ["gaddar"]}, "sureness": 2}

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")
    monkeypatch.setattr(term_cache.yaml, "load", no_parsing)
    assert term_cache.load_yaml(text) == first
    with pytest.raises(AssertionError):  # an edited file is parsed afresh
        term_cache.load_yaml(text + "extra: 1\n")


def test_yaml_that_json_would_change_is_parsed_every_time(fresh):
    for text in ("when: 2026-11-28\n", "1: one\n"):  # a date; a number as a key
        data = term_cache.load_yaml(text)
        assert data == yaml.safe_load(text)
        assert not term_cache._new  # nothing was put in the cache


def test_bad_yaml_still_raises_and_is_not_cached(fresh):
    with pytest.raises(yaml.YAMLError):
        term_cache.load_yaml("a: [unclosed\n")
    assert not term_cache._new


def test_score_keeps_what_its_checks_built(fresh, tmp_path):
    from vaktacheck import document
    from vaktacheck.score import _Scorer
    def forget():  # earlier tests may have read the vocabulary, or repaired this very word
        document._latin_vocabulary.cache_clear()
        document._latin_repair.cache_clear()
        document._latin_edits.cache_clear()
    forget()
    try:
        _Scorer(False, None, threads=1).score(["ye msualmaan sab gadaar hai"])  # a repair reads the vocabulary
    finally:
        forget()
    saved = json.loads(next((tmp_path / "vaktacheck").glob("terms-*.json")).read_text(encoding="utf-8"))
    assert any(k.startswith("latin-vocabulary:") for k in saved)


def test_a_library_process_keeps_what_it_built_at_exit(tmp_path):
    # no Checker, no explicit save: a notebook that only builds documents
    code = "from vaktacheck.document import Document; assert 'musalman' in Document('ye msualmaan sab gadaar hai').view"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    saved = json.loads(next((tmp_path / "vaktacheck").glob("terms-*.json")).read_text(encoding="utf-8"))
    assert any(k.startswith("latin-vocabulary:") for k in saved)


_SOURCE = r"\m(?:गद्दार|ga+d+a+r)\M"


def test_a_compiled_pattern_is_rebuilt_from_the_cache_without_parsing(fresh, monkeypatch):
    first = term_cache.compiled_regex(_SOURCE, matching._FLAGS)

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")
    monkeypatch.setattr(term_cache.regex, "compile", no_parsing)
    again = term_cache.compiled_regex(_SOURCE, matching._FLAGS)
    assert again is not first and again.pattern == _SOURCE and again.flags == first.flags
    for text in ("ये गद्दार हैं", "ye gaddaar hain", "ye gadar-e-azam", "बेगद्दारी", "no match"):
        assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert again.search("ye gaddaar hain")  # and it does match


class _Trap:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):  # what a tampered cache entry could hold: any callable, called on loading
        return os.mkdir, (self.path,)


def test_a_cache_entry_that_is_no_pattern_is_never_run(fresh, tmp_path):
    import base64
    import hashlib
    import pickle
    trap = tmp_path / "trap"
    k = f"regex:{term_cache.regex.__version__}:{int(matching._FLAGS)}:" + hashlib.sha256(_SOURCE.encode()).hexdigest()
    term_cache.put(k, [base64.b64encode(pickle.dumps(_Trap(str(trap)))).decode("ascii")])
    pattern = term_cache.compiled_regex(_SOURCE, matching._FLAGS)
    assert not trap.exists()
    assert pattern.search("ye gaddaar hain")
    term_cache.put(k, ["not base64 at all!"])
    assert term_cache.compiled_regex(_SOURCE, matching._FLAGS).search("ये गद्दार हैं")
