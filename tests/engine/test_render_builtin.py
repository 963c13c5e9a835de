"""Every sample of every registered kind, rendered by the engine: no tag left, no «None».

Parametrised over the catalogue, so a new kind or sample is covered without editing this
file. Family tests check the content; this one checks what the engine guarantees.
"""

from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from openpyxl import load_workbook

import nastavnik_docs as nd
from nastavnik_docs._resources import sample_path
from nastavnik_docs.kinds import all_kinds

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
NONE = re.compile(r"\bNone\b")

CASES = [(kind, sample, ext) for kind in all_kinds() for sample in kind.samples
         for ext in kind.formats if ext in (".docx", ".xlsx")]


def docx_paragraphs(path) -> list[str]:
    """Text of every paragraph in the body, headers, footers and footnotes."""
    texts = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*|footnotes)\.xml", name):
                root = etree.fromstring(zf.read(name))
                for para in root.iter(f"{W}p"):
                    texts.append("".join(t.text or "" for t in para.iter(f"{W}t")))
    return texts


def xlsx_texts(path) -> list[str]:
    texts = []
    for ws in load_workbook(path).worksheets:
        texts += [str(c.value) for row in ws.iter_rows() for c in row
                  if isinstance(c.value, str) and c.data_type != "f"]
        for item in (ws.oddHeader, ws.oddFooter):
            texts += [part.text for part in (item.left, item.center, item.right) if part.text]
    return texts


@pytest.mark.parametrize("kind, sample, ext", CASES,
                         ids=[f"{k.id}:{s.rsplit('/', 1)[-1]}{e}" for k, s, e in CASES])
def test_sample_renders_without_leftover_tags_or_none(tmp_path, kind, sample, ext):
    out = nd.render(kind, sample_path(sample), tmp_path / f"out{ext}")
    texts = docx_paragraphs(out) if ext == ".docx" else xlsx_texts(out)
    assert any(t.strip() for t in texts)
    assert [t for t in texts if LEFTOVER.search(t)] == []
    assert [t for t in texts if NONE.search(t)] == []
