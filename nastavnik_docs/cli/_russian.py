"""The command line's own words in Russian: usage errors and the frame of ``--help``.

typer prints what it says itself in English («Usage:», «Missing argument 'kind'.», «No
such option», «Show this message and exit.»), and there is no catalogue to install: the
click that typer carries has its messages in code, and typer's few translatable ones go
through gettext's process-wide default domain. A curator reads them, so the app's command
classes say them in Russian:

* a usage error is caught where the app runs (:meth:`RussianGroup.main`, also under
  typer's test runner) and said from the exception's own data — the parameter, the
  option, the options that come close — with the nearest valid name and the command's
  ``--help`` to read; the exit code stays 2;
* an unknown command gets the nearest one («нет команды «rendr»; возможно, «render»»);
* the help's frame — «Использование:», the section headings, «[по умолчанию: …]» — is
  replaced in the help text, and value placeholders are Russian before the columns are
  laid out (``<путь>``, ``<число>``, ``<текст>``), so the columns stay aligned.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from typer import Abort
from typer._click.exceptions import (  # typer ≥ 0.29 carries its own click (pyproject.toml)
    BadArgumentUsage,
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

__all__ = ["RussianCommand", "RussianGroup", "short_help", "usage_error_text"]

HELP_OPTION = "Показать эту справку и выйти"
OPTIONS_METAVAR = "[ПАРАМЕТРЫ]"
COMMAND_METAVAR = "КОМАНДА [АРГУМЕНТЫ]..."

#: The frame of typer's help text, as it is printed → in Russian (whole lines or bracketed notes).
_FRAME = (
    (re.compile(r"^Usage: ", re.MULTILINE), "Использование: "),
    (re.compile(r"^Arguments:$", re.MULTILINE), "Аргументы:"),
    (re.compile(r"^Options:$", re.MULTILINE), "Параметры:"),
    (re.compile(r"^Commands:$", re.MULTILINE), "Команды:"),
    (re.compile(r"\[default: "), "[по умолчанию: "),
    (re.compile(r"\[required\]"), "[обязательно]"),
    (re.compile(r"\[env var: "), "[переменная окружения: "),
)

#: The placeholder of an option's value, by the type of its value.
_PLACEHOLDERS: dict[Any, str] = {str: "<текст>", int: "<число>", float: "<число>", Path: "<путь>",
                                 dt.date: "<дата>"}
#: What a value of a type must be, for an option given a value it cannot take.
_EXPECTED: dict[Any, str] = {int: "нужно целое число", float: "нужно число", dt.date: "нужна дата ГГГГ-ММ-ДД",
                             Path: "нужен путь к файлу или папке"}


#: The commands' arguments by the names the curator sees («nastavnik-docs batch {вид} {записи}»).
_ARGUMENT_NAMES = {"kind": "вид", "data": "данные", "source": "записи", "file": "файл", "folder": "папка",
                   "roadmap": "карта", "inputs": "таблицы", "registry": "база"}


def _russian_placeholders(params: list[Any]) -> None:
    for param in params:
        if not isinstance(param, (TyperOption, TyperArgument)) or param.metavar is not None:
            continue
        if isinstance(param, TyperOption) and param.is_flag:
            continue
        annotation = param.type_descriptor.annotation
        element = getattr(annotation, "__args__", (annotation,))[0] if param.type_descriptor.is_list else annotation
        placeholder = _PLACEHOLDERS.get(element)
        if placeholder is None:
            continue
        if isinstance(param, TyperOption):
            param.metavar = placeholder
        else:  # an argument's metavar is its name in the usage line and the help: a Russian word
            param.metavar = _ARGUMENT_NAMES.get(param.name or "", param.name)
            vars(param)["display_type"] = lambda ctx, shown=placeholder: shown


def short_help(doc: str | None) -> str | None:
    """A command's line in the app's list of commands: the first sentence of its help up to
    a colon or a bracket («Проверить данные года»), whole — typer would cut it at 45
    characters in the middle of a word («Полный комплект документов для образца организации
    из...»); a long one wraps in its column instead."""
    if not doc:
        return None
    first = " ".join(doc.strip().split("\n\n")[0].split())
    first = re.split(r"(?<=[^\s.])\.(?=\s+[А-ЯЁA-Z]|$)", first, maxsplit=1)[0]  # not «т. е.»
    return re.split(r":\s| \(", first, maxsplit=1)[0].rstrip(" .")


def _russian_help(text: str) -> str:
    for pattern, words in _FRAME:
        text = pattern.sub(words, text)
    return text


if TYPE_CHECKING:
    _Frame = TyperCommand
else:
    _Frame = object


class _RussianFrame(_Frame):
    """What the app and its commands share: the help's frame, value placeholders and extra
    arguments in Russian."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("options_metavar", "[OPTIONS]") == "[OPTIONS]":
            kwargs["options_metavar"] = OPTIONS_METAVAR
        super().__init__(*args, **kwargs)
        _russian_placeholders(self.params)

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION
        return option

    def get_help(self, ctx: Any) -> str:
        return _russian_help(super().get_help(ctx))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return _russian_extra_arguments(super().parse_args, ctx, args)


class RussianCommand(_RussianFrame, TyperCommand):
    """A command whose help is framed in Russian (see the module)."""


class RussianGroup(_RussianFrame, TyperGroup):
    """The app: its help in Russian, and every usage error said in Russian (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("subcommand_metavar") is None:
            kwargs["subcommand_metavar"] = COMMAND_METAVAR
        super().__init__(*args, **kwargs)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            known = self.list_commands(ctx)
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            tail = f"; возможно, имелась в виду «{close[0]}»" if close else f"; команды: {', '.join(known)}"
            ctx.fail(f"нет команды «{name}»{tail}")
        return super().resolve_command(ctx, args)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, windows_expand_args: bool = True,
             **extra: Any) -> Any:
        """Run as click does, but say a usage error in Russian before exiting with its code."""
        run = functools.partial(super().main, args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        if not standalone_mode:
            return run()
        try:
            code = run()
        except NoArgsIsHelpError as exc:
            print(exc.ctx.get_help() if exc.ctx is not None else "", file=sys.stdout)
            sys.exit(exc.exit_code)
        except ClickException as exc:
            _fail(exc)
        except Abort:
            _say_error("прервано")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _russian_extra_arguments(parse: Any, ctx: Any, args: list[str]) -> list[str]:
    try:
        return parse(ctx, args)
    except UsageError as exc:
        found = re.fullmatch(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", exc.message)
        if found is None:
            if exc.ctx is None:  # the option parser's error: the command it is in, for «Справка»
                exc.ctx = ctx
            raise
        raise UsageError(f"лишнее в команде: {found.group(1)}", ctx) from None


def _option_name(param: Any) -> str:
    opts = sorted(getattr(param, "opts", None) or [], key=len)
    return opts[-1] if opts else str(getattr(param, "name", "") or "")


def _expected(param: Any) -> str | None:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:
        return None
    if descriptor.is_choice and descriptor.choices:
        return "допустимо: " + ", ".join(str(getattr(c, "value", c)) for c in descriptor.choices)
    return _EXPECTED.get(descriptor.annotation)


def usage_error_text(exc: ClickException) -> str:
    """A usage error of the command line in Russian, from the exception's own data."""
    if isinstance(exc, MissingParameter):
        param = exc.param
        if getattr(param, "param_type_name", "") == "argument":
            return f"не указан аргумент «{getattr(param, 'metavar', None) or getattr(param, 'name', '')}»"
        return f"не указан обязательный параметр «{_option_name(param)}»"
    if isinstance(exc, NoSuchOption):
        command = getattr(exc.ctx, "command", None)
        known = sorted({o for p in getattr(command, "params", ()) for o in p.opts if o.startswith("--")})
        close = difflib.get_close_matches(exc.option_name, known or exc.possibilities or [], n=1, cutoff=0.7)
        if close:
            return f"нет параметра «{exc.option_name}»; возможно, имелся в виду «{close[0]}»"
        listed = f"; у команды есть: {', '.join(known)}" if known else ""
        return f"нет параметра «{exc.option_name}»{listed}"
    if isinstance(exc, BadOptionUsage):
        if "does not take a value" in exc.message:
            return f"параметр «{exc.option_name}» указывается без значения"
        if "requires" in exc.message:
            return f"после параметра «{exc.option_name}» нужно значение"
        return f"параметр «{exc.option_name}» указан неверно"
    if isinstance(exc, BadParameter):
        where = exc.param_hint or (_option_name(exc.param) if exc.param is not None else "")
        where = where if isinstance(where, str) else " / ".join(where)
        message = exc.message
        if not re.search("[А-Яа-яЁё]", message):  # typer's own English reason: say what is expected
            message = _expected(exc.param) or "значение не подходит"
        return f"неверное значение параметра «{where}»: {message}" if where else message
    if isinstance(exc, BadArgumentUsage) and "takes" in exc.message:
        return "у аргумента не то число значений"
    if exc.message == "Missing command.":
        return "не указана команда"
    return exc.message


def _say_error(text: str) -> None:
    from ._output import say

    say("Ошибка:", "bold red", text)


def _fail(exc: ClickException) -> NoReturn:
    _say_error(usage_error_text(exc))
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, UsageError) and ctx is not None:
        print(f"Справка: {ctx.command_path} --help", file=sys.stderr)
    sys.exit(exc.exit_code)
