"""Inputs against the readers: damaged and hostile packages, YAML aliases and nesting, dates."""

from __future__ import annotations

import io
import struct
import warnings
from datetime import date

import pytest
import yaml
from hostile_files import HostileCtx, broken_files, docx_template, hostile_kind, many_entries, with_doctype
from hostile_harness import hostile_settings
from hypothesis import given
from hypothesis import strategies as st

import nastavnik_docs as nd
from nastavnik_docs._limits import use_limits
from nastavnik_docs._resources import sample_path
from nastavnik_docs.engine._external import external_references, without_external
from nastavnik_docs.engine._opc import Member, Package, ZipLayout
from nastavnik_docs.engine.check import check_template
from nastavnik_docs.errors import DataWarning, InputError, LimitError, NastavnikError
from nastavnik_docs.io import import_roadmap, load_registry
from nastavnik_docs.io._values import parse_date, two_digit_year
from nastavnik_docs.io._yaml import read_document
from nastavnik_docs.models import Category, Participant, person_warnings


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    docx_template(buffer, ["{{ school }}", "{% for i in items %}{{ i }}{% endfor %}"])
    return buffer.getvalue()


DOCX = _docx_bytes()
REGISTRY = sample_path("registry.xlsx").read_bytes()


@st.composite
def damaged(draw, source: bytes):
    """A package damaged the ways files get damaged: cut, bytes overwritten, a size in the
    zip directory changed, a DOCTYPE, thousands of entries."""
    how = draw(st.sampled_from(["cut", "flip", "size", "doctype", "entries", "garbage"]))
    data = bytearray(source)
    if how == "cut":
        return bytes(data[: draw(st.integers(0, len(data) - 1))]), how
    if how == "flip":
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data), how
    if how == "size":  # a central-directory record claims another inflated size
        records = [i for i in range(len(data) - 4) if data[i:i + 4] == b"PK\x01\x02"]
        at = draw(st.sampled_from(records))
        struct.pack_into("<L", data, at + 24, draw(st.sampled_from([0, 1, 2**31, 0xFFFFFFFE])))
        return bytes(data), how
    if how == "doctype":
        return with_doctype(source, draw(st.sampled_from(["[Content_Types].xml", "_rels/.rels"]))), how
    if how == "entries":
        return many_entries(source, 10_001), how
    return draw(st.binary(min_size=0, max_size=2000)), how


def _outcome(action) -> str:
    try:
        action()
    except NastavnikError as exc:
        assert str(exc).strip() and "Traceback" not in str(exc)
        return "отклонён с сообщением"
    return "прочитан"


@pytest.mark.hostile("packages")
@hostile_settings(80)
@given(case=damaged(DOCX))
def test_damaged_templates_are_refused_in_russian_by_render_and_check(tmp_path_factory, case, tally):
    data, how = case
    folder = tmp_path_factory.mktemp("damaged")
    (folder / "hostile.docx").write_bytes(data)
    out = folder / "o.docx"
    render = _outcome(lambda: nd.render(hostile_kind(), HostileCtx(), out, templates=folder))
    check = _outcome(lambda: check_template(folder / "hostile.docx", HostileCtx, kind="x"))
    batch = _outcome(lambda: nd.render_batch(hostile_kind(), [HostileCtx().model_dump()], folder / "b",
                                            templates=folder))
    if how in ("doctype", "entries"):
        assert render == check == batch == "отклонён с сообщением"
    tally.add("packages", render)


@pytest.mark.hostile("packages")
@hostile_settings(60)
@given(case=damaged(REGISTRY))
def test_damaged_registries_are_refused_in_russian(tmp_path_factory, case, tally):
    data, how = case
    path = tmp_path_factory.mktemp("registry") / "база.xlsx"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        outcome = _outcome(lambda: load_registry(path))
    if how in ("doctype", "entries"):
        assert outcome == "отклонён с сообщением"
    tally.add("packages", outcome)


@pytest.mark.hostile("packages")
@hostile_settings(40)
@given(case=damaged(DOCX))
def test_damaged_roadmaps_to_import_are_refused_in_russian(tmp_path_factory, case, tally):
    data, _how = case
    path = tmp_path_factory.mktemp("roadmap") / "карта.docx"
    path.write_bytes(data)
    tally.add("packages", _outcome(lambda: import_roadmap(path)))


@pytest.mark.hostile("packages")
@pytest.mark.parametrize("name", list(broken_files(DOCX)))
def test_every_broken_file_type_is_a_russian_error(tmp_path, name, tally):
    data = broken_files(DOCX)[name]
    (tmp_path / "hostile.docx").write_bytes(data)
    with pytest.raises(NastavnikError) as info:
        nd.render(hostile_kind(), HostileCtx(), tmp_path / "o.docx", templates=tmp_path)
    assert "Package not found" not in str(info.value) and "hostile.docx" in str(info.value)
    tally.add("packages", "отклонён с сообщением")


def test_a_registry_with_a_doctype_is_refused_before_openpyxl_reads_it(tmp_path):
    path = tmp_path / "база.xlsx"
    path.write_bytes(with_doctype(REGISTRY, "xl/workbook.xml"))
    with pytest.raises(InputError, match="DOCTYPE"):
        load_registry(path)


def test_a_formula_without_its_value_is_reported_not_read_as_empty(tmp_path):
    """A workbook written by a program other than Excel may keep formulas without their
    values; every reader then sees an empty cell."""
    from openpyxl import load_workbook

    book = load_workbook(sample_path("registry.xlsx"))
    book["Участники"]["C3"] = '=UPPER("Анна")'  # the first name of the second participant
    path = tmp_path / "база.xlsx"
    book.save(path)  # openpyxl saves formulas without values
    with pytest.raises(InputError) as info:
        load_registry(path)
    (problem,) = info.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("Участники", 3, "Имя")
    assert "формула без сохранённого значения" in problem.message


# --- YAML ---------------------------------------------------------------------------------


@pytest.fixture(params=["libyaml", "python"])
def parser(request, monkeypatch) -> str:
    """Each YAML test runs with both parsers: libyaml's (CSafeLoader, the fast path) and
    PyYAML's own (SafeLoader: where PyYAML was built without libyaml, and the fallback)."""
    from nastavnik_docs.io import _yaml

    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML without libyaml")
        assert _yaml._EVENTS is yaml.CSafeLoader
    else:
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
        monkeypatch.setattr(_yaml, "_EVENTS", yaml.SafeLoader)
    return str(request.param)


@st.composite
def alias_trees(draw):
    """A YAML document of ``levels`` anchors, each a list of ``width`` aliases of the one
    before: width ** levels values from a few hundred bytes."""
    levels, width = draw(st.integers(1, 12)), draw(st.integers(1, 12))
    lines = ['a0: &a0 "ха"']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n", levels, width


@pytest.mark.hostile("yaml")
@hostile_settings(100)
@given(tree=alias_trees())
def test_yaml_aliases_are_bounded_by_what_they_stand_for(tmp_path_factory, parser, tree, tally):
    text, levels, width = tree
    path = tmp_path_factory.mktemp("yaml") / "a.yaml"
    path.write_text(text, encoding="utf-8")
    expanded = sum(sum(width ** k for k in range(i + 1)) + 1 for i in range(levels)) + 1
    try:
        document = read_document(path)
        outcome = "прочитан"
        assert expanded <= 1_000_000
        assert len(document.lines) < 10 * levels * width + 10  # aliases are not walked again
    except InputError as exc:
        outcome = "отклонён"
        assert expanded > 1_000_000 and "псевдоним" in str(exc)
    tally.add("yaml", outcome)


@pytest.mark.hostile("yaml")
@hostile_settings(40)
@given(depth=st.integers(1, 3000), kind=st.sampled_from(["yaml-flow", "yaml-block", "json"]))
def test_deep_nesting_is_refused_not_a_recursion_error(tmp_path_factory, parser, depth, kind, tally):
    folder = tmp_path_factory.mktemp("deep")
    if kind == "json":
        path, text = folder / "d.json", '{"a": ' + "[" * depth + "]" * depth + "}"
    elif kind == "yaml-flow":
        path, text = folder / "d.yaml", "a: " + "[" * depth + "]" * depth + "\n"
    else:
        path, text = folder / "d.yaml", "".join(f"{'  ' * i}k{i}:\n" for i in range(min(depth, 400))) + \
            f"{'  ' * min(depth, 400)}v\n"
    path.write_text(text, encoding="utf-8")
    try:
        read_document(path)
        outcome = "прочитан"
    except InputError as exc:
        outcome = "отклонён"
        assert "вложенност" in str(exc)
    tally.add("yaml", outcome)


@pytest.mark.hostile("yaml")
def test_an_input_file_over_the_size_limit_is_refused_before_reading(tmp_path, tally):
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000 + "\n", encoding="utf-8")
    with use_limits(input_bytes=1000), pytest.raises(InputError, match="размер файла"):
        read_document(path)
    tally.add("yaml", "отклонён")


def test_a_self_referring_yaml_is_refused(tmp_path, parser):
    path = tmp_path / "self.yaml"
    path.write_text("a: &a [1, *a]\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_document(path)
    assert yaml.safe_load("b: 1") == {"b": 1}


# --- dates --------------------------------------------------------------------------------


@pytest.mark.hostile("dates")
@hostile_settings(300)
@given(day=st.integers(1, 28), month=st.integers(1, 12), yy=st.integers(0, 99))
def test_a_two_digit_birth_year_never_gives_a_future_date(day, month, yy, tally):
    born = parse_date(f"{day:02d}.{month:02d}.{yy:02d}", past=True)
    assert born <= date.today() and born.year % 100 == yy and date.today().year - born.year < 100
    other = parse_date(f"{day:02d}.{month:02d}.{yy:02d}")
    assert other.year == two_digit_year(yy, month, day) and other.year <= date.today().year + 10
    tally.add("dates", "прочитана по правилу")


def test_the_two_digit_years_of_the_issue():
    assert parse_date("02.11.68", past=True) == date(1968, 11, 2)
    assert parse_date("02.11.68") == date(1968, 11, 2)
    assert parse_date("1.9.24") == date(2024, 9, 1)
    today = date(2026, 12, 6)
    assert two_digit_year(30, 1, 1, today=today) == 2030 and two_digit_year(30, 1, 1, past=True, today=today) == 1930
    assert two_digit_year(26, 12, 7, past=True, today=today) == 1926  # tomorrow: not born yet
    assert two_digit_year(26, 12, 6, past=True, today=today) == 2026


@pytest.mark.hostile("dates")
@hostile_settings(200)
@given(born=st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),
       category=st.sampled_from(list(Category)))
def test_unlikely_birth_dates_are_warnings(born, category, tally):
    person = Participant(id="1", last_name="Иванова", first_name="Анна", birth_date=born, category=category)
    found = person_warnings(person)
    age = person.age_on(date.today())
    unlikely = born > date.today() or born.year < 1900 or not (
        {Category.PUPIL: (5, 20), Category.STUDENT: (14, 60), Category.TEACHER: (17, 90),
         Category.EMPLOYER: (17, 90), Category.OTHER: (5, 100)}[category][0] <= age <=
        {Category.PUPIL: (5, 20), Category.STUDENT: (14, 60), Category.TEACHER: (17, 90),
         Category.EMPLOYER: (17, 90), Category.OTHER: (5, 100)}[category][1])
    assert bool(found) == unlikely
    for text in found:  # identified by surname and initials, never by the date itself
        assert "Иванова" in text and born.isoformat() not in text and f"{born:%d.%m.%Y}" not in text
    tally.add("dates", "предупреждение" if found else "принята")


def test_the_birth_dates_of_the_issue_reach_the_user(tmp_path):
    from typer.testing import CliRunner

    from nastavnik_docs.cli import app

    data = yaml.safe_load(sample_path("awards/certificate.yaml").read_text(encoding="utf-8"))
    organization = sample_path("organization.yaml")
    for n, (year, category) in enumerate(((1850, "педагог"), (2090, "педагог"), (1962, "обучающийся"))):
        data.update(organization=str(organization))
        data["recipient"] = {**data["recipient"], "birth_date": date(year, 3, 1), "category": category}
        path = tmp_path / f"in{n}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = CliRunner().invoke(app, ["render", "award.certificate", str(path), "-o", str(tmp_path / f"out{n}.docx")])
        assert result.exit_code == 0, result.output
        assert "Предупреждение:" in result.output and "проверьте" in result.output
        assert str(year) not in result.output.split("Предупреждение:")[1]


def test_a_young_specialist_born_in_2090_is_a_warning_not_silence():
    person = Participant(id="1", last_name="Петров", first_name="Иван", birth_date=date(2090, 1, 1),
                         category=Category.TEACHER, experience_years=1)
    assert person_warnings(person) == ["Петров\u00a0И.: дата рождения позже сегодняшнего дня — проверьте год"]


def test_limits_are_errors_of_their_own(tmp_path):
    path = tmp_path / "big.json"
    path.write_text("[" * 50 + "]" * 50, encoding="utf-8")
    with use_limits(nesting=10), pytest.raises(InputError, match="NASTAVNIK_DOCS_LIMIT_NESTING"):
        read_document(path)
    assert issubclass(LimitError, NastavnikError)


@pytest.mark.hostile("network")
@pytest.mark.parametrize("field", ['INCLUDEPICTURE "http://127.0.0.1:9/x.png" \\d', 'INCLUDETEXT "http://127.0.0.1:9/a.docx"',
                                   'LINK Excel.Sheet.12 "http://127.0.0.1:9/b.xlsx" "A1"'])
def test_field_links_are_found_for_the_check_and_removed_before_pdf(field, tally):
    """Word fetches these fields when it updates them: check-template reports them, and the
    copy LibreOffice converts has them emptied."""
    instr = f'<w:r><w:instrText xml:space="preserve"> {field} </w:instrText></w:r>'.encode()
    package = Package(DOCX)
    xml = package.read("word/document.xml").replace(b"</w:body>", b"<w:p>" + instr + b"</w:p></w:body>")
    data = ZipLayout([Member.from_bytes(n, xml) if n == "word/document.xml" else package.member(n)
                      for n in package.names]).build([])
    (found,) = external_references(Package(data))
    assert found.kind.startswith("поле ") and "127.0.0.1:9" in found.target
    cleaned = without_external(Package(data))
    assert cleaned is not None and external_references(Package(cleaned)) == []
    assert b"127.0.0.1:9" not in Package(cleaned).read("word/document.xml")
    tally.add("network", "поле найдено и убрано")
