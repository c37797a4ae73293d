import pytest

from vaktacheck import Checker, Config


@pytest.fixture(scope="session")
def checker():
    return Checker(Config(model=False))
