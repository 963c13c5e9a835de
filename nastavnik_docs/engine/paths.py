"""Variable paths a Jinja template uses, found in its syntax tree.

``jinja2.meta.find_undeclared_variables`` (and docxtpl's wrapper of it) lists only
top-level names. Checking a template against a context model needs the full path of every
use — ``{% for p in pairs %}{{ p.mentor.dativ }}`` uses ``pairs[].mentor.dativ`` — so this
module walks the tree itself, following loop variables, ``set`` and ``with`` aliases and
order-keeping filters (``sort``, ``selectattr`` …), loops over ``mapping.items()`` /
``mapping.values()``, unpacking of tuple items and Jinja's ``loop`` variable (paths from
:data:`LOOP` name its attributes: ``loop.index``). Jinja offers no such walker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jinja2 import nodes
from jinja2.environment import Environment

__all__ = ["ITEM", "LOOP", "VarUse", "variable_uses", "format_path", "describe_undefined"]

#: One step into a list or a mapping with a computed key.
ITEM = "[]"
#: The root of a path into Jinja's ``loop`` variable (not a context value).
LOOP = "<loop>"

# Filters whose result holds the same items as their input.
_SAME_ITEMS = {"sort", "reverse", "list", "unique", "selectattr", "rejectattr", "default", "d",
               "first", "last", "random"}
# Filters whose first argument names an attribute of the items.
_ATTR_FIRST = {"selectattr", "rejectattr", "groupby"}
# Filters that pick one item out of a sequence.
_ONE_ITEM = {"first", "last", "random"}
_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "caller",
            "varargs", "kwargs", "true", "false", "none", "True", "False", "None"}


@dataclass(frozen=True)
class VarUse:
    """One use of a context value: the path from a top-level name and the template line."""

    path: tuple[str, ...]
    lineno: int

    @property
    def text(self) -> str:
        return format_path(self.path)

    @property
    def in_context(self) -> bool:
        """A path into the context (not into Jinja's ``loop``)."""
        return self.path[0] != LOOP


def format_path(path: tuple[str, ...]) -> str:
    """``("pairs", "[]", "mentor", "dative")`` → ``pairs[].mentor.dative``."""
    out = ""
    for seg in path:
        if seg == LOOP:
            out += "loop"
        elif seg == ITEM:
            out += ITEM
        else:
            out += ("." if out else "") + seg
    return out


class _Walker:
    def __init__(self) -> None:
        self.uses: list[VarUse] = []

    # -- expressions -------------------------------------------------------------------
    def chain(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
        """The context path an expression denotes, or None when it is not a plain path."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name in _GLOBALS:
                return None
            return (node.name,)
        if isinstance(node, nodes.Getattr):
            base = self.chain(node.node, scope)
            return None if base is None else (*base, node.attr)
        if isinstance(node, nodes.Getitem):
            base = self.chain(node.node, scope)
            if base is None:
                return None
            arg = node.arg
            if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
                return (*base, arg.value)
            return (*base, ITEM)
        if isinstance(node, nodes.Filter) and node.name in _SAME_ITEMS and node.node is not None:
            base = self.chain(node.node, scope)
            if base is None:
                return None
            return (*base, ITEM) if node.name in _ONE_ITEM else base
        return None

    def filter_attributes(self, node: nodes.Filter, scope: dict[str, tuple[str, ...] | None]) -> None:
        """Attributes a filter reads from each item — ``pairs|sort(attribute="hours")``,
        ``pairs|selectattr("active")``, ``pairs|map(attribute="mentor.name")`` — as uses."""
        if node.node is None:
            return
        base = self.chain(node.node, scope)
        if base is None:
            return
        names = [kw.value for kw in node.kwargs if kw.key == "attribute"]
        if node.name in _ATTR_FIRST and node.args:
            names.append(node.args[0])
        for name in names:
            if isinstance(name, nodes.Const) and isinstance(name.value, str):
                parts = tuple(p for p in name.value.split(".") if not p.isdigit())
                if parts:
                    self.uses.append(VarUse((*base, ITEM, *parts), node.lineno))

    def side_exprs(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> None:
        """Visit what a path expression computes besides the path: subscripts, filter arguments."""
        current: nodes.Node | None = node
        while isinstance(current, (nodes.Getattr, nodes.Getitem, nodes.Filter)):
            if isinstance(current, nodes.Getitem):
                self.expr(current.arg, scope)
            elif isinstance(current, nodes.Filter):
                self.filter_attributes(current, scope)
                for arg in [*current.args, *(kw.value for kw in current.kwargs)]:
                    self.expr(arg, scope)
            current = current.node

    def expr(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> None:
        """Record every maximal path in an expression."""
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            path = self.chain(node, scope)
            if path is not None:
                if not (isinstance(node, nodes.Name) and node.ctx != "load"):
                    self.uses.append(VarUse(path, node.lineno))
                self.side_exprs(node, scope)
                return
        if isinstance(node, nodes.Filter):
            self.filter_attributes(node, scope)
        for child in node.iter_child_nodes():
            self.expr(child, scope)

    # -- statements --------------------------------------------------------------------
    def targets(self, target: nodes.Node) -> list[str]:
        if isinstance(target, nodes.Name):
            return [target.name]
        if isinstance(target, nodes.Tuple):
            return [n for item in target.items for n in self.targets(item)]
        return []

    def body(self, items: list[nodes.Node], scope: dict[str, tuple[str, ...] | None]) -> None:
        for item in items:
            self.stmt(item, scope)

    def mapping_loop(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
        """``(path of the mapping, "items" | "values")`` for ``x.items()`` / ``x.values()``."""
        if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr)
                and node.node.attr in ("items", "values") and not node.args and not node.kwargs):
            base = self.chain(node.node.node, scope)
            if base is not None:
                return (node.node.attr, *base)
        return None

    def loop_targets(self, node: nodes.For, base: tuple[str, ...] | None,
                     scope: dict[str, tuple[str, ...] | None]) -> dict[str, tuple[str, ...] | None]:
        """What each loop variable denotes: an item, a part of a tuple item, a mapping's value."""
        names = self.targets(node.target)
        found: dict[str, tuple[str, ...] | None] = dict.fromkeys(names)
        if base is not None:
            if isinstance(node.target, nodes.Name):
                found[node.target.name] = (*base, ITEM)
            else:  # ``for a, b in rows``: each is some element of the tuple item
                found.update({name: (*base, ITEM, ITEM) for name in names})
            return found
        mapping = self.mapping_loop(node.iter, scope)
        if mapping is not None:
            how, *path = mapping
            if how == "values" and isinstance(node.target, nodes.Name):
                found[node.target.name] = (*path, ITEM)
            elif how == "items" and isinstance(node.target, nodes.Tuple) and len(node.target.items) == 2:
                value = node.target.items[1]
                if isinstance(value, nodes.Name):
                    found[value.name] = (*path, ITEM)
        return found

    def stmt(self, node: nodes.Node, scope: dict[str, tuple[str, ...] | None]) -> None:
        if isinstance(node, nodes.For):
            base = self.chain(node.iter, scope)
            if base is not None:  # iterating is a use of the items: ``pairs[]``
                self.uses.append(VarUse((*base, ITEM), node.iter.lineno))
                self.side_exprs(node.iter, scope)
            else:
                self.expr(node.iter, scope)
            inner = dict(scope)
            inner.update(self.loop_targets(node, base, scope))
            inner["loop"] = (LOOP,)
            if node.test is not None:
                self.expr(node.test, inner)
            self.body(node.body, inner)
            self.body(node.else_, scope)
            return
        if isinstance(node, nodes.Assign):
            self.expr(node.node, scope)
            base = self.chain(node.node, scope)
            names = self.targets(node.target)
            for name in names:
                scope[name] = base if isinstance(node.target, nodes.Name) else None
            return
        if isinstance(node, nodes.AssignBlock):
            self.body(node.body, scope)
            for name in self.targets(node.target):
                scope[name] = None
            return
        if isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values):
                self.expr(value, scope)
                base = self.chain(value, scope)
                for name in self.targets(target):
                    inner[name] = base if isinstance(target, nodes.Name) else None
            self.body(node.body, inner)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            for default in node.defaults:
                self.expr(default, scope)
            if isinstance(node, nodes.CallBlock):
                self.expr(node.call, scope)
            if isinstance(node, nodes.Macro):
                scope[node.name] = None
            self.body(node.body, inner)
            return
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expr(child, scope)
            return
        if isinstance(node, nodes.If):
            self.expr(node.test, scope)
            self.body(node.body, scope)
            for elif_ in node.elif_:
                self.stmt(elif_, scope)
            self.body(node.else_, scope)
            return
        if isinstance(node, nodes.ExprStmt):  # {% do … %}
            self.expr(node.node, scope)
            return
        # Anything else (FilterBlock, Scope, blocks…): walk children in the same scope.
        for inner_node in node.iter_child_nodes():
            if isinstance(inner_node, nodes.Stmt) or isinstance(inner_node, nodes.Template):
                self.stmt(inner_node, scope)
            elif isinstance(inner_node, nodes.Expr):
                self.expr(inner_node, scope)


def variable_uses(source: str | nodes.Template, env: Environment | None = None) -> list[VarUse]:
    """Every context path the template uses, with its line, in order of appearance.

    Raises ``jinja2.TemplateSyntaxError`` for a template that does not parse.
    """
    tree = source if isinstance(source, nodes.Template) else (env or Environment()).parse(source)
    walker = _Walker()
    walker.body(tree.body, {})
    return walker.uses


_UNDEFINED_NAME = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined|"
                             r"has no element '?([^']+?)'?$")


def describe_undefined(exc: BaseException, source: str, lineno: int | None) -> str:
    """«pair.mentor.post» for a StrictUndefined error raised at template line ``lineno``."""
    text = str(exc)
    match = _UNDEFINED_NAME.search(text)
    name = next((g for g in match.groups() if g), None) if match else None
    index = match.group(3) if match and match.group(3) and match.group(3).isdigit() else None
    if index is not None:  # ``pairs[5]`` beyond the end of the list
        name = ITEM
    if name and source:
        try:
            uses = variable_uses(source)
        except Exception:  # the template rendered, so it parses; stay safe in an error path
            uses = []
        candidates = [u for u in uses if name in u.path and (lineno is None or u.lineno == lineno)]
        if candidates:
            use = candidates[0]
            cut = len(use.path) - 1 - use.path[::-1].index(name)
            shown = f"«{format_path(use.path[: cut + 1])}»"
            return shown if index is None else f"{shown} (в списке нет элемента с номером {index})"
    return f"«{name}»" if name else f"({text})"
