"""What the command line prints: rich's consoles made on first use, the Russian line of a
failure, the data's and the documents' warnings.

Every command is wrapped in :func:`friendly`: no traceback reaches the user, an error of
the library (``NastavnikError``) is printed as its Russian message, any other failure as
one Russian line, with a non-zero exit code (``NASTAVNIK_DOCS_DEBUG=1`` shows the traceback
of an unexpected one). rich is imported only when something is printed with styles or to a
terminal: a command that writes plain lines into a pipe never loads it.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import wraps
from typing import Any

import typer

from .._gc import resume_after_start
from ..errors import DataWarning, InputError, NastavnikError

__all__ = ["Console", "console", "document_warnings", "err_console", "error_text", "friendly", "new_table", "say",
           "show_warning"]

_python_show_warning = warnings.showwarning


class Console:
    """rich's Console, made on first use: importing rich costs more than a whole
    ``nastavnik-docs render`` may take before it starts working."""

    def __init__(self, stderr: bool = False):
        self.stderr = stderr
        self._console: Any = None

    def print(self, *objects: Any, **options: Any) -> None:
        stream = sys.stderr if self.stderr else sys.stdout
        if (self._console is None and not options.get("markup") and not stream.isatty()
                and all(isinstance(o, str) for o in objects)):
            # plain lines into a pipe or a file: what rich would write, without loading it
            stream.write(" ".join(objects) + "\n")
            return
        if self._console is None:
            from rich.console import Console as RichConsole

            self._console = RichConsole(stderr=self.stderr)
        self._console.print(*objects, **options)


def new_table(title: str) -> Any:
    """A rich table (rich is imported here, for the commands that print one)."""
    from rich.table import Table

    return Table(title=title)


console = Console()
err_console = Console(stderr=True)

#: Set for the running command by ``--redact``.
_redacting = False
_OS_REASONS = {2: "файл или папка не найдены", 13: "нет прав доступа", 1: "нет прав доступа",
               28: "на диске нет места", 30: "файловая система только для чтения", 21: "это папка, а нужен файл",
               20: "это не папка", 36: "слишком длинное имя файла"}


def say(label: str, style: str, message: str) -> None:
    from rich.text import Text

    err_console.print(Text.assemble((label, style), " ", message), highlight=False, soft_wrap=True)


def error_text(exc: BaseException) -> str:
    """What the user reads for a failure: the library's own message, or one Russian line."""
    if isinstance(exc, InputError) and _redacting:
        return str(InputError([replace(p, value=None) for p in exc.problems], file=exc.file))
    if isinstance(exc, NastavnikError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        return f"не удалось прочитать или записать файл{where} — {_OS_REASONS.get(exc.errno or 0, exc.strerror or exc)}"
    if isinstance(exc, MemoryError):
        return "не хватило памяти; обработайте данные частями"
    if isinstance(exc, RecursionError):
        return "данные вложены слишком глубоко"
    detail = " ".join(str(exc).split())[:300]
    return (f"непредвиденная ошибка ({type(exc).__name__}{': ' + detail if detail else ''}); "
            f"чтобы увидеть подробности, запустите снова с переменной NASTAVNIK_DOCS_DEBUG=1")


def show_warning(message: Any, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """Print the library's own warnings as one Russian line, without Python's source
    excerpt (with ``--redact``, a birth-date warning without the name)."""
    if issubclass(category, DataWarning) and _redacting:
        say("Предупреждение:", "bold yellow", "в данных есть сомнительная дата рождения (подробности — без --redact)")
    elif category.__module__.startswith("nastavnik_docs"):
        say("Предупреждение:", "bold yellow", str(message))
    else:
        _python_show_warning(message, category, filename, lineno, file, line)


def friendly(func: Callable[..., Any]) -> Callable[..., Any]:
    """Print every failure as a Russian message (no traceback) and exit non-zero; print
    the data's warnings in Russian."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global _redacting
        resume_after_start()  # the console script paused the collector while it started (.._gc)
        _redacting = bool(kwargs.get("redact"))
        previous, warnings.showwarning = warnings.showwarning, show_warning
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except KeyboardInterrupt:
            say("Прервано.", "bold red", "Незаконченные файлы не оставлены; пакет можно продолжить с --resume")
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("NASTAVNIK_DOCS_DEBUG") and not isinstance(exc, NastavnikError):
                raise
            say("Ошибка:", "bold red", error_text(exc))
            raise typer.Exit(1) from None
        finally:
            warnings.showwarning = previous

    return wrapper


@contextmanager
def document_warnings() -> Iterator[None]:
    """Print what the document asks the curator to check (``DocumentWarning``), once each;
    any other warning is shown as Python would have shown it."""
    from ..kinds import DocumentWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DocumentWarning)
        yield
    for other in (w for w in caught if not issubclass(w.category, DocumentWarning)):
        warnings.showwarning(other.message, other.category, other.filename, other.lineno)
    for text in dict.fromkeys(str(w.message) for w in caught if issubclass(w.category, DocumentWarning)):
        err_console.print(f"Предупреждение: {text}", highlight=False, markup=False, soft_wrap=True)
