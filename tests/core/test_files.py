"""Atomic writes: complete files only, no overwrite unless asked, ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from nastavnik_docs._files import TEMP_PREFIX, atomic_path, write_bytes_atomic
from nastavnik_docs.errors import OutputExistsError


def test_writes_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "sub" / "a.docx"
    write_bytes_atomic(target, b"one")
    with pytest.raises(OutputExistsError, match="--force"):
        write_bytes_atomic(target, b"two")
    write_bytes_atomic(target, b"two", overwrite=True)
    assert target.read_bytes() == b"two"


def test_failure_leaves_neither_target_nor_temp(tmp_path):
    target = tmp_path / "a.docx"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"half")
            raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_permissions_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_bytes_atomic(tmp_path / "a.xlsx", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_temp_files_carry_the_prefix(tmp_path):
    with atomic_path(tmp_path / "a.docx") as tmp:
        assert tmp.name.startswith(TEMP_PREFIX) and tmp.parent == tmp_path


def test_a_file_made_meanwhile_by_another_program_is_kept_and_the_advice_given(tmp_path):
    target = tmp_path / "a.docx"
    with pytest.raises(OutputExistsError) as caught:
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"ours")
            target.write_bytes(b"theirs")
    assert str(caught.value).startswith(f"Файл уже существует: {target}.")
    assert caught.value.advice == "Чтобы перезаписать, укажите --force (overwrite=True)"
    assert target.read_bytes() == b"theirs" and [p.name for p in tmp_path.iterdir()] == ["a.docx"]
