"""What the sandbox would refuse, found in a template's syntax tree without rendering it.

``check-template`` must agree with the renderer: a template that fails at render for a
sandbox reason must not be called «ошибок нет». :func:`sandbox_issues` walks every node
of a parsed template and reports:

* ``unsafe`` — an attribute the sandbox never gives (``_x``, ``__class__``, ``mro``, a
  frame's or a generator's internals), whether reached by ``.``, by ``['…']``, by the
  ``attr`` filter, by a filter's ``attribute=`` or by a ``'{0.__class__}'.format`` field,
  from the data, a constant (``''.__class__``) or a global (``lipsum.__globals__``); a
  call of a method that changes a list, a dict or a set (``.append``, ``.update``);
* ``include`` — ``{% include %}``, ``{% import %}``, ``{% from … import %}``,
  ``{% extends %}``: a document is made from one file, there is nothing to include;
* ``limit`` — what the limits of :mod:`._sandbox` refuse, where the operands are
  constants: ``range(100000)``, ``'x' * 10**9``, ``9**9**9``, ``''|center(400000000)``,
  ``'%0400000000d'|format(1)``, ``'{:>400000000}'.format(1)``, ``lipsum(10**6)``, and
  loops over constant ranges whose nesting repeats more than ``loop_iterations`` times.
  The very functions the sandbox runs decide (:func:`~._sandbox.check_binop` …), so the
  check and the renderer cannot disagree about a limit.
"""

from __future__ import annotations

import operator
import string
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from jinja2 import nodes

from .. import _limits
from ._sandbox import (
    SandboxLimit,
    check_binop,
    check_filter,
    check_format_spec,
    check_method,
    check_range,
    is_unsafe_attribute,
)

__all__ = ["SandboxIssue", "sandbox_issues"]

#: Methods that change a list, a dict, a set or a deque: the immutable sandbox refuses them.
MUTATING = frozenset({
    "append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear", "update", "setdefault",
    "popitem", "add", "discard", "difference_update", "intersection_update", "symmetric_difference_update",
    "appendleft", "extendleft", "popleft", "rotate",
})
_ATTRIBUTE_FIRST = frozenset({"selectattr", "rejectattr", "groupby"})
_INCLUDES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)
_BINOPS: dict[type, tuple[str, Callable[[Any, Any], Any]]] = {
    nodes.Mul: ("*", operator.mul), nodes.Pow: ("**", operator.pow), nodes.Add: ("+", operator.add),
    nodes.Mod: ("%", operator.mod), nodes.Sub: ("-", operator.sub), nodes.Div: ("/", operator.truediv),
    nodes.FloorDiv: ("//", operator.floordiv),
}


@dataclass(frozen=True)
class SandboxIssue:
    """One refusal found: ``kind`` (``unsafe``, ``include``, ``limit``), the Russian
    message and the template line."""

    kind: str
    message: str
    lineno: int
    #: the refused attribute, for ``unsafe`` issues about one
    attribute: str | None = None


class _Unknown(Exception):
    """The value of an expression is not known before rendering."""


#: Variables of the template being checked that ``{% set %}`` gives a constant value.
_NAMES: ContextVar[dict[str, Any]] = ContextVar("nastavnik_check_names", default={})  # noqa: B039


def _value(node: nodes.Node, names: dict[str, Any] | None = None) -> Any:
    """The value of a constant expression (``names``: variables set to constants),
    computed only after the sandbox's checks."""
    names = _NAMES.get() if names is None else names
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in names:
        return names[node.name]
    if isinstance(node, (nodes.List, nodes.Tuple)):
        items = [_value(item) for item in node.items]
        return items if isinstance(node, nodes.List) else tuple(items)
    if isinstance(node, nodes.Neg):
        return -_value(node.node)
    binop = _BINOPS.get(type(node))
    if binop is not None:
        assert isinstance(node, nodes.BinExpr)
        left, right = _value(node.left), _value(node.right)
        check_binop(binop[0], left, right)
        try:
            return binop[1](left, right)
        except Exception:
            raise _Unknown from None
    if isinstance(node, nodes.Concat):
        parts = [str(_value(part)) for part in node.nodes]
        total = sum(map(len, parts))
        if total > _limits.current().string_chars:
            raise SandboxLimit("string_chars", "соединение строк «~»", total)
        return "".join(parts)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range":
        return check_range(*[_value(a) for a in node.args])
    if isinstance(node, nodes.Filter) and node.node is not None and node.name in ("join", "string", "list"):
        value = _value(node.node)
        if node.name == "string":
            return str(value)
        if node.name == "list":
            return list(value)
        sep = _value(node.args[0]) if node.args else ""
        check_filter("join", list(value), (sep,), {})
        return str(sep).join(map(str, value))
    raise _Unknown


def _attribute_issue(name: str, how: str, lineno: int) -> Iterator[SandboxIssue]:
    for part in str(name).split("."):
        if is_unsafe_attribute(part):
            yield SandboxIssue("unsafe", f"Обращение к служебному атрибуту «{part}» ({how}) запрещено "
                                         f"песочницей: так шаблон не соберётся.", lineno, part)
            return


def _format_fields(pattern: str) -> Iterator[str]:
    try:
        for _literal, field, _spec, _conversion in string.Formatter().parse(pattern):
            if field:
                yield from (p for p in field.replace("[", ".").replace("]", "").split(".")[1:] if p)
    except ValueError:
        return


def _node_issues(node: nodes.Node) -> Iterator[SandboxIssue]:
    line = node.lineno
    if isinstance(node, _INCLUDES):
        tag = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
               nodes.Extends: "extends"}[type(node)]
        yield SandboxIssue("include", f"Тег {{% {tag} %}} подключает другой шаблон, а документ собирается "
                                      f"из одного файла: так шаблон не соберётся.", line)
    elif isinstance(node, nodes.Getattr):
        yield from _attribute_issue(node.attr, f"«.{node.attr}»", line)
    elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        yield from _attribute_issue(node.arg.value, f"«['{node.arg.value}']»", line)
    elif isinstance(node, nodes.Filter):
        names = [kw.value for kw in node.kwargs if kw.key == "attribute"]
        if node.name == "attr" or node.name in _ATTRIBUTE_FIRST:
            names += node.args[:1]
        for name in names:
            if isinstance(name, nodes.Const) and isinstance(name.value, str):
                yield from _attribute_issue(name.value, f"фильтр «{node.name}»", line)
    elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
        method = node.node.attr
        if method in MUTATING:
            yield SandboxIssue("unsafe", f"Вызов «.{method}()» изменил бы данные, а песочница этого не "
                                         f"позволяет: так шаблон не соберётся.", line)
        elif method in ("format", "format_map") and isinstance(node.node.node, nodes.Const) \
                and isinstance(node.node.node.value, str):
            for part in _format_fields(node.node.node.value):
                yield from _attribute_issue(part, "поле в format()", line)


def _keywords(node: nodes.Call | nodes.Filter) -> dict[str, Any]:
    return {kw.key: _value(kw.value) for kw in cast(list[nodes.Keyword], node.kwargs)}


def _limit_issues(node: nodes.Node) -> None:
    """Raise :class:`SandboxLimit` for a node the limits refuse on constant operands."""
    try:
        if isinstance(node, (nodes.BinExpr, nodes.Concat)) or (
                isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "range"):
            _value(node)
        elif isinstance(node, nodes.Filter) and node.node is not None:
            args = tuple(_value(a) for a in node.args)
            kwargs = _keywords(node)
            check_filter(node.name, _value(node.node), args, kwargs)
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "lipsum":
            check_filter("lipsum", None, tuple(_value(a) for a in node.args),
                         _keywords(node))
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):
            owner = _value(node.node.node)
            args = tuple(_value(a) for a in node.args)
            if node.node.attr in ("format", "format_map") and isinstance(owner, str):
                check_format_spec(owner, args, _keywords(node))
            else:
                check_method(owner, node.node.attr, args, {})
    except _Unknown:
        pass
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        pass  # the renderer reports these as errors of their own


def _size(node: nodes.Node) -> int | None:
    try:
        return len(_value(node))
    except (_Unknown, TypeError, SandboxLimit):
        return None


def _printed(node: nodes.Output) -> int:
    """Characters an output node prints whatever the data (its text and constants)."""
    total = 0
    for child in node.nodes:
        if isinstance(child, nodes.TemplateData):
            total += len(child.data)
        else:
            try:
                total += len(str(_value(child)))
            except (_Unknown, SandboxLimit, TypeError, ValueError):
                pass
    return total


def _loop_issues(node: nodes.Node, outer: int, printed: list[int]) -> Iterator[SandboxIssue]:
    """Loops over constant ranges nested past ``loop_iterations``, and constant output
    repeated past ``document_chars`` (``printed`` accumulates it)."""
    limits = _limits.current()
    for child in node.iter_child_nodes():
        repeat = outer
        if isinstance(child, nodes.For):
            size = _size(child.iter)
            repeat = outer * (size or 1)
            if size and repeat > limits.loop_iterations >= outer:
                reason, hint = _limits.describe("loop_iterations", repeat)
                yield SandboxIssue("limit", f"Вложенные циклы: {reason} (запрещено песочницей). {hint}.",
                                   child.lineno)
        elif isinstance(child, nodes.Output):
            before = printed[0]
            printed[0] += _printed(child) * outer
            if printed[0] > limits.document_chars >= before:
                reason, hint = _limits.describe("document_chars", printed[0])
                yield SandboxIssue("limit", f"Повторённый текст: {reason} (запрещено песочницей). {hint}.",
                                   child.lineno)
        yield from _loop_issues(child, repeat, printed)


def sandbox_issues(tree: nodes.Template) -> list[SandboxIssue]:
    """Every refusal of the sandbox the template's tree shows (see the module docstring)."""
    issues: list[SandboxIssue] = []
    names: dict[str, Any] = {}
    token = _NAMES.set(names)
    try:
        for assign in tree.find_all(nodes.Assign):  # {% set x = 'x' * 100000 %}: later uses see the value
            if isinstance(assign.target, nodes.Name):
                try:
                    names[assign.target.name] = _value(assign.node)
                except (_Unknown, SandboxLimit, TypeError, ValueError, OverflowError, ZeroDivisionError):
                    names.pop(assign.target.name, None)
        _walk(tree, issues)
    finally:
        _NAMES.reset(token)
    unique: dict[tuple[str, int], SandboxIssue] = {}
    for issue in issues:  # a refused operation is reported once, not once per enclosing node
        unique.setdefault((issue.message, issue.lineno), issue)
    return list(unique.values())


def _walk(tree: nodes.Template, issues: list[SandboxIssue]) -> None:
    for node in tree.find_all(nodes.Node):
        issues.extend(_node_issues(node))
        try:
            _limit_issues(node)
        except SandboxLimit as exc:
            issues.append(SandboxIssue("limit", f"{exc.what}: {exc.reason} (запрещено песочницей). {exc.hint}.",
                                       node.lineno))
    issues.extend(_loop_issues(tree, 1, [0]))
