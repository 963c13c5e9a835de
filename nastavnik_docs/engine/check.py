"""Check a template against a context model, without rendering it.

Reports, each with the paragraph or cell where it sits:

* every variable path the context does not provide — nested paths and loop variables
  included (``{% for p in pairs %}{{ p.mentor.dativ }}`` → ``pairs[].mentor.dativ``),
  with a near-miss suggestion;
* every tag still broken after docxtpl's own repair of split runs (a Jinja syntax error,
  an unclosed ``{% if %}`` pointing at the opening tag);
* access to private or dunder attributes, which the sandbox refuses at render time;
* a malformed XLSX row marker.

The context model is introspected: pydantic fields and computed fields, properties with
return annotations, ``list[...]`` element types for loop variables, nested models,
dataclasses, dict values, and classes declaring ``__template_fields__: dict[str, type]``
(``PersonForms``, ``PostForms``).

The engine knows context models, not the catalogue: ``nastavnik_docs.check_template(path,
kind)`` resolves the kind and passes its ``context_model`` here.
"""

from __future__ import annotations

import collections.abc as cabc
import dataclasses
import difflib
import enum
import inspect
import os
import re
import types
import typing
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from lxml import etree
from pydantic import BaseModel

from ..errors import TemplateError
from ._docxtpl_compat import prepare_part_xml, template_sources
from ._opc import Package, PackageError
from .docx import make_environment, paragraph_text, syntax_message
from .paths import ITEM, VarUse, format_path, variable_uses
from .report import TemplateIssue, TemplateReport

__all__ = ["check_template", "check_source", "resolve_path", "TemplateIssue", "TemplateReport"]

_MAX_SYNTAX_ERRORS = 20  # per part or cell: a broken tag is blanked out and checking goes on
_ANY = object()  # a type about which nothing is known: every path below it is accepted
# Annotations that say nothing about attributes: bare ``BaseModel`` ("some model") included.
_OPAQUE = {Any, object, BaseModel}


# --- introspection -----------------------------------------------------------------------

def _unwrap(tp: Any) -> list[Any]:
    """The concrete alternatives of an annotation (Optional, Union, Annotated removed)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            if arg is not type(None):
                out.extend(_unwrap(arg))
        return out
    if tp in _OPAQUE or isinstance(tp, (typing.TypeVar, str, typing.ForwardRef)):
        return [_ANY]
    return [tp]


def _item_type(tp: Any) -> Any | None:
    """Element type when iterating ``tp`` (list[X] → X, dict[K, V] → V); None: not iterable."""
    origin = typing.get_origin(tp) or tp
    args = typing.get_args(tp)
    if not isinstance(origin, type):
        return _ANY
    if issubclass(origin, (str, bytes)):
        return str
    if issubclass(origin, cabc.Mapping):
        return args[1] if len(args) == 2 else _ANY
    if issubclass(origin, tuple) and args and args[-1] is not Ellipsis:
        return typing.Union[args] if len(set(args)) > 1 else args[0]  # noqa: UP007
    if issubclass(origin, cabc.Iterable) or hasattr(origin, "__getitem__"):
        return args[0] if args else _ANY
    return None


def _hints(obj: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(obj)
    except Exception:  # unresolvable forward references: know nothing rather than fail
        return {}


def _attr_type(tp: Any, name: str) -> Any | None:
    """The type of attribute ``name`` of type ``tp``; None when it has no such attribute."""
    origin = typing.get_origin(tp) or tp
    if not isinstance(origin, type):
        return _ANY
    fields = getattr(origin, "__template_fields__", None)
    if isinstance(fields, dict) and name in fields:
        return fields[name]
    if issubclass(origin, BaseModel):
        if name in origin.model_fields:
            return origin.model_fields[name].annotation
        if name in origin.model_computed_fields:
            return origin.model_computed_fields[name].return_type
    if issubclass(origin, cabc.Mapping):
        args = typing.get_args(tp)
        return args[1] if len(args) == 2 else _ANY
    if dataclasses.is_dataclass(origin):
        names = {f.name for f in dataclasses.fields(origin)}
        if name in names:
            return _hints(origin).get(name, _ANY)
    if name.startswith("_"):
        return None
    try:
        static = inspect.getattr_static(origin, name)
    except AttributeError:
        annotations = _hints(origin)
        return annotations.get(name) if name in annotations else None
    if isinstance(static, property):
        return _hints(static.fget).get("return", _ANY) if static.fget else _ANY
    if (callable(static) or isinstance(static, (classmethod, staticmethod))
            or inspect.isdatadescriptor(static) or inspect.ismethoddescriptor(static)):
        return _ANY  # a method or a C-level attribute (date.year): its type is not followed
    if isinstance(origin, enum.EnumMeta):
        return _ANY
    return type(static) if static is not None else _ANY


def _known_names(tp: Any) -> list[str]:
    names: list[str] = []
    for alt in _unwrap(tp):
        origin = typing.get_origin(alt) or alt
        if not isinstance(origin, type):
            continue
        fields = getattr(origin, "__template_fields__", None)
        if isinstance(fields, dict):
            names += list(fields)
        if issubclass(origin, BaseModel):
            names += [*origin.model_fields, *origin.model_computed_fields]
        names += [n for n, v in vars(origin).items() if isinstance(v, property)]
        if dataclasses.is_dataclass(origin):
            names += [f.name for f in dataclasses.fields(origin)]
    return list(dict.fromkeys(names))


def resolve_path(root: type[BaseModel], path: tuple[str, ...]) -> tuple[int, Any] | None:
    """Follow ``path`` through the context model ``root``.

    Returns None when every step exists, else ``(index, type)``: the first segment that the
    type reached so far (``type``) does not provide.
    """
    if path[0] in root.model_fields:
        current = [root.model_fields[path[0]].annotation]
    elif path[0] in root.model_computed_fields:
        current = [root.model_computed_fields[path[0]].return_type]
    else:
        return 0, root
    for index, seg in enumerate(path[1:], start=1):
        nxt: list[Any] = []
        for tp in current:
            for alt in _unwrap(tp):
                if alt is _ANY:
                    return None
                step = _item_type(alt) if seg == ITEM else _attr_type(alt, seg)
                if step is _ANY:
                    return None
                if step is not None:
                    nxt.append(step)
        if not nxt:
            return index, current[0] if len(current) == 1 else typing.Union[tuple(current)]  # noqa: UP007
        current = nxt
    return None


def _issue_for(use: VarUse, failure: tuple[int, Any], where: str, text: str) -> TemplateIssue:
    index, tp = failure
    shown = format_path(use.path[: index + 1])
    if index == 0:
        known = [*tp.model_fields, *tp.model_computed_fields]  # only these reach the template
        message = f"Неизвестная переменная «{shown}»: её нет в данных документа."
    else:
        parent = format_path(use.path[:index])
        seg = use.path[index]
        known = _known_names(tp)
        if seg == ITEM:
            message = f"«{parent}» — не список, по нему нельзя перебирать элементы («{shown}»)."
        else:
            message = f"Неизвестная переменная «{shown}»: у «{parent}» нет поля «{seg}»."
    near = difflib.get_close_matches(use.path[index], known, n=1, cutoff=0.6)
    suggestion = None
    if near:
        suggestion = format_path((*use.path[:index], near[0]))
    return TemplateIssue("unknown", message, where=where, text=text, path=shown,
                         suggestion=suggestion)


# --- syntax ------------------------------------------------------------------------------

_BLOCK = re.compile(r"\{%[-+]?\s*(\w+)([^%]*?)[-+]?%\}", re.S)
_OPENERS = {"if", "for", "with", "macro", "call", "filter", "raw", "block", "autoescape", "trans"}


def _unbalanced_tag(source: str) -> tuple[int, str, tuple[int, int]] | None:
    """(line, message, span of the tag) for the first block tag left open or closed by the
    wrong end tag."""
    stack: list[tuple[str, int, tuple[int, int]]] = []
    for m in _BLOCK.finditer(source):
        name, rest = m.group(1), m.group(2)
        line = source.count("\n", 0, m.start()) + 1
        if name in _OPENERS or (name == "set" and "=" not in rest):
            stack.append((name, line, m.span()))
        elif name.startswith("end"):
            opened = name[3:]
            if not stack:
                return line, f"лишний закрывающий тег {{% {name} %}}", m.span()
            top, top_line, span = stack.pop()
            if top != opened:
                return (top_line, f"тег {{% {top} %}} закрыт тегом {{% {name} %}}, "
                        f"а нужен {{% end{top} %}}", span)
    if stack:
        top, line, span = stack[-1]
        return line, f"тег {{% {top} … %}} не закрыт: нет {{% end{top} %}}", span
    return None


_ANY_TAG = re.compile(r"\{[{%#].*?[}%#]\}|\{\{|\{%|\{#|\}\}|%\}|#\}")


def _syntax_issue(exc: TemplateSyntaxError, source: str, where: str,
                  text_at: Any) -> tuple[TemplateIssue, str]:
    """The issue for a syntax error, and the source with the offending tag blanked out so
    that checking can go on to find the next problems."""
    lineno = exc.lineno or 1
    message = f"Ошибка в теге шаблона: {syntax_message(exc)}."
    found = None
    if "end of template" in (exc.message or "") or "unknown tag 'end" in (exc.message or ""):
        found = _unbalanced_tag(source)
    if found:
        lineno, text, (start, end) = found
        message = f"Ошибка в теге шаблона: {text}."
        repaired = source[:start] + source[end:]
    else:
        lines = source.split("\n")
        if 0 < lineno <= len(lines):
            lines[lineno - 1] = _ANY_TAG.sub("", lines[lineno - 1])
        repaired = "\n".join(lines)
    return TemplateIssue("syntax", message, where=where, text=text_at(lineno)), repaired


# --- checking ----------------------------------------------------------------------------

def check_source(source: str, context_model: type[BaseModel], where: str,
                 text_at: Any, env: Any = None) -> tuple[list[TemplateIssue], list[VarUse]]:
    """Issues in one Jinja source (a DOCX part or an XLSX cell); ``text_at(line)`` gives
    the paragraph or cell text for a line."""
    env = env or make_environment()
    issues: list[TemplateIssue] = []
    for _attempt in range(_MAX_SYNTAX_ERRORS):
        try:
            tree = env.parse(source)
            break
        except TemplateSyntaxError as exc:
            issue, repaired = _syntax_issue(exc, source, where, text_at)
            issues.append(issue)
            if repaired == source:
                return issues, []
            source = repaired
    else:
        return issues, []
    uses = variable_uses(tree)
    seen: set[tuple[str, str]] = set()
    for use in uses:
        text = text_at(use.lineno)
        private = next((s for s in use.path if s.startswith("_")), None)
        if private is not None:
            key = (use.text, text)
            if key not in seen:
                seen.add(key)
                issues.append(TemplateIssue(
                    "unsafe", f"Обращение к служебному атрибуту «{private}» запрещено "
                    f"(«{use.text}»).", where=where, text=text, path=use.text))
            continue
        failure = resolve_path(context_model, use.path)
        if failure is None:
            continue
        issue = _issue_for(use, failure, where, text)
        key = (issue.path or "", text)
        if key not in seen:
            seen.add(key)
            issues.append(issue)
    return issues, uses


def _docx_parts(path: Path) -> list[tuple[str, str]]:
    """(label, Jinja source) of the body, headers, footers and footnotes of a template."""
    try:
        sources = template_sources(Package.open(path))
    except (PackageError, KeyError, etree.XMLSyntaxError, UnicodeDecodeError) as exc:
        raise TemplateError(f"Не удалось открыть шаблон DOCX «{path.name}»: {exc}") from exc
    return [(label, prepare_part_xml(xml)) for label, xml in sources]


def _check_docx(path: Path, model: type[BaseModel], report: TemplateReport) -> None:
    env = make_environment()
    for label, source in _docx_parts(path):
        issues, uses = check_source(source, model, label,
                                    lambda line, s=source: paragraph_text(s, line), env)
        report.issues.extend(issues)
        report.paths.extend(u.text for u in uses)


def _check_xlsx(path: Path, model: type[BaseModel], report: TemplateReport) -> None:
    from openpyxl import load_workbook

    from .xlsx import cell_source, header_footer_templates, scan_sheet

    try:
        wb = load_workbook(path)
    except Exception as exc:
        raise TemplateError(f"Не удалось открыть шаблон XLSX «{path.name}»: {exc}") from exc
    env = make_environment().overlay(autoescape=False)
    for ws in wb.worksheets:
        for where, part in header_footer_templates(ws):
            issues, uses = check_source(part.text, model, where, lambda _line, t=part.text: t, env)
            report.issues.extend(issues)
            report.paths.extend(u.text for u in uses)
        try:
            _loops, cells = scan_sheet(ws)
        except TemplateError as exc:
            report.issues.append(TemplateIssue(
                "syntax", f"Ошибка в метке строки: {getattr(exc, 'reason', exc)}.",
                where=getattr(exc, "where", f"лист «{ws.title}»"), text=getattr(exc, "paragraph", "")))
            continue
        for cell in cells:
            issues, uses = check_source(cell_source(cell), model, cell.where,
                                        lambda _line, t=cell.raw: t, env)
            report.issues.extend(issues)
            report.paths.extend(u.text for u in uses)


def check_template(path: str | os.PathLike[str], context_model: type[BaseModel], *,
                   kind: str) -> TemplateReport:
    """Check a DOCX or XLSX template against ``context_model``; ``kind`` (the document
    kind's id) is what the report names."""
    path = Path(path)
    if not path.is_file():
        raise TemplateError(f"Файл шаблона не найден: {path}")
    report = TemplateReport(template=path.name, kind=kind)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        _check_docx(path, context_model, report)
    elif suffix == ".xlsx":
        _check_xlsx(path, context_model, report)
    else:
        raise TemplateError(f"Шаблон должен быть файлом .docx или .xlsx, а не «{path.suffix}»: {path}")
    report.paths = list(dict.fromkeys(report.paths))
    return report
