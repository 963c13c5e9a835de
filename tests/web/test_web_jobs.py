"""A failed run on the page: the message says what failed in the page's words — no server
paths, no command-line options — and the page offers to continue the run or start it anew."""

from __future__ import annotations

import re
import time

from web_support import served_card_and_registry

import nastavnik_docs.web.awards_page as awards_page
from nastavnik_docs import render_batch
from nastavnik_docs.errors import OutputError
from nastavnik_docs.web.folder import AWARDS_FOLDER


def _ended(client, job: str) -> dict:
    deadline = time.monotonic() + 180
    while (progress := client.get(job + "/progress").json())["state"] == "running":
        assert time.monotonic() < deadline
        time.sleep(0.2)
    return progress


def _start(client) -> str:
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25", "class": "8",
                                          "event": "в программе наставничества"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return answer.headers["location"]


def _failure(page: str) -> str:
    """The failed run's section of the page: the message and what to do."""
    return page[page.index('id="job"'):page.index("</section>")]


def _server_words(text: str, client) -> list[str]:
    state = client.app.state.web
    return [w for w in (str(state.folder.path), str(state.work), "--resume", "--force", "resume=True",
                        "overwrite=True") if w in text]


def test_a_batch_stopped_by_a_name_clash_says_so_in_page_words_and_continues(client, monkeypatch):
    folder = served_card_and_registry(client)
    calls = []

    def interrupted(kind, records, out, **options):
        """The first run leaves one document in the folder, as a run stopped half-way does, and
        meets it when it starts writing: the library's real clash, told for the command line."""
        calls.append(options.get("resume"))
        if len(calls) == 1:
            render_batch(kind, records[:1], out, **options)
        return render_batch(kind, records, out, **options)
    monkeypatch.setattr(awards_page, "render_batch", interrupted)

    job = _start(client)
    progress = _ended(client, job)
    page = client.get(job).text
    assert progress["state"] == "failed" and "Выпуск не удался" in page
    assert "уже есть документы с такими же именами" in progress["error"]
    assert _server_words(_failure(page), client) == [] and _server_words(progress["error"], client) == []
    buttons = dict(re.findall(r'action="(/jobs/[^"]+/again/\w+)"[^>]*><button[^>]*>([^<]+)</button>', page))
    assert sorted(buttons.values()) == ["Начать выпуск заново", "Продолжить выпуск"]

    resume = next(url for url, text in buttons.items() if text == "Продолжить выпуск")
    answer = client.post(resume, follow_redirects=False)
    assert answer.status_code == 303
    again = answer.headers["location"]
    assert again != job and _ended(client, again)["state"] == "done"
    assert calls == [False, True]  # continued with the library's resume in the same folder
    assert "Записано документов: 2 из 2 (из них 1 — до сбоя)" in client.get(again).text
    made = [p for p in (folder / AWARDS_FOLDER).iterdir() if p.is_dir()]
    assert len(made) == 1 and len(list(made[0].glob("*.docx"))) == 2


def test_any_other_failure_names_the_folders_relative_to_the_project(client, monkeypatch):
    served_card_and_registry(client)

    def failing(kind, records, out, **options):
        raise OutputError(f"Не удалось начать выпуск в папке {out}: Permission denied")
    monkeypatch.setattr(awards_page, "render_batch", failing)
    job = _start(client)
    assert _ended(client, job)["state"] == "failed"
    page = client.get(job).text
    assert _server_words(_failure(page), client) == []
    assert re.search(rf"в папке {AWARDS_FOLDER}/Сертификат участника [^:]+: Permission denied", _failure(page))
    assert "Начать выпуск заново" in page


def test_a_finished_run_is_not_started_again(client):
    served_card_and_registry(client)
    job = _start(client)
    assert _ended(client, job)["state"] == "done"
    assert client.post(job + "/again/restart", follow_redirects=False).status_code == 404


def test_a_failed_batch_with_registration_numbers_is_only_started_anew(client, monkeypatch):
    served_card_and_registry(client)

    def failing(kind, records, out, **options):
        raise OutputError("Не удалось записать файл: No space left on device")
    monkeypatch.setattr(awards_page, "render_batch", failing)
    answer = client.post("/awards", data={"kind": "award.certificate", "date": "2026-05-25", "class": "8",
                                          "event": "в программе наставничества", "numbers": "own"},
                         follow_redirects=False)
    job = answer.headers["location"]
    assert _ended(client, job)["state"] == "failed"
    failure = _failure(client.get(job).text)
    assert "Начать выпуск заново" in failure and "Продолжить выпуск" not in failure
    assert "с новыми номерами" in failure


def test_a_year_stopped_half_way_continues_where_it_stopped(project_client, monkeypatch):
    from nastavnik_docs.project import Project

    real, calls = Project.issue_all, []

    def stopped(self, out):
        calls.append(out)
        if len(calls) == 1:
            raise OutputError(f"Не удалось записать файл {out / '01 Положение' / 'Приказ.docx'}: No space left on device")
        return real(self, out)
    monkeypatch.setattr(Project, "issue_all", stopped)
    answer = project_client.post("/plan/issue", follow_redirects=False)
    job = answer.headers["location"]
    assert _ended(project_client, job)["state"] == "failed"
    failure = _failure(project_client.get(job).text)
    assert "Документы года/01 Положение/Приказ.docx: No space left on device" in failure
    assert _server_words(failure, project_client) == []
    resume = re.search(r'action="(/jobs/[^"]+/again/resume)"', failure).group(1)
    again = project_client.post(resume, follow_redirects=False).headers["location"]
    assert _ended(project_client, again)["state"] == "done" and calls[1] == calls[0]
