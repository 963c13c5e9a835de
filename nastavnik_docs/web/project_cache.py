"""The plan and the check of the served project, remembered until a file of the folder changes.

``Project.plan()`` and ``Project.check()`` each build the whole year in memory (seconds for
a school's year). The pages ask for them often — the plan, the check, the start page, the
size of a year's run — while the folder changes only when the curator saves a form, uploads
a registry, edits a file or issues documents. So each answer is kept with a fingerprint of
the folder (every file's name, size and modification time, certificate batches aside) and
reused while the fingerprint holds.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..models import Finding
from ..project import PlanItem, Project

__all__ = ["ProjectCache"]

T = TypeVar("T")


class ProjectCache:
    """The project ``opener`` opens from ``folder``, its ``plan()`` and ``check()``, remembered.

    ``opener`` raises the library's InputError when the project cannot be opened (the card
    or the registry has errors); that is never remembered.
    """

    def __init__(self, folder: Path, opener: Callable[[], Project], skip: tuple[str, ...] = ()):
        self.folder = folder
        self.opener = opener
        self.skip = set(skip)
        self._answers: dict[str, tuple[Any, Any]] = {}
        self._locks = {"project": threading.Lock(), "plan": threading.Lock(), "check": threading.Lock()}

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Every file of the folder (but the skipped top folders) with its size and time."""
        seen = []
        for root, dirs, files in os.walk(self.folder):
            if Path(root) == self.folder:
                dirs[:] = [d for d in dirs if d not in self.skip]
            for name in files:
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                seen.append((path, stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(seen))

    def _remembered(self, what: str, make: Callable[[], T]) -> T:
        with self._locks[what]:
            # taken before the project is read: a change while it is read only makes the
            # next call compute again
            stamp = self.fingerprint()
            known = self._answers.get(what)
            if known is not None and known[0] == stamp:
                return known[1]
            answer = make()
            self._answers[what] = (stamp, answer)
            return answer

    def project(self) -> Project:
        """The opened project (opened again only when the folder changed)."""
        return self._remembered("project", self.opener)

    def plan(self) -> list[PlanItem]:
        """``Project.plan()`` (computed again only when the folder changed)."""
        return self._remembered("plan", lambda: self.project().plan())

    def check(self) -> list[Finding]:
        """``Project.check()`` (computed again only when the folder changed)."""
        return self._remembered("check", lambda: self.project().check())

    def known_plan(self) -> list[PlanItem] | None:
        """The plan if it was computed for the folder as it is now (never computes)."""
        return self._current("plan")

    def known_check(self) -> list[Finding] | None:
        """The check if it was computed for the folder as it is now (never computes)."""
        return self._current("check")

    def _current(self, what: str) -> Any:
        known = self._answers.get(what)
        return known[1] if known is not None and known[0] == self.fingerprint() else None
