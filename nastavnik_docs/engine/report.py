"""The result of checking a template: a list of readable problems (no format library here)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["TemplateIssue", "TemplateReport"]


@dataclass(frozen=True)
class TemplateIssue:
    """One problem in a template: what is wrong and where it sits.

    ``kind`` is ``"unknown"`` (a variable, filter or test the context or the engine does
    not provide; a loop over something that is not a list), ``"syntax"`` (a broken or
    unclosed tag) or ``"unsafe"`` (a sandbox violation). ``path`` is the variable path
    (``pairs[].mentor.dativ``; ``|name`` for a filter); ``where`` the part (``текст
    документа``, ``верхний колонтитул``, ``лист «Реестр», ячейка B5``); ``text`` the
    paragraph or cell text around the problem; ``suggestion`` the nearest valid name;
    ``hint`` what to do, in Russian.
    """

    kind: str
    message: str
    where: str = ""
    text: str = ""
    path: str | None = None
    suggestion: str | None = None
    hint: str = ""

    def __str__(self) -> str:
        out = self.message
        if self.suggestion:
            out += f" Возможно, имелось в виду «{self.suggestion}»."
        elif self.hint:
            out += f" {self.hint}"
        if self.where:
            out += f" [{self.where}]"
        if self.text:
            out += f" — «{self.text}»"
        return out


@dataclass
class TemplateReport:
    """Everything found in one template; ``ok`` when nothing is wrong."""

    template: str
    kind: str
    issues: list[TemplateIssue] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.issues

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        if self.ok:
            return f"Шаблон {self.template} подходит для «{self.kind}»: ошибок нет."
        lines = [f"Шаблон {self.template} («{self.kind}»): найдено ошибок: {len(self.issues)}"]
        lines += [f"  • {issue}" for issue in self.issues]
        return "\n".join(lines)
