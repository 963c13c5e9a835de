"""The public surface is curated: every name in __all__ exists, and nothing else is public."""

import nastavnik_docs


def test_every_exported_name_exists():
    missing = [name for name in nastavnik_docs.__all__ if not hasattr(nastavnik_docs, name)]
    assert missing == []


def test_all_is_sorted_and_unique():
    names = [n for n in nastavnik_docs.__all__ if n != "__version__"]
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    assert len(set(nastavnik_docs.__all__)) == len(nastavnik_docs.__all__)


def test_no_public_module_attribute_outside_all():
    public = {n for n in vars(nastavnik_docs) if not n.startswith("_")}
    submodules = {"errors", "kinds", "models", "ru", "engine", "io", "batch", "stats", "cli", "web", "project",
                  "inputs"}
    assert public - set(nastavnik_docs.__all__) - submodules == set()


def test_every_error_derives_from_the_base():
    for name in nastavnik_docs.__all__:
        obj = getattr(nastavnik_docs, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, nastavnik_docs.NastavnikError), name


def test_the_project_is_public():
    from nastavnik_docs.project import Project

    assert nastavnik_docs.Project is Project
    assert issubclass(nastavnik_docs.CheckFailed, nastavnik_docs.NastavnikError)
