"""The committed agreement forms are pymorphy3's, and the package's own wording fills its
braces without pymorphy3; a curator's own words still go to pymorphy3."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nastavnik_docs.errors import GrammarError
from nastavnik_docs.ru import agree_with, inflect_agreeing
from nastavnik_docs.ru._agreement import live_inflect_agreeing
from tools._word_tables import dumps
from tools.build_agreement_forms import TARGET, build, key, words

TABLE = json.loads(TARGET.read_text("utf-8"))


def test_the_committed_table_is_what_pymorphy3_gives():
    assert TARGET.read_text("utf-8") == dumps(build()), "python -m tools.build_agreement_forms"


def test_the_table_holds_the_wording_of_certificates_and_programmes():
    assert {"принял", "наставляемого:accs", "обучающийся", "удовлетворён"} <= set(TABLE)
    assert len(words()) > len(TABLE)  # braces that are fields to fill («{предмет}») are left out


@pytest.mark.parametrize("entry", sorted(TABLE))
@pytest.mark.parametrize("target", ["masc", "femn", "plur"])
@pytest.mark.parametrize("spelling", [str.lower, str.capitalize])
def test_the_table_agrees_like_pymorphy3(entry, target, spelling):
    word, _, case = entry.partition(":")
    assert key(word, case or None) == entry
    written = spelling(word)
    assert inflect_agreeing(written, target, case or None) == live_inflect_agreeing(written, target, case or None)


def test_a_word_outside_the_table_goes_to_pymorphy3():
    assert "завершил" not in TABLE
    assert agree_with("{Завершил} программу", "femn") == "Завершила программу"
    with pytest.raises(GrammarError):
        inflect_agreeing("программа", "femn")


def test_a_certificate_fills_its_wording_without_pymorphy3():
    code = ("import sys\n"
            "from nastavnik_docs import get_kind, load_input\n"
            "from nastavnik_docs._resources import sample_path\n"
            "kind = get_kind('award.certificate')\n"
            "context = kind.build_context(load_input(kind, sample_path('awards/certificate.yaml')))\n"
            "print(context.statement)\n"
            "assert 'pymorphy3' not in sys.modules, 'pymorphy3 was loaded'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "принял" in out.stdout
