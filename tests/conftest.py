import os

import pytest

from vaktacheck import Checker, Config


@pytest.fixture(scope="session", autouse=True)
def _term_cache_in_tmp(tmp_path_factory):
    """The suite (and the CLI runs it starts) writes its term-pattern cache in a temporary folder,
    not in the user's home."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    from vaktacheck import term_cache
    term_cache.save()  # here, not at exit (term_cache registers that) once the home folder is back
    if old is None:
        os.environ.pop("XDG_CACHE_HOME")
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def checker():
    return Checker(Config(model=False))


@pytest.fixture
def damaged_model_config(tmp_path):
    """A copy of the shipped model with one file spoiled, and a vaktacheck.toml pointing at it."""
    import shutil
    from vaktacheck.model import default_model_dir

    def make(spoiled: str):
        folder = tmp_path / "m"
        shutil.copytree(default_model_dir(), folder)
        (folder / spoiled).write_bytes(b"junk")
        (tmp_path / "vaktacheck.toml").write_text(f'model-dir = "{folder}"\n', encoding="utf-8")
        return tmp_path / "vaktacheck.toml"
    return make
