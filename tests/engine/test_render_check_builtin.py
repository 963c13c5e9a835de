"""A typo inside a table loop of each built-in template that has one fails the check — with
the path, a hint and the paragraph or cell — and fails the render too; the built-in context
models leave no place untyped for the check."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine.introspect import opaque_paths
from nastavnik_docs.engine.lookup import find_template
from nastavnik_docs.errors import TemplateError

DOCX_LOOP = re.compile(r"\{%-?\s*tr\s+for\s+(\w+)\s+in\s+([\w.]+)\s*-?%\}")
XLSX_LOOP = re.compile(r"\{%-?\s*row\s+for\s+(\w+)\s+in\s+([\w.]+)\s*-?%\}")


def _typo(attr: str) -> str:
    return attr + attr[-1]  # «mentor» → «mentorr»: near enough to be suggested back


def docx_cases() -> list[tuple[str, str, str, str]]:
    """(kind, template name, loop variable, attribute used in the loop's row) per loop."""
    cases = []
    for kind in nd.all_kinds():
        if not kind.docx or not kind.samples:
            continue
        xml = zipfile.ZipFile(find_template(kind.docx)).read("word/document.xml").decode("utf-8")
        for match in DOCX_LOOP.finditer(xml):
            var = match.group(1)
            end = xml.find("tr endfor", match.end())
            use = re.compile(r"\{\{-?\s*" + var + r"\.(\w+)").search(xml, match.end(), end)
            if use:
                cases.append((kind.id, kind.docx, var, use.group(1)))
    return cases


def xlsx_cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for kind in nd.all_kinds():
        if not kind.xlsx or not kind.samples or ".xlsx" in kind.extra_formats:
            continue
        wb = load_workbook(find_template(kind.xlsx))
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    match = XLSX_LOOP.search(cell.value) if isinstance(cell.value, str) else None
                    if match:
                        cases.append((kind.id, kind.xlsx, match.group(1), f"{ws.title}!{cell.row}"))
    return cases


DOCX = docx_cases()
XLSX = xlsx_cases()


def test_the_templates_have_table_loops_to_check():
    assert {c[0] for c in DOCX} >= {"order.assign_pairs", "order.working_group", "registry.mentors",
                                     "programme.personal", "protocol.council", "roadmap"}
    assert len(XLSX) >= 5


def _mutated_docx(name: str, var: str, attr: str, tmp_path: Path) -> Path:
    source = zipfile.ZipFile(find_template(name))
    xml = source.read("word/document.xml").decode("utf-8")
    loop = next(m for m in DOCX_LOOP.finditer(xml) if m.group(1) == var and
                re.search(r"\{\{-?\s*" + var + r"\." + attr + r"\b", xml[m.end():]))
    use = re.compile(r"(\{\{-?\s*" + var + r"\.)" + attr + r"\b").search(xml, loop.end())
    xml = xml[:use.start()] + use.group(1) + _typo(attr) + xml[use.end():]
    target = tmp_path / name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item, xml.encode("utf-8") if item.filename == "word/document.xml"
                         else source.read(item.filename))
    target.write_bytes(buffer.getvalue())
    return target


def _fails_to_render(kind: str, template: Path) -> bool:
    """Whether rendering some sample of ``kind`` with ``template`` fails (a use under a
    condition fails only with a sample that meets the condition)."""
    for sample in nd.get_kind(kind).samples:
        try:
            nd.render(kind, sample_path(sample), template=template, format=template.suffix)
        except TemplateError:
            return True
    return False


@pytest.mark.parametrize("kind, name, var, attr", DOCX, ids=[f"{c[0]}:{c[2]}.{c[3]}" for c in DOCX])
def test_a_typo_in_a_docx_table_loop_fails_the_check_and_the_render(kind, name, var, attr, tmp_path):
    template = _mutated_docx(name, var, attr, tmp_path)
    report = nd.check_template(template, kind)
    (issue,) = [i for i in report.issues if i.path and i.path.endswith(f"[].{_typo(attr)}")]
    assert issue.suggestion and issue.suggestion.endswith(f"[].{attr}")
    assert issue.hint and issue.where and _typo(attr) in issue.text
    assert _fails_to_render(kind, template), "the check and the render disagree"


@pytest.mark.parametrize("kind, name, var, where", XLSX, ids=[f"{c[0]}:{c[3]}" for c in XLSX])
def test_a_typo_in_an_xlsx_row_loop_fails_the_check_and_the_render(kind, name, var, where, tmp_path):
    sheet, row = where.split("!")
    wb = load_workbook(find_template(name))
    ws = wb[sheet]
    use = re.compile(r"(\{\{-?\s*" + var + r"\.)(\w+)")
    cell, match = next((c, use.search(c.value)) for c in ws[int(row)]
                       if isinstance(c.value, str) and use.search(c.value))
    attr = match.group(2)
    cell.value = cell.value[:match.start(2)] + _typo(attr) + cell.value[match.end(2):]
    template = tmp_path / name
    wb.save(template)
    report = nd.check_template(template, kind)
    (issue,) = [i for i in report.issues if i.path and i.path.endswith(f"[].{_typo(attr)}")]
    assert issue.suggestion.endswith(f"[].{attr}") and issue.hint
    assert issue.where == f"лист «{sheet}», ячейка {cell.coordinate}"
    assert _fails_to_render(kind, template), "the check and the render disagree"


@pytest.mark.parametrize("kind", nd.all_kinds(), ids=lambda k: k.id)
def test_no_built_in_context_leaves_a_place_the_check_cannot_see(kind):
    assert opaque_paths(kind.context_model) == []
