"""Check a template against a context model, without rendering it.

Reports, each with the paragraph or cell where it sits:

* every variable path the context does not provide — nested paths and loop variables
  included (``{% for p in pairs %}{{ p.mentor.dativ }}`` → ``pairs[].mentor.dativ``),
  with a near-miss suggestion;
* every tag still broken after docxtpl's own repair of split runs (a Jinja syntax error,
  an unclosed ``{% if %}`` pointing at the opening tag);
* loops over values that are not lists, attributes of ``loop`` that Jinja lacks;
* filters and tests that do not exist (Jinja refuses them when it compiles the template);
* everything the sandbox refuses at render time (:mod:`._sandbox_check`): private and
  internal attributes reached in any way, methods that change the data, included
  templates, operations over the limits on constant operands;
* a malformed XLSX row marker;
* every external resource the template would make its documents fetch (a picture
  inserted as a link, an attached template: :mod:`._external`), which the renderer
  refuses;
* and, raised as an error as the renderer raises it, a package it would not open (too
  big, encrypted, with a DOCTYPE).

Each issue has the path, a Russian hint and the paragraph or cell. The rules a parsed
source goes through are the functions in :data:`CHECKS` (each takes a
:class:`SourceCheck` and yields issues), so a new rule is one function appended there.
The context model is introspected by :mod:`.introspect` (pydantic fields, generic
models, properties, ``list[...]`` item types, ``__template_fields__``).

The engine knows context models, not the catalogue: ``nastavnik_docs.check_template(path,
kind)`` resolves the kind and passes its ``context_model`` here.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from lxml import etree
from pydantic import BaseModel

from .._zipcheck import inspect_package
from ..errors import TemplateError
from ._docxtpl_compat import prepare_part_xml, template_sources
from ._jinja import make_environment, paragraph_text, syntax_message, template_external_references
from ._opc import Package, PackageError
from ._sandbox import is_unsafe_attribute
from ._sandbox_check import sandbox_issues
from .introspect import LoopInfo, known_names, resolve_path, type_name
from .paths import ITEM, VarUse, format_path, variable_uses
from .report import TemplateIssue, TemplateReport

__all__ = ["CHECKS", "Check", "SourceCheck", "check_template", "check_source", "resolve_path",
           "TemplateIssue", "TemplateReport"]

_MAX_SYNTAX_ERRORS = 20  # per part or cell: a broken tag is blanked out and checking goes on


def _unknown_issue(use: VarUse, failure: tuple[int, Any], where: str, text: str) -> TemplateIssue:
    """The issue for a path the context does not provide, with a suggestion and a hint."""
    index, tp = failure
    shown = format_path(use.path[: index + 1])
    parent = format_path(use.path[:index])
    seg = use.path[index]
    if index == 0:
        known = [*tp.model_fields, *tp.model_computed_fields]  # only these reach the template
        message = f"Неизвестная переменная «{shown}»: её нет в данных документа."
    elif seg == ITEM:
        known = []
        message = f"«{parent}» — не список, по нему нельзя перебирать элементы («{shown}»)."
    else:
        known = known_names(tp)
        message = f"Неизвестная переменная «{shown}»: у «{parent}» нет поля «{seg}»."
    near = difflib.get_close_matches(seg, known, n=1, cutoff=0.6) if seg != ITEM else []
    suggestion = format_path((*use.path[:index], near[0])) if near else None
    if suggestion:
        hint = f"Возможно, имелось в виду «{suggestion}»."
    elif seg == ITEM:
        hint = f"«{parent}» — {type_name(tp)}; в {{% for %}} ставьте список."
    elif known:
        hint = f"Доступно: {_sample(known)}."
    elif index:
        hint = f"«{parent}» — {type_name(tp)}, полей у этого значения нет."
    else:
        hint = "Поля вида документа — в справочнике (nastavnik-docs schema)."
    return TemplateIssue("unknown", message, where=where, text=text, path=shown,
                         suggestion=suggestion, hint=hint)


def _sample(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(names[:limit])
    return shown + (", …" if len(names) > limit else "") if shown else "нет"


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


@dataclass
class SourceCheck:
    """One parsed Jinja source (a DOCX part or an XLSX cell) being checked: what every
    rule in :data:`CHECKS` looks at."""

    tree: nodes.Template
    source: str
    model: type[BaseModel]
    env: Any
    where: str
    text_at: Callable[[int], str]
    uses: list[VarUse]

    def issue(self, kind: str, message: str, lineno: int, **fields: Any) -> TemplateIssue:
        return TemplateIssue(kind, message, where=self.where, text=self.text_at(lineno), **fields)


#: A rule: the issues it finds in one source.
Check = Callable[[SourceCheck], Iterator[TemplateIssue]]


def _private_attributes(src: SourceCheck) -> Iterator[TemplateIssue]:
    """Access to ``_private``, ``__dunder__`` or internal attributes on a path of the data,
    which the sandbox refuses."""
    for use in src.uses:
        private = next((s for s in use.path if s != ITEM and is_unsafe_attribute(s)), None)
        if private is not None:
            yield src.issue("unsafe", f"Обращение к служебному атрибуту «{private}» запрещено "
                            f"(«{use.text}»).", use.lineno, path=use.text,
                            hint="Служебные атрибуты (с «_» в начале) шаблону недоступны.")


def _unknown_paths(src: SourceCheck) -> Iterator[TemplateIssue]:
    """Paths the context (or Jinja's ``loop``) does not provide; loops over non-lists."""
    for use in src.uses:
        if any(s != ITEM and is_unsafe_attribute(s) for s in use.path):
            continue  # reported as unsafe
        if use.in_context:
            failure = resolve_path(src.model, use.path)
        else:
            failure = resolve_path(LoopInfo, use.path[1:]) if len(use.path) > 1 else None
            if failure is not None:
                failure = (failure[0] + 1, failure[1])
        if failure is not None:
            yield _unknown_issue(use, failure, src.where, src.text_at(use.lineno))


def _unknown_filters(src: SourceCheck) -> Iterator[TemplateIssue]:
    """Filters (``x|name``) and tests (``x is name``) the environment does not have."""
    for node in src.tree.find_all((nodes.Filter, nodes.Test)):
        is_test = isinstance(node, nodes.Test)
        known = src.env.tests if is_test else src.env.filters
        if node.name in known:
            continue
        what = "проверки" if is_test else "фильтра"
        near = difflib.get_close_matches(node.name, list(known), n=1, cutoff=0.6)
        hint = (f"Возможно, имелось в виду «{near[0]}»." if near else
                f"Доступные {'проверки' if is_test else 'фильтры'}: {_sample(sorted(known), 20)}.")
        yield src.issue("unknown", f"Нет {what} «{node.name}».", node.lineno,
                        path=f"|{node.name}" if not is_test else f"is {node.name}",
                        suggestion=near[0] if near else None, hint=hint)


def _sandbox_refusals(src: SourceCheck) -> Iterator[TemplateIssue]:
    """The rest of what the sandbox refuses at render time, wherever it is reached from
    (a constant, a global, a loop variable), and the limits on constant operands — by the
    functions the sandbox itself runs (:mod:`._sandbox_check`)."""
    on_paths = {(u.lineno, s) for u in src.uses for s in u.path if s != ITEM and is_unsafe_attribute(s)}
    for found in sandbox_issues(src.tree):
        if (found.lineno, found.attribute) not in on_paths:  # already told with its path
            yield src.issue(found.kind, found.message, found.lineno)


#: The rules every source goes through, in order; a module may add its own.
CHECKS: list[Check] = [_private_attributes, _unknown_paths, _unknown_filters, _sandbox_refusals]


def _parse(source: str, env: Any, where: str,
           text_at: Callable[[int], str]) -> tuple[nodes.Template | None, str, list[TemplateIssue]]:
    """The syntax tree (None when the source cannot be repaired into one), the source it
    was parsed from (broken tags blanked out), and an issue per broken tag."""
    issues: list[TemplateIssue] = []
    for _attempt in range(_MAX_SYNTAX_ERRORS):
        try:
            return env.parse(source), source, issues
        except TemplateSyntaxError as exc:
            issue, repaired = _syntax_issue(exc, source, where, text_at)
            issues.append(issue)
            if repaired == source:
                break
            source = repaired
    return None, source, issues


def check_source(source: str, context_model: type[BaseModel], where: str,
                 text_at: Callable[[int], str], env: Any = None) -> tuple[list[TemplateIssue], list[VarUse]]:
    """Issues in one Jinja source (a DOCX part or an XLSX cell); ``text_at(line)`` gives
    the paragraph or cell text for a line. Every rule of :data:`CHECKS` runs; the same
    issue at the same place is reported once."""
    env = env or make_environment()
    tree, source, issues = _parse(source, env, where, text_at)
    if tree is None:
        return issues, []
    src = SourceCheck(tree, source, context_model, env, where, text_at, variable_uses(tree))
    seen: set[tuple[str, str, str]] = set()
    for rule in CHECKS:
        for issue in rule(src):
            key = (issue.kind, issue.path or issue.message, issue.text)
            if key not in seen:
                seen.add(key)
                issues.append(issue)
    return issues, [u for u in src.uses if u.in_context]


def _docx_parts(path: Path) -> list[tuple[str, str]]:
    """(label, Jinja source) of the body, headers, footers and footnotes of a template."""
    try:
        sources = template_sources(Package.open(path))
    except (PackageError, KeyError, etree.XMLSyntaxError, UnicodeDecodeError) as exc:
        raise TemplateError(f"Не удалось открыть шаблон DOCX «{path.name}»: {exc}") from exc
    return [(label, prepare_part_xml(xml)) for label, xml in sources]


def _paragraph_at(source: str) -> Callable[[int], str]:
    return lambda line: paragraph_text(source, line)


def _same_text(text: str) -> Callable[[int], str]:
    return lambda _line: text


def _check_docx(path: Path, model: type[BaseModel], report: TemplateReport) -> None:
    env = make_environment()
    for label, source in _docx_parts(path):
        issues, uses = check_source(source, model, label, _paragraph_at(source), env)
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
            issues, uses = check_source(part.text, model, where, _same_text(part.text), env)
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
            issues, uses = check_source(cell_source(cell), model, cell.where, _same_text(cell.raw), env)
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
    if suffix in (".docx", ".xlsx"):
        inspect_package(path, label=f"Не удалось открыть шаблон {suffix[1:].upper()} «{path.name}»",
                        kind=suffix[1:].upper(), part_limit="docx_part_bytes" if suffix == ".docx" else "part_bytes",
                        error=TemplateError)
        report.issues += [TemplateIssue("external", f"Шаблон ссылается на внешний ресурс: {ref}. Документ загружал "
                                        f"бы его из сети при каждом открытии; так шаблон не соберётся.",
                                        where=ref.part, text=ref.target)
                          for ref in template_external_references(path)]
    if suffix == ".docx":
        _check_docx(path, context_model, report)
    elif suffix == ".xlsx":
        _check_xlsx(path, context_model, report)
    else:
        raise TemplateError(f"Шаблон должен быть файлом .docx или .xlsx, а не «{path.suffix}»: {path}")
    report.paths = list(dict.fromkeys(report.paths))
    return report
