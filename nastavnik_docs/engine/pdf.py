"""PDF through LibreOffice: ``soffice --headless --convert-to pdf``, several files per process.

Each call uses its own LibreOffice profile in a temporary folder
(``-env:UserInstallation=file://…``), so parallel runs (batch workers, test processes) do
not fight over the user's profile lock; it starts as a copy of a profile LibreOffice has
already set up (:mod:`._lo_profile`), which saves a quarter of a short call. Inputs are linked into a private folder under
unique ASCII names, so two inputs with the same stem (``x.docx`` and ``x.xlsx``) do not
produce the same PDF name, and each PDF is moved into place atomically.

LibreOffice fetches what a document links to (a picture inserted as a link, a linked
object, an ``INCLUDEPICTURE`` field) while it converts. Nothing the library converts may
reach the network: a document with such links is converted from a copy with every one
of them removed (:mod:`._external`); hyperlinks stay.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .._files import atomic_path
from ..errors import ConverterMissingError, NastavnikError, OutputExistsError
from ._external import without_external
from ._lo_profile import discard_kept, keep_profile, prepare_profile
from ._opc import NotAPackage, Package, PackageError

__all__ = ["INSTALL_HINT", "convert_to_pdf", "find_soffice", "pdf_bytes"]

INSTALL_HINT = "sudo apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation"
#: Environment variable with the path of the soffice executable, if not on PATH.
ENV_VAR = "NASTAVNIK_DOCS_SOFFICE"


def find_soffice() -> str:
    """Path of LibreOffice's ``soffice``; ConverterMissingError with the install command."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        if Path(configured).is_file() and os.access(configured, os.X_OK):
            return configured
        raise ConverterMissingError(
            f"Указанный в {ENV_VAR} файл LibreOffice не найден или не запускается: {configured}"
        )
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise ConverterMissingError(
        "Для PDF нужен LibreOffice, а он не установлен (нет программы soffice). "
        f"Установите его: {INSTALL_HINT}"
    )


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    # A new session, so that on timeout the whole LibreOffice process group is ended.
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise NastavnikError(
                f"LibreOffice не успел сделать PDF за {timeout:.0f} с; попробуйте меньше файлов за раз"
            ) from None
        return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _offline_copy(src: Path) -> bytes | None:
    """The bytes of ``src`` without the external resources LibreOffice would fetch, or None
    when it has none (or is not a package: LibreOffice then reads it as it is)."""
    if src.suffix.lower() not in (".docx", ".xlsx", ".docm", ".xlsm", ".pptx"):
        return None
    try:
        package = Package.open(src)
    except NotAPackage:
        return None
    except (PackageError, OSError) as exc:
        raise NastavnikError(f"Файл {src.name} не подготовить к PDF (не удалось проверить его на внешние "
                             f"ссылки): {exc}") from None
    try:
        return without_external(package)
    except (PackageError, KeyError, ValueError, UnicodeDecodeError) as exc:
        raise NastavnikError(f"Файл {src.name} не подготовить к PDF: {exc}") from None


def convert_to_pdf(files: Iterable[str | os.PathLike[str]], outdir: str | os.PathLike[str] | None = None,
                   *, overwrite: bool = False, timeout: float = 300) -> list[Path]:
    """Convert DOCX/XLSX ``files`` to PDF with one LibreOffice process; return the PDFs.

    Each PDF is written beside its source (or into ``outdir``) under the source's stem.
    """
    sources = [Path(f).resolve() for f in files]
    if not sources:
        return []
    targets = [(Path(outdir) if outdir else src.parent) / f"{src.stem}.pdf" for src in sources]
    if len(set(targets)) != len(targets):
        raise NastavnikError("Несколько файлов дают PDF с одним и тем же именем: "
                             + ", ".join(str(s) for s in sources))
    for src in sources:
        if not src.is_file():
            raise NastavnikError(f"Файл для PDF не найден: {src}")
    for target in targets:
        if target.exists() and not overwrite:
            raise OutputExistsError.file(target)
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="nastavnik-pdf-") as work:
        work_dir = Path(work)
        inputs = work_dir / "in"
        produced = work_dir / "out"
        inputs.mkdir()
        produced.mkdir()
        linked = []
        for index, src in enumerate(sources):
            link = inputs / f"{index:05d}{src.suffix.lower()}"
            offline = _offline_copy(src)
            if offline is None:
                link.symlink_to(src)
            else:
                link.write_bytes(offline)
            linked.append(link)
        profile = work_dir / "profile"
        copied = prepare_profile(soffice, profile)
        command = [
            soffice, "--headless", "--invisible", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", "pdf", "--outdir", str(produced), *map(str, linked),
        ]
        result = _run(command, timeout)
        if copied and not all((produced / f"{link.stem}.pdf").is_file() for link in linked):
            discard_kept(soffice)  # the kept profile may be what failed: once more from a fresh one
            shutil.rmtree(profile, ignore_errors=True)
            copied = False
            result = _run(command, timeout)
        written: list[Path] = []
        for link, src, target in zip(linked, sources, targets):
            pdf = produced / f"{link.stem}.pdf"
            if not pdf.is_file() or pdf.stat().st_size == 0:
                detail = (result.stderr or result.stdout or "").strip().splitlines()
                raise NastavnikError(
                    f"LibreOffice не смог сделать PDF из {src.name}"
                    + (f": {detail[-1]}" if detail else "")
                )
            with atomic_path(target, overwrite=overwrite) as tmp:
                shutil.copyfile(pdf, tmp)
            written.append(target)
        if not copied:
            keep_profile(soffice, profile)
    return written


def pdf_bytes(document: bytes, suffix: str, *, timeout: float = 300) -> bytes:
    """The PDF of a DOCX or XLSX document given as bytes (``suffix`` ``.docx``/``.xlsx``).

    LibreOffice reads files only: the document is written into a private temporary folder
    (readable by this user alone), converted there, and the folder is removed at once.
    """
    with tempfile.TemporaryDirectory(prefix="nastavnik-pdf-") as work:
        source = Path(work) / f"document{suffix.lower()}"
        source.write_bytes(document)
        (pdf,) = convert_to_pdf([source], timeout=timeout)
        return pdf.read_bytes()
