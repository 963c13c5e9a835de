"""Posts in cases: inflect the head noun and the adjectives before it, nothing else.

«Заместитель директора по учебно-воспитательной работе» → «Заместителю директора по
учебно-воспитательной работе»; «Педагог-психолог» → «Педагогу-психологу»; «Заведующий
библиотекой» for a woman → «Заведующей библиотекой». pymorphy3 inflects single words (their
readings come from :mod:`._lexicon`: the common words of posts and titles from a committed
table, any other from pymorphy3); the phrase logic (which words are the head group) is
written here because no library does it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import Case, Gender
from ._lexicon import Reading, word
from ._morph import match_case
from ._names import as_case, as_gender

#: pymorphy3 case grammemes.
CASE_TAGS = {
    Case.NOMINATIVE: "nomn", Case.GENITIVE: "gent", Case.DATIVE: "datv",
    Case.ACCUSATIVE: "accs", Case.INSTRUMENTAL: "ablt", Case.PREPOSITIONAL: "loct",
}
_QUOTES = "«\"„“'‘"


def _stops(text: str) -> bool:
    """A word that ends the head group: «и.о.», a quoted name, a number, an abbreviation."""
    if not text or "." in text or text[0] in _QUOTES or any(ch.isdigit() for ch in text):
        return True
    letters = text.replace("-", "")
    if not letters.isalpha():
        return True
    # an ALL-CAPS word is an abbreviation unless the dictionary knows it (ДИРЕКТОРУ)
    return len(letters) > 1 and letters.isupper() and not word(letters.lower()).known


def _pieces(text: str, adjective: bool) -> list[Reading | None] | None:
    """Readings (as an adjective or as a noun) of each hyphen piece that inflects, None
    for pieces that stay.

    Compound nouns («педагог-психолог») inflect every piece; compound adjectives
    («учебно-воспитательный», «научно-методический») inflect only the last one.
    """
    pieces = text.split("-")
    last = _reading(pieces[-1], adjective)
    if last is None:
        return None
    result = [_reading(p, adjective) for p in pieces[:-1]] + [last]
    if not adjective and None in result[:-1]:
        return None
    return result


def _reading(text: str, adjective: bool) -> Reading | None:
    """The best singular nominative reading of a word as an adjective or as a noun."""
    found = word(text.lower())
    return found.adjective if adjective else found.noun


def _inflect(reading: Reading, case: Case, gender: str | None, animate: bool) -> str:
    """One word (a reading) in ``case``; ``gender`` re-genders adjectives (заведующая)."""
    tag = CASE_TAGS[case]
    word_gender = gender or reading.gender or "masc"
    if case is Case.ACCUSATIVE and word_gender == "masc" and animate:
        # A masculine animate accusative equals the genitive; done here because pymorphy3
        # guesses unknown posts such as «тьютор» as inanimate.
        tag = "gent"
    return reading.form(tag, word_gender)


def _head_group(words: list[str]) -> tuple[list[tuple[int, list[Reading | None]]], bool]:
    """Indices and readings of the words to inflect, and whether the head is an adjective."""
    group: list[tuple[int, list[Reading | None]]] = []
    for i, text in enumerate(words):
        if _stops(text):
            break
        adj = _pieces(text, True)
        noun = _pieces(text, False)
        following = words[i + 1] if i + 1 < len(words) else ""
        next_agrees = bool(following) and not _stops(following) and (
            _pieces(following, False) is not None or _pieces(following, True) is not None
        )
        if adj is not None and (noun is None or next_agrees):
            group.append((i, adj))
            continue
        if noun is not None:
            group.append((i, noun))
            return group, False
        break
    # No noun: the last adjective is substantivised (заведующий, ведущий, обучающийся).
    return group, bool(group)


def _head(group: list[tuple[int, list[Reading | None]]]) -> Reading:
    """The reading of the head: the last piece of the group's last word, which
    :func:`_pieces` never leaves without a reading."""
    reading = group[-1][1][-1]
    assert reading is not None
    return reading


_SPLIT = re.compile(r"(\s+)")


def _is_animate(head: Reading) -> bool:
    """Animate unless the dictionary knows the head noun as inanimate (план, порядок)."""
    return head.adjective or head.animate or not head.known


def _segments(post: str) -> list[str]:
    """Split «учитель математики, классный руководитель 5 «А» класса» at commas outside quotes."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(post):
        if ch in "«„":
            depth += 1
        elif ch in "»“" and depth:
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(post[start:i])
            start = i
    parts.append(post[start:])
    return parts


@lru_cache(maxsize=16384)
def _decline_post(post: str, case: Case, gender: Gender | None, animate: bool | None) -> str:
    first, *rest = _segments(post)
    out = [_decline_segment(first, case, gender, animate)]
    for segment in rest:
        # A further post after a comma declines too («учителю, классному руководителю»);
        # a segment whose head is not a person («…, обществознания») stays as written.
        body = segment[1:]
        group, _adjective = _head_group(_SPLIT.split(body.strip())[0::2])
        head = _head(group) if group else None
        person = head is not None and (head.animate or head.adjective)
        out.append("," + _decline_segment(body, case, gender, animate) if person else segment)
    return "".join(out)


def _decline_segment(post: str, case: Case, gender: Gender | None, animate: bool | None) -> str:
    lead = post[: len(post) - len(post.lstrip())]
    tokens = _SPLIT.split(post.strip())
    words = tokens[0::2]
    group, adjective_head = _head_group(words)
    if not group:
        return post
    # The holder's gender matters only when the head is a substantivised adjective
    # (заведующий → заведующая); adjectives before a noun agree with that noun.
    if adjective_head and gender is not None:
        target = "femn" if gender is Gender.FEMALE else "masc"
    elif adjective_head:
        target = None
    else:
        head_gender = _head(group).gender
        target = head_gender if head_gender in ("masc", "femn", "neut") else "masc"
    if animate is None:
        animate = _is_animate(_head(group))
    for index, piece_readings in group:
        pieces = words[index].split("-")
        new = [
            p if reading is None else match_case(p, _inflect(reading, case, target, animate))
            for p, reading in zip(pieces, piece_readings)
        ]
        words[index] = "-".join(new)
    tokens[0::2] = words
    return lead + "".join(tokens)


def decline_post(
    post: str, case: Case | str, gender: Gender | str | None = None, *,
    animate: bool | None = None,
) -> str:
    """A post in ``case``, keeping the given capitalisation.

    Only the head noun and the adjectives before it change; a word with a dot («и.о.»),
    a quoted name, a number or an abbreviation ends the inflected part. ``gender`` (the
    holder's) matters for substantivised adjectives: «заведующий» → «заведующей» for a
    woman. ``animate`` decides the masculine accusative (директора / план); by default a
    head noun counts as animate unless pymorphy3's dictionary knows it as inanimate, so
    the function also serves noun phrases such as «План мероприятий». An empty post
    gives "".
    """
    if not post:
        return ""
    case = as_case(case)
    g = as_gender(gender)
    if case is Case.NOMINATIVE and g is None:
        return post
    return _decline_post(post.strip(), case, g, animate)
