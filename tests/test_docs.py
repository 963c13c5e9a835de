"""The documentation stays true: its examples run and the generated reference covers the code.

Code blocks of README.md and docs/**/*.md (fences at the start of a line) follow these rules:

* a ```python block runs; a ```pycon block runs as a doctest (a no-break space in the
  output equals a space). The blocks of one page run in order in one namespace, in an empty
  folder holding a copy of the checkout's samples/ and templates/;
* ``<!-- no-run -->`` on the line before a block skips it;
* ``<!-- file: PATH -->`` before a block writes the block to PATH (relative to that folder)
  for the blocks after it;
* a ```bash block runs only with ``<!-- run -->`` before it, one command a line:
  ``nastavnik-docs …`` in this process (typer's test runner), anything else in bash.
"""

from __future__ import annotations

import doctest
import importlib.util
import io
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import nastavnik_docs
from nastavnik_docs import cli
from nastavnik_docs.kinds import all_kinds

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
MARKER = re.compile(r"<!-- (no-run|run|file: (?P<path>[^>]+?)) -->")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)\s*$")


@dataclass
class Block:
    page: Path
    line: int
    lang: str
    code: str
    marker: str | None
    path: str | None = None


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a page with the marker (HTML comment) on the line before."""
    lines = page.read_text(encoding="utf-8").splitlines()
    out, i = [], 0
    while i < len(lines):
        match = FENCE.match(lines[i])
        if not match or not match["lang"]:
            i += 1
            continue
        start = i
        i += 1
        while i < len(lines) and lines[i] != "```":
            i += 1
        before = lines[start - 1].strip() if start else ""
        marker = MARKER.fullmatch(before)
        out.append(Block(page, start + 1, match["lang"], "\n".join(lines[start + 1:i]) + "\n",
                         marker.group(1).split(":")[0] if marker else None,
                         marker["path"].strip() if marker and marker["path"] else None))
        if before.startswith("<!--") and not marker:
            raise AssertionError(f"{page.name}:{start}: unknown code block marker {before!r}")
        i += 1
    return out


def _runs(block: Block) -> bool:
    if block.marker == "no-run":
        return False
    if block.marker == "file":
        return True
    return block.lang in ("python", "pycon") or (block.lang == "bash" and block.marker == "run")


RUNNABLE = [p for p in PAGES if any(_runs(b) for b in blocks(p))]


class _SpacesChecker(doctest.OutputChecker):
    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        def plain(text: str) -> str:
            return text.replace("\u00a0", " ").replace("\u202f", " ")
        return super().check_output(plain(want), plain(got), optionflags)


def _run(block: Block, namespace: dict) -> None:
    where = f"{block.page.relative_to(ROOT)}:{block.line}"
    if block.marker == "file":
        target = Path(block.path or "")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(block.code, encoding="utf-8")
    elif block.lang == "python":
        # Padded so that a traceback names the page and the line of the Markdown file.
        exec(compile("\n" * block.line + block.code, str(block.page), "exec"), namespace)
    elif block.lang == "pycon":
        test = doctest.DocTestParser().get_doctest(block.code, namespace, where, where, block.line)
        runner = doctest.DocTestRunner(checker=_SpacesChecker(), optionflags=doctest.ELLIPSIS)
        report = io.StringIO()
        runner.run(test, out=report.write, clear_globs=False)
        namespace.update(test.globs)  # DocTest works on a copy; later blocks see its names
        assert not runner.failures, report.getvalue()
    else:
        for command in block.code.strip().splitlines():
            words = shlex.split(command, comments=True)
            if words[:1] == ["nastavnik-docs"]:
                result = CliRunner().invoke(cli.app, words[1:])
                assert result.exit_code == 0, f"{where}: {command}\n{result.output}"
            else:
                done = subprocess.run(["bash", "-c", command], capture_output=True, text=True)
                assert done.returncode == 0, f"{where}: {command}\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize("page", RUNNABLE, ids=[str(p.relative_to(ROOT)) for p in RUNNABLE])
def test_examples_of_the_page_run(page, tmp_path, monkeypatch):
    for folder in ("samples", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for block in blocks(page):
        if _runs(block):
            _run(block, namespace)


def test_the_docs_have_runnable_python_examples():
    assert len(RUNNABLE) >= 5
    python = [b for p in PAGES for b in blocks(p) if b.lang in ("python", "pycon") and _runs(b)]
    assert len(python) >= 20


# --------------------------------------------------------------------------- generated pages


def _docs_module(name: str):
    """A module of docs/ (the mkdocs hook and the generator it uses), imported by path."""
    if str(DOCS) not in sys.path:
        sys.path.insert(0, str(DOCS))
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue():
    return _docs_module("_catalogue")


@pytest.fixture(scope="module")
def pages(catalogue):
    return catalogue.catalogue_pages(all_kinds(), samples_root=ROOT / "samples")


def test_the_catalogue_lists_every_kind(catalogue, pages):
    index = pages[catalogue.INDEX]
    for kind in all_kinds():
        assert f"[`{kind.id}`]({kind.id}.md)" in index
        assert kind.title in index
        assert catalogue.kind_page_path(kind.id) in pages


def test_every_input_field_of_every_kind_is_described(catalogue, pages):
    types_page = pages[catalogue.TYPES]
    for kind in all_kinds():
        page = pages[catalogue.kind_page_path(kind.id)]
        schema = kind.input_model.model_json_schema()
        for field in schema["properties"]:
            assert f"| `{field}` |" in page, (kind.id, field)
        for name, model in schema.get("$defs", {}).items():
            if "properties" not in model:
                continue
            where = page if f"{{#type-{name.lower()}}}" in page else types_page
            assert f"{{#type-{name.lower()}}}" in where, (kind.id, name)
            section = where.split(f"{{#type-{name.lower()}}}", 1)[1].split("\n### ", 1)[0]
            for field in model["properties"]:
                assert f"| `{field}` |" in section, (kind.id, name, field)


def test_field_tables_show_types_requirements_enums_and_defaults(catalogue, pages):
    page = pages[catalogue.kind_page_path("order.appoint_curator")]
    assert "| `curator` | [Official](types.md#type-official) или строка | да |" in page
    assert "| `date` | дата (`ГГГГ-ММ-ДД` или `ДД.ММ.ГГГГ`) |  | Дата документа |" in page
    types_page = pages[catalogue.TYPES]
    assert "| `gender` | одно из: `male`, `female` |" in types_page
    assert "| `font_size` | число (от 10 до 16) |  | Кегль основного текста, пт | `14` |" in types_page
    assert "| `full_name` | строка (не пустая) | да | Полное наименование |  |" in types_page


def test_the_navigation_holds_every_generated_page(catalogue, pages):
    nav = catalogue.catalogue_nav(all_kinds())

    def paths(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from paths(value)
        else:
            for value in node:
                yield from paths(value)

    assert sorted(paths(nav)) == sorted(pages)


def test_the_api_page_describes_every_public_name():
    api = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    hooks = _docs_module("_hooks")
    for name in nastavnik_docs.__all__:
        assert re.search(rf"^#+ .*`{re.escape(name)}`", api, re.M), name
    markers = hooks.SIGNATURE.findall(api)
    assert "render" in markers and "render_batch" in markers
    for name in markers:
        assert hooks.signature_text(name).startswith(f"nd.{name}(")
    assert "overwrite: bool = False" in hooks.signature_text("render")


def test_the_cli_page_describes_every_command_and_option():
    page = (DOCS / "reference" / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(cli.app)
    for name, command in group.commands.items():
        assert re.search(rf"^## `nastavnik-docs {name}", page, re.M), name
        section = page.split(f"## `nastavnik-docs {name}", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for option in param.opts if param.param_type_name == "option" else ():
                if option != "--help":
                    assert f"`{option}`" in section, (name, option)


@pytest.mark.slow
def test_the_site_builds_strictly(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    catalogue = (tmp_path / "reference" / "kinds" / "index.html").read_text(encoding="utf-8")
    for kind in all_kinds():
        assert kind.id in catalogue
    assert not (tmp_path / "_hooks.py").exists()
