"""Bombs, each in a child process whose address space is limited to 500 MB: refused, in
Russian, in less than 10 s, the peak memory measured (figures on docs/background/hostile.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_files import MB, docx_bomb, docx_template, registry_styles_bomb, xlsx_template, yaml_alias_bomb
from hostile_harness import MEMORY_LIMIT_MB, TALLY, run_limited, run_limited_many

from nastavnik_docs._resources import sample_path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    (folder / "tpl200").mkdir()
    (folder / "tpl50").mkdir()
    found = {
        "docx200": docx_bomb(folder / "tpl200" / "hostile.docx", 200),
        "docx50": docx_bomb(folder / "tpl50" / "hostile.docx", 50),
        "registry": registry_styles_bomb(sample_path("registry.xlsx"), folder / "registry.xlsx", 1024),
        "yaml": folder / "bomb.yaml",
        "roadmap": docx_bomb(folder / "roadmap.docx", 200),
    }
    found["yaml"].write_text(yaml_alias_bomb(), encoding="utf-8")
    return found


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / MB:.1f} МБ" if size >= MB else f"{size / 1024:.0f} КБ"


def _record(name: str, file: str, inside: str, limited, category: str) -> None:
    outcome = "отклонена" if limited.result.get("outcome") not in (None, "выполнено") else "выполнено"
    TALLY.bombs.append({"name": name, "file": file, "inside": inside, "outcome": outcome,
                        "seconds": limited.seconds, "peak_mb": limited.peak_mb})
    TALLY.add(category, "бомба отклонена" if outcome == "отклонена" else "бомба выполнена")


def _assert_refused(limited, error: str, words: str) -> None:
    assert limited.returncode == 0, limited.stderr[-3000:]
    assert limited.result["outcome"] == error, limited.result
    assert words in str(limited.result["message"]), limited.result["message"]
    assert limited.peak_mb < MEMORY_LIMIT_MB, f"{limited.peak_mb:.0f} MB"


HOSTILE = "from nastavnik_docs.kinds import Kind\nfrom pydantic import BaseModel\n" \
          "class C(BaseModel):\n    school: str = 'Школа'\n    items: list[str] = ['а']\n" \
          "kind = Kind(id='t.h', title='Т', input_model=C, context_model=C, build_context=lambda d: d, " \
          "docx='hostile.docx', xlsx='hostile.xlsx')\n"


@pytest.mark.hostile("packages")
@pytest.mark.parametrize("which, megabytes", [("docx200", 200), ("docx50", 50)])
def test_a_docx_template_bomb_is_refused_before_parsing(bombs, tmp_path, which, megabytes):
    template = bombs[which]
    found = run_limited_many({
        "render": HOSTILE + f"nastavnik_docs.render(kind, C(), {str(tmp_path / 'o.docx')!r}, "
                            f"templates={str(template.parent)!r})",
        "check-template": f"nastavnik_docs.engine.check.check_template({str(template)!r}, "
                          f"nastavnik_docs.kinds.get_kind('award.certificate').context_model, kind='x')",
        "batch": HOSTILE + f"nastavnik_docs.render_batch(kind, [{{}}], {str(tmp_path / 'b')!r}, "
                           f"templates={str(template.parent)!r})",
    })
    for command, limited in found.items():  # check-template never says «ошибок нет»
        _assert_refused(limited, "LimitError", "больше допустимого")
        assert "NASTAVNIK_DOCS_LIMIT_DOCX_PART_BYTES" in str(limited.result["message"])
        _record(f"шаблон DOCX, {megabytes} МБ XML: {command}", _size(template), f"{megabytes} МБ", limited, "packages")
    assert not (tmp_path / "o.docx").exists() and not (tmp_path / "b").exists()


@pytest.mark.hostile("packages")
def test_a_registry_with_a_gigabyte_in_its_styles_is_refused(bombs):
    limited = run_limited(f"nastavnik_docs.io.load_registry({str(bombs['registry'])!r})")
    _assert_refused(limited, "LimitError", "больше допустимого")
    _record("база XLSX, комментарий 1 ГБ в styles.xml", _size(bombs["registry"]), "1 ГБ", limited, "packages")


@pytest.mark.hostile("packages")
def test_a_roadmap_to_import_that_is_a_bomb_is_refused(bombs):
    limited = run_limited(f"nastavnik_docs.io.import_roadmap({str(bombs['roadmap'])!r})")
    _assert_refused(limited, "LimitError", "больше допустимого")
    _record("дорожная карта DOCX для импорта, 200 МБ XML", _size(bombs["roadmap"]), "200 МБ", limited, "packages")


#: PyYAML's own parser instead of libyaml's: where PyYAML was built without it.
PYTHON_PARSER = "import yaml, nastavnik_docs.io._yaml as y\ny._EVENTS = yaml.SafeLoader\n" \
                "vars(yaml).pop('CSafeLoader', None)\n"


@pytest.mark.hostile("yaml")
def test_a_yaml_alias_bomb_is_refused_by_both_parsers(bombs, tmp_path):
    path = bombs["yaml"]
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    load = f"nastavnik_docs.load_input('award.certificate', {str(path)!r})"
    load_deep = f"nastavnik_docs.load_input('award.certificate', {str(deep)!r})"
    found = run_limited_many({"libyaml": load, "libyaml, глубина": load_deep})
    found.update(run_limited_many({"python": PYTHON_PARSER + load, "python, глубина": PYTHON_PARSER + load_deep}))
    for parser, limited in found.items():
        _assert_refused(limited, "InputError", "вложенност" if "глубина" in parser else "псевдоним")
        if "глубина" in parser:
            _record(f"YAML, 100 000 вложенных списков ({parser.split(',')[0]})", _size(deep), "глубина 100 000",
                    limited, "yaml")
        else:
            _record(f"YAML «billion laughs» ({parser})", f"{path.stat().st_size} байт", "9¹⁰ значений", limited, "yaml")


TEMPLATE_BOMBS = {
    "вложенные range(100000)": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "вложенные циклы по 10 000": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "((10**1000)**1000)**1000": "{{ ((10**1000)**1000)**1000 }}",
    "''|center(400000000)": "{{ ''|center(400000000) }}",
    "'%0400000000d'|format(1)": "{{ '%0400000000d'|format(1) }}",
    "'{:>400000000}'.format(1)": "{{ '{:>400000000}'.format(1) }}",
    "цепочка ~": "{% set a = 'x' * 1000000 %}{% set b = a~a %}{% set c = b~b~b~b %}{{ c~c~c~c }}",
    "текст 1 МБ × 10 000 в блоке": "{% set s %}{% for i in range(10000) %}{{ 'y' * 1000000 }}{% endfor %}{% endset %}",
}


@pytest.mark.hostile("limits")
def test_template_bombs_are_refused_within_limits(tmp_path):
    bodies = {}
    for i, (name, paragraph) in enumerate(TEMPLATE_BOMBS.items()):
        folder = tmp_path / f"tpl{i}"
        folder.mkdir()
        docx_template(folder / "hostile.docx", [paragraph])
        bodies[name] = HOSTILE + f"nastavnik_docs.render(kind, C(), {str(tmp_path / f'o{i}.docx')!r}, " \
                                 f"templates={str(folder)!r})"
    for i, (name, limited) in enumerate(run_limited_many(bodies).items()):
        _assert_refused(limited, "TemplateError", "предел")
        assert not (tmp_path / f"o{i}.docx").exists()
        _record(f"шаблон DOCX: {name}", _size(tmp_path / f"tpl{i}" / "hostile.docx"), "—", limited, "limits")


@pytest.mark.hostile("limits")
def test_an_xlsx_row_repeated_100000_times_is_refused(tmp_path):
    folder = tmp_path / "tpl"
    folder.mkdir()
    xlsx_template(folder / "hostile.xlsx", {"A1": "{%row for i in range(100000) %}{{ i }}"})
    limited = run_limited(HOSTILE + f"nastavnik_docs.render(kind, C(), {str(tmp_path / 'o.xlsx')!r}, "
                                    f"templates={str(folder)!r})")
    _assert_refused(limited, "TemplateError", "предел")
    _record("шаблон XLSX: {%row for i in range(100000) %}", _size(folder / "hostile.xlsx"), "—", limited, "limits")


@pytest.mark.hostile("limits")
def test_an_11_million_character_field_is_refused_not_cut(tmp_path):
    limited = run_limited(
        "from nastavnik_docs._resources import sample_path\n"
        "data = nastavnik_docs.load_input('award.certificate', sample_path('awards/certificate.yaml'))\n"
        "record = data.model_dump()\n"
        "record['event'] = 'я' * 11_000_000\n"
        f"nastavnik_docs.render('award.certificate', record, {str(tmp_path / 'o.docx')!r})")
    _assert_refused(limited, "InputError", "не более 100000 символов")
    assert not (tmp_path / "o.docx").exists()
    _record("поле в 11 млн символов", "—", "11 млн символов", limited, "limits")


@pytest.mark.hostile("limits")
def test_a_document_too_big_for_word_is_refused_not_cut(tmp_path):
    """A loop printing one text node of 12 MB: docxtpl's recovering parser cut it at about
    10 MB and the file was written («Записан файл»), signature and section setup lost."""
    folder = tmp_path / "tpl"
    folder.mkdir()
    docx_template(folder / "hostile.docx", ["{% for i in range(12) %}{{ 'я' * 1000000 }}{% endfor %}", "Подпись"])
    limited = run_limited(HOSTILE + f"nastavnik_docs.render(kind, C(), {str(tmp_path / 'o.docx')!r}, "
                                    f"templates={str(folder)!r})")
    _assert_refused(limited, "TemplateError", "слишком большим")
    assert not (tmp_path / "o.docx").exists()
    _record("текстовый узел 12 МБ (обрезался бы)", _size(folder / "hostile.docx"), "12 млн символов", limited, "limits")
