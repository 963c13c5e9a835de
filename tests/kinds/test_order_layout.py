"""Layout of orders and protocols: appendices start with «page break before» (no empty page when
an acquaintance list fills its page), the signature's post alone on the letterhead, signature
rows tall enough, narrow columns that break words only at a syllable with a hyphen.

The slow tests convert with LibreOffice and read each page back with pdftotext: a 12-pair
order whose acquaintance list fills page 3 has no empty page; the regulation and every
changed order keep text on every page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from read_back import SAMPLES, plain, sample_data, texts, write_input

import nastavnik_docs as nd
from nastavnik_docs.engine.pdf import convert_to_pdf
from nastavnik_docs.ru import SOFT_HYPHEN

NB = "\u00a0"
needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                              reason="LibreOffice and poppler-utils are not installed")


# --------------------------------------------------------------------------- DOCX


def _page_breaks(path: Path) -> tuple[int, list[str]]:
    """(paragraphs holding a page-break character, texts of paragraphs with «page break before»)."""
    body = Document(path).element.body
    holding = len(body.findall(".//" + qn("w:br") + "[@" + qn("w:type") + "='page']"))
    before = ["".join(t.text or "" for t in p.iter(qn("w:t")))
              for p in body.iter(qn("w:p")) if p.find(qn("w:pPr") + "/" + qn("w:pageBreakBefore")) is not None]
    return holding, before


@pytest.mark.parametrize(("kind", "sample", "first_lines"), [
    ("order.assign_pairs", "orders/assign_pairs.yaml", ["Приложение"]),
    ("order.approve_regulation", "orders/approve_regulation.yaml", ["", "Приложение № 2"]),
    ("order.working_group", "orders/working_group.yaml", ["Приложение"]),
    ("protocol.council", "protocols/council.yaml", ["Приложение"]),
])
def test_appendices_start_with_page_break_before(tmp_path, kind, sample, first_lines):
    out = nd.render(kind, SAMPLES / sample, tmp_path / "out.docx")
    holding, before = _page_breaks(out)
    assert holding == 0  # never an empty paragraph holding a break
    assert [plain(t) for t in before] == first_lines


def test_a_second_order_in_the_file_is_a_section_numbered_from_1(tmp_path):
    out = nd.render("order.reward", SAMPLES / "orders/reward.yaml", tmp_path / "reward.docx")
    doc = Document(out)
    assert len(doc.sections) == 2 and _page_breaks(out)[0] == 0
    for section in doc.sections:
        assert section.different_first_page_header_footer  # no number on an order's first page
    numbering = doc.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"
    order_starts = [i for i, p in enumerate(doc.paragraphs) if p.text == "ПРИКАЗ"]
    assert len(order_starts) == 2


def test_the_signature_post_is_the_post_alone_and_configurable(tmp_path):
    out = nd.render("order.appoint_curator", SAMPLES / "orders/appoint_curator.yaml", tmp_path / "a.docx")
    rows = [[plain(c.text) for c in r.cells] for t in Document(out).tables for r in t.rows]
    assert ["Директор", "Л.А. Горбунова"] in rows
    data = sample_data("orders/appoint_curator.yaml") | {"signature_post": "Директор школы"}
    out = nd.render("order.appoint_curator", write_input(tmp_path, data), tmp_path / "b.docx")
    rows = [[plain(c.text) for c in r.cells] for t in Document(out).tables for r in t.rows]
    assert ["Директор школы", "Л.А. Горбунова"] in rows


def test_acquaintance_rows_are_tall_enough_to_sign_in(tmp_path):
    out = nd.render("order.assign_pairs", SAMPLES / "orders/assign_pairs.yaml", tmp_path / "a.docx")
    table = next(t for t in Document(out).tables if [c.text for c in t.rows[0].cells][-2:] == ["Подпись", "Дата"])
    assert len(table.rows) > 10
    assert all(row.height is not None and row.height.mm >= 10 for row in table.rows[1:])


#: Words a 24–31 mm column of 11-pt text cannot hold whole (about eleven letters).
NARROW_LETTERS = 11


def test_narrow_columns_break_words_only_at_syllables(tmp_path):
    out = nd.render("order.assign_pairs", SAMPLES / "orders/assign_pairs.yaml", tmp_path / "a.docx")
    table = next(t for t in Document(out).tables if len(t.columns) == 6)
    for row in table.rows[1:]:
        for cell in (row.cells[3], row.cells[5]):  # the form (26 mm) and the consent (31 mm)
            for word in re.split(r"[\s\u00a0;,()]+", cell.text):
                whole = word.replace(SOFT_HYPHEN, "")
                if len(whole) > NARROW_LETTERS and "_" not in whole:
                    assert SOFT_HYPHEN in word or "-" in whole, word
                if "_" in whole:  # a blank never wider than the column
                    assert len(whole) <= NARROW_LETTERS, word


def test_a_blank_in_a_narrow_column_is_shorter_than_the_column(tmp_path):
    out = nd.render("protocol.candidates_review", SAMPLES / "protocols/candidates_review.yaml", tmp_path / "r.docx")
    table = next(t for t in Document(out).tables if "Стаж" in [c.text for c in t.rows[0].cells])
    blanks = [row.cells[3].text for row in table.rows[1:] if "_" in row.cells[3].text]
    assert blanks and all(len(b) <= 6 for b in blanks)  # 17 mm of 11-pt text hold six underscores


# --------------------------------------------------------------------------- PDF


def _registry(pairs: int = 12) -> dict:
    """Twelve pairs «учитель – ученик»: twelve teachers in the acquaintance list."""
    people, links = [], []
    surnames = ["Иванова", "Петрова", "Сидорова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Соколова",
                "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова", "Алексеева", "Лебедева", "Семёнова",
                "Егорова", "Павлова", "Козлова", "Степанова", "Николаева", "Орлова", "Андреева", "Макарова"]
    names = ["Анна", "Мария", "Елена", "Ольга", "Татьяна", "Ирина", "Наталья", "Светлана", "Юлия", "Ксения",
             "Дарья", "Алина"]
    posts = ["учитель математики", "учитель русского языка и литературы", "учитель истории", "учитель биологии"]
    for i in range(2 * pairs):
        pupil = i >= pairs
        people.append({"id": f"П{i + 1:02d}", "last_name": surnames[i], "first_name": names[i % 12],
                       "middle_name": "Петровна", "gender": "female", "category": "pupil" if pupil else "teacher",
                       "post": f"{5 + i % 6} «А» класс" if pupil else posts[i % 4]})
    for i in range(pairs):
        links.append({"id": str(i + 1), "mentor": f"П{i + 1:02d}", "mentees": [f"П{i + pairs + 1:02d}"],
                      "form": "учитель – ученик", "start": "2026-09-01", "end": "2027-05-31",
                      "mentor_consent_date": "2026-08-28"})
    return {"participants": people, "pairs": links}


def _pages(pdf: Path) -> list[str]:
    """The text of each page, its page number (a line of digits at the top) left out."""
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                              text=True, check=True).stdout).group(1))
    pages = []
    for n in range(1, count + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        pages.append("\n".join(line for line in text.splitlines() if line.strip() and line.strip() != str(n)))
    return pages


def _bottom(pdf: Path, page: int) -> float:
    """How far down page ``page`` its last text goes, in points (A4: 842; the text ends at ~785)."""
    html = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return max(float(y) for y in re.findall(r'yMax="([\d.]+)"', html))


@pytest.mark.slow
@needs_lo
def test_an_acquaintance_list_that_fills_page_3_leaves_no_empty_page(tmp_path):
    """Twelve pairs, then tasks whose length moves the end of the list down line by line: in
    one of them the list fills page 3 (with a paragraph holding a page break, page 4 was
    empty). Whatever the length, every page has text and the appendix follows the list."""
    tasks = [{"text": "внести сведения о наставнических парах в базу наставников и наставляемых",
              "responsible": "П01", "deadline": "2026-10-05"}] * 12
    documents = []
    for words in range(0, 40, 4):
        extra = [{"text": "провести совещание наставников " + "и кураторов " * words, "responsible": "П02",
                  "deadline": "2026-10-05"}] if words else []
        data = {"organization": str(SAMPLES / "organization.yaml"), "registry": _registry(),
                "number": "131-о/д", "date": "2026-09-28", "tasks": tasks + extra}
        documents.append(nd.render("order.assign_pairs", data, tmp_path / f"w{words:02d}.docx"))
    filled = []
    for pdf in convert_to_pdf(documents):
        pages = _pages(pdf)
        assert all(pages), (pdf.name, [i + 1 for i, p in enumerate(pages) if not p])  # no empty page
        last = max(i for i, p in enumerate(pages) if "Морозова А.П." in p)  # the last row of the list
        appendix = next(i for i, p in enumerate(pages) if p.lstrip().startswith("Приложение"))
        assert appendix == last + 1, pdf.name  # the appendix starts right after the list
        assert "Состав наставнических пар (групп)" in pages[appendix]
        if last == 2 and _bottom(pdf, 3) > 750:
            filled.append(pdf.name)
    assert filled, "no variant fills page 3 with its acquaintance list"


@pytest.mark.slow
@needs_lo
def test_the_regulation_and_the_changed_orders_have_text_on_every_page(tmp_path):
    kinds = {"regulation": "regulation/regulation.yaml", "order.approve_regulation": "orders/approve_regulation.yaml",
             "order.assign_pairs": "orders/assign_pairs.yaml", "order.reward": "orders/reward.yaml",
             "order.change_pair": "orders/change_pair.yaml", "order.appoint_mentors": "orders/appoint_mentors.yaml",
             "labour.supplementary_agreement": "labour/supplementary_agreement.yaml",
             "protocol.council": "protocols/council.yaml"}
    documents = [nd.render(kind, SAMPLES / sample, tmp_path / f"{kind}.docx") for kind, sample in kinds.items()]
    pdfs = dict(zip(kinds, convert_to_pdf(documents)))
    for kind, pdf in pdfs.items():
        pages = _pages(pdf)
        assert all(pages), (kind, [i + 1 for i, p in enumerate(pages) if not p])
    regulation = _pages(pdfs["regulation"])
    assert len(regulation) >= 6  # a full regulation, not a 1½-page skeleton
    assert regulation[0].lstrip().startswith("Управление образования") and "ПРИНЯТО" in regulation[0]
    assert "14. Заключительные положения" in regulation[-1]
    reward = _pages(pdfs["order.reward"])
    starts = [i for i, p in enumerate(reward) if re.search(r"^\s*ПРИКАЗ\s*$", p, re.M)]
    assert len(starts) == 2 and "99-о/д" in reward[starts[1]]  # the pupils' order starts its own page
    raw = subprocess.run(["pdftotext", "-f", str(starts[1] + 1), "-l", str(starts[1] + 1), "-layout",
                          str(pdfs["order.reward"]), "-"], capture_output=True, text=True, check=True).stdout
    assert raw.strip().startswith("Управление образования")  # its first page carries no number
    assert "\n".join(texts(Path(documents[0])))  # the DOCX reads back as well
