"""The command line: a thin layer over the public API (``nastavnik_docs``).

Every command parses its arguments, calls one library function and prints what it did.
No traceback ever reaches the user: an error of the library (``NastavnikError``) is
printed as its Russian message, any other failure (a file system refusing, memory
running out, a bug) as one Russian line, always with a non-zero exit code
(``NASTAVNIK_DOCS_DEBUG=1`` shows the traceback of an unexpected one). Warnings about
the data (``DataWarning``: unlikely birth dates) are printed as «Предупреждение: …»
(:mod:`._output`: the consoles, the error lines, the warnings).

A command loads only what it runs: :func:`main` gives typer an app of that command alone
(:func:`_app_for`), and each command imports the library's functions it calls.
"""

from __future__ import annotations

import copy
import json
import os
import sys
import warnings
from pathlib import Path
from typing import Annotated, Any

import typer

from .._gc import keep_collecting
from .._imports import import_openpyxl_as_is
from .._version import __version__
from ..errors import InputError
from ._lean import skip_plugin_loader
from ._output import console, document_warnings, err_console, error_text, friendly, new_table, say, show_warning
from ._russian import RussianCommand, RussianGroup, short_help

app = typer.Typer(
    cls=RussianGroup,
    name="nastavnik-docs",
    help="Документы целевой модели наставничества: приказы, протоколы, программы, грамоты, "
    "дорожные карты, реестры.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

TemplatesOption = Annotated[
    Path | None,
    typer.Option("--templates", "-t", help="Папка со своими шаблонами (заменяют встроенные)",
                 envvar="NASTAVNIK_DOCS_TEMPLATES"),
]
ForceOption = Annotated[bool, typer.Option("--force", "-f", help="Перезаписывать существующие файлы")]


RedactOption = Annotated[
    bool, typer.Option("--redact", help="В сообщениях и отчётах — только номера строк и записей, без ФИО и значений"),
]


def _version_callback(value: bool) -> None:
    if value:
        console.print(f"nastavnik-docs {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version_callback, is_eager=True, help="Показать версию")
    ] = False,
) -> None:
    """Документы целевой модели наставничества."""


@app.command()
@friendly
def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Куда записать документы")] = Path("demo-out"),
    pdf: Annotated[bool, typer.Option("--pdf", help="Также сделать PDF (нужен LibreOffice)")] = False,
) -> None:
    """Полный комплект документов для образца организации из samples/."""
    from .._demo import run_demo

    rows = run_demo(out, pdf=pdf)
    table = new_table(f"Записано в {out}")
    table.add_column("Документ")
    table.add_column("Файл")
    for title, path in rows:
        table.add_row(title, str(Path(path).relative_to(out)))
    console.print(table)


@app.command()
@friendly
def init(
    folder: Annotated[Path, typer.Argument(help="Папка дела программы наставничества")],
    year: Annotated[int | None, typer.Option("--year", help="Учебный год — год начала (2026 — 2026/2027)")] = None,
    force: ForceOption = False,
) -> None:
    """Создать дело программы наставничества: nastavnik.yaml, пустую базу (XLSX) и карточку организации."""
    from ..project import Project

    for path in Project.init(folder, school_year=year, overwrite=force):
        console.print(f"Создан файл: {path}", markup=False, highlight=False)
    console.print("Заполните карточку организации, базу и nastavnik.yaml, затем: "
                  f"nastavnik-docs plan {folder}", highlight=False)


ProjectArgument = Annotated[Path, typer.Argument(help="Папка дела (по умолчанию — текущая)")]


def _print_findings(findings: list[Any]) -> None:
    """Every finding, errors first, in Russian; a line when there are none."""
    if not findings:
        console.print("Ошибок и предупреждений нет.")
        return
    for finding in findings:
        target = err_console if finding.is_error else console
        target.print(f"• {finding}", highlight=False, markup=False, soft_wrap=True)
    errors = sum(1 for f in findings if f.is_error)
    console.print(f"Ошибок: {errors}, предупреждений: {len(findings) - errors}.")


def _check_project_of(path: Path) -> None:
    """In a project folder, check the year before anything is written; stop on errors."""
    from ..project import find_project

    folder = find_project(path)
    if folder is None:
        return
    from ..project import Project
    findings = Project.open(folder).check()
    if any(f.is_error for f in findings):
        err_console.print(f"Проверка дела {folder} нашла ошибки — документ не выпущен:", highlight=False, soft_wrap=True)
        _print_findings(findings)
        raise typer.Exit(1)
    # What the year's own documents ask to check belongs to check and year: this command
    # says what its documents ask.
    _print_findings([f for f in findings if not f.is_error and f.code != "document.warning"])


def _print_registry_warnings(*inputs: Any) -> bool:
    """The warnings the loaders recorded about a registry in the inputs: printed, never only
    stored. Returns whether any input carried a registry."""
    seen: set[int] = set()
    for data in inputs:
        registry = getattr(data, "registry", None) if not isinstance(data, dict) else data.get("registry")
        if registry is None or id(registry) in seen or not hasattr(registry, "warnings"):
            continue
        seen.add(id(registry))
        for text in registry.warnings():
            err_console.print(f"Предупреждение (база): {text}", highlight=False, markup=False, soft_wrap=True)
    return bool(seen)


@app.command()
@friendly
def check(folder: ProjectArgument = Path(".")) -> None:
    """Проверить данные года: ссылки актов, номера, наставников, пары, базу. Ошибки — код выхода 1."""
    from ..project import Project

    findings = Project.open(folder).check()
    _print_findings(findings)
    if any(f.is_error for f in findings):
        raise typer.Exit(1)


@app.command()
@friendly
def plan(folder: ProjectArgument = Path(".")) -> None:
    """План года: документы в порядке целевой модели, их состояние и мероприятие дорожной карты."""
    from ..project import Project

    project = Project.open(folder)
    console.print(f"План {project.file.year_text} учебного года: {project.file.organization.short_name}",
                  highlight=False, markup=False, soft_wrap=True)
    stage = None
    for i, item in enumerate(project.plan(), start=1):
        if item.stage != stage:
            stage = item.stage
            console.print(f"\n{stage.title}", style="bold", highlight=False, markup=False, soft_wrap=True)
            if item.roadmap_event:
                console.print(f"  дорожная карта: {item.roadmap_event}", highlight=False, markup=False, soft_wrap=True)
        count = f" ({item.records} док.)" if item.records > 1 else ""
        line = f"{i:>3}. {item.title}{count} [{item.key}] — {item.status_text()}"
        console.print(line, style="red" if item.status.value == "blocked" else None, highlight=False, markup=False, soft_wrap=True)


@app.command()
@friendly
def year(
    folder: ProjectArgument = Path("."),
    out: Annotated[Path, typer.Option("--out", "-o", help="Куда выпустить комплект документов")] = Path("Документы года"),
) -> None:
    """Выпустить весь комплект года: каждый документ плана, журнал регистрации и опись."""
    from ..project import CheckFailed, Project

    project = Project.open(folder)
    try:
        report = project.issue_all(out)
    except CheckFailed as exc:
        err_console.print("Проверка нашла ошибки — ничего не записано:", highlight=False, soft_wrap=True)
        _print_findings(exc.findings)
        raise typer.Exit(1) from None
    for finding in report.warnings:
        console.print(f"• {finding}", highlight=False, markup=False, soft_wrap=True)
    console.print(report.summary(), highlight=False, markup=False, soft_wrap=True)


@app.command("kinds")
def list_kinds() -> None:
    """Список видов документов."""
    from ..kinds import all_kinds

    table = new_table("Виды документов")
    table.add_column("Вид (KIND)", no_wrap=True)  # ids are copied into commands: never wrap
    table.add_column("Название")
    table.add_column("Форматы")
    for kind in all_kinds():
        table.add_row(kind.id, kind.title, ", ".join(kind.formats))
    console.print(table)


@app.command()
@friendly
def schema(kind: Annotated[str, typer.Argument(help="Вид документа, например order.appoint_curator")]) -> None:
    """JSON Schema входных данных вида документа."""
    from .. import input_schema

    schema_ = input_schema(kind)
    sys.stdout.write(json.dumps(schema_, ensure_ascii=False, indent=2) + "\n")


@app.command()
@friendly
def render(
    kind: Annotated[str, typer.Argument(help="Вид документа (см. nastavnik-docs kinds)")],
    data: Annotated[Path, typer.Argument(help="Входные данные: YAML или JSON")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Выходной файл: .docx, .xlsx (у дорожной карты также .ics)")],
    pdf: Annotated[bool, typer.Option("--pdf", help="Также сделать PDF (нужен LibreOffice)")] = False,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
) -> None:
    """Сделать один документ."""
    from .. import load_input
    from .. import render as render_document

    _check_project_of(data)
    model = load_input(kind, data)
    _print_registry_warnings(model)
    with document_warnings():
        written = render_document(kind, model, out, templates=templates, pdf=pdf, overwrite=force)
    for path in written if isinstance(written, list) else [written]:
        console.print(f"Записан файл: {path}", markup=False, highlight=False)


@app.command("check-template")
@friendly
def check_template(
    file: Annotated[Path, typer.Argument(help="Файл шаблона (.docx или .xlsx)")],
    kind: Annotated[str, typer.Option("--kind", "-k", help="Вид документа, под который шаблон")],
) -> None:
    """Проверить свой шаблон: неизвестные переменные и незакрытые теги."""
    from .. import check_template as check

    report = check(file, kind)
    if report.ok:
        console.print(f"Шаблон {file.name} подходит для «{kind}»: ошибок нет.", markup=False, highlight=False)
        return
    for issue in report.issues:
        err_console.print(f"• {issue}", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(1)


@app.command()
@friendly
def batch(
    kind: Annotated[str, typer.Argument(help="Вид документа, например award.certificate")],
    source: Annotated[Path, typer.Argument(help="Записи: база (XLSX), список YAML/JSON или CSV")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Папка для документов")],
    common: Annotated[
        Path | None, typer.Option("--common", "-c", help="YAML с общими полями (организация, дата…)")
    ] = None,
    merge: Annotated[bool, typer.Option("--merge", help="Также один общий файл для печати")] = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Число процессов")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Продолжить прерванный запуск")] = False,
    name: Annotated[str | None, typer.Option("--name", help="Шаблон имени файла, например {last_name}_{initials}")] = None,
    filters: Annotated[list[str] | None, typer.Option(
        "--filter", help="Кому выпускать: поле=значение (роль, категория, тип пары, формат, статус, "
                         "класс, должность), например --filter роль=наставник --filter статус=завершена; "
                         "несколько значений через запятую")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Также PDF каждого документа (нужен LibreOffice)")] = False,
    number_prefix: Annotated[str | None, typer.Option(
        "--number-prefix", help="Регистрационные номера: начало номера, например «Г-»")] = None,
    number_start: Annotated[int | None, typer.Option(
        "--number-start", help="Регистрационные номера: первый номер (по умолчанию 1)")] = None,
    number_width: Annotated[int, typer.Option(
        "--number-width", help="Регистрационные номера: число цифр, с нулями впереди")] = 1,
    qr: Annotated[bool, typer.Option("--qr", help="QR-код с организацией, номером, датой и получателем")] = False,
    zip_: Annotated[bool, typer.Option(
        "--zip", help="Всё одним архивом ПАПКА.zip (документы пишутся в архив по мере готовности; "
                      "с --pdf или номерами — и PDF, и журнал)")] = False,
    journal: Annotated[bool, typer.Option(
        "--journal", help="Номера продолжают журнал регистрации дела (папки с nastavnik.yaml, где лежит база) "
                          "и заносятся в него")] = False,
    templates: TemplatesOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
) -> None:
    """Много документов за один запуск (грамоты, программы, согласия).

    С номерами (--number-prefix, --number-start) рядом с документами пишется журнал
    регистрации (номер, ФИО, вид награды, дата, основание).
    """
    from ..batch import Numbering, records_from_source, render_batch

    _check_project_of(source)
    numbering = None
    if number_prefix is not None or number_start is not None:
        numbering = Numbering(number_prefix or "", 1 if number_start is None else number_start, number_width)
    project, series = None, ""
    if journal:
        from ..project import Project, find_project

        folder = find_project(source)
        if folder is None:
            raise InputError(f"--journal: {source} лежит не в папке дела (нет nastavnik.yaml рядом или выше)")
        project = Project.open(folder)
        series, numbering = project.batch_numbering(kind)
        if resume:
            from ..batch import journal_path
            from ..kinds import get_kind

            if journal_path(out, get_kind(kind).title).exists():
                raise InputError(
                    f"--journal --resume: выпуск в папке {out} уже закончен, и его номера занесены в журнал "
                    "дела; продолжение дало бы недостающим документам номера после них, а журнал выпуска "
                    "разошёлся бы с напечатанными. Выпустите недостающие документы в новую папку "
                    "(с фильтром по тем, кого нет)")
    origin: Any = source
    if source.suffix.lower() in (".xlsx", ".xlsm"):  # read once: its warnings, then its records
        from ..io import load_registry

        origin = load_registry(source)
        _print_registry_warnings({"registry": origin})
    records = records_from_source(kind, origin, common=common, filters=filters or ())
    if origin is source:
        _print_registry_warnings(*records)
    archive = out if out.suffix.lower() == ".zip" else out.with_name(out.name + ".zip")
    if zip_ and not pdf and numbering is None:  # straight into the archive, streamed
        report = render_batch(kind, records, archive, merge=merge, jobs=jobs, overwrite=force, name=name,
                              templates=templates, progress=sys.stderr.isatty(), qr=qr, redact=redact)
    else:
        report = render_batch(kind, records, out, merge=merge, jobs=jobs, resume=resume,
                              overwrite=force, name=name, templates=templates,
                              progress=sys.stderr.isatty(), pdf=pdf, numbering=numbering, qr=qr,
                              redact=redact)
        if zip_:
            from ..batch import zip_written

            console.print(f"Архив: {zip_written(report, archive, overwrite=force)}", markup=False, highlight=False)
    if project is not None and report.journal_rows:
        saved = project.register_batch(report.kind, series, report.journal_rows)
        console.print(f"Номера занесены в журнал дела: {saved}")
    console.print(report.summary(), markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


@app.command("import-roadmap")
@friendly
def import_roadmap(
    file: Annotated[Path, typer.Argument(help="Документ Word с таблицей дорожной карты")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Куда записать YAML")],
    force: ForceOption = False,
) -> None:
    """Прочитать дорожную карту из документа Word в YAML."""
    from ..io import import_roadmap as read_roadmap

    result = read_roadmap(file)
    result.save(out, overwrite=force)  # what could not be placed stays in the YAML as comments
    console.print(f"Записан файл: {out}", markup=False, highlight=False)
    for note in result.unplaced:
        err_console.print(f"Не удалось разместить: {note}", highlight=False, markup=False, soft_wrap=True)


@app.command()
@friendly
def due(
    roadmap: Annotated[Path, typer.Argument(help="Дорожная карта: YAML, JSON или документ Word")],
    month: Annotated[str | None, typer.Option("--month", "-m", help="Месяц: 2024-10 или 10.2024 (по умолчанию текущий)")] = None,
) -> None:
    """Что по дорожной карте приходится на месяц: мероприятия, сроки, ответственные."""
    import datetime as dt
    import re

    from ..io import load_roadmap

    found = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*|\s*(\d{1,2})\.(\d{4})\s*", month or "")
    if month is not None and (found is None or not 1 <= int(found.group(2) or found.group(3)) <= 12):
        err_console.print(f"Ошибка: месяц «{month}» не понят; пишите 2024-10 или 10.2024", highlight=False)
        raise typer.Exit(2)
    today = dt.date.today()
    year, number = (int(found.group(1) or found.group(4)), int(found.group(2) or found.group(3))) if found \
        else (today.year, today.month)
    loaded = load_roadmap(roadmap)
    items = loaded.roadmap.due_in(year, number)
    if not items:  # a line, not a table of headings alone
        console.print(f"По плану на {number:02d}.{year}: 0 — мероприятий нет.")
    else:
        table = new_table(f"По плану на {number:02d}.{year}: {len(items)}")
        for heading in ("№", "Мероприятие", "Срок", "Ответственные", "Этап"):
            table.add_column(heading)
        for item in items:
            table.add_row(item.row.number or "", item.title, item.row.deadline or "", item.row.responsible or "",
                          item.stage.heading)
        console.print(table)
    for note in loaded.roadmap.due_notes(year, number):
        err_console.print(f"Внимание: {note}", highlight=False, markup=False, soft_wrap=True)
    if loaded.notes:
        err_console.print(f"Внимание: при чтении документа не размещено фрагментов: {len(loaded.notes)} "
                          f"(их покажет import-roadmap)", highlight=False, markup=False)


@app.command()
@friendly
def serve(
    folder: Annotated[Path, typer.Argument(help="Папка проекта (создаётся, если её нет)")] = Path("."),
    port: Annotated[int, typer.Option("--port", "-p", help="Порт")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Адрес; любой, кроме 127.0.0.1, требует --token")] = "127.0.0.1",
    token: Annotated[str | None, typer.Option("--token", help="Ключ доступа (не короче 16 символов)",
                                              envvar="NASTAVNIK_DOCS_TOKEN")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Не открывать браузер")] = False,
    max_upload: Annotated[float, typer.Option("--max-upload", help="Предел размера загрузки, МБ")] = 20.0,
) -> None:
    """Страница куратора в браузере и HTTP API для других программ."""
    try:
        from ..web import WebSettings
        from ..web import serve as run_server
    except ImportError as exc:
        err_console.print(f"Для веб-страницы нужны дополнительные пакеты: pip install \"nastavnik-docs[web]\" ({exc})",
                          highlight=False, markup=False)
        raise typer.Exit(1) from None
    settings = WebSettings(folder=folder, host=host, port=port, token=token, max_upload_mb=max_upload)
    try:
        settings.validate()
    except ValueError as exc:
        err_console.print(f"Ошибка: {exc}", highlight=False, markup=False)
        raise typer.Exit(2) from None
    keep_collecting()  # the server runs on: nothing it reads is frozen (.._gc)
    import_openpyxl_as_is()  # its threads may import NumPy while another imports openpyxl
    run_server(settings, open_browser=not no_browser)


def _period(year: int | None) -> Any:
    from ..stats import ReportingPeriod

    return ReportingPeriod.school_year(year) if year is not None else None


def _shard(text: str | None) -> tuple[int, int] | None:
    if text is None:
        return None
    index, _, count = text.partition("/")
    if not (index.isdigit() and count.isdigit()) or not 1 <= int(index) <= int(count):
        raise typer.BadParameter("часть указывается как i/n, например 2/8 (i от 1 до n)", param_hint="--shard")
    return int(index), int(count)


@app.command()
@friendly
def aggregate(
    inputs: Annotated[list[Path], typer.Argument(help="Таблицы охвата организаций: файлы .xlsx и папки с ними "
                                                      "(или JSON-части сводки с --merge)")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Сводка: .xlsx (таблица) или .json (часть для --merge)")],
    shard: Annotated[str | None, typer.Option("--shard", help="Часть i/n: каждый n-й файл, начиная с i-го")] = None,
    merge: Annotated[bool, typer.Option("--merge", help="Сложить JSON-части сводки (после --shard)")] = False,
    year: Annotated[int | None, typer.Option("--year", help="Учебный год (первый год): проверить период таблиц; "
                                                            "по базам — посчитать таблицу")] = None,
    organization: Annotated[Path | None, typer.Option("--organization", help="Карточка органа управления "
                                                                             "образованием (YAML)")] = None,
    targets: Annotated[Path | None, typer.Option("--targets", help="YAML со списком целевых показателей")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Также аналитическая справка (.docx)")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Число процессов чтения")] = 1,
    force: ForceOption = False,
) -> None:
    """Свести таблицы охвата организаций в муниципальную сводку (по частям — --shard и --merge)."""
    from .._stats_api import aggregate as run
    from .._stats_api import merge_summaries
    from ..io import load_yaml

    goals = load_yaml(targets) if targets is not None else []
    if isinstance(goals, dict):
        goals = goals.get("targets", [])
    common: dict[str, Any] = {"organization": organization, "targets": goals, "report": report, "overwrite": force}
    if merge:
        summary = merge_summaries(inputs, out, **common)
    else:
        summary = run(inputs, out, shard=_shard(shard), period=_period(year), jobs=jobs, **common)
    console.print(f"Прочитано файлов: {summary.files}; принято: {len(summary.rows)}; не принято: "
                  f"{len(summary.failed)}. Записан файл: {out}" + (f", {report}" if report else ""))
    for failed in summary.failed[:20]:
        err_console.print(f"Не принят {failed.file}: {'; '.join(failed.reasons)}", highlight=False, markup=False)
    if len(summary.failed) > 20:
        err_console.print(f"… и ещё {len(summary.failed) - 20} (все — в сводке)", highlight=False, markup=False)
    if summary.failed:  # the summary of the accepted files is written; a script still sees the refusal
        raise typer.Exit(1)


@app.command()
@friendly
def export(
    registry: Annotated[Path, typer.Argument(help="База наставников и наставляемых (.xlsx, .yaml, .json)")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Список: .xlsx или .csv")],
    year: Annotated[int | None, typer.Option("--year", help="Учебный год (первый год): только его участники")] = None,
    organization: Annotated[Path | None, typer.Option("--organization", help="Карточка организации (YAML)")] = None,
    force: ForceOption = False,
) -> None:
    """Выгрузить персонифицированный учёт наставников и наставляемых (XLSX или CSV)."""
    from .._stats_api import export_personified

    written = export_personified(registry, out, period=_period(year), organization=organization, overwrite=force)
    console.print(f"Записан файл: {written}")


for _info in app.registered_commands:  # every command's help and errors in Russian (._russian)
    _info.cls = RussianCommand
    _info.short_help = _info.short_help or short_help(_info.callback.__doc__ if _info.callback else None)


def _app_for(args: list[str]) -> typer.Typer:
    """The app with just the command ``args`` run: typer builds the parser of every
    registered command (their options' validators included) before it runs one, which
    costs a short command a tenth of its time. The whole app for ``--help``, ``--version``,
    no command or an unknown one, so that help and suggestions list every command."""
    from typer.main import get_command_name

    name = args[0] if args else "-"
    chosen = [info for info in app.registered_commands
              if (info.name or get_command_name(info.callback.__name__ if info.callback else "")) == name]
    if len(chosen) != 1:
        return app
    only = copy.copy(app)
    only.registered_commands = chosen
    return only


def main() -> None:
    """The console script: the app, with a last guard so that nothing escapes as a traceback."""
    # pydantic looks for plugins in every installed package's metadata on first use, which
    # costs as much as a third of a short command, and imports importlib.metadata to do it
    # even when plugins are disabled (._lean); a user who relies on a pydantic plugin sets
    # PYDANTIC_DISABLE_PLUGINS to an empty value.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    skip_plugin_loader()
    warnings.showwarning = show_warning
    try:
        _app_for(sys.argv[1:])()
    except SystemExit:
        raise
    except BaseException as exc:  # an error outside every command (a broken installation)
        if os.environ.get("NASTAVNIK_DOCS_DEBUG"):
            raise
        say("Ошибка:", "bold red", error_text(exc))
        raise SystemExit(130 if isinstance(exc, KeyboardInterrupt) else 1) from None

