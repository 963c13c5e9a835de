"""The README stays true and short: its two commands are what CI runs, it lists every kind
and points to the documentation site (docs/), where everything else lives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nastavnik_docs.kinds import all_kinds

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    return [blocks[0].strip(), blocks[1].strip()]


def test_readme_opens_with_the_demo_and_the_tests():
    demo, tests = _first_commands()
    assert "nastavnik-docs demo" in demo and demo.startswith("pip install .")
    assert "pytest" in tests and '".[test]"' in tests


def test_ci_runs_the_readme_commands_as_written():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    demo, tests = _first_commands()
    assert demo.split(" --out")[0] in ci
    assert tests in ci


@pytest.mark.parametrize("kind", [k.id for k in all_kinds()])
def test_every_kind_is_in_the_readme(kind):
    assert f"`{kind}`" in README


def test_the_readme_is_short_and_links_to_the_documentation():
    assert len(README.encode("utf-8")) < 12_000
    for page in ("docs/reference/kinds/index.md", "docs/tutorials/curator.md", "docs/tutorials/developer-integration.md",
                 "docs/reference/cli.md", "docs/reference/api.md"):
        assert f"]({page})" in README, page
    for link in re.findall(r"\]\((docs/[^)#]+)", README):
        generated = link.startswith("docs/reference/kinds/")  # built from the code by the docs hook
        assert generated or (ROOT / link).exists(), link


def test_the_readme_shows_a_generated_document():
    image = re.search(r"!\[[^\]]+\]\((docs/assets/[^)]+\.png)\)", README)
    assert image and (ROOT / image.group(1)).stat().st_size > 10_000

