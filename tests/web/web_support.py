"""What the web tests share besides fixtures: sample paths, planted errors, sample
project copies and a small HTML form reader. A module of its own (not ``conftest``), so
that ``from web_support import …`` names this file even when other test folders, each with
its own conftest, are collected in the same run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
#: Uploads that are not a workbook the reader may open: name, bytes, what the answer says.
MALFORMED_WORKBOOKS = [
    ("база.xlsx", b"this is not a workbook", "повреждён или это не файл .xlsx"),
    ("база.xlsx", b"PK\x03\x04 broken zip", "повреждён"),
    ("база.xls", b"\xd0\xcf\x11\xe0", "нужен файл .xlsx"),
    ("../../etc/passwd", b"root:x:0:0", "нужен файл .xlsx"),
    ("база.xlsx", b"", "пустой файл"),
]
#: Where the planted error sits: sheet «Пары», the row of pair 2, column «Начало».
PLANTED = {"sheet": "Пары", "row": 3, "column": "Начало", "value": "31.02.2026"}


def as_json(data: Any) -> Any:
    """YAML data as a JSON client sends it (dates as ISO text)."""
    return json.loads(json.dumps(data, default=str, ensure_ascii=False))


def served_card_and_registry(client) -> Path:
    """The served folder with the sample organisation card and registry in it."""
    folder = client.app.state.web.folder.path
    shutil.copy(SAMPLES / "organization.yaml", folder / "organization.yaml")
    shutil.copy(SAMPLES / "registry.xlsx", folder / "База наставников и наставляемых.xlsx")
    return folder


def registry_with_error(target: Path, source: Path = SAMPLES / "registry.xlsx") -> Path:
    """A sample registry with one impossible date planted at ``PLANTED``."""
    import openpyxl

    shutil.copy(source, target)
    book = openpyxl.load_workbook(target)
    sheet = book[PLANTED["sheet"]]
    header = [c.value for c in sheet[1]]
    sheet.cell(PLANTED["row"], header.index(PLANTED["column"]) + 1, PLANTED["value"])
    book.save(target)
    return target


def registry_with_unknown_form(target: Path) -> Path:
    """The sample registry whose pair on sheet «Пары», row 3 has a form no list knows: it
    loads (a form may be the school's own), and the year's check reports an error there."""
    import openpyxl

    shutil.copy(SAMPLES / "registry.xlsx", target)
    book = openpyxl.load_workbook(target)
    sheet = book["Пары"]
    header = [c.value for c in sheet[1]]
    column = next(h for h in ("Формат наставничества", "Форма наставничества") if h in header)  # two columns now
    sheet.cell(3, header.index(column) + 1, "телепатическое")
    book.save(target)
    return target


#: The sample project: a programme year whose checks pass, with every official named.
SAMPLE_PROJECT = SAMPLES / "project"


def sample_project(target: Path, *, keep: list[str] | None = None) -> Path:
    """A copy of the sample project in ``target``; ``keep`` limits its documents to those keys
    (so that a test issues a few documents, not the year)."""
    shutil.copytree(SAMPLE_PROJECT, target)
    if keep is not None:
        path = target / "nastavnik.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["documents"] = [d for d in data["documents"] if d["key"] in keep]
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def comments(text: str) -> list[str]:
    """Every comment of a YAML text (whole-line and end-of-line), in order."""
    import re

    return [m.group(1).strip() for m in re.finditer(r"(?:^|\s)(#[^\n]*)", text)]


def form_values(page: str, action: str) -> list[tuple[str, str]]:
    """What a browser would post from the form of ``page`` whose action is ``action``: the
    inputs' values, the selected options, the ticked boxes (a small stand-in for a browser)."""
    from html.parser import HTMLParser

    class Form(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.inside = False
            self.values: list[tuple[str, str]] = []
            self.select: str | None = None
            self.first: tuple[str, str] | None = None
            self.chosen = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = {k: v or "" for k, v in attrs}
            if tag == "form":
                self.inside = a.get("action") == action
            if not self.inside:
                return
            if tag == "input" and a.get("name"):
                if a.get("type") == "checkbox":
                    if "checked" in a:
                        self.values.append((a["name"], a.get("value", "on")))
                else:
                    self.values.append((a["name"], a.get("value", "")))
            elif tag == "select":
                self.select, self.first, self.chosen = a["name"], None, False
            elif tag == "option" and self.select:
                if self.first is None:
                    self.first = (self.select, a.get("value", ""))
                if "selected" in a:
                    self.values.append((self.select, a.get("value", "")))
                    self.chosen = True

        def handle_endtag(self, tag: str) -> None:
            if tag == "form":
                self.inside = False
            if tag == "select" and self.select:
                if not self.chosen and self.first is not None:
                    self.values.append(self.first)
                self.select = None

    parser = Form()
    parser.feed(page)
    return parser.values


def unfilled_sample_project(target: Path) -> Path:
    """The sample project as a curator starts it: ``nastavnik-docs init`` (an empty card and
    an empty registry) with the sample's documents of the year, and no officials named yet
    but the one of the sample's own (``others``) the form does not show."""
    from nastavnik_docs.project import Project

    Project.init(target, school_year=2026)
    shutil.copytree(SAMPLE_PROJECT / "документы", target / "документы")
    text = (SAMPLE_PROJECT / "nastavnik.yaml").read_text(encoding="utf-8")
    start, end = text.index("\nofficials:\n"), text.index("\n# Действующие акты")
    officials = (
        "\nofficials:\n"
        "  curator:                         # куратор наставничества\n"
        "  deputy:                          # заместитель директора (утверждает ИОМ)\n"
        "  chief_accountant:                # главный бухгалтер\n"
        "  council_chair:                   # председатель педагогического совета\n"
        "  council_secretary:               # секретарь педагогического совета\n"
        "  others:\n"
        "    it_deputy: {last_name: Смирнова, first_name: Татьяна, middle_name: Олеговна, gender: ж, "
        "post: заместитель директора по информатизации}\n")
    (target / "nastavnik.yaml").write_text(text[:start] + officials + text[end:], encoding="utf-8")
    return target
