import pytest

from nastavnik_docs.engine.lookup import ENV_VAR


@pytest.fixture(autouse=True)
def _no_user_templates(monkeypatch):
    """Tests choose their template folder explicitly; the caller's environment must not leak in."""
    monkeypatch.delenv(ENV_VAR, raising=False)


@pytest.fixture
def tpl_dir(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    return folder


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
