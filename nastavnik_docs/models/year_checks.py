"""The registry's consistency check for a programme year: ``check_year`` → ``Finding``s.

Pure (no I/O), so the case file, the CLI and the web page run it before anything is written.
Each check has one stable code (``YEAR_CHECKS`` lists them with their meaning). Messages name
a pair by its number and a participant by ID and initials («участник У12 (Зайцев И.В.)»),
never by contact details or birth dates; ``rows`` names the workbook row when the registry
was read from the curator's workbook.

The link problems a registry is built with (``check_registry``) are folded in under their own
codes, so no warning is only stored: an unknown form of mentoring is an error here, with the
nearest listed form as the hint. The check also runs on a draft registry
(``Registry.model_construct``) that its own constructor would refuse.
"""

from __future__ import annotations

from datetime import date

from ._enums import Category, PairStatus
from .findings import Finding, Severity
from .forms import Dimension, nearest_form
from .origin import HasOrigin
from .pair import Pair
from .participant import Participant
from .registry import DIMENSION_WORDS, Registry, RegistryProblem, check_registry, nearest_participant

__all__ = ["YEAR_CHECKS", "check_year"]

#: Every code ``check_year`` reports, with what it means.
YEAR_CHECKS: dict[str, str] = {
    "pair.outside_year": "сроки пары выходят за учебный год",
    "pair.outside_regulation": "пара работает вне срока действия положения о наставничестве",
    "pair.active_after_end": "пара числится действующей после досрочного прекращения или завершения",
    "pair.active_past_end": "пара числится действующей, хотя дата её окончания прошла",
    "pair.end_date_missing": "у завершённой или прекращённой пары нет даты окончания",
    "participant.birth_date_missing": "у обучающегося или студента нет даты рождения",
    "participant.representative_missing": "у несовершеннолетнего участника нет законного представителя",
    "pair.form_unknown": "типа пары или формата наставничества нет в списке",
    "pair.type_undetermined": "тип пары не указан и не определяется по категориям участников",
    "pair.person_unknown": "в паре указан человек, которого нет среди участников",
    "participant.duplicate_id": "два участника с одним ID",
    "pair.duration": "срок программы короче 3 месяцев или длиннее года",
    "pair.mentee_overlap": "наставляемый в двух действующих парах одной формы в одни сроки",
    "mentor.overload": "у наставника больше наставляемых, чем допускается",
}

_MINOR_CATEGORIES = (Category.PUPIL, Category.STUDENT)


def check_year(registry: Registry, *, year_start: date, year_end: date, on: date | None = None,
               regulation_period: tuple[date, date | None] | None = None) -> list[Finding]:
    """Everything wrong or doubtful in ``registry`` for the year ``year_start``–``year_end``.

    ``on`` is the day the data are checked for (the date of the documents about to be
    issued; by default the first day of the year): ages and «the end date has passed» are
    counted on it. ``regulation_period`` is the validity of the organisation's regulation
    on mentoring (from, and to or None when open-ended). The year's pairs are those whose
    period overlaps the year; the other checks look at every pair and participant.
    Errors come first, then warnings, each group in the order of the registry.
    """
    if year_end <= year_start:
        raise ValueError("конец учебного года должен быть позже его начала")
    day = on or year_start
    check = _Check(registry)
    for index, pair in enumerate(registry.pairs):
        if _overlaps(pair, year_start, year_end):
            check.period(index, pair, year_start, year_end, regulation_period)
        check.status(index, pair, day)
    for person in registry.participants:
        check.age(person, day)
    for problem in check_registry(registry):
        check.fold(problem)
    return sorted(check.findings, key=lambda f: not f.is_error)


def _overlaps(pair: Pair, start: date, end: date) -> bool:
    last = pair.ended_on or pair.end
    return pair.start <= end and (last is None or last >= start)


def _rows(*records: HasOrigin | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(r.origin) for r in records if r is not None and r.origin is not None))


def _name(person: Participant) -> str:
    return f"{person.last_name} {person.initials}"


class _Check:
    """The findings so far, and how to name pairs and people in them."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self.by_id = {p.id: p for p in registry.participants}
        self.findings: list[Finding] = []

    def add(self, severity: Severity, code: str, message: str, hint: str, *records: HasOrigin | None) -> None:
        self.findings.append(Finding(severity=severity, code=code, message=message, hint=hint,
                                     rows=_rows(*records)))

    def pair(self, index: int) -> str:
        """«пара № 3 (наставник У06 Белоусова М.Г.)»."""
        pair = self.registry.pairs[index]
        mentor = self.by_id.get(pair.mentor)
        who = f"{pair.mentor} {_name(mentor)}" if mentor is not None else pair.mentor
        return f"пара № {pair.id or index + 1} (наставник {who})"

    # ----------------------------------------------------------------- pairs
    def period(self, index: int, pair: Pair, year_start: date, year_end: date,
               regulation: tuple[date, date | None] | None) -> None:
        end = pair.ended_on or pair.end
        span = f"{pair.start:%d.%m.%Y}–{end:%d.%m.%Y}" if end else f"с {pair.start:%d.%m.%Y}"
        if pair.start < year_start or (end is not None and end > year_end):
            self.add(Severity.WARNING, "pair.outside_year",
                     f"{self.pair(index)}: срок {span} выходит за учебный год "
                     f"({year_start:%d.%m.%Y}–{year_end:%d.%m.%Y})",
                     "Проверьте даты начала и окончания пары: программа наставничества обычно "
                     "укладывается в учебный год.", pair)
        if regulation is None:
            return
        valid_from, valid_to = regulation
        if pair.start < valid_from:
            self.add(Severity.ERROR, "pair.outside_regulation",
                     f"{self.pair(index)}: начало {pair.start:%d.%m.%Y} раньше вступления в силу положения "
                     f"о наставничестве ({valid_from:%d.%m.%Y})",
                     "Пару закрепляют, когда положение уже действует: исправьте дату начала пары "
                     "или дату положения.", pair)
        if valid_to is not None and (end is None or end > valid_to):
            until = f"окончание {end:%d.%m.%Y} позже" if end else "дата окончания не указана, а срок"
            self.add(Severity.ERROR, "pair.outside_regulation",
                     f"{self.pair(index)}: {until} окончания действия положения о наставничестве "
                     f"({valid_to:%d.%m.%Y})",
                     "Закончите работу пары в срок действия положения или утвердите новое положение.", pair)

    def status(self, index: int, pair: Pair, day: date) -> None:
        if pair.status is not PairStatus.ACTIVE:
            if pair.end is None and pair.ended_on is None:
                self.add(Severity.WARNING, "pair.end_date_missing",
                         f"{self.pair(index)}: статус «{pair.status.label}», но дата окончания не указана, "
                         f"поэтому на прошлые даты пара показывается уже закончившей работу",
                         "Укажите дату окончания пары в столбце «Окончание».", pair)
            return
        final = next((e for e in pair.history if e.kind.is_end and e.date <= day), None)
        if final is not None:
            self.add(Severity.ERROR, "pair.active_after_end",
                     f"{self.pair(index)}: числится действующей, хотя в истории пары {final.title}",
                     f"Поставьте паре статус «{final.kind.label}» на листе «Пары» или исправьте историю пары.",
                     pair, final)
        elif pair.end is not None and pair.end < day:
            self.add(Severity.WARNING, "pair.active_past_end",
                     f"{self.pair(index)}: числится действующей, хотя дата окончания {pair.end:%d.%m.%Y} "
                     f"прошла ({day:%d.%m.%Y})",
                     "Если пара закончила работу, поставьте статус «завершена»; если её продлили, "
                     "исправьте дату окончания.", pair)

    # ---------------------------------------------------------------- people
    def age(self, person: Participant, day: date) -> None:
        who = f"участник {person.id} ({_name(person)})"
        if person.birth_date is None and person.category in _MINOR_CATEGORIES:
            hint = ("Укажите дату рождения на листе «Участники». Пока её нет, участник считается "
                    "несовершеннолетним: согласие на обработку персональных данных оформляется "
                    "от имени законного представителя.")
            if person.representative is None:
                hint += " Укажите и законного представителя."
            self.add(Severity.WARNING, "participant.birth_date_missing",
                     f"{who}: {person.category.label}, дата рождения не указана — совершеннолетие "
                     f"не подтверждено", hint, person)
        elif person.is_minor(day) and person.representative is None:
            self.add(Severity.ERROR, "participant.representative_missing",
                     f"{who}: несовершеннолетний на {day:%d.%m.%Y}, законный представитель не указан",
                     "Укажите законного представителя (ФИО и кем приходится) на листе «Участники»: "
                     "согласия за несовершеннолетнего даёт он.", person)

    # ------------------------------------------------ the registry's own checks
    def fold(self, problem: RegistryProblem) -> None:
        severity = Severity.ERROR if problem.severity == "error" or problem.code == "pair.form_unknown" \
            else Severity.WARNING
        records: list[HasOrigin | None] = []
        if problem.pair is not None:
            pair = self.registry.pairs[problem.pair]
            records.append(pair)
            if problem.event is not None:
                records.append(pair.history[problem.event])
            message = f"{self.pair(problem.pair)}: {problem.message}"
        elif problem.code == "participant.duplicate_id":
            same = [p for p in self.registry.participants if p.id == problem.value]
            records.extend(same)
            message = f"{problem.message} ({', '.join(_name(p) for p in same)})"
        else:
            message = problem.message
        self.add(severity, problem.code, message, self._hint(problem), *records)

    def _hint(self, problem: RegistryProblem) -> str:
        if problem.code == "pair.form_unknown":
            known = [*self.registry.pair_types, *self.registry.formats]
            dimension: Dimension = "format" if problem.field == "format" else "pair_type"
            near = nearest_form(problem.value or "", known, dimension) or nearest_form(problem.value or "", known)
            where = f"в конец списка «{DIMENSION_WORDS[dimension][1]}» на листе «Списки»"
            if near is not None:
                return f"Исправьте на «{near.title}» или допишите своё значение {where}."
            return f"Выберите значение из списка или допишите своё {where}."
        if problem.code == "pair.person_unknown":
            person = nearest_participant(problem.value or "", self.registry.participants)
            fix = f"Исправьте на «{person.id}» ({_name(person)}) или добавьте" if person is not None else "Добавьте"
            return f"{fix} участника на лист «Участники»."
        return _HINTS.get(problem.code, "")


_HINTS = {
    "participant.duplicate_id": "Дайте каждому участнику свой ID: на него ссылаются пары.",
    "pair.duration": "Персонализированная программа наставничества длится от 3 месяцев до 1 года: "
                     "проверьте даты начала и окончания.",
    "pair.mentee_overlap": "Завершите прежнюю пару или измените сроки одной из пар.",
    "pair.type_undetermined": "Укажите тип пары в столбце «Тип пары» листа «Пары» (кто кого наставляет).",
    "mentor.overload": "Распределите наставляемых между наставниками или измените ограничение "
                       "на листе «Списки».",
}

