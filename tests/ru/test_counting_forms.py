"""The committed counting forms are pymorphy3's, and counting the library's words needs no pymorphy3."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nastavnik_docs.ru._agree import agree_word, counting_form, live_agree_word
from tools._word_tables import dumps
from tools.build_counting_forms import TARGET, WORDS, build

PACKAGE = Path(__file__).resolve().parents[2] / "nastavnik_docs"
NUMBERS = [*range(0, 40), 100, 101, 102, 105, 111, 112, 114, 121, 1000, 1001, 1002, 1011, 10_000, 10_022]


def test_the_committed_table_is_what_pymorphy3_gives():
    assert TARGET.read_text("utf-8") == dumps(build()), "python -m tools.build_counting_forms"


@pytest.mark.parametrize("word", WORDS)
def test_the_table_agrees_like_pymorphy3_for_every_number(word):
    assert [agree_word(n, word) for n in NUMBERS] == [live_agree_word(n, word) for n in NUMBERS]


def test_the_three_counting_forms():
    assert [counting_form(n) for n in (1, 21, 101, 2, 3, 4, 22, 104, 0, 5, 11, 12, 14, 20, 25, 111, 112)] == \
        [0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2]


def test_every_word_the_package_counts_is_in_the_table():
    literal = re.compile(r"""agree(?:_word)?\([^,()]+(?:\([^()]*\))?[^,()]*,\s*["']([^"']+)["']""")
    counted = {m[1] for path in PACKAGE.rglob("*.py") for m in literal.finditer(path.read_text("utf-8"))}
    assert counted, "the pattern finds the package's calls"
    assert counted <= set(json.loads(TARGET.read_text("utf-8"))), counted - set(WORDS)


def test_a_batch_summary_loads_no_pymorphy3():
    code = ("import sys\n"
            "from nastavnik_docs.ru import agree\n"
            "print(agree(10000, 'документ'), agree(3, 'месяц'))\n"
            "assert 'pymorphy3' not in sys.modules\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "10\u00a0000 документов 3 месяца"
