"""Write ``nastavnik_docs/ru/post_words.json``: what declining a post needs to know of the
words that common school posts, councils and document titles are made of, read from
pymorphy3 (``python -m tools.build_post_words``).

A post or title made only of these words is declined without loading pymorphy3's
dictionary (:mod:`nastavnik_docs.ru._lexicon`). Run it again after adding a phrase here or
after upgrading pymorphy3 or its dictionary: ``tests/ru/test_post_words.py`` regenerates the
table in memory and fails while the committed file differs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "nastavnik_docs" / "ru" / "post_words.json"

_SUBJECTS = (
    "математики", "русского языка и литературы", "русского языка", "литературы", "физики", "информатики",
    "физики и информатики", "химии", "биологии", "химии и биологии", "истории", "обществознания",
    "истории и обществознания", "географии", "английского языка", "немецкого языка", "французского языка",
    "иностранного языка", "физической культуры", "технологии", "музыки", "изобразительного искусства",
    "начальных классов", "основ безопасности и защиты Родины", "родного языка", "астрономии",
)

#: Abbreviations of organisations that posts name («Директор МБОУ «СОШ № 12»»): a word in
#: capitals stops the declension unless it is a known word, which pymorphy3 is asked.
_ORGANISATIONS = (
    "МБОУ", "МАОУ", "МКОУ", "ГБОУ", "ГАОУ", "ГКОУ", "ЧОУ", "НОУ", "АНО", "МОУ", "МБДОУ", "МАДОУ", "МКДОУ",
    "МДОУ", "ГБДОУ", "ДОУ", "ГБПОУ", "ГАПОУ", "ГПОУ", "ОГБПОУ", "КГБПОУ", "ГБУ", "ГАУ", "ГКУ", "МБУ", "МАУ",
    "МКУ", "МБОУДО", "МАОУДО", "МБУДО", "МАУДО", "ДО", "СОШ", "ООШ", "НОШ", "СШ", "ЦО", "ЦДО", "ЦДТ", "ДДТ",
    "ДЮСШ", "СЮН", "ИМЦ", "РЦ", "ППМС", "ЦПМПК", "ПМПК", "УО", "РУО", "ГОРОНО", "ГОУ", "ОУ", "ОО",
)

#: Posts, councils and the heads of titles that documents decline (their first words are
#: what matters: a title's words after its head noun are never declined).
PHRASES: tuple[str, ...] = (
    # the administration
    "Директор", "директор школы", "директор гимназии", "директор лицея", "и.о. директора",
    "исполняющий обязанности директора", "заместитель директора",
    "заместитель директора по учебно-воспитательной работе", "заместитель директора по учебной работе",
    "заместитель директора по воспитательной работе", "заместитель директора по научно-методической работе",
    "заместитель директора по методической работе", "заместитель директора по информатизации",
    "заместитель директора по административно-хозяйственной работе", "заместитель директора по безопасности",
    "советник директора по воспитанию и взаимодействию с детскими общественными объединениями",
    "заведующий", "заведующая", "заведующий хозяйством", "заведующая хозяйством", "заведующий библиотекой",
    "заведующая библиотекой", "главный бухгалтер", "бухгалтер", "секретарь", "секретарь учебной части",
    "делопроизводитель", "специалист по кадрам", "руководитель", "руководитель структурного подразделения",
    # teachers and specialists
    *(f"учитель {subject}" for subject in _SUBJECTS), "учитель", "учитель-логопед", "учитель-дефектолог",
    "педагог", "педагог-психолог", "педагог-организатор", "педагог-библиотекарь", "социальный педагог",
    "педагог дополнительного образования", "старший педагог дополнительного образования",
    "классный руководитель", "методист", "старший методист", "методист научно-методического центра",
    "воспитатель", "старший воспитатель", "тьютор", "старшая вожатая", "старший вожатый", "вожатый",
    "библиотекарь", "инструктор по физической культуре", "музыкальный руководитель", "преподаватель",
    "преподаватель-организатор основ безопасности и защиты Родины", "мастер производственного обучения",
    "руководитель методического объединения", "руководитель методического объединения учителей",
    "председатель методического объединения", "председатель педагогического совета",
    "председатель первичной профсоюзной организации", "председатель профсоюзного комитета",
    "молодой специалист", "ассистент", "лаборант", "инженер", "специалист", "ведущий специалист",
    "главный специалист", "начальник управления образования", "начальник отдела", "начальник отдела образования",
    "ведущий специалист отдела общего образования", "главный специалист отдела общего образования",
    # participants
    "куратор", "наставник", "наставляемый", "наставляемая", "обучающийся", "обучающаяся", "несовершеннолетний",
    "несовершеннолетняя", "ученик", "ученица", "студент", "студентка", "выпускник", "выпускница", "родитель",
    "законный представитель", "мать", "отец", "опекун", "попечитель", "работодатель", "представитель",
    # councils and bodies
    "педагогический совет", "методический совет", "научно-методический совет", "управляющий совет",
    "совет обучающихся", "совет родителей", "совет родителей (законных представителей)",
    "общее собрание работников", "общее собрание трудового коллектива", "первичная профсоюзная организация",
    "профсоюзный комитет", "рабочая группа", "комиссия по отбору наставников", "методическое объединение",
    "школьное методическое объединение",
    # the heads of titles
    "Положение о", "Положение об", "Порядок", "Дорожная карта (план мероприятий)", "План мероприятий (дорожная карта)",
    "план работы", "программа наставничества", "персонализированная программа наставничества",
    "индивидуальный образовательный маршрут", "приказ", "протокол", "устав", "коллективный договор",
    "правила внутреннего трудового распорядка", "трудовой договор", "дополнительное соглашение",
    "фестиваль наставничества", "фестиваль наставнических практик", "конкурс", "семинар", "совещание",
    "учебный год", "заседание", "муниципальное бюджетное общеобразовательное учреждение",
    "муниципальное автономное общеобразовательное учреждение", "государственное бюджетное учреждение",
    # participles that agree with a title («Положением …, утверждённым приказом»)
    "утверждённый", "утвержденный", "утративший", "принятый", "согласованный",
    # organisations in posts
    *(f"директор {abbreviation}" for abbreviation in _ORGANISATIONS),
)


def words(phrases: tuple[str, ...] = PHRASES) -> list[str]:
    """The words that declining or agreeing with ``phrases`` can ask about: each alphabetic
    piece of a hyphenated word in lower case, an ALL-CAPS word's letters joined, and the
    words as written and with the first one capitalised (a title's head noun is looked up
    as written)."""
    found: set[str] = set()
    for phrase in phrases:
        for token in phrase.replace(",", " ").split():
            letters = token.replace("-", "")
            if not letters.isalpha():
                continue  # a number, a quoted name, «и.о.», a parenthesis: the head group ends there
            found.update(piece.lower() for piece in token.split("-") if piece)
            if letters.isupper() and len(letters) > 1:
                found.add(letters.lower())
        tokens = [t for t in phrase.replace("(", " ").replace("«", " ").split() if t.replace("-", "").isalpha()]
        found.update(tokens)
        if tokens:
            found.add(tokens[0][:1].upper() + tokens[0][1:])
    return sorted(found)


def build() -> dict[str, dict[str, Any]]:
    """The table, read from pymorphy3 now: a word → :meth:`Word.to_data`."""
    from nastavnik_docs.ru._lexicon import Word
    from nastavnik_docs.ru._morph import parses

    return {text: Word.of_parses(parses(text)).to_data() for text in words()}


def as_text(table: dict[str, dict[str, Any]]) -> str:
    """The file's text: one word a line, so that a change shows as the words it changes."""
    lines = [f"{json.dumps(text, ensure_ascii=False)}:{json.dumps(data, ensure_ascii=False, separators=(',', ':'))}"
             for text, data in sorted(table.items())]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    table = build()
    TABLE.write_text(as_text(table), "utf-8")
    print(f"{TABLE.relative_to(ROOT)}: {len(table)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
