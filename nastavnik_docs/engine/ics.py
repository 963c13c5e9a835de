"""An iCalendar (RFC 5545) file of a roadmap's dated deadlines.

Written by hand: the well-kept library for this (``icalendar``) is not among the
project's dependencies, and what is needed here is small — all-day VEVENTs with a summary,
a description, a category and a stable UID; text escaped (backslash, comma, semicolon,
line breaks) and lines folded at 75 octets without splitting a UTF-8 character, CRLF line
ends (RFC 5545 §3.1, §3.3.11).

Each dated deadline gives one event per occurrence (``models.roadmap.occurrences``): a day
or a day range where the wording names days, else a month or a run of months. Open and
unparsed deadlines give no event; they stay in the DOCX and XLSX with their wording. A
roadmap without any dated deadline (Северодвинск) gives a calendar without events: RFC 5545
asks for at least one component, but calendar programs open such a file as an empty
calendar, which says the truth; inventing an event would not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..models.roadmap import occurrences, parse_deadline, roadmap_months

__all__ = ["escape_text", "fold_line", "roadmap_events", "write_roadmap_ics"]

PRODID = "-//nastavnik_docs//Дорожная карта//RU"


def escape_text(text: str) -> str:
    """TEXT value escaping of RFC 5545 §3.3.11."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold_line(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (continuations start with a space)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = b""
    limit = 75
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # the leading space of a continuation line counts
        current += b
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _uid(*parts: object) -> str:
    digest = hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:24]
    return f"{digest}@nastavnik-docs"


def roadmap_events(roadmap: Any) -> list[dict[str, Any]]:
    """One dict per event: summary, description, category, start, end (inclusive), uid."""
    horizon = roadmap_months(roadmap)
    events: list[dict[str, Any]] = []
    for stage, _sub, row in roadmap.rows():
        deadline = parse_deadline(row.deadline)
        texts = row.texts()
        title = texts[0] if texts else ""
        number = f"{row.number} " if row.number else ""
        for start, end in occurrences(deadline, horizon):
            lines = [f"Срок: {row.deadline}"]
            if row.responsible:
                lines.append(f"Ответственные: {row.responsible}")
            if row.result:
                lines.append(f"Результат: {row.result}")
            lines.append(f"Этап: {stage.heading}")
            if len(texts) > 1:
                lines.append("")
                lines.extend(texts[1:])
            events.append({
                "summary": f"{number}{title}",
                "description": "\n".join(lines),
                "category": stage.heading,
                "start": start,
                "end": end,
                "uid": _uid(roadmap.title, stage.heading, number, title, start),
            })
    return events


def _calendar_lines(title: str, events: Iterable[dict[str, Any]], stamp: dt.datetime) -> list[str]:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape_text(title)}"]
    for ev in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ev['uid']}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            f"DTSTART;VALUE=DATE:{ev['start']:%Y%m%d}",
            # DTEND of an all-day event is the day after the last one (exclusive)
            f"DTEND;VALUE=DATE:{ev['end'] + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text(ev['summary'])}",
            f"DESCRIPTION:{escape_text(ev['description'])}",
            f"CATEGORIES:{escape_text(ev['category'])}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return lines


def write_roadmap_ics(context: Any, template: str | os.PathLike[str] | None,
                      out: str | os.PathLike[str]) -> Path:
    """Kind writer for ``.ics`` (``template`` is unused: a calendar has no template)."""
    roadmap = context.roadmap
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    lines = _calendar_lines(roadmap.title, roadmap_events(roadmap), stamp)
    data = "".join(fold_line(line) + "\r\n" for line in lines)
    Path(out).write_bytes(data.encode("utf-8"))
    return Path(out)
