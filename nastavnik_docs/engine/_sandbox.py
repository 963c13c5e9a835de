"""The sandbox every template runs in: Jinja's immutable sandbox plus resource limits.

Jinja's sandbox keeps a template away from Python's internals, but not from exhausting
memory and time: ``{{ ''|center(400000000) }}``, ``{{ ((10**1000)**1000)**1000 }}``,
``{{ '{:>400000000}'.format(1) }}``, nested ``range(100000)`` loops and ``~`` chains each
took gigabytes or minutes. :class:`Sandbox` checks, *before* the work is done, every
operation that can make something big (the bounds are :mod:`nastavnik_docs._limits`):

* ``*`` (repeating a string or list; multiplying big numbers), ``**``, ``+`` (joining
  strings or lists) and ``%`` (printf widths) — :func:`check_binop`;
* the methods ``center``, ``ljust``, ``rjust``, ``zfill``, ``expandtabs``, ``replace``,
  ``join``, ``translate``, ``format`` and ``format_map`` of strings —
  :func:`check_method` and the format-spec widths of :func:`check_format_spec`;
* the filters ``center``, ``format``, ``indent``, ``wordwrap``, ``replace``, ``join``,
  ``batch``, ``slice``, ``sum`` and the globals ``range`` and ``lipsum``;
* ``~`` (each concatenation's length, before joining), every ``{% for %}`` loop (the
  iterations of one document together), every printed value and every joined block
  (the characters of one part).

Each refusal is a :class:`SandboxLimit` — a ``SecurityError``, so the engines explain it
like any sandbox refusal, as a :class:`~nastavnik_docs.errors.TemplateError` naming the
template, the part and the paragraph or cell. The loops and the printed values count
against the budget of the document being rendered, which
:func:`~._budget.render_guard` opens (with the watchdog for its time). The check of a
template (:mod:`.check`) runs the same functions on constant arguments, so that it
reports what rendering would refuse.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from functools import update_wrapper
from typing import Any

from jinja2 import nodes, pass_environment, pass_eval_context
from jinja2 import utils as jinja_utils
from jinja2.compiler import CodeGenerator, Frame
from jinja2.filters import (
    do_batch,
    do_center,
    do_format,
    do_indent,
    do_join,
    do_replace,
    do_slice,
    do_wordwrap,
    make_attrgetter,
)
from jinja2.runtime import markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .. import _limits
from ._budget import Budget, active_budget
from ._plain_attrs import MISSING, PlainTypes

__all__ = [
    "UNSAFE_NAMES",
    "Sandbox",
    "SandboxLimit",
    "check_binop",
    "check_filter",
    "check_format_spec",
    "check_method",
    "check_range",
    "is_unsafe_attribute",
]


class SandboxLimit(SecurityError):
    """An operation of a template refused because its result would go beyond a limit:
    ``what`` did it, ``reason`` says which limit, ``hint`` how to change it. A
    ``SecurityError``, so that every place that explains a sandbox refusal with its
    template, part and paragraph explains this one too."""

    def __init__(self, name: str, what: str, value: float):
        self.limit = name
        self.what = what
        self.reason, self.hint = _limits.describe(name, value)
        super().__init__(f"{what}: {self.reason}")


def _refuse(name: str, what: str, value: float) -> SandboxLimit:
    return SandboxLimit(name, what, value)


# --------------------------------------------------------------------------- checks


#: Attributes the sandbox refuses whatever the object (besides names starting with «_»).
UNSAFE_NAMES = frozenset({
    "mro", "gi_frame", "gi_code", "gi_yieldfrom", "cr_frame", "cr_code", "cr_await", "ag_code", "ag_frame",
    "ag_await", "tb_frame", "tb_next", "f_globals", "f_locals", "f_builtins", "f_back", "f_code", "co_code",
    "func_globals", "func_code",
})


def is_unsafe_attribute(name: str) -> bool:
    """Whether the sandbox refuses attribute (or key) ``name``, whatever the object: a name
    starting with «_», or an internal one (:data:`UNSAFE_NAMES`)."""
    return name.startswith("_") or name in UNSAFE_NAMES




def _size_limit(value: Any) -> str | None:
    """The limit on ``value``'s kind of sequence: characters of a string, items of a list."""
    if isinstance(value, str):
        return "string_chars"
    return "list_items" if isinstance(value, (list, tuple)) else None


def _bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) and not isinstance(value, bool) else 0


def check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse ``left <operator> right`` when its result would be too big (a
    :class:`SandboxLimit`)."""
    limits = _limits.current()
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            name = _size_limit(seq)
            if name and isinstance(times, int) and len(seq) * times > getattr(limits, name):
                raise _refuse(name, "повторение «*»", len(seq) * times)
        if _bits(left) + _bits(right) > limits.number_bits:
            raise _refuse("number_bits", "умножение «*»", _bits(left) + _bits(right))
    elif operator == "**":
        if isinstance(right, int) and right > 1 and _bits(left) > 1:
            if _bits(left) * right > limits.number_bits:
                raise _refuse("number_bits", "степень «**»", _bits(left) * right)
    elif operator == "+":
        name = _size_limit(left)
        if name and _size_limit(right) and len(left) + len(right) > getattr(limits, name):
            raise _refuse(name, "сложение «+»", len(left) + len(right))
    elif operator == "%" and isinstance(left, str):
        check_percent_format(left, right if isinstance(right, tuple) else (right,))


def _too_wide(width: Any, what: str) -> None:
    if isinstance(width, int) and width > _limits.current().string_chars:
        raise _refuse("string_chars", what, width)


_PERCENT = re.compile(r"%[-#0 +]*(\d+|\*)?(?:\.(\d+|\*))?")
_DIGITS = re.compile(r"\d+")


def check_percent_format(fmt: str, args: tuple[Any, ...]) -> None:
    """Refuse a printf-style format whose widths or precisions (or ``*`` arguments) are
    too big: ``'%0400000000d' % 1``."""
    starred = False
    for match in _PERCENT.finditer(fmt):
        for group in match.groups():
            if group == "*":
                starred = True
            elif group:
                _too_wide(int(group), "ширина в формате «%»")
    if starred:
        for arg in args:
            _too_wide(arg, "ширина в формате «%»")


def check_format_spec(fmt: str, args: Iterable[Any] = (), kwargs: dict[str, Any] | None = None) -> None:
    """Refuse a ``str.format`` pattern with a width or precision that is too big, given in
    the pattern (``'{:>400000000}'``) or by an argument (``'{:>{}}'``)."""
    try:
        parsed = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # format() itself reports the broken pattern
    for _literal, _field, spec, _conversion in parsed:
        if not spec:
            continue
        for digits in _DIGITS.findall(spec):
            _too_wide(int(digits), "ширина в формате {…}")
        if "{" in spec:
            for value in [*args, *(kwargs or {}).values()]:
                _too_wide(value, "ширина в формате {…}")


def _joined_length(items: list[Any], sep: str) -> int:
    return sum(len(str(item)) for item in items) + len(sep) * max(len(items) - 1, 0)


def check_method(obj: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a call of a string method whose result would be too big; the arguments are
    returned (a ``join`` argument materialised as a list, so it is iterated once)."""
    if not isinstance(obj, str):
        return args
    limit = _limits.current().string_chars
    if name in ("center", "ljust", "rjust", "zfill") and args:
        _too_wide(args[0], f"ширина в {name}()")
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int) and len(obj) * max(size, 1) > limit:
            raise _refuse("string_chars", "expandtabs()", len(obj) * size)
    elif name == "replace" and len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        old, new = args[0], args[1]
        times = obj.count(old) if old else len(obj) + 1
        if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
            times = min(times, args[2])
        if len(obj) + times * (len(new) - len(old)) > limit:
            raise _refuse("string_chars", "replace()", len(obj) + times * (len(new) - len(old)))
    elif name == "join" and args:
        items = list(args[0])
        if _joined_length(items, obj) > limit:
            raise _refuse("string_chars", "join()", _joined_length(items, obj))
        return (items, *args[1:])
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(str(v)) for v in args[0].values() if v is not None), default=1)
        if len(obj) * longest > limit:
            raise _refuse("string_chars", "translate()", len(obj) * longest)
    return args


def check_range(*args: Any) -> range:
    """``range`` for templates: at most ``range_items`` items."""
    rng = range(*args)
    if len(rng) > _limits.current().range_items:
        raise _refuse("range_items", "range()", len(rng))
    return rng


def check_filter(name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a filter call whose result would be too big (the filters listed in the
    module docstring; any other name passes)."""
    limit = _limits.current().string_chars
    arg = args[0] if args else None
    if name == "center":
        _too_wide(kwargs.get("width", arg), "ширина в фильтре center")
    elif name == "format" and isinstance(value, str):
        check_percent_format(value, tuple(args) or tuple(kwargs.values()))
    elif name == "indent":
        width = kwargs.get("width", 4 if arg is None else arg)
        step = width if isinstance(width, int) else len(str(width))
        if isinstance(value, str) and len(value) + (value.count("\n") + 1) * step > limit:
            raise _refuse("string_chars", "фильтр indent", len(value) + (value.count("\n") + 1) * step)
        _too_wide(step, "ширина в фильтре indent")
    elif name == "wordwrap" and isinstance(value, str):
        width = kwargs.get("width", 79 if arg is None else arg)
        wrap = kwargs.get("wrapstring", args[2] if len(args) > 2 else None) or "\n"
        lines = len(value) // max(width if isinstance(width, int) else 1, 1) + value.count("\n") + 1
        if len(value) + lines * len(str(wrap)) > limit:
            raise _refuse("string_chars", "фильтр wordwrap", len(value) + lines * len(str(wrap)))
    elif name == "replace" and isinstance(value, str) and len(args) >= 2:
        check_method(value, "replace", tuple(args[:2]) + ((args[2],) if len(args) > 2 else ()), {})
    elif name == "batch":
        fill = kwargs.get("fill_with", args[1] if len(args) > 1 else None)
        count = kwargs.get("linecount", arg)
        if fill is not None and isinstance(count, int) and count > _limits.current().list_items:
            raise _refuse("list_items", "размер пачки в фильтре batch", count)
    elif name == "join" and isinstance(value, (list, tuple)) and not kwargs.get("attribute"):
        sep = str(kwargs.get("d", "" if arg is None else arg))
        if _joined_length(list(value), sep) > limit:
            raise _refuse("string_chars", "фильтр join", _joined_length(list(value), sep))
    elif name == "slice":
        count = kwargs.get("slices", arg)
        if isinstance(count, int) and count > _limits.current().range_items:
            raise _refuse("range_items", "фильтр slice", count)
    elif name == "lipsum":
        n = kwargs.get("n", 5 if arg is None else arg)
        most = kwargs.get("max", args[3] if len(args) > 3 else 100)
        if isinstance(n, int) and isinstance(most, int) and n * most * 12 > limit:
            raise _refuse("string_chars", "lipsum()", n * most * 12)


# --------------------------------------------------------------------------- filters


def _filter(name: str, original: Callable[..., Any], value_at: int = 0) -> Callable[..., Any]:
    """``original`` with :func:`check_filter` run first; ``value_at`` is the position of
    the filtered value among the positional arguments (after an environment or context)."""

    def checked(*args: Any, **kwargs: Any) -> Any:
        check_filter(name, args[value_at], tuple(args[value_at + 1:]), kwargs)
        return original(*args, **kwargs)

    return update_wrapper(checked, original)


@pass_eval_context
def _join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
    if attribute is not None:
        getter = make_attrgetter(eval_ctx.environment, attribute)
        value = map(getter, value)
    items = list(value)
    if _joined_length(items, d) > _limits.current().string_chars:
        raise _refuse("string_chars", "фильтр join", _joined_length(items, d))
    return do_join(eval_ctx, items, d)


@pass_environment
def _sum(environment: Any, iterable: Iterable[Any], attribute: Any = None, start: Any = 0) -> Any:
    if attribute is not None:
        iterable = map(make_attrgetter(environment, attribute), iterable)
    total = start
    for item in iterable:
        check_binop("+", total, item)
        total = total + item
    return total


def _lipsum(*args: Any, **kwargs: Any) -> str:
    check_filter("lipsum", None, args, kwargs)
    return jinja_utils.generate_lorem_ipsum(*args, **kwargs)


FILTERS: dict[str, Callable[..., Any]] = {
    "center": _filter("center", do_center),
    "format": _filter("format", do_format),
    "indent": _filter("indent", do_indent),
    "wordwrap": _filter("wordwrap", do_wordwrap, value_at=1),
    "replace": _filter("replace", do_replace, value_at=1),
    "batch": _filter("batch", do_batch),
    "slice": _filter("slice", do_slice),
    "join": _join,
    "sum": _sum,
}


# --------------------------------------------------------------------------- the environment


class _GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator with every loop's iterable passed through
    :meth:`Sandbox.guard_iter` and every ``~`` through :meth:`Sandbox.join_checked`."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Call(nodes.EnvironmentAttribute("guard_iter"), [loop.iter], [], None, None,
                                   lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.join_checked((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("), context.eval_ctx.autoescape)")


def _checked_concat(chunks: Iterable[str]) -> str:
    """``"".join`` of a template's output or of a block, its length checked first."""
    parts = list(chunks)
    total = sum(map(len, parts))
    if total > _limits.current().document_chars:
        raise _refuse("document_chars", "слишком большой результат", total)
    return "".join(parts)


class Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with the limits of the module docstring."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _GuardedCodeGenerator
    concat = staticmethod(_checked_concat)

    def __init__(self, **options: Any):
        finalize = options.pop("finalize", None)
        super().__init__(finalize=self._counting(finalize), **options)
        self.globals["range"] = check_range
        self.globals["lipsum"] = _lipsum
        self.filters.update(FILTERS)
        self._plain_types = PlainTypes()

    @staticmethod
    def _counting(finalize: Callable[[Any], Any] | None) -> Callable[[Any], Any]:
        """``finalize`` that also counts what is printed against the document's budget."""

        def count(value: Any) -> Any:
            out = finalize(value) if finalize is not None else value
            if isinstance(out, str):
                budget = active_budget()
                if budget is not None:
                    budget.chars += len(out)
                    if budget.chars > budget.most_chars:
                        raise _refuse("document_chars", "слишком большой результат", budget.chars)
            return out

        return count

    def getattr(self, obj: Any, attribute: str) -> Any:
        if is_unsafe_attribute(attribute):  # by its name, whether the object has it or not
            return self.unsafe_undefined(obj, attribute)
        value = self._plain_types.lookup(obj, attribute)  # the same answer, faster (._plain_attrs)
        return super().getattr(obj, attribute) if value is MISSING else value

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(argument, str) and is_unsafe_attribute(argument):
            return self.unsafe_undefined(obj, argument)
        return super().getitem(obj, argument)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
        """Refuse at once: Jinja returns an undefined value for an unsafe attribute, which
        a template can still print (``items|map(attribute='__class__')|list`` gives
        «[Undefined, …]»); a refused attribute is an error wherever it is reached."""
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe.")

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        check_binop(operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            args = check_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        pattern = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            mapping = args[0] if value.__name__ == "format_map" and args else kwargs
            check_format_spec(pattern, args, mapping if isinstance(mapping, dict) else {})
            return wrapped(*args, **kwargs)

        return update_wrapper(checked, value)

    def guard_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Iterate a loop's items, counting them against the document's budget."""
        budget = active_budget()
        if budget is None:
            budget = Budget("шаблон")
        limit = budget.most_iterations
        for item in iterable:
            budget.iterations += 1
            if budget.iterations > limit:
                raise _refuse("loop_iterations", "циклы шаблона", budget.iterations)
            yield item

    def join_checked(self, parts: tuple[Any, ...], autoescape: bool) -> str:
        """``a ~ b ~ c``: the joined length checked before joining."""
        total = sum(len(str(p)) for p in parts)
        if total > _limits.current().string_chars:
            raise _refuse("string_chars", "соединение строк «~»", total)
        return markup_join(parts) if autoescape else str_join(parts)
