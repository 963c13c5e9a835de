"""PDF conversions start from a kept LibreOffice profile, and never fail because of it."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from render_helpers import build_docx

from nastavnik_docs.engine import _lo_profile, pdf
from nastavnik_docs.engine.pdf import convert_to_pdf

needs_lo = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdftotext")),
                              reason="LibreOffice and poppler-utils are not installed")


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.delenv(_lo_profile.NO_CACHE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "nastavnik-docs"


def kept_profiles(cache):
    return sorted(p.name for p in cache.glob("libreoffice-profile-*")) if cache.is_dir() else []


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def convert(tmp_path, name: str, text: str):
    source = build_docx(tmp_path / f"{name}.docx", [text])
    (made,) = convert_to_pdf([source], tmp_path / "pdf", overwrite=True)
    return pdf_text(made)


@pytest.mark.slow
@needs_lo
def test_the_first_conversion_keeps_its_profile_and_the_next_starts_from_it(tmp_path, cache, monkeypatch):
    copies = []
    prepare = _lo_profile.prepare_profile
    monkeypatch.setattr(pdf, "prepare_profile", lambda *a: copies.append(prepare(*a)) or copies[-1])
    assert "Первый документ" in convert(tmp_path, "a", "Первый документ")
    assert len(kept_profiles(cache)) == 1
    assert "Второй документ" in convert(tmp_path, "b", "Второй документ")
    assert copies == [False, True]
    kept = cache / kept_profiles(cache)[0]
    assert (kept / "user" / "registrymodifications.xcu").is_file()
    assert not any("a.docx" in p.read_text("utf-8", "replace") or "b.docx" in p.read_text("utf-8", "replace")
                   for p in kept.rglob("*.xcu")), "the profile keeps no document names"


@pytest.mark.slow
@needs_lo
def test_a_conversion_failing_with_the_kept_profile_is_run_again_fresh(tmp_path, cache, monkeypatch):
    convert(tmp_path, "a", "Первый документ")
    (kept,) = kept_profiles(cache)
    (cache / kept / "marker").write_text("из старого профиля")
    calls = []
    real_run = pdf._run

    def failing_once(command, timeout):
        calls.append(command)
        if len(calls) == 1:  # LibreOffice ran with the copied profile and made nothing
            return subprocess.CompletedProcess(command, 1, "", "профиль повреждён")
        return real_run(command, timeout)

    monkeypatch.setattr(pdf, "_run", failing_once)
    assert "Второй документ" in convert(tmp_path, "b", "Второй документ")
    assert len(calls) == 2
    assert kept_profiles(cache) == [kept]  # kept again, from the fresh run
    assert not (cache / kept / "marker").exists()


def test_no_cache_when_turned_off_or_unwritable(tmp_path, cache, monkeypatch):
    profile = tmp_path / "work" / "profile"
    (profile / "user").mkdir(parents=True)
    soffice = shutil.which("soffice") or shutil.which("python3") or "/bin/sh"
    monkeypatch.setenv(_lo_profile.NO_CACHE, "1")
    _lo_profile.keep_profile(soffice, profile)
    assert kept_profiles(cache) == []
    assert not _lo_profile.prepare_profile(soffice, tmp_path / "other")
    monkeypatch.delenv(_lo_profile.NO_CACHE)
    cache.parent.mkdir(parents=True)
    cache.write_text("не папка")  # the cache folder cannot be made: nothing kept, nothing fails
    _lo_profile.keep_profile(soffice, profile)
    assert not _lo_profile.prepare_profile(soffice, tmp_path / "other")
    cache.unlink()
    _lo_profile.keep_profile(soffice, profile)
    assert len(kept_profiles(cache)) == 1
    assert _lo_profile.prepare_profile(soffice, tmp_path / "other")
    assert (tmp_path / "other" / "user").is_dir()
