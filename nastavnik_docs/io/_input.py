"""Loading input models from objects, dicts and files, with located Russian errors.

Inside a YAML/JSON file any field whose type is a model may be given as a path to
another file, relative to the file that names it («organization: ../organization.yaml»,
«registry: ../registry.xlsx»). The walk below follows the model's annotations, so every
model — including ones added later, such as roadmaps — gets this without special code.
"""

from __future__ import annotations

import os
import sys
import typing
import warnings
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import DataWarning, InputError, Problem
from ..models import Organization, Registry, data_warnings
from ._links import registry_from_data
from ._problems import Loc, problems_from_validation, unwrap
from ._values import cell_text, looks_like_date_text, parse_date, parse_number
from ._yaml import JSON_SUFFIXES, YAML_SUFFIXES, existing_file, read_document

TABLE_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv",)
LOADABLE_SUFFIXES = YAML_SUFFIXES + JSON_SUFFIXES + TABLE_SUFFIXES + CSV_SUFFIXES

M = TypeVar("M", bound=BaseModel)


class _Walk:
    """State of one pass over a document: where relative paths start, what went wrong."""

    def __init__(self, base_dir: Path, file: str | None, locate,
                 cache: dict[tuple[Path, type], Any] | None = None):
        self.base_dir = base_dir
        self.file = file
        self.locate = locate
        self.cache = {} if cache is None else cache
        self.problems: list[Problem] = []
        self.failed: list[Loc] = []

    def prepare(self, annotation: Any, value: Any, loc: Loc) -> Any:
        members = unwrap(annotation)
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
        if isinstance(value, str) and Path in members and str not in members:
            return str(self._resolve(value.strip()))  # relative to the file, not the cwd
        if isinstance(value, str) and models and str not in members:
            if Path(value.strip()).suffix.lower() in LOADABLE_SUFFIXES:
                return self._load_linked(models[0], value.strip(), loc)
            with_path = [m for m in models if "path" in m.model_fields]
            if with_path:  # «logo: эмблема.png» is short for «logo: {path: эмблема.png}»
                return self._prepare_model(with_path[0], {"path": value}, loc)
        if isinstance(value, dict) and models:
            fitting = [m for m in models if set(value) <= _keys(m)]
            return self._prepare_model((fitting or models)[0], value, loc) if len(models) == 1 or fitting \
                else value
        for member in members:
            origin, args = typing.get_origin(member), typing.get_args(member)
            if isinstance(value, list) and args and origin in (list, tuple, set, frozenset):
                return [self.prepare(args[0], item, loc + (i,)) for i, item in enumerate(value)]
            if isinstance(value, dict) and origin is dict and len(args) == 2:
                return {k: self.prepare(args[1], v, loc + (str(k),)) for k, v in value.items()}
        if _is_number(value) and str in members and not any(m in (int, float, Decimal) for m in members):
            return cell_text(value)  # «number: 14» in YAML is an order number, i.e. text
        if isinstance(value, str) and str not in members and any(m in (Decimal, float) for m in members):
            try:
                return parse_number(value)  # «3 500,50» with a decimal comma
            except ValueError:
                return value
        if date in members and looks_like_date_text(value):
            try:
                return parse_date(value, past=bool(loc) and str(loc[-1]).endswith("birth_date"))
            except ValueError:
                return value  # pydantic reports it with the field's location
        return value

    def _prepare_model(self, model: type[BaseModel], value: dict, loc: Loc) -> Any:
        out = dict(value)
        for name, info in model.model_fields.items():
            for key in (name, info.alias):
                if key and key in out:
                    out[key] = self.prepare(info.annotation, out[key], loc + (key,))
        if issubclass(model, Registry) and not any(f[: len(loc)] == loc for f in self.failed):
            try:
                return registry_from_data(out, file=self.file, locate=self.locate, prefix=loc)
            except InputError as exc:
                self.problems.extend(exc.problems)
                self.failed.append(loc)
                return None
        return out

    def _resolve(self, text: str) -> Path:
        """A path as written in the file: ``~`` expanded, relative to the file's folder."""
        path = Path(os.path.expanduser(text))
        return path if path.is_absolute() else self.base_dir / path

    def _load_linked(self, model: type[BaseModel], text: str, loc: Loc) -> Any:
        path = self._resolve(text)
        key = (path, model)
        if key in self.cache:
            return self.cache[key]
        try:
            self.cache[key] = load_file(path, model)
            return self.cache[key]
        except InputError as exc:
            if not exc.problems:
                raise
            self.problems.extend(exc.problems)
            self.failed.append(loc)
            return None

    def validate(self, model: type[BaseModel], data: Any) -> Any:
        if not isinstance(data, dict) and not isinstance(data, model):
            self.problems.append(Problem(
                "ожидается набор полей «имя: значение» (а не список или одно значение)", file=self.file,
                code="object.invalid"))
            raise InputError(self.problems, file=self.file)
        data = self.prepare(model, data, ()) if isinstance(data, dict) else data
        try:
            result = model.model_validate(data)
        except ValidationError as exc:
            for problem in problems_from_validation(exc, model, file=self.file, locate=self.locate):
                if not self._inside_failed(problem):
                    self.problems.append(problem)
            result = None
        if self.problems:
            raise InputError(self.problems, file=self.file)
        return result

    def _inside_failed(self, problem: Problem) -> bool:
        """Errors under a field whose own file (or registry) failed are already reported
        there — the whole input's, when that field is the input itself."""
        return any(problem.path[: len(f)] == f for f in self.failed)


def resolve_links(model: type[BaseModel], data: dict[str, Any], base_dir: Path, *,
                  file: str | None = None, cache: dict[tuple[Path, type], Any] | None = None) -> dict[str, Any]:
    """Part of an input (the fields a batch shares, one record): files it names loaded,
    paths made absolute relative to ``base_dir``, typed text converted — not yet validated
    as a whole. ``cache`` keeps files loaded across calls (one load per file per batch).
    """
    walk = _Walk(base_dir, file, lambda loc: {}, cache)
    out = walk.prepare(model, dict(data), ())
    if walk.problems:
        raise InputError(walk.problems, file=file)
    return out


def _keys(model: type[BaseModel]) -> set[str]:
    return {k for name, info in model.model_fields.items() for k in (name, info.alias) if k}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def load_model(path: str | os.PathLike[str], model: type[BaseModel]) -> Any:
    """An instance of ``model`` from a YAML/JSON file, errors located by line and field."""
    doc = read_document(path)
    walk = _Walk(doc.path.parent, str(doc.path), lambda loc: {"row": doc.line_of(loc)})
    if issubclass(model, Registry):
        data = walk.prepare(model, doc.data, ()) if isinstance(doc.data, dict) else doc.data
        if walk.problems:
            raise InputError(walk.problems, file=walk.file)
        if isinstance(data, Registry):
            return data
    return walk.validate(model, doc.data)


def load_file(path: str | os.PathLike[str], model: type[BaseModel]) -> Any:
    """Load ``model`` from any supported file: YAML/JSON; XLSX and CSV for a registry."""
    path = existing_file(path)
    suffix = path.suffix.lower()
    if suffix not in LOADABLE_SUFFIXES:
        wanted = ".xlsx, .csv, .yaml или .json" if issubclass(model, Registry) else ".yaml или .json"
        hint = " (старый формат .xls откройте в Excel и сохраните как «Книга Excel (.xlsx)»)" \
            if suffix == ".xls" else ""
        raise InputError(Problem(f"неподдерживаемый тип файла «{path.suffix}»: нужен {wanted}{hint}",
                                 file=str(path), code="file.type"), file=path)
    statistics = sys.modules.get("nastavnik_docs.models.statistics")  # not imported: no such model exists
    if suffix in TABLE_SUFFIXES and statistics is not None \
            and issubclass(model, (statistics.CoverageTable, statistics.SurveyResults)):
        from ._coverage_xlsx import read_coverage_table
        from ._survey_xlsx import read_survey_results

        return read_coverage_table(path) if issubclass(model, statistics.CoverageTable) else read_survey_results(path)
    if suffix in TABLE_SUFFIXES + CSV_SUFFIXES:
        if not issubclass(model, Registry):
            raise InputError(Problem(
                f"из файла {suffix} читается только база наставников и наставляемых (а также таблица "
                f"охвата и результаты анкетирования — в полях отчётов); "
                f"здесь нужен файл .yaml или .json", file=str(path), code="file.type"), file=path)
        if suffix in CSV_SUFFIXES:
            from ._csv import load_participants_csv

            return Registry(participants=load_participants_csv(path))
        from ._registry_xlsx import read_registry_xlsx

        return read_registry_xlsx(path)
    return load_model(path, model)


def warn_about(model: M) -> M:
    """Issue a :class:`~nastavnik_docs.errors.DataWarning` for each unlikely birth date in
    ``model`` (``models.data_warnings``) outside a registry — a registry's are among its
    own ``warnings()`` —, and return it."""
    for text in data_warnings(model, skip=(Registry,)):
        warnings.warn(text, DataWarning, stacklevel=3)
    return model


def load_registry(path: str | os.PathLike[str]) -> Registry:
    """The registry from .yaml/.yml/.json/.xlsx (a .csv gives participants only); unlikely
    birth dates are among its ``warnings()``."""
    return load_file(path, Registry)


def load_organization(path: str | os.PathLike[str]) -> Organization:
    """The organisation card from .yaml/.yml/.json."""
    return load_file(path, Organization)


def load_input(model: type[M], data: Any) -> M:
    """A validated ``model`` (a document kind's input model) from an instance of it, a dict,
    another model's data, or a path to a YAML/JSON file; every problem located, in Russian;
    unlikely birth dates are warnings (``DataWarning``). (``nastavnik_docs.load_input``
    takes a kind and passes its ``input_model`` here.)"""
    if isinstance(data, model):
        return data
    if isinstance(data, (str, os.PathLike)):
        return warn_about(load_file(data, model))
    if isinstance(data, BaseModel):
        data = data.model_dump()
    walk = _Walk(Path.cwd(), None, lambda loc: {})
    return warn_about(walk.validate(model, data))
