"""Posts in cases: inflect the head noun and the adjectives before it, nothing else.

«Заместитель директора по учебно-воспитательной работе» → «Заместителю директора по
учебно-воспитательной работе»; «Педагог-психолог» → «Педагогу-психологу»; «Заведующий
библиотекой» for a woman → «Заведующей библиотекой». pymorphy3 inflects single words; the
phrase logic (which words are the head group) is written here because no library does it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..models import Case, Gender
from ._morph import match_case, parses
from ._names import as_case, as_gender

#: pymorphy3 case grammemes.
CASE_TAGS = {
    Case.NOMINATIVE: "nomn", Case.GENITIVE: "gent", Case.DATIVE: "datv",
    Case.ACCUSATIVE: "accs", Case.INSTRUMENTAL: "ablt", Case.PREPOSITIONAL: "loct",
}
_ADJ = {"ADJF", "PRTF"}
_QUOTES = "«\"„“'‘"


def _stops(word: str) -> bool:
    """A word that ends the head group: «и.о.», a quoted name, a number, an abbreviation."""
    if not word or "." in word or word[0] in _QUOTES or any(ch.isdigit() for ch in word):
        return True
    letters = word.replace("-", "")
    if not letters.isalpha():
        return True
    return len(letters) > 1 and letters.isupper() and not _is_caps_word(letters)


def _is_caps_word(letters: str) -> bool:
    """An ALL-CAPS word pymorphy3 knows from its dictionary (ДИРЕКТОРУ), not an abbreviation."""
    return any(p.is_known and "Abbr" not in p.tag for p in parses(letters.lower()))


def _nominative(word: str, pos: set[str]) -> Any | None:
    """The best singular nominative dictionary parse of ``word`` with a POS in ``pos``."""
    found = [
        p for p in parses(word.lower())
        if p.tag.POS in pos and p.tag.case == "nomn" and p.tag.number != "plur"
        and "Abbr" not in p.tag and "Name" not in p.tag and "Surn" not in p.tag
    ]
    if not found:
        return None
    found.sort(key=lambda p: ("anim" not in p.tag, -p.score))
    return found[0]


def _pieces(word: str, pos: set[str]) -> list[Any | None] | None:
    """Parses of each hyphen piece that inflects, None for pieces that stay.

    Compound nouns («педагог-психолог») inflect every piece; compound adjectives
    («учебно-воспитательный», «научно-методический») inflect only the last one.
    """
    pieces = word.split("-")
    last = _nominative(pieces[-1], pos)
    if last is None:
        return None
    result: list[Any | None] = [_nominative(p, pos) for p in pieces[:-1]] + [last]
    if pos == {"NOUN"} and None in result[:-1]:
        return None
    return result


def _inflect(parse: Any, case: Case, gender: str | None, animate: bool) -> str:
    """One word (a parse) in ``case``; ``gender`` re-genders adjectives (заведующая)."""
    tag = CASE_TAGS[case]
    is_adj = parse.tag.POS in _ADJ
    word_gender = gender or parse.tag.gender or "masc"
    if case is Case.ACCUSATIVE and word_gender == "masc" and animate:
        # A masculine animate accusative equals the genitive; done here because pymorphy3
        # guesses unknown posts such as «тьютор» as inanimate.
        tag = "gent"
    grammemes = {tag, "sing"} | ({word_gender} if is_adj else set())
    inflected = parse.inflect(grammemes)
    if inflected is None and is_adj:
        inflected = parse.inflect({tag, "sing"})
    return inflected.word if inflected is not None else parse.word


def _head_group(words: list[str]) -> tuple[list[tuple[int, list[Any | None]]], bool]:
    """Indices and parses of the words to inflect, and whether the head is an adjective."""
    group: list[tuple[int, list[Any | None]]] = []
    for i, word in enumerate(words):
        if _stops(word):
            break
        adj = _pieces(word, _ADJ)
        noun = _pieces(word, {"NOUN"})
        following = words[i + 1] if i + 1 < len(words) else ""
        next_agrees = bool(following) and not _stops(following) and (
            _pieces(following, {"NOUN"}) is not None or _pieces(following, _ADJ) is not None
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


def _head(group: list[tuple[int, list[Any | None]]]) -> Any:
    """The parse of the head: the last piece of the group's last word, which
    :func:`_pieces` never leaves without a parse."""
    parse = group[-1][1][-1]
    assert parse is not None
    return parse


_SPLIT = re.compile(r"(\s+)")


def _is_animate(head: Any) -> bool:
    """Animate unless the dictionary knows the head noun as inanimate (план, порядок)."""
    return head.tag.POS in _ADJ or "anim" in head.tag or not head.is_known


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
        person = head is not None and ("anim" in head.tag or head.tag.POS in _ADJ)
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
        head_parse = _head(group)
        target = head_parse.tag.gender if head_parse.tag.gender in ("masc", "femn", "neut") else "masc"
    if animate is None:
        animate = _is_animate(_head(group))
    for index, piece_parses in group:
        pieces = words[index].split("-")
        new = [
            p if parse is None else match_case(p, _inflect(parse, case, target, animate))
            for p, parse in zip(pieces, piece_parses)
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
