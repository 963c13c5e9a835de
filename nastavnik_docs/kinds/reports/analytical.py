"""``report.analytical`` — аналитическая справка о реализации целевой модели наставничества
(for the December and April analyses the roadmaps require, or the year's).

It reads as a deputy director writes one: what was done and on what data, the coverage in
a few sentences and a compact table, the pairs by type and format, each target with its
actual value, its verdict and the reasons the data show, satisfaction and growth from the
questionnaires, the comparison with the previous period, a chart, and then numbered
conclusions and recommendations made by the rules of :mod:`nastavnik_docs.stats` over
these figures. Every figure is the coverage table's.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from ...models import Chart, CoverageTable, Person, Role, SurveyStage
from ...ru import format_date, format_percent, join_and, typograph
from ...stats import Analysis, AnalysisFigures, SurveySummary, analyse, summarize_survey
from .._base import Kind, register
from .._people import forms_of
from .._requisites import RequisitesContext, requisite_fields
from ._shared import (
    DASH,
    NBSP,
    NO_DATA,
    CoverageInput,
    TableRow,
    TargetRow,
    chart_of,
    compute,
    period_words,
    statements,
    table_rows,
    target_rows,
)

__all__ = ["AnalyticalContext", "build_analytical", "SECTIONS"]

#: The sections of the report in order (a section without data is left out and the rest
#: are numbered on).
SECTIONS = {"coverage": "Охват участников программами наставничества",
            "pairs": "Наставнические пары и группы",
            "targets": "Выполнение целевых показателей",
            "organisations": "Показатели организаций",
            "survey": "Удовлетворённость участников и результативность",
            "compare": "Сравнение с предыдущим периодом",
            "conclusions": "Выводы",
            "recommendations": "Рекомендации"}
#: The compact table of the coverage section: the lines a reader looks for.
KEY_LINES = ("01", "07", "14", "02", "04", "12", "09", "16", "21", "25")


class KeyRow(BaseModel):
    title: str
    count: str
    total: str
    share: str


class SurveyRow(BaseModel):
    group: str
    respondents: str
    mean: str
    satisfied: str


class GrowthRow(BaseModel):
    question: str
    before: str
    after: str
    change: str


class CompareRow(BaseModel):
    indicator: str
    previous: str
    current: str
    change: str


class OrgRow(BaseModel):
    number: str
    name: str
    participants: str
    pupils: str
    teachers: str
    pairs: str


class FailedRow(BaseModel):
    number: str
    file: str
    reasons: str


class AnalyticalContext(RequisitesContext):
    heading: str
    headings: dict[str, str]
    intro: list[str]
    coverage_text: list[str]
    key_rows: list[KeyRow]
    pairs_text: list[str]
    type_rows: list[TableRow]
    format_rows: list[TableRow]
    targets: list[TargetRow]
    org_rows: list[OrgRow]
    failed_rows: list[FailedRow]
    survey_text: list[str]
    survey_rows: list[SurveyRow]
    growth_rows: list[GrowthRow]
    compare_label: str
    compare_rows: list[CompareRow]
    chart: Chart | None
    chart_caption: str
    conclusions: list[str]
    recommendations: list[str]
    author_post: str
    author_name: str


def _score(value: Decimal | None) -> str:
    return str(value).replace(".", ",") if value is not None else NO_DATA


def _share_text(table: CoverageTable, code: str) -> str:
    value = table.value(code, 5)
    return format_percent(value) if value is not None else NO_DATA


def key_rows(table: CoverageTable) -> list[KeyRow]:
    rows = []
    for code in KEY_LINES:
        line = table.lines[code]
        title = next(r.title for s in ("people", "pairs") for r in table_rows(table, s) if r.code == code)
        total = table.value(code, 4)
        rows.append(KeyRow(title=f"{title.strip()} (стр.{NBSP}{code})", count=str(table.count(code)),
                           total=str(int(total)) if total is not None else NO_DATA,
                           share=_share_text(table, code) if line.value(4) is not None else NO_DATA))
    return rows


def coverage_text(table: CoverageTable, when: str, where: str) -> list[str]:
    """The coverage in sentences of the «показатель — число» kind (no verb agrees with a number)."""
    n = table.count
    both = n("07") + n("14") - n("01")
    first = (f"{when.capitalize()} участников программ наставничества {where}{NBSP}{DASH} {n('01')}: "
             f"наставляемых{NBSP}{DASH} {n('07')}, наставников{NBSP}{DASH} {n('14')}")
    first += f" (одновременно наставниками и наставляемыми были {both}{NBSP}чел.)." if both else "."
    parts = []
    for code, word in (("02", "обучающихся"), ("03", "студентов"), ("04", "педагогических работников"),
                       ("05", "представителей работодателей")):
        if n(code):
            total = table.value(code, 4)
            of = f" ({_share_text(table, code)} от {int(total)})" if total is not None else ""
            parts.append(f"{word}{NBSP}{DASH} {n(code)}{of}")
    second = ("Среди участников " + ", ".join(parts) + ".") if parts else ""
    third = (f"Молодых специалистов среди наставляемых{NBSP}{DASH} {n('12')}"
             + (f" из {int(table.value('12', 4) or 0)}" if table.value("12", 4) is not None else "")
             + f"; обучающихся 10–19 лет в роли наставляемых{NBSP}{DASH} {n('09')}, "
               f"обучающихся 15–19 лет в роли наставников{NBSP}{DASH} {n('16')}.")
    return [typograph(t) for t in (first, second, third) if t]


def pairs_text(table: CoverageTable) -> list[str]:
    n = table.count
    if not n("21"):
        return ["Наставнические пары и группы в отчётном периоде не работали."]
    text = (f"Наставнических пар и групп, работавших в отчётном периоде,{NBSP}{DASH} {n('21')} (из них групп{NBSP}"
            f"{DASH} {n('22')}): действуют на отчётную дату{NBSP}{DASH} {n('23')}, завершили программу{NBSP}{DASH} "
            f"{n('24')}, прекращены досрочно{NBSP}{DASH} {n('25')}.")
    types = [r for r in table_rows(table, "pair_types")[1:] if r.g3]
    formats = [r for r in table_rows(table, "formats")[1:] if r.g3]
    by_type = ", ".join(f"«{r.title.strip()}»{NBSP}{DASH} {r.g3}" for r in types)
    by_format = ", ".join(f"{r.title.strip()}{NBSP}{DASH} {r.g3}" for r in formats)
    return [typograph(text), typograph(f"По типу пар: {by_type}. По формату: {by_format}.")]


def survey_parts(survey: SurveySummary | None) -> tuple[list[str], list[SurveyRow], list[GrowthRow]]:
    if survey is None:
        return [], [], []
    names = {Role.MENTOR: "Наставники", Role.MENTEE: "Наставляемые"}
    stages = {SurveyStage.BEFORE: "до начала программы", SurveyStage.AFTER: "по итогам программы"}
    rows = [SurveyRow(group=f"{names[g.role]}, {stages[g.stage]}", respondents=str(g.respondents),
                      mean=_score(g.satisfaction),
                      satisfied=format_percent(g.satisfied_share) if g.satisfied_share is not None else NO_DATA)
            for g in survey.groups if g.satisfaction is not None]
    growth = [GrowthRow(question=typograph(q.question), before=_score(q.before), after=_score(q.after),
                        change=(("+" if (q.change or 0) >= 0 else DASH) + _score(abs(q.change or Decimal(0)))))
              for q in survey.growth()]
    asked = "; ".join(f"{names[g.role].lower()} {stages[g.stage]}{NBSP}{DASH} {g.respondents}" for g in survey.groups)
    text = [typograph(f"Удовлетворённость участием в программе наставничества оценивалась анкетированием по шкале "
                      f"от 1 до 10 (ответили: {asked}). Удовлетворёнными считаются поставившие 8 и выше.")]
    if growth:
        roles = {q.role for q in survey.growth()}
        whose = join_and([word for role, word in _WHOSE.items() if role in roles])
        text.append(f"Результативность оценивалась сравнением ответов {whose} на одни и те же вопросы на входной "
                    f"диагностике (до начала программы) и по её итогам (средний балл).")
    return text, rows, growth


_WHOSE = {Role.MENTOR: "наставников", Role.MENTEE: "наставляемых"}


_COMPARE = (("01", "Участники программ наставничества, чел.", False), ("07", "Наставляемые, чел.", False),
            ("14", "Наставники, чел.", False), ("02", "Охват обучающихся, %", True),
            ("04", "Охват педагогических работников, %", True), ("12", "Охват молодых специалистов, %", True),
            ("21", "Пары и группы, ед.", False), ("25", "Прекращено досрочно, ед.", False))


def compare_rows(current: CoverageTable, previous: CoverageTable | None) -> list[CompareRow]:
    if previous is None:
        return []
    rows = []
    for code, title, is_share in _COMPARE:
        before = previous.value(code, 5 if is_share else 3)
        now = current.value(code, 5 if is_share else 3)
        if before is None or now is None:
            continue
        delta = now - before
        sign = "+" if delta > 0 else (DASH if delta < 0 else "")
        text = (str(abs(delta)).replace(".", ",") + (f"{NBSP}п.{NBSP}п." if is_share else "")) if delta else "0"
        show = (lambda v: format_percent(v)) if is_share else (lambda v: str(int(v)))
        rows.append(CompareRow(indicator=title, previous=show(before), current=show(now), change=sign + text))
    return rows


def numbered_headings(present: dict[str, bool]) -> dict[str, str]:
    """«3. Выполнение целевых показателей» for the sections that have data, "" for the rest."""
    out, number = {}, 0
    for key, title in SECTIONS.items():
        if present.get(key, True):
            number += 1
            out[key] = f"{number}. {title}"
        else:
            out[key] = ""
    return out


def build_analytical(data: CoverageInput) -> AnalyticalContext:
    report = compute(data)
    org = data.organization
    table = report.table(org.full_name, org.inn)
    survey = summarize_survey(data.survey) if data.survey is not None else None
    period_text, when = period_words(data.school_year, report.period)
    previous_label, previous_name = previous_labels(data.previous)
    analysis = analyse(AnalysisFigures(
        table, data.targets, previous=data.previous, previous_label=previous_label, survey=survey,
        early_ends=report.early_ends, unknown_ages=report.unknown_ages, unknown_young=report.unknown_young))
    base = requisite_fields(data)
    survey_text, survey_rows, growth = survey_parts(survey)
    sources = "базы наставников и наставляемых"
    if survey is not None:
        sources += " и результатов анкетирования участников"
    intro = [typograph(
        f"Справка подготовлена по итогам анализа реализации целевой модели наставничества в{NBSP}{base['org_name']} "
        f"за {period_text} (распоряжение Минпросвещения России от 25.12.2019 №{NBSP}Р-145, письмо Минпросвещения "
        f"России от 21.12.2021 №{NBSP}АЗ-1128/08) на основании данных {sources} на "
        f"{format_date(report.period.end, 'long')}").rstrip(".") + "."]
    return assemble(base, data.author or data.signer or org.head, table, analysis, when=when,
                    where=f"в{NBSP}{base['org_name']}",
                    heading=f"о реализации целевой модели наставничества за {period_text}", intro=intro,
                    survey=(survey_text, survey_rows, growth), previous=data.previous,
                    previous_label=previous_label, previous_name=previous_name, current_label=period_text)


def previous_labels(previous: CoverageTable | None) -> tuple[str, str]:
    """The previous period after «по сравнению с» and as a chart's series name:
    («2025/2026 учебным годом», «2025/2026 учебный год»)."""
    if previous is None or previous.period_start is None or previous.period_end is None:
        return "предыдущим периодом", "предыдущий период"
    start, end = previous.period_start, previous.period_end
    if (start.month, start.day, end.month, end.day) == (9, 1, 8, 31) and end.year == start.year + 1:
        return f"{start.year}/{end.year} учебным годом", f"{start.year}/{end.year} учебный год"
    span = f"с{NBSP}{format_date(start, 'numeric')} по{NBSP}{format_date(end, 'numeric')}"
    return f"периодом {span}", f"период {span}"


def assemble(base: dict, author_person: Person, table: CoverageTable, analysis: Analysis, *, when: str,
             where: str, heading: str, intro: list[str], survey: tuple[list[str], list[SurveyRow], list[GrowthRow]],
             previous: CoverageTable | None, previous_label: str, previous_name: str, current_label: str,
             org_rows: list[OrgRow] | None = None, failed_rows: list[FailedRow] | None = None) -> AnalyticalContext:
    """The report's context from its parts (shared with the authority's report)."""
    survey_text, survey_rows, growth = survey
    compare = compare_rows(table, previous)
    author = forms_of(author_person)
    chart = chart_of(table, analysis, current_label, previous, previous_name)
    present = {"targets": bool(analysis.targets), "organisations": bool(org_rows), "survey": bool(survey_rows),
               "compare": bool(compare), "recommendations": bool(analysis.recommendations)}
    return AnalyticalContext(
        **base, heading=heading, headings=numbered_headings(present), intro=intro,
        coverage_text=coverage_text(table, when, where), key_rows=key_rows(table), pairs_text=pairs_text(table),
        type_rows=[r for r in table_rows(table, "pair_types")[1:] if r.g3],
        format_rows=[r for r in table_rows(table, "formats")[1:] if r.g3],
        targets=target_rows(analysis), org_rows=org_rows or [], failed_rows=failed_rows or [],
        survey_text=survey_text, survey_rows=survey_rows, growth_rows=growth,
        compare_label=f"По сравнению с {previous_label}" if compare else "", compare_rows=compare,
        chart=chart, chart_caption="Рисунок. Охват участников по категориям и пары и группы по типу и формату"
        if chart else "",
        conclusions=statements(analysis.conclusions), recommendations=statements(analysis.recommendations),
        author_post=author.post.nominative, author_name=author.initials_nominative,
    )


register(Kind(
    id="report.analytical", title="Аналитическая справка о реализации целевой модели наставничества",
    build_context=build_analytical, family="Отчёты", samples=("reports/analytical.yaml",),
    output_name="Аналитическая справка о реализации целевой модели наставничества",
    description="Анализ, а не пересказ таблицы: охват, пары по типам и форматам, выполнение целевых показателей "
                "с причинами, удовлетворённость и рост по анкетам, сравнение с прошлым периодом, диаграмма, выводы "
                "и рекомендации по правилам над цифрами.",
))
