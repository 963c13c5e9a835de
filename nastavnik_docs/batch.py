"""Many documents in one run: certificates for every participant, programmes for every pair.

``records_from_source`` turns a registry (XLSX/YAML), a YAML/JSON list of records or a CSV
table into one input dict per document, with the shared fields (organisation, date,
signer, wording) of a ``common`` YAML merged into each. ``render_batch`` writes one file
per record:

* names come from a pattern (``{last_name}_{initials}``), made safe for Windows and unique
  (``Иванова_М.П._2.docx``);
* each file is written under a temporary name and renamed when complete, so a killed run
  leaves no half-written document; ``resume=True`` skips the files already there and
  removes stray temporary files;
* a record with bad data is reported (and listed in «Ошибки выпуска.csv» in the output
  folder) and never stops the others;
* DOCX templates go through the fast path (:mod:`nastavnik_docs.engine.fast`), prepared
  once per process; ``jobs=N`` spreads the records over N processes;
* ``merge=True`` also makes one print file of all documents, each from a new page
  (:mod:`nastavnik_docs.engine.merge`).
"""

from __future__ import annotations

import csv
import io
import logging
import math
import multiprocessing
import os
import re
import string
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from ._files import TEMP_PREFIX, atomic_path
from .errors import InputError, NastavnikError, OutputExistsError, Problem
from .kinds import Kind, get_kind

__all__ = ["BatchReport", "Failure", "records_from_source", "render_batch", "safe_file_stem",
           "unique_names", "ERROR_REPORT"]

log = logging.getLogger(__name__)

#: The error report written into the output folder when some records fail.
ERROR_REPORT = "Ошибки выпуска.csv"
#: Suffix of the merged print file's name.
MERGED_SUFFIX = " — все документы для печати"

PathLike = str | os.PathLike[str]


# --------------------------------------------------------------------------- file names

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
#: Characters of a file stem; 120 Cyrillic letters are 240 bytes, within every file system.
MAX_STEM = 120


def safe_file_stem(text: str) -> str:
    """A file name stem valid on Windows, macOS and Linux.

    Replaces ``<>:"/\\|?*`` and control characters with «_», turns runs of white space
    (tabs, no-break spaces) into one space, drops trailing dots and spaces, prefixes reserved device names (``CON``,
    ``LPT1``…) and shortens very long names.
    """
    text = " ".join(str(text).split())  # tabs, line breaks, no-break spaces → one space
    text = _FORBIDDEN.sub("_", text)[:MAX_STEM].rstrip(". ").lstrip(" ")
    if not text:
        return "документ"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


def unique_names(stems: Iterable[str], suffix: str) -> list[str]:
    """File names from stems, unique ignoring case (as on Windows): «Иванова_М.П._2.docx»."""
    used: set[str] = set()
    out: list[str] = []
    for stem in stems:
        candidate, n = stem, 1
        while f"{candidate}{suffix}".casefold() in used:
            n += 1
            candidate = f"{stem}_{n}"
        used.add(f"{candidate}{suffix}".casefold())
        out.append(f"{candidate}{suffix}")
    return out


def _value(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, Mapping) else getattr(obj, name, None)


def _person_of(record: Mapping[str, Any]) -> Any:
    """The first person in a record: itself, or a nested mapping/model with a last name."""
    if _value(record, "last_name"):
        return record
    for value in record.values():
        if isinstance(value, (Mapping, BaseModel)) and _value(value, "last_name"):
            return value
    return None


def _initials(person: Any) -> str:
    parts = [_value(person, "first_name"), _value(person, "middle_name")]
    return "".join(f"{str(p).strip()[0].upper()}." for p in parts if p and str(p).strip())


_PERSON_FIELDS = frozenset({"last_name", "first_name", "middle_name", "initials", "short_name",
                            "full_name"})


def name_fields(record: Mapping[str, Any], index: int,
                wanted: frozenset[str] | None = None) -> dict[str, Any]:
    """What a file name pattern may use: ``index`` (from 1), the record's own simple
    values, and its person's ``last_name``, ``first_name``, ``middle_name``, ``initials``,
    ``short_name`` («Иванова М.П.») and ``full_name``. With ``wanted`` (the names a
    pattern uses), only what it needs is looked up."""
    fields: dict[str, Any] = {"index": index}
    if wanted is None or wanted - _PERSON_FIELDS - {"index"}:
        for key, value in record.items():
            if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
                fields[key] = value
    person = _person_of(record) if wanted is None or wanted & _PERSON_FIELDS else None
    if person is not None:
        for key in ("last_name", "first_name", "middle_name"):
            fields[key] = str(_value(person, key) or "").strip()
        fields["initials"] = _initials(person)
        fields["short_name"] = f"{fields['last_name']} {fields['initials']}".strip()
        fields["full_name"] = " ".join(
            p for p in (fields["last_name"], fields["first_name"], fields["middle_name"]) if p)
    return fields


def _pattern_fields(pattern: str) -> frozenset[str] | None:
    """Top-level names a ``str.format`` pattern uses (None when it cannot be parsed)."""
    try:
        return frozenset(re.split(r"[.\[]", name, maxsplit=1)[0]
                         for _, name, _, _ in string.Formatter().parse(pattern) if name)
    except ValueError:
        return None


def _plan_names(records: list[Mapping[str, Any]], pattern: str, suffix: str) -> list[str]:
    stems = []
    wanted = _pattern_fields(pattern)
    for i, record in enumerate(records, start=1):
        fields = name_fields(record, i, wanted)
        try:
            stem = pattern.format_map(fields)
        except KeyError as exc:
            key = exc.args[0]
            if not any(key in name_fields(r, j) for j, r in enumerate(records, start=1)):
                known = ", ".join(sorted(name_fields(record, i)))
                raise InputError(Problem(
                    f"в шаблоне имени файла «{pattern}» неизвестное поле «{key}»; "
                    f"доступны: {known}", field="name")) from None
            stem = f"{i:05d}"
        except (ValueError, IndexError) as exc:
            raise InputError(Problem(f"неверный шаблон имени файла «{pattern}»: {exc}",
                                     field="name")) from None
        stems.append(safe_file_stem(stem))
    return unique_names(stems, suffix)


# --------------------------------------------------------------------------- records


def _model_types(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation admits (``Organization``, ``X | None`` …)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found = []
    for member in get_args(annotation):
        found.extend(_model_types(member))
    return found


def _nest_flat(record: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """``recipient.last_name`` columns become nested; a flat ``last_name`` goes into the one
    model field that has it (the one required field, when optional ones have it too:
    ``recipient`` rather than ``signer``), so a plain list of people works as records."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if "." in key:
            head, _, rest = key.partition(".")
            out.setdefault(head, {})
            if isinstance(out[head], dict):
                out[head] = _deep_merge(out[head], _nest_flat({rest: value}, BaseModel))
            continue
        out[key] = value
    fields = model.model_fields
    homes: dict[str, list[str]] = {}
    for name, info in fields.items():
        for sub in _model_types(info.annotation):
            for sub_name in sub.model_fields:
                homes.setdefault(sub_name, []).append(name)
    for key in [k for k in out if k not in fields and k in homes]:
        candidates = homes[key]
        if len(candidates) > 1:  # «last_name» of the recipient, not of the optional signer
            candidates = [c for c in candidates if fields[c].is_required()]
        if len(candidates) == 1 and isinstance(out.get(candidates[0], {}), dict):
            out.setdefault(candidates[0], {})[key] = out.pop(key)
    return out


def _deep_merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """``top`` over ``base``; nested mappings are merged, everything else replaced."""
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_csv(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for row in csv.DictReader(io.StringIO(text), dialect=dialect):
        rows.append({k.strip(): v.strip() for k, v in row.items()
                     if k and v is not None and v.strip() != ""})
    return rows


def _load_common(common: PathLike | Mapping[str, Any] | None) -> tuple[dict[str, Any], Path | None]:
    if common is None:
        return {}, None
    if isinstance(common, Mapping):
        return dict(common), None
    from .io import load_yaml

    path = Path(common)
    data = load_yaml(path)
    if not isinstance(data, Mapping):
        raise InputError(Problem("общие поля должны быть набором «имя: значение»", file=str(path)))
    return dict(data), path.resolve().parent


def records_from_source(kind: str | Kind, source: PathLike | Iterable[Mapping[str, Any]],
                        common: PathLike | Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """One input dict per document from ``source``.

    ``source`` is a registry (.xlsx, or a YAML/JSON with ``participants``), turned into
    records by the kind's ``batch.records`` (e.g. every mentor and mentee of the completed
    pairs); a YAML/JSON list of records (or a mapping with a ``records`` list); a CSV table
    whose rows are records (columns like ``last_name`` or ``recipient.last_name``); or an
    iterable of dicts. ``common`` (a YAML path or a dict) is merged into every record;
    a record's own values win. Files it names (``organization: ../organization.yaml``) are
    loaded once, relative to the file that names them.
    """
    kind = get_kind(kind)
    model = kind.input_model
    from .io._input import resolve_links  # files named in the data, loaded once per batch

    cache: dict[tuple[Path, type], Any] = {}
    shared, common_base = _load_common(common)
    shared = resolve_links(model, shared, common_base or Path.cwd(), cache=cache)

    base: Path | None = None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise InputError(Problem(f"файл с записями не найден: {path}", file=str(path)))
        base = path.resolve().parent
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            return _from_registry(kind, path, shared)
        if suffix == ".csv":
            raw: list[Any] = _read_csv(path)
        elif suffix in (".yaml", ".yml", ".json"):
            from .io import load_yaml

            data = load_yaml(path)
            if isinstance(data, Mapping) and "participants" in data:
                return _from_registry(kind, path, shared)
            if isinstance(data, Mapping) and isinstance(data.get("records"), list):
                data = data["records"]
            if not isinstance(data, list):
                raise InputError(Problem(
                    "ожидается список записей (или база с участниками «participants»)", file=str(path)))
            raw = data
        else:
            raise InputError(Problem(
                f"записи читаются из .xlsx, .yaml, .json или .csv, а не «{suffix}»", file=str(path)))
    else:
        raw = list(source)

    records = []
    for i, item in enumerate(raw, start=1):
        if isinstance(item, BaseModel):
            item = item.model_dump()
        if not isinstance(item, Mapping):
            raise InputError(Problem("запись должна быть набором «поле: значение»", row=i))
        record = resolve_links(model, _nest_flat(dict(item), model), base or Path.cwd(), cache=cache)
        records.append(_deep_merge(shared, record))
    return records


def _from_registry(kind: Kind, path: Path, shared: dict[str, Any]) -> list[dict[str, Any]]:
    if kind.batch is None or kind.batch.records is None:
        raise InputError(Problem(
            f"«{kind.title}» не выпускается пакетом из базы участников; "
            f"дайте список записей (YAML, JSON или CSV)", file=str(path)))
    from .io import load_registry

    registry = load_registry(path)
    return [_deep_merge(shared, r) for r in kind.batch.records(registry, shared)]


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Failure:
    """A record that could not be written: its number (from 1), whom it is for, why."""

    row: int
    name: str
    error: str


@dataclass
class BatchReport:
    """What a batch run did."""

    kind: str
    title: str
    out_dir: Path
    total: int
    written: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    merged: Path | None = None
    error_report: Path | None = None
    seconds: float = 0.0
    jobs: int = 1

    def written_paths(self) -> list[Path]:
        """Files this run wrote: the documents, then the print file and the error report."""
        extra = [p for p in (self.merged, self.error_report) if p is not None]
        return [*self.written, *extra]

    def summary(self) -> str:
        """A few lines in Russian for the curator."""
        from .ru import agree

        done = len(self.written)
        rate = done / self.seconds if self.seconds > 0 else 0.0
        seconds = f"{self.seconds:.1f}".replace(".", ",")
        total = f"{self.total:,}".replace(",", "\u00a0")
        lines = [f"«{self.title}»: записано {agree(done, 'документ')} из {total} "
                 f"за {seconds} с" + (f" ({rate:,.0f} в секунду)".replace(",", "\u00a0")
                                        if done >= 50 and self.seconds > 0 else "") + "."]
        if self.skipped:
            lines.append(f"Пропущено (уже были готовы): {len(self.skipped)}.")
        if self.failed:
            lines.append(f"Не удалось сделать: {agree(len(self.failed), 'документ')}; "
                         f"причины — в файле {self.error_report}.")
            for failure in self.failed[:5]:
                who = f" ({failure.name})" if failure.name else ""
                lines.append(f"  • запись {failure.row}{who}: {failure.error}")
            if len(self.failed) > 5:
                lines.append(f"  … и ещё {len(self.failed) - 5}")
        if self.merged:
            lines.append(f"Общий файл для печати: {self.merged}")
        lines.append(f"Папка: {self.out_dir}")
        return "\n".join(lines)


def _short_name(record: Mapping[str, Any]) -> str:
    person = _person_of(record)
    if person is None:
        return ""
    return f"{_value(person, 'last_name') or ''} {_initials(person)}".strip()


def _write_error_report(out_dir: Path, failures: list[Failure]) -> Path:
    """«№ записи; Участник; Ошибка» in a CSV that Excel opens in Russian locales (; and BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(["№ записи", "Участник", "Ошибка"])
    for f in failures:
        writer.writerow([f.row, f.name, f.error])
    target = out_dir / ERROR_REPORT
    with atomic_path(target, overwrite=True) as tmp:
        tmp.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return target


# --------------------------------------------------------------------------- rendering


class _Worker:
    """Renders records of one kind into files; one per process, template prepared once."""

    def __init__(self, kind: Kind, template: Path, suffix: str):
        self.kind = kind
        self.template = template
        self.suffix = suffix
        self.renderer: Any = None
        if suffix == ".docx":
            from .engine.fast import DocxRenderer

            self.renderer = DocxRenderer(template)

    def _input(self, record: Mapping[str, Any]) -> BaseModel:
        """The validated input. pydantic alone is tried first (a few µs); only a record it
        rejects goes through ``io.load_input``, which converts Russian dates and linked
        files or explains every problem in Russian."""
        try:
            return self.kind.input_model.model_validate(record)
        except ValidationError:
            from .io import load_input

            return load_input(self.kind, dict(record))

    def _write(self, context: Any, target: str) -> None:
        """Write under a temporary name beside ``target``, then rename it into place.

        The batch checked the targets before starting (no clash unless overwriting or
        resuming), so a plain rename is safe; a kill leaves only a temporary file, which
        the next run removes.
        """
        folder, name = os.path.split(target)
        tmp = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{name}")
        done = False
        try:
            if self.renderer is not None:  # the fast path, or docxtpl where it cannot go
                self.renderer.write(context, tmp)
            else:
                from .engine.xlsx import render_xlsx

                render_xlsx(self.template, context, tmp)
            os.replace(tmp, target)
            done = True
        finally:
            if not done and os.path.exists(tmp):
                os.unlink(tmp)

    def one(self, index: int, record: Mapping[str, Any], target: str) -> tuple[int, str | None]:
        """Write one record; return (index, None) or (index, the Russian reason)."""
        try:
            context = self.kind.build_context(self._input(record))
            self._write(context, target)
        except NastavnikError as exc:
            return index, str(exc)
        except Exception as exc:  # one broken record never stops the batch
            log.debug("record %s failed", index, exc_info=True)
            return index, f"непредвиденная ошибка ({type(exc).__name__}): {exc}"
        return index, None

    def chunk(self, items: list[tuple[int, Mapping[str, Any], str]]) -> list[tuple[int, str | None]]:
        return [self.one(*item) for item in items]


_WORKER: _Worker | None = None


def _init_process(kind: Kind | str, template: str, suffix: str) -> None:
    global _WORKER
    _WORKER = _Worker(get_kind(kind), Path(template), suffix)


def _kind_ref(kind: Kind) -> Kind | str:
    """The kind's id when it is in the catalogue (a new process finds it by id, also where
    processes are spawned rather than forked), else the object itself."""
    try:
        return kind.id if get_kind(kind.id) is kind else kind
    except NastavnikError:
        return kind


def _run_chunk(items: list[tuple[int, Mapping[str, Any], str]]) -> list[tuple[int, str | None]]:
    assert _WORKER is not None
    return _WORKER.chunk(items)


def _auto_jobs(n: int) -> int:
    cpus = os.cpu_count() or 1
    # Starting a process and preparing the template costs ~0.3 s: worth it from ~500 files.
    return 1 if n < 500 else min(cpus, 8)


def _progress_bar(total: int, title: str):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:  # type: ignore[override]
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.0f} док./с".replace(",", " ") if speed else "— док./с")

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        Rate(), TextColumn("прошло"), TimeElapsedColumn(), TextColumn("осталось"),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    task = progress.add_task(title, total=total)
    return progress, task


def _remove_temp_files(out_dir: Path) -> int:
    removed = 0
    for stray in out_dir.glob(f"{TEMP_PREFIX}*"):
        try:
            stray.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def render_batch(kind: str | Kind, records: Iterable[Mapping[str, Any]], out_dir: PathLike, *,
                 merge: bool = False, jobs: int | None = None, resume: bool = False,
                 overwrite: bool = False, name: str | None = None,
                 templates: PathLike | None = None, progress: bool = False) -> BatchReport:
    """Write one document of ``kind`` per record into ``out_dir``.

    ``name`` is the file name pattern (default: the kind's, e.g. ``{last_name}_{initials}``);
    ``merge`` also makes one print file; ``jobs`` processes (default: by size);
    ``resume`` skips files already complete; ``overwrite`` replaces existing files;
    ``templates`` is the user's template folder; ``progress`` shows a progress bar.
    Errors in single records are reported, not raised; see :class:`BatchReport`.
    """
    started = time.perf_counter()
    kind = get_kind(kind)
    out_dir = Path(out_dir)
    records = list(records)
    suffix = ".docx" if kind.docx else ".xlsx" if kind.xlsx else None
    if suffix is None:
        raise InputError(Problem(f"«{kind.title}» не выпускается пакетом: у него нет шаблона DOCX или XLSX"))
    from .engine.lookup import find_template

    template = find_template(kind.template_for(suffix), templates)  # type: ignore[arg-type]
    pattern = name or (kind.batch.file_name if kind.batch else "{index:05d}")
    targets = [out_dir / n for n in _plan_names(records, pattern, suffix)]
    stem = safe_file_stem(kind.output_name or kind.title)
    merged_path = out_dir / f"{stem}{MERGED_SUFFIX}.docx" if merge and suffix == ".docx" else None

    out_dir.mkdir(parents=True, exist_ok=True)
    removed = _remove_temp_files(out_dir)
    # One listing instead of a check per file; names compared ignoring case, as on Windows.
    present = {n.casefold() for n in os.listdir(out_dir)}
    if removed:
        log.info("removed %d unfinished temporary files in %s", removed, out_dir)
    if not overwrite and not resume:
        clashes = [p for p in [*targets, *([merged_path] if merged_path else [])]
                   if p.name.casefold() in present]
        if clashes:
            raise OutputExistsError(
                f"В папке {out_dir} уже есть файлы с такими именами: {len(clashes)} "
                f"(например, «{clashes[0].name}»). Чтобы продолжить прерванный выпуск, "
                f"укажите --resume (resume=True); чтобы перезаписать — --force (overwrite=True)")

    report = BatchReport(kind=kind.id, title=kind.title, out_dir=out_dir, total=len(records))
    todo: list[tuple[int, Mapping[str, Any], str]] = []
    for i, (record, target) in enumerate(zip(records, targets)):
        if resume and not overwrite and target.name.casefold() in present:
            report.skipped.append(target)
        else:
            todo.append((i, record, str(target)))

    n_jobs = max(1, jobs if jobs is not None else _auto_jobs(len(todo)))
    n_jobs = min(n_jobs, max(1, len(todo)))
    report.jobs = n_jobs
    errors: dict[int, str] = {}
    bar = _progress_bar(len(records), kind.title) if progress else None
    advance: Callable[[int], None] = (lambda k: bar[0].advance(bar[1], k)) if bar else (lambda k: None)

    def start_bar() -> None:
        if bar:
            bar[0].start()
            advance(len(report.skipped))

    try:
        if n_jobs == 1:
            worker = _Worker(kind, template, suffix)
            start_bar()
            for item in todo:
                index, error = worker.one(*item)
                if error:
                    errors[index] = error
                advance(1)
        elif todo:
            size = max(1, min(256, math.ceil(len(todo) / (n_jobs * 8))))
            chunks = [todo[i:i + size] for i in range(0, len(todo), size)]
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            with ProcessPoolExecutor(n_jobs, mp_context=context, initializer=_init_process,
                                     initargs=(_kind_ref(kind), str(template), suffix)) as pool:
                futures = {pool.submit(_run_chunk, chunk): len(chunk) for chunk in chunks}
                # The bar's refresh thread starts only after the worker processes are forked.
                start_bar()
                for future in as_completed(futures):
                    for index, error in future.result():
                        if error:
                            errors[index] = error
                    advance(futures[future])
    finally:
        if bar:
            bar[0].stop()

    for index, _record, target in todo:
        if index not in errors:
            report.written.append(Path(target))
    report.failed = [Failure(i + 1, _short_name(records[i]), errors[i]) for i in sorted(errors)]
    stale = out_dir / ERROR_REPORT
    if report.failed:
        report.error_report = _write_error_report(out_dir, report.failed)
    elif stale.exists() and (resume or overwrite):
        stale.unlink()

    if merged_path is not None:
        ready = [t for i, t in enumerate(targets) if i not in errors and t.exists()]
        if ready:
            from .engine.merge import merge_documents

            report.merged = merge_documents(ready, merged_path, overwrite=True)
    report.seconds = time.perf_counter() - started
    return report

