"""The progress bar of a batch on the terminal (rich): documents done, rate, time left."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

__all__ = ["progress_bar"]


class _Rate(ProgressColumn):
    """Documents per second, «1 234 док./с»."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} док./с".replace(",", " ") if speed else "— док./с")


def progress_bar(total: int | None, title: str) -> tuple[Progress, TaskID]:
    """A bar on stderr for ``total`` documents (None: not known beforehand), not yet started."""
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        _Rate(), TextColumn("прошло"), TimeElapsedColumn(), TextColumn("осталось"),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    return progress, progress.add_task(title, total=total)
