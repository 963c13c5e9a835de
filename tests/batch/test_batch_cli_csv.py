"""End to end: `nastavnik-docs batch` on a CSV table as Excel saves it in Russia.

Russian Excel saves «CSV (разделители — запятые)» in Windows-1251 with «;»; «CSV UTF-8»
with a BOM; other programs write UTF-8 with «,» or tabs. Each is run through the command
line into a temporary folder and the certificates are read back.
"""

from __future__ import annotations

import codecs

import pytest
from docx import Document
from typer.testing import CliRunner

from nastavnik_docs._resources import sample_path
from nastavnik_docs.cli import app

COMMON = sample_path("awards/common.yaml")
HEADER = ["last_name", "first_name", "middle_name", "gender", "category", "post", "role"]
ROWS = [
    ["Кравченко", "Ольга", "Викторовна", "ж", "педагог",
     "учитель русского языка и литературы, классный руководитель", "наставник"],
    ["Мамедов", "Эльдар", "Рашид оглы", "м", "педагог", "учитель физики; информатики", "наставник"],
    ["Белова", "Дарья", "Андреевна", "ж", "обучающийся", "7 «Б» класс", "наставляемая"],
    ["Фёдорова", "Алёна", "", "ж", "обучающийся", "11 «А» класс", "наставляемая"],
]


def csv_bytes(delimiter: str, encoding: str, bom: bytes = b"") -> bytes:
    def line(cells: list[str]) -> str:
        return delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in cells)

    text = "\r\n".join(line(r) for r in [HEADER, *ROWS]) + "\r\n"
    return bom + text.encode(encoding)


def body(path) -> str:
    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


@pytest.mark.parametrize(
    ("delimiter", "encoding", "bom"),
    [
        (";", "cp1251", b""),                 # «CSV (разделители — запятые)» of Russian Excel
        (",", "utf-8", codecs.BOM_UTF8),      # «CSV UTF-8»
        ("\t", "utf-8", b""),                 # a tab-separated export
    ],
    ids=["cp1251-semicolon", "utf8-bom-comma", "utf8-tab"],
)
def test_batch_from_a_csv_saved_by_excel(tmp_path, delimiter, encoding, bom):
    table = tmp_path / "участники.csv"
    table.write_bytes(csv_bytes(delimiter, encoding, bom))
    out = tmp_path / "Сертификаты"
    result = CliRunner().invoke(app, ["batch", "award.certificate", str(table), "--common", str(COMMON),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert "записано 4 документа" in result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["Белова_Д.А.docx", "Кравченко_О.В.docx", "Мамедов_Э.Р.docx", "Фёдорова_А.docx"]
    expected = {
        "Кравченко_О.В.docx": ["Кравченко Ольге Викторовне",
                               "учителю русского языка и литературы, классному руководителю, наставнику"],
        "Мамедов_Э.Р.docx": ["Мамедову Эльдару Рашид оглы", "учителю физики; информатики, наставнику"],
        "Белова_Д.А.docx": ["Беловой Дарье Андреевне", "обучающейся 7\u00a0«Б»\u00a0класса, наставляемой"],
        "Фёдорова_А.docx": ["Фёдоровой Алёне", "обучающейся 11\u00a0«А»\u00a0класса, наставляемой"],
    }
    for name, lines in expected.items():
        text = body(out / name).splitlines()
        assert all(line in text for line in lines), (name, text)

def test_a_csv_in_an_unknown_encoding_is_a_russian_error(tmp_path):
    table = tmp_path / "участники.csv"
    table.write_bytes(b"last_name;first_name\r\n\x98\x98;\xff\xfe\r\n")  # 0x98 is undefined in cp1251
    result = CliRunner().invoke(app, ["batch", "award.certificate", str(table), "--common", str(COMMON),
                                      "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "не удалось определить кодировку файла" in result.output
    assert not (tmp_path / "out").exists()
