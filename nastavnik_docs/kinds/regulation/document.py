"""``regulation`` — Положение о системе наставничества, a document of its own.

The regulation a director approves by order: the organisation's name, the grifs of the
bodies that adopted and agreed it at the left (ПРИНЯТО педагогическим советом, УЧТЕНО мнение
профсоюзной организации, СОГЛАСОВАНО советами обучающихся и родителей — each when given),
the approval mark at the right (УТВЕРЖДЕНО приказом … — and «Приложение № 1» when it is an
appendix to that order), the title and the full text (``regulation.yaml``, any section
replaced by the organisation). ``order.approve_regulation`` appends the same text or refers
to this document as its appendix.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field

from ...models import Organization
from ...ru import typograph
from .._base import Kind, register
from .._requisites import Act, letterhead_lines, typeset
from ..orders import TextBlock, title_lines
from ._text import RegulationContent, approval_lines, grif_lines, regulation_blocks, regulation_title

__all__ = ["RegulationContext", "RegulationInput", "build_regulation"]


class RegulationInput(RegulationContent):
    """Положение о системе наставничества: the organisation, the order that approves it, and
    the regulation's own content (scope, acts on pay, councils, changed sections)."""

    organization: Organization = Field(description="Организация")
    number: str | None = Field(default=None, description="Номер приказа об утверждении (нет — бланк)")
    date: dt.date | None = Field(default=None, description="Дата приказа об утверждении (нет — бланк)")
    appendix_number: int | None = Field(
        default=None, ge=1, description="Номер приложения к приказу об утверждении, если положение — его приложение")
    regional_acts: list[Act] = Field(
        default_factory=list, description="Региональные и муниципальные акты о наставничестве (в правовых основаниях)")


class RegulationContext(BaseModel):
    """What the regulation template places: ``letterhead`` (founder and organisation),
    ``grifs`` (left column), ``mark`` (right column), ``title`` lines and the text ``blocks``."""

    letterhead: list[str]
    grifs: list[str]
    mark: list[str]
    title: list[str]
    blocks: list[TextBlock]
    org_name: str
    font_name: str
    font_size: float


def build_regulation(data: RegulationInput) -> RegulationContext:
    org = data.organization
    title = regulation_title(data, org)
    return typeset(RegulationContext(
        letterhead=letterhead_lines(org),
        grifs=grif_lines(data, org),
        mark=approval_lines(org, title, (data.date, data.number), data.appendix_number),
        title=title_lines(title),
        blocks=regulation_blocks(data, org, data.regional_acts),
        org_name=typograph(org.short_name),
        font_name=org.font_name,
        font_size=org.font_size,
    ))


register(Kind(
    id="regulation",
    title="Положение о системе наставничества",
    build_context=build_regulation, family="Положения",
    samples=("regulation/regulation.yaml",), output_name="Положение о системе наставничества",
    description="Полный текст положения (общие положения и правовые основания, понятия, цели, формы, "
                "права и обязанности, отбор наставников, пары, оплата и поощрение, документы, "
                "мониторинг), грифы ПРИНЯТО / УЧТЕНО / СОГЛАСОВАНО по данным, отметка об утверждении; "
                "любой раздел можно заменить.",
))
