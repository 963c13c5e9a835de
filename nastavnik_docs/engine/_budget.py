"""The budget and the time limit of one document a template renders.

:func:`render_guard` opens a document's :class:`Budget` — the loop iterations and the
printed characters it has spent, and the limits it may spend
(:mod:`nastavnik_docs._limits`, read once per document) — and arms the watchdog
(:mod:`._watchdog`) for its time; the sandbox (:mod:`._sandbox`) counts against the
active budget (:func:`active_budget`). A batch opens one guard per document, so it is a
plain class rather than a generator-based context manager.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from contextvars import ContextVar, Token
from typing import Any

from .. import _limits
from ..errors import TemplateError
from ._watchdog import Overtime, arm, disarm

__all__ = ["Budget", "active_budget", "fresh_budget", "render_guard"]


class Budget:
    """What one document has spent: loop iterations and printed characters, and how much
    it may spend (the limits in force when it opened, read once per document rather than
    for every printed value)."""

    __slots__ = ("chars", "iterations", "label", "most_chars", "most_iterations")

    def __init__(self, label: str):
        self.label = label
        self.iterations = 0
        self.chars = 0
        limits = _limits.current()
        self.most_chars = limits.document_chars
        self.most_iterations = limits.loop_iterations


_BUDGET: ContextVar[Budget | None] = ContextVar("nastavnik_render_budget", default=None)

#: The budget of the document being rendered in this thread or task (None outside one).
active_budget = _BUDGET.get


class _Guard:
    """The context manager :func:`render_guard` returns: a class rather than a generator,
    since a batch opens one per document."""

    __slots__ = ("label", "budget", "reset", "armed")

    def __init__(self, label: str):
        self.label = label
        self.reset: Token[Budget | None] | None = None
        self.armed: object | None = None

    def __enter__(self) -> Budget:
        active = _BUDGET.get()
        if active is not None:  # inside an active guard: the outer one counts
            return active
        budget = Budget(self.label)
        self.reset = _BUDGET.set(budget)
        try:
            self.armed = arm(_limits.current().render_seconds)
        except BaseException:
            _BUDGET.reset(self.reset)
            raise
        return budget

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any) -> None:
        if self.reset is None:
            return
        try:
            disarm(self.armed)
        except Overtime:  # delivered just as the document ended
            disarm(self.armed)
            exc_type = Overtime
        finally:
            _BUDGET.reset(self.reset)
        if exc_type is not None and issubclass(exc_type, Overtime):
            reason, hint = _limits.describe("render_seconds", None)
            raise TemplateError(f"{self.label}: документ не собран вовремя: {reason}. {hint}") from None


def render_guard(label: str) -> AbstractContextManager[Budget]:
    """The budget and the time limit of one document (``label``: «шаблон «x.docx»»).
    Inside an active guard (the fast path falling back to docxtpl) the outer one counts."""
    return _Guard(label)


def fresh_budget() -> None:
    """Start the active budget over (a failed part is rendered again to explain the
    failure, and must fail at the same place)."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.iterations = budget.chars = 0
