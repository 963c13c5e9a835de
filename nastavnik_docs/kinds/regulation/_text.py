"""The regulation's content: its data, its sections by default and as overridden, its grifs.

:class:`RegulationContent` is what an organisation says about its regulation — the scope
(teachers, pupils or both), the acts on pay and incentives, the councils that adopted and
agreed it, any section replaced or added. The default text of every section is in
``regulation.yaml`` beside this module; :func:`regulation_blocks` numbers it into paragraphs
(«5.1.», enumerations with dashes), :func:`grif_lines` writes the grifs of the bodies that
adopted or agreed it (ПРИНЯТО, УЧТЕНО мнение, СОГЛАСОВАНО), :func:`regulation_facts` says
which acts apply. Both the regulation kind and the order approving it use this module.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, field_validator

from ...models import Model, Organization
from ...ru import decline_post, format_date, join_and, sentence, sub_items, typograph, upper_first
from .._data import wording
from .._legal import ACTS, default_bases
from .._requisites import Act, CouncilDecision, act_reference, approval_stamp, post_without_org
from ..orders import Section, TextBlock

__all__ = [
    "PupilsCouncil", "ParentsCouncil", "Point", "RegulationContent", "Scope", "SectionText", "UnionOpinion",
    "approval_lines", "considering_text", "grif_lines", "regulation_blocks", "regulation_facts", "regulation_title",
    "section_keys",
]


def _text() -> dict[str, Any]:
    """The wording of ``regulation.yaml``, read when a regulation is first written (the orders
    that import this module to cite the regulation never need it)."""
    return wording(__package__ or "nastavnik_docs.kinds.regulation", "regulation.yaml")


DASH = "\u2013"

#: Whom the regulation covers: педагогические работники и обучающиеся, only one of them.
Scope = Literal["all", "teachers", "pupils"]


class Point(Model):
    """A point of a section: its text and, optionally, the lines of an enumeration after it."""

    text: str = Field(min_length=1, description="Текст пункта")
    items: list[str] = Field(default_factory=list, description="Перечисление после текста (подпункты)")


class SectionText(Model):
    """An organisation's change to one section of the default text."""

    heading: str | None = Field(default=None, description="Свой заголовок раздела")
    points: list[str | Point] | None = Field(default=None, description="Свои пункты вместо типовых")
    add: list[str | Point] = Field(default_factory=list, description="Пункты, добавляемые в конец раздела")
    omit: bool = Field(default=False, description="Исключить раздел")


class UnionOpinion(CouncilDecision):
    """The opinion of the elected body of the primary trade-union organisation (ст. 372 ТК РФ)."""

    council: str = Field(default="выборный орган первичной профсоюзной организации", min_length=1,
                         description="Орган, мнение которого учтено")


class PupilsCouncil(CouncilDecision):
    council: str = Field(default="совет обучающихся", min_length=1, description="Совет обучающихся")


class ParentsCouncil(CouncilDecision):
    council: str = Field(default="совет родителей (законных представителей) обучающихся", min_length=1,
                         description="Совет родителей")


def section_keys() -> list[str]:
    """The keys of the default sections, in order («general», «terms», … «final»)."""
    return [s["key"] for s in _text()["sections"]]


class RegulationContent(Model):
    """The regulation on the mentoring system: what is particular to an organisation.

    Left out, every section has its default text (``regulation.yaml``); ``sections``
    replaces or extends any of them by key, ``extra_sections`` adds new ones before the
    final provisions. The grifs are printed for the bodies given: ``adopted`` (ПРИНЯТО),
    ``union_opinion`` (УЧТЕНО мнение … — the regulation sets pay, ст. 372 ТК РФ),
    ``pupils_council`` and ``parents_council`` (СОГЛАСОВАНО — ч. 3 ст. 30 273-ФЗ).
    """

    title: str | None = Field(default=None, description="Название (по умолчанию — по охвату; организация добавляется)")
    scope: Scope = Field(default="all", description="На кого распространяется: all — педагоги и обучающиеся, "
                                                    "teachers — педагогические работники, pupils — обучающиеся")
    school_word: str | None = Field(
        default=None, description="Как положение называет организацию («школа»; по умолчанию — по типу организации)")
    adopted: CouncilDecision | None = Field(default=None, description="ПРИНЯТО: коллегиальный орган и протокол")
    union_opinion: UnionOpinion | None = Field(default=None, description="УЧТЕНО мнение профсоюзной организации: протокол")
    pupils_council: PupilsCouncil | None = Field(default=None, description="СОГЛАСОВАНО советом обучающихся: протокол")
    parents_council: ParentsCouncil | None = Field(default=None, description="СОГЛАСОВАНО советом родителей: протокол")
    pay_regulation: Act | None = Field(default=None, description="Положение об оплате труда работников (название, дата, номер)")
    incentives_regulation: Act | None = Field(
        default=None, description="Положение о премировании (стимулировании) работников, если оно отдельное")
    effective: dt.date | None = Field(default=None, description="Дата вступления в силу (по умолчанию — со дня утверждения)")
    sections: dict[str, SectionText] = Field(default_factory=dict, description="Изменения типовых разделов: ключ раздела — изменение")
    extra_sections: list[Section] = Field(default_factory=list, description="Дополнительные разделы (перед заключительными положениями)")

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, value: dict[str, SectionText]) -> dict[str, SectionText]:
        unknown = [key for key in value if key not in section_keys()]
        if unknown:
            raise ValueError(f"нет раздела «{unknown[0]}»; разделы положения: {', '.join(section_keys())}")
        return value


def regulation_title(content: RegulationContent, organization: Organization) -> str:
    """«Положение о системе наставничества … МБОУ «СОШ № 12»» (the organisation added once)."""
    title = typograph(content.title or _text()["titles"][content.scope])
    org = typograph(organization.short_name)
    return title if org in title else f"{title} {org}"


def regulation_facts(content: RegulationContent) -> set[str]:
    """The facts the rules of ``acts.yaml`` look at for the regulation and its approval."""
    facts = {"teachers_scope"} if content.scope in ("all", "teachers") else set()
    if content.scope in ("all", "pupils"):
        facts.add("pupils_scope")
    return facts


# --------------------------------------------------------------------------- grifs


def approval_lines(organization: Organization, title: str, order: tuple[dt.date | None, str | None],
                   appendix: int | None = None) -> list[str]:
    """The approval mark at the right: «Приложение № 1» (when the document is an appendix to
    the order), «УТВЕРЖДЕНО / приказом МБОУ … / от 27.08.2026 № 108-о/д» (blanks for a date
    or number not known yet), the participle agreeing with ``title``."""
    head = [f"Приложение №\u00a0{appendix}"] if appendix is not None else []
    return [*head, *approval_stamp(organization, title, order=order)]


def grif_lines(content: RegulationContent, organization: Organization) -> list[str]:
    """The grifs at the left of the title page, an empty line between them:
    «ПРИНЯТО / педагогическим советом / МБОУ … / (протокол от … № …)», «УЧТЕНО мнение / …»,
    «СОГЛАСОВАНО / советом обучающихся / …»."""
    org = typograph(organization.short_name)
    grifs: list[list[str]] = []
    if content.adopted is not None:
        grifs.append(["ПРИНЯТО", decline_post(typograph(content.adopted.council), "instrumental"), org,
                      f"(протокол {act_reference(content.adopted.date, content.adopted.number)})"])
    if content.union_opinion is not None:
        grifs.append(["УЧТЕНО мнение", decline_post(typograph(content.union_opinion.council), "genitive"),
                      f"(протокол {act_reference(content.union_opinion.date, content.union_opinion.number)})"])
    for council in (content.pupils_council, content.parents_council):
        if council is not None:
            grifs.append(["СОГЛАСОВАНО", decline_post(typograph(council.council), "instrumental"),
                          f"(протокол {act_reference(council.date, council.number)})"])
    lines: list[str] = []
    for i, grif in enumerate(grifs):
        lines += ([""] if i else []) + grif
    return lines


def considering_text(content: RegulationContent) -> str:
    """«с учётом мнения выборного органа первичной профсоюзной организации (протокол от …
    № …), совета обучающихся (протокол от … № …)» for the approving order's preamble; "" when
    the regulation records no such opinion."""
    bodies = [c for c in (content.union_opinion, content.pupils_council, content.parents_council) if c is not None]
    if not bodies:
        return ""
    return "с учётом мнения " + join_and([
        f"{decline_post(typograph(c.council), 'genitive')} (протокол {act_reference(c.date, c.number)})"
        for c in bodies], sep=", ")


# --------------------------------------------------------------------------- text


class _Cases:
    """A word whose cases a placeholder names: ``{school.genitive}`` → «школы»."""

    def __init__(self, word: str) -> None:
        self.word = word

    def get(self, case: str) -> str:
        return self.word if case == "nominative" else decline_post(self.word, case)


_PLACEHOLDER = re.compile(r"\{(\w+)(?:\.(\w+))?\}")


def _fill(text: str, values: dict[str, Any]) -> str:
    """Placeholders ``{name}`` and ``{name.case}`` replaced; unknown ones left as written."""
    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        return value.get(match.group(2) or "nominative") if isinstance(value, _Cases) else str(value)

    return _PLACEHOLDER.sub(one, " ".join(text.split()))


def _values(content: RegulationContent, organization: Organization) -> dict[str, Any]:
    school = _Cases(content.school_word or _text()["school_words"][organization.kind.value])
    council = content.adopted.council if content.adopted is not None else "педагогический совет"
    pay = (content.pay_regulation.cite() if content.pay_regulation is not None
           else f"положением об оплате труда работников {school.get('genitive')}")
    return {
        "org": typograph(organization.short_name),
        "school": school,
        "head": _Cases(post_without_org(organization.head.post, organization).lower()),
        "council": _Cases(typograph(council)),
        "scope": _text()["scope_words"][content.scope],
        "pay_act": pay,
        "incentives_act": content.incentives_regulation.cite() if content.incentives_regulation else pay,
        "effective": f"с {format_date(content.effective)}" if content.effective else "со дня его утверждения",
        "considering": _considering(content),
    }


def _considering(content: RegulationContent) -> str:
    """« с учётом мнения выборного органа … (статья 372 …) и совета обучающихся (часть 3
    статьи 30 …)» for the bodies whose opinion the regulation records; "" for none."""
    parts = []
    if content.union_opinion is not None:
        parts.append(f"{decline_post(typograph(content.union_opinion.council), 'genitive')} "
                     f"({ACTS['ТК-372'].title})")
    councils = [c for c in (content.pupils_council, content.parents_council) if c is not None]
    if councils:
        names = join_and([decline_post(typograph(c.council), "genitive") for c in councils])
        parts.append(f"{names} ({ACTS['273-ФЗ ст. 30'].title})")
    return f" с учётом мнения {', '.join(parts)}" if parts else ""


def _applies(entry: Any, content: RegulationContent) -> bool:
    when = entry.get("when") if isinstance(entry, dict) else None
    return when is None or (when == "teachers" and content.scope != "pupils") or (
        when == "pupils" and content.scope != "teachers")


def _bases(content: RegulationContent, organization: Organization, regional: list[Act]) -> list[str]:
    """The legal bases by rule: federal acts by legal force, then regional and municipal
    acts, then the organisation's Charter."""
    cites = [ACTS[key].cite for key in default_bases("regulation", regulation_facts(content))]
    cites += [act.cite() for act in regional]
    return [*cites, _fill(_text()["charter"], {"org": typograph(organization.short_name)})]


def _point(entry: Any, content: RegulationContent, values: dict[str, Any],
           bases: list[str]) -> tuple[str, list[str]]:
    """A point's text and its enumeration (the lines start with a small letter, except the
    legal bases, which keep the capitals of the acts' names)."""
    if isinstance(entry, str):
        return _fill(entry, values), []
    if isinstance(entry, Point):
        return _fill(entry.text, values), sub_items([_fill(i, values) for i in entry.items])
    if entry.get("items_from") == "bases":
        return _fill(entry["text"], values), sub_items(bases, lower=False)
    items = [_fill(i if isinstance(i, str) else i["text"], values)
             for i in entry.get("items", []) if _applies(i, content)]
    return _fill(entry["text"], values), sub_items(items)


def _sections(content: RegulationContent) -> list[tuple[str, list[Any]]]:
    """(heading, points) of every section in order, with the organisation's changes."""
    out: list[tuple[str, list[Any]]] = []
    for section in _text()["sections"]:
        change = content.sections.get(section["key"], SectionText())
        if change.omit:
            continue
        if section["key"] == "final":
            out += [(s.heading, list(s.points)) for s in content.extra_sections]
        points = list(change.points) if change.points is not None else [
            p for p in section["points"] if _applies(p, content)]
        out.append((change.heading or section["heading"], [*points, *change.add]))
    return out


def _cited_once(text: str, content: RegulationContent, cited: set[str]) -> str:
    """The organisation's acts on pay and incentives are cited in full (with the order that
    approved them) the first time, by their title after that."""
    for act in (content.pay_regulation, content.incentives_regulation):
        if act is None or act.date is None and act.number is None:
            continue
        full, short = typograph(act.cite()), typograph(Act(title=act.title).cite())
        if full in text:
            text = text.replace(full, short) if full in cited else text
            cited.add(full)
    return text


def regulation_blocks(content: RegulationContent, organization: Organization,
                      regional: list[Act] | None = None) -> list[TextBlock]:
    """The regulation's text as paragraphs: «1. Общие положения» (a heading), «1.1. …»,
    the lines of an enumeration «– …;» after their point."""
    values = _values(content, organization)
    bases = _bases(content, organization, list(regional or []))
    cited: set[str] = set()
    blocks: list[TextBlock] = []
    for s, (heading, points) in enumerate(_sections(content), start=1):
        blocks.append(TextBlock(text=f"{s}. {typograph(heading).rstrip('.')}", heading=True))
        for p, entry in enumerate(points, start=1):
            text, items = _point(entry, content, values, bases)
            text = _cited_once(typograph(text), content, cited)
            blocks.append(TextBlock(text=f"{s}.{p}. {upper_first(text) if items else sentence(text)}"))
            blocks.extend(TextBlock(text=f"{DASH} {line}") for line in items)
    return blocks
