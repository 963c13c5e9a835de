"""The statistics functions of the top level: the municipal summary of many organisations'
coverage tables (in shards and merged, if need be) and the personified accounting export.

``aggregate`` reads each file in turn (read-only, streamed; one file's workbook is freed
before the next is opened, so memory does not grow with the number of files), checks it
against the form and its control relations, and adds its row to the summary or lists it as
failed with the reasons. A region with tens of thousands of files runs ``aggregate`` as n
jobs — ``shard=(i, n)`` takes every n-th file of the sorted list and writes a JSON part —
then ``merge_summaries`` adds the parts up (an organisation found in two parts is rejected
in the merge exactly as in one run). The summary is written by the ``report.municipal``
kind (XLSX) or as JSON, and the authority's report by ``report.municipal_analytical``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from ._files import write_bytes_atomic
from .errors import InputError, NastavnikError
from .models import Organization, Registry, Target
from .stats import FailedFile, MunicipalSummary, ReportingPeriod, SummaryRow, accept_table, coverage, shard_of

__all__ = ["aggregate", "collect_files", "export_personified", "merge_summaries"]

PathLike = str | os.PathLike[str]
#: What a folder contributes: workbooks (coverage tables, or registries when a period is given).
TABLE_SUFFIXES = (".xlsx", ".xlsm")
REGISTRY_SUFFIXES = (".yaml", ".yml", ".json")


def collect_files(inputs: Iterable[PathLike]) -> list[str]:
    """The files to read: each file given, and every workbook in each folder given (with its
    subfolders; Excel's «~$» lock files and hidden files left out), sorted, without repeats."""
    files: set[str] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files.update(str(p) for p in path.rglob("*") if p.suffix.lower() in TABLE_SUFFIXES
                         and p.is_file() and not p.name.startswith(("~$", ".")))
        else:
            files.add(str(path))
    return sorted(files)


def _read_one(args: tuple[str, ReportingPeriod | None]) -> tuple[SummaryRow | None, FailedFile | None]:
    """One file's row or its failure (never raises for a bad file)."""
    from .io import load_registry, read_coverage_source

    file, period = args
    path = Path(file)
    try:
        source: Any = read_coverage_source(path) if path.suffix.lower() in TABLE_SUFFIXES else load_registry(path)
    except InputError as exc:
        return None, FailedFile(file=file, reasons=[f"ЧТЕНИЕ: {p}" for p in exc.problems] or [f"ЧТЕНИЕ: {exc}"])
    except NastavnikError as exc:
        return None, FailedFile(file=file, reasons=[f"ЧТЕНИЕ: {exc}"])
    if isinstance(source, Registry):
        if period is None:
            return None, FailedFile(file=file, reasons=[
                "БАЗА: это база наставников и наставляемых; чтобы посчитать по ней таблицу, укажите отчётный "
                "период (учебный год)"])
        table = coverage(source, period).table(organization=path.stem)
        table = table.model_copy(update={"source": file})
    else:
        table = source
    return accept_table(table, period=(period.start, period.end) if period is not None else None)


def _results(files: Sequence[str], period: ReportingPeriod | None,
             jobs: int) -> Iterator[tuple[SummaryRow | None, FailedFile | None]]:
    work = [(f, period) for f in files]
    if jobs <= 1 or len(files) < 2 * jobs:
        yield from map(_read_one, work)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(jobs) as pool:
        yield from pool.imap(_read_one, work, chunksize=max(1, min(32, len(files) // (jobs * 4))))


def _write(summary: MunicipalSummary, out: PathLike | None, report: PathLike | None, *,
           organization: Organization | PathLike | None, targets: Sequence[Target | dict[str, Any]],
           on: date | None, overwrite: bool) -> None:
    from ._api import render

    common: dict[str, Any] = {"summary": summary, "targets": list(targets), "date": on}
    if organization is not None:
        common["organization"] = str(organization) if isinstance(organization, (str, os.PathLike)) else organization
    if out is not None:
        target = Path(out)
        if target.suffix.lower() == ".json":
            write_bytes_atomic(target, summary.model_dump_json(indent=1).encode("utf-8"), overwrite=overwrite)
        else:
            render("report.municipal", common, target, overwrite=overwrite)
    if report is not None:
        if organization is None:
            raise InputError("для аналитической справки укажите карточку органа управления образованием "
                             "(organization): она нужна для бланка и подписи")
        render("report.municipal_analytical", common, report, overwrite=overwrite)


def aggregate(inputs: Iterable[PathLike], out: PathLike | None = None, *, shard: tuple[int, int] | None = None,
              period: ReportingPeriod | None = None, jobs: int = 1,
              organization: Organization | PathLike | None = None,
              targets: Sequence[Target | dict[str, Any]] = (), report: PathLike | None = None,
              on: date | None = None, overwrite: bool = False) -> MunicipalSummary:
    """The municipal summary of the coverage tables in ``inputs`` (files and folders).

    ``out``: ``.xlsx`` — the summary table (``report.municipal``), ``.json`` — the summary as
    data (a shard's part, or for ``merge_summaries`` and the kinds). ``period`` — the
    reporting period every table must have (and the period a registry given instead of a
    table is counted for). ``shard=(i, n)`` — only every n-th file, starting with the i-th.
    ``jobs`` — processes reading files. ``report`` — the authority's analytical report
    (``.docx``; needs ``organization``, the authority's card). Returns the summary.
    """
    files = shard_of(collect_files(inputs), shard)
    summary = MunicipalSummary(shard=f"{shard[0]}/{shard[1]}" if shard else None)
    for row, failed in _results(files, period, jobs):
        summary.add(row, failed)
    _write(summary, out, report, organization=organization, targets=targets, on=on, overwrite=overwrite)
    return summary


def merge_summaries(parts: Iterable[PathLike | MunicipalSummary], out: PathLike | None = None, *,
                    organization: Organization | PathLike | None = None,
                    targets: Sequence[Target | dict[str, Any]] = (), report: PathLike | None = None,
                    on: date | None = None, overwrite: bool = False) -> MunicipalSummary:
    """One summary of the shards' JSON parts, written as ``aggregate`` writes it."""
    from .io import load_input

    loaded = [p if isinstance(p, MunicipalSummary) else load_input(MunicipalSummary, p) for p in parts]
    try:
        summary = MunicipalSummary.merge(loaded)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    _write(summary, out, report, organization=organization, targets=targets, on=on, overwrite=overwrite)
    return summary


def export_personified(registry: Registry | PathLike, out: PathLike, *, period: ReportingPeriod | None = None,
                       organization: Organization | PathLike | None = None, overwrite: bool = False) -> Path:
    """The personified accounting list of ``registry``: ``.xlsx`` (``report.personified``) or
    ``.csv`` (UTF-8 with BOM, «;», formula-safe cells); only the parts that overlap ``period``
    when it is given."""
    from ._api import load_input, render
    from .io import write_csv
    from .kinds.reports.personified import PersonifiedInput, personified_table

    data: dict[str, Any] = {"registry": registry if isinstance(registry, Registry) else str(registry),
                            "period": period, "date": date.today()}
    if organization is not None:
        data["organization"] = str(organization) if isinstance(organization, (str, os.PathLike)) else organization
    target = Path(out)
    if target.suffix.lower() == ".csv":
        model = load_input("report.personified", data)
        assert isinstance(model, PersonifiedInput)
        headers, rows = personified_table(model)
        return write_csv(target, headers, ([row[k] for k in row] for row in rows), overwrite=overwrite)
    result = render("report.personified", data, target, overwrite=overwrite)
    return result if isinstance(result, Path) else result[0]
