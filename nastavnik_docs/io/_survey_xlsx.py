"""Reading the questionnaires' results (``templates/xlsx/survey_results.xlsx``, or an export
of an online form in the same shape) into :class:`~nastavnik_docs.models.SurveyResults`.

One sheet per role («Наставники», «Наставляемые»; a column «Роль» may say it per row
instead), one row per respondent, one column per question, headed by the question as the
questionnaire prints it. A column «Этап» says «до» or «после» (no column: after the
programme). Scores are whole numbers from 1 to 10; other answers (options, open text) are
left out of the scores; a number outside 1–10, and a formula without a saved value, are
errors naming their cell. The workbook is checked and read as ``_coverage_xlsx`` reads
one (``open_readonly``, ``read_sheets``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from ..errors import InputError, Problem
from ..models import Role, SurveyAnswers, SurveyResults, SurveyStage
from ._coverage_xlsx import Blanks, open_readonly, read_sheets
from ._values import cell_text, header_key, parse_number
from ._workbook import FORMULA_MESSAGE, column_letter

__all__ = ["read_survey_results", "ROLE_SHEETS", "STAGE_HEADER", "ROLE_HEADER"]

STAGE_HEADER = "Этап"
ROLE_HEADER = "Роль"
#: Sheet names (as their key) that say the role of every row.
ROLE_SHEETS = {"наставники": Role.MENTOR, "наставник": Role.MENTOR, "наставляемые": Role.MENTEE,
               "наставляемый": Role.MENTEE}
_SERVICE = {header_key(h) for h in (STAGE_HEADER, ROLE_HEADER, "№", "Отметка времени", "Дата", "Пара", "Тип пары",
                                   "Формат наставничества", "Учебный год", "Класс")}


def read_survey_results(path: str | os.PathLike[str]) -> SurveyResults:
    """Every sheet's scores by role, stage and question; every bad score reported at once."""
    workbook, file = open_readonly(path)
    problems: list[Problem] = []
    scores: dict[tuple[Role, SurveyStage, str], list[int]] = {}
    respondents: dict[str, int] = {}
    try:
        read_sheets(workbook, file, lambda rows, sheet, blanks: _read(rows, sheet, file, scores, respondents, problems,
                                                                      blanks))
    finally:
        workbook.close()
    if problems:
        raise InputError(problems, file=file)
    if not scores:
        raise InputError(Problem("в книге нет оценок по шкале от 1 до 10: проверьте, что в первой строке "
                                 "листа — вопросы анкеты, а ниже — ответы", file=file, code="sheet.missing"),
                         file=file)
    answers = [SurveyAnswers(role=r, stage=s, question=q, scores=v) for (r, s, q), v in scores.items()]
    return SurveyResults(answers=answers, respondents=respondents, source=file)


def _read(rows: Iterator[Sequence[Any]], sheet: str, file: str, scores: dict[tuple[Role, SurveyStage, str], list[int]],
          respondents: dict[str, int], problems: list[Problem], blanks: Blanks = frozenset()) -> None:
    """One sheet's answers added to ``scores`` and ``respondents`` (None: the next sheet is read too)."""
    header = next(rows, None)
    if header is None:
        return
    keys = [header_key(h) if h is not None else "" for h in header]
    stage_col = keys.index(header_key(STAGE_HEADER)) if header_key(STAGE_HEADER) in keys else None
    role_col = keys.index(header_key(ROLE_HEADER)) if header_key(ROLE_HEADER) in keys else None
    sheet_role = ROLE_SHEETS.get(header_key(sheet))
    if sheet_role is None and role_col is None:
        return  # an explanation sheet, not answers
    questions = [(i, cell_text(h).strip()) for i, h in enumerate(header)
                 if h is not None and keys[i] not in _SERVICE and cell_text(h).strip()]
    for number, row in enumerate(rows, start=2):
        lost = [i for i in range(len(header)) if (number, i) in blanks] if blanks else []
        for i in lost:
            problems.append(Problem(FORMULA_MESSAGE, file=file, sheet=sheet, row=number,
                                    column=f"{column_letter(i + 1)} «{cell_text(header[i] or '').strip()}»",
                                    code="cell.formula"))
        if lost or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        role = _role(row, role_col, sheet_role, sheet, file, number, problems)
        stage = _stage(row, stage_col, sheet, file, number, problems)
        if role is None or stage is None:
            continue
        group = SurveyResults.group(role, stage)
        respondents[group] = respondents.get(group, 0) + 1
        for i, question in questions:
            value = row[i] if i < len(row) else None
            score = _score(value)
            if score is None:
                continue
            if not 1 <= score <= 10:
                problems.append(Problem("оценка должна быть от 1 до 10", file=file, sheet=sheet, row=number,
                                        column=f"{column_letter(i + 1)} «{question}»", value=cell_text(value),
                                        code="number.range"))
                continue
            scores.setdefault((role, stage, question), []).append(score)


def _score(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    try:
        number = parse_number(value)
    except ValueError:
        return None  # an option or an open answer: not a score
    return int(number) if number == number.to_integral_value() else -1


E = TypeVar("E", Role, SurveyStage)


def _enum_cell(enum: type[E], row: Sequence[Any], col: int | None, default: E | None, where: Problem,
               problems: list[Problem]) -> E | None:
    """The cell's member of ``enum``; ``default`` when the cell is empty or absent; None (with
    the problem ``where`` carries, located at the cell) when the text is no member."""
    text = cell_text(row[col]) if col is not None and col < len(row) and row[col] is not None else ""
    if not text:
        return default
    try:
        return enum(text)
    except ValueError:
        problems.append(replace(where, value=text))
        return None


def _role(row: Sequence[Any], col: int | None, default: Role | None, sheet: str, file: str, number: int,
          problems: list[Problem]) -> Role | None:
    role = _enum_cell(Role, row, col, default, Problem("роль: наставник или наставляемый", file=file, sheet=sheet,
                                                       row=number, column=ROLE_HEADER, code="value.not_allowed"), problems)
    if role is None and default is None and not (col is not None and col < len(row) and row[col] is not None):
        problems.append(Problem("не указано, кто отвечал: назовите лист «Наставники» или «Наставляемые» "
                                "или добавьте столбец «Роль»", file=file, sheet=sheet, row=number, code="column.missing"))
    return role


def _stage(row: Sequence[Any], col: int | None, sheet: str, file: str, number: int,
           problems: list[Problem]) -> SurveyStage | None:
    return _enum_cell(SurveyStage, row, col, SurveyStage.AFTER, Problem(
        "этап: «до» или «после» программы", file=file, sheet=sheet, row=number, column=STAGE_HEADER,
        code="value.not_allowed"), problems)
