"""Direct rendering: a template that only prints values and tests them, compiled to one function.

A certificate's body is a few kilobytes of fixed XML around a dozen ``{{ recipient.dative }}``
and ``{% if basis %}`` tags. Jinja renders it correctly but generically: a context object
per record, a generator resumed for every chunk, and for every printed value the sandbox's
counting ``finalize``, ``markupsafe.escape`` and a new ``Markup``; then the whole part is
scanned again for docxtpl's escapes and special characters (:func:`~._docxtpl_compat.
finish_part`). In a batch nearly every printed value (the organisation, the signer, the
date, the statement) is the same string record after record.

:func:`compile_direct` takes the template's Jinja syntax tree (``env.parse``: the same tree
Jinja compiles, so the text between tags is exactly Jinja's) and, when it holds only text,
printed expressions and ``if``/``elif``/``else``, with expressions made of names,
attributes (through the sandbox's own :meth:`getattr`), constants, ``not``, ``and`` and
``or``, generates one Python function for it. Per record the function appends fixed chunks
and printed values to a list — as UTF-8 bytes: the fixed chunks are encoded once, so only
the printed values are (encoding a whole Cyrillic part cost as much as rendering it); a
printed string goes through the environment's ``finalize`` and ``escape`` and is encoded
once per distinct string (a bounded memo). Whether the part then needs
:func:`finish_part`, and whether it holds drawings to renumber, is known from the chunks
(decided once) and the printed values (decided with the memo) — a part that needs
neither is returned as joined. In the body, pictures printed from values (the emblem, the
QR code) are numbered as they are printed, each distinct picture and position once, so
the body is not searched for drawings record after record.

Anything else — a missing name, an attribute the object lacks (an undefined value), a
loop, a filter — is not handled here: the template is not compiled (:func:`compile_direct`
returns None), or the record raises :class:`Unhandled` and the caller renders it with
Jinja, which gives the output or the error the plain path gives. Tests compare both ways
on every built-in template that compiles and on hostile values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import nodes
from jinja2.runtime import Undefined
from markupsafe import escape

from .. import _limits
from ._budget import active_budget
from ._docxtpl_compat import DATA_UNDERSCORE, finish_part
from ._sandbox import is_unsafe_attribute
from ._wordml import DRAWING_MARK, renumber_drawings

__all__ = ["DirectTemplate", "Unhandled", "compile_direct"]

#: What makes :func:`finish_part` change a part: docxtpl's ``{_{`` escapes, the listing
#: characters (breaks, tabs, paragraphs, pages), shielded underscores.
_TRIGGERS = ("{_", "_}", "\t", "\a", "\n", "\f", DATA_UNDERSCORE)
#: A chunk beginning or ending with one of these may form ``{_`` or ``_}`` with its
#: neighbour.
_OPENERS = ("_", "}")
_CLOSERS = ("{", "_")
_MISSING = object()


class Unhandled(Exception):
    """This record needs Jinja: a name is missing or an attribute undefined."""


def _needs_finish(text: str) -> bool:
    return any(t in text for t in _TRIGGERS) or text.startswith(_OPENERS) or text.endswith(_CLOSERS)


#: What a printed value or a fixed chunk is to :meth:`DirectTemplate.render`: its UTF-8
#: bytes, whether it makes the part need :func:`finish_part`, whether it holds a drawing.
_Chunk = tuple[bytes, bool, bool]


def _chunk(text: str) -> _Chunk:
    return text.encode("utf-8"), _needs_finish(text), DRAWING_MARK in text


class _Compiler:
    """Python source for one template's tree; fixed strings and attribute names are
    passed as constants (``K[i]``), never written into the source."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.constants: list[Any] = []
        self.names: dict[str, str] = {}
        self.static_finish = False
        self.static_drawing = False

    def const(self, value: Any) -> str:
        self.constants.append(value)
        return f"K[{len(self.constants) - 1}]"

    def expression(self, node: nodes.Node) -> str:
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if node.name not in self.names:
                self.names[node.name] = f"n{len(self.names)}"
            return self.names[node.name]
        if isinstance(node, nodes.Getattr) and node.ctx == "load" and not is_unsafe_attribute(node.attr):
            return f"ga({self.expression(node.node)}, {self.const(node.attr)})"
        if isinstance(node, nodes.Const):
            return self.const(node.value)
        if isinstance(node, nodes.Not):
            return f"(not {self.expression(node.node)})"
        if isinstance(node, (nodes.And, nodes.Or)):
            op = "and" if isinstance(node, nodes.And) else "or"
            return f"({self.expression(node.left)} {op} {self.expression(node.right)})"
        raise Unhandled(type(node).__name__)

    def statements(self, body: list[nodes.Node], depth: int) -> None:
        pad = "    " * depth
        start = len(self.lines)
        for node in body:
            if isinstance(node, nodes.Output):
                for child in node.nodes:
                    if isinstance(child, nodes.TemplateData):
                        data, finish, drawing = _chunk(child.data)
                        self.static_finish |= finish
                        self.static_drawing |= drawing
                        self.lines.append(f"{pad}a({self.const(data)})")
                    else:
                        # A string printed before, with nothing to finish, is taken from
                        # the memo without a call; anything else goes through ``out``.
                        self.lines.append(f"{pad}x = {self.expression(child)}")
                        self.lines.append(f"{pad}a((T(x) is S and m(x)) or out(x))")
            elif isinstance(node, nodes.If):
                self.lines.append(f"{pad}if {self.expression(node.test)}:")
                self.statements(node.body, depth + 1)
                for branch in node.elif_:
                    self.lines.append(f"{pad}elif {self.expression(branch.test)}:")
                    self.statements(branch.body, depth + 1)
                if node.else_:
                    self.lines.append(f"{pad}else:")
                    self.statements(node.else_, depth + 1)
            else:
                raise Unhandled(type(node).__name__)
        if len(self.lines) == start:
            self.lines.append(f"{pad}pass")


class DirectTemplate:
    """A compiled template: :meth:`render` gives the part's finished XML as UTF-8."""

    #: Distinct printed strings remembered; past this the memo starts afresh, so that a
    #: batch of a million names holds no more than this.
    MEMO_SIZE = 4096

    def __init__(self, env: Any, function: Callable[..., list[bytes]], compiler: _Compiler,
                 own_breaks: bool, globals_: Mapping[str, Any], renumber: bool = False):
        self._function = function
        #: Printed drawings numbered as they are printed (the emblem, the QR code: the same
        #: bytes record after record), instead of a pass over the whole part: possible when
        #: the fixed text has no drawing of its own to keep the order with.
        self._number_printed = renumber and not compiler.static_drawing
        self._numbered: dict[tuple[bytes, int], tuple[bytes, int]] = {}
        self._finalize = env.finalize
        self._getattr = env.getattr
        self._always_finish = compiler.static_finish or own_breaks
        self._static_drawing = compiler.static_drawing
        self._own_breaks = own_breaks
        self._globals = dict(globals_)
        #: printed strings that need nothing else (no finishing, no drawing): their bytes
        self._memo: dict[str, bytes] = {}

    def _printed(self, value: Any) -> _Chunk:
        """A printed value as Jinja prints it (``escape(finalize(value))``), encoded, and
        what it makes the part need; plain strings are remembered."""
        if isinstance(value, Undefined):
            raise Unhandled("undefined")
        chunk = _chunk(str(escape(self._finalize(value))))
        if type(value) is str and not (chunk[1] or chunk[2]):
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            self._memo[value] = chunk[0]
        return chunk

    def _number(self, data: bytes, last: int) -> tuple[bytes, int]:
        """``data`` with its drawings numbered after ``last``, and the last number given."""
        known = self._numbered.get((data, last))
        if known is None:
            if len(self._numbered) >= 64:
                self._numbered.clear()
            text, end = renumber_drawings(data.decode("utf-8"), last)
            known = self._numbered[(data, last)] = (text.encode("utf-8"), end)
        return known

    def _attr(self, obj: Any, name: str) -> Any:
        value = self._getattr(obj, name)
        if isinstance(value, Undefined):
            raise Unhandled(name)
        return value

    def render(self, values: Mapping[str, Any]) -> tuple[bytes, bool]:
        """The part for ``values`` as UTF-8, and whether it holds drawings still to renumber;
        :class:`Unhandled` when Jinja must render it. Safe to call from several threads
        at once (the memos only ever hold right answers)."""
        finish = self._always_finish
        drawing = self._static_drawing
        printed = self._printed
        number_printed = self._number_printed
        last = 1000

        def out(value: Any) -> bytes:
            nonlocal finish, drawing, last
            data, needs_finish, has_drawing = printed(value)
            finish |= needs_finish
            if has_drawing:
                if number_printed:
                    data, last = self._number(data, last)
                else:
                    drawing = True
            return data

        xml = b"".join(self._function(values, self._globals, out, self._attr, self._memo.get))
        budget = active_budget()
        if budget is not None:  # what the sandbox's finalize would have counted, at most
            budget.chars += len(xml)
            over = budget.chars > budget.most_chars
        else:
            over = len(xml) > _limits.current().document_chars
        if over:
            raise Unhandled("budget")  # Jinja refuses it, in the sandbox's words
        if finish:
            xml = finish_part(xml.decode("utf-8"), self._own_breaks).encode("utf-8")
        return xml, drawing


def compile_direct(env: Any, source: str, own_breaks: bool, globals_: Mapping[str, Any], *,
                   renumber: bool = False) -> DirectTemplate | None:
    """The template ``source`` compiled for direct rendering with ``env`` (the sandboxed
    environment the part is otherwise rendered with), or None when it uses more than
    :mod:`this module <._direct>` handles. ``renumber``: the part's drawings are numbered
    from 1001 in their order (the document's body: :func:`~._wordml.renumber_drawings`)."""
    tree = env.parse(source)
    compiler = _Compiler()
    try:
        compiler.statements(tree.body, 1)
    except Unhandled:
        return None
    head = ["def render(values, G, out, ga, m):", "    a = (parts := []).append"]
    for name, local in compiler.names.items():
        key = compiler.const(name)
        head += [f"    {local} = values.get({key}, M)",
                 f"    if {local} is M:",
                 f"        {local} = G.get({key}, M)",
                 f"        if {local} is M:",
                 "            raise Unhandled()"]
    code = "\n".join([*head, *compiler.lines, "    return parts"])
    scope: dict[str, Any] = {"K": tuple(compiler.constants), "M": _MISSING, "Unhandled": Unhandled,
                             "T": type, "S": str}
    exec(compile(code, "<direct template>", "exec"), scope)
    return DirectTemplate(env, scope["render"], compiler, own_breaks, globals_, renumber)
