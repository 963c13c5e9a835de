"""Enumerations of the domain, each accepting the natural Russian spellings a curator types.

``Gender("ж")``, ``Gender("женский")`` and ``Gender("female")`` are the same member: the
``_missing_`` hook normalises case, spaces and ё, then looks the word up in a table of
aliases kept next to the enum.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any


def normalize_word(value: str) -> str:
    """Lower-case, ``ё`` → ``е``, collapse spaces, unify dashes: the key aliases are looked up by."""
    text = str(value).strip().lower().replace("ё", "е")
    for dash in ("\u2013", "\u2014", "\u2012", "\u2212"):
        text = text.replace(dash, "-")
    text = " ".join(text.split())
    return text.rstrip(".")


class AliasedEnum(StrEnum):
    """A StrEnum that also accepts Russian aliases listed in ``_aliases()``."""

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {}

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return None
        key = normalize_word(value)
        for member in cls:
            if key == member.value:
                return member
        target = cls._aliases().get(key)
        return cls(target) if target else None

    @classmethod
    def spellings(cls) -> list[str]:
        """Every word this enum accepts, normalised: values, aliases and Russian labels."""
        words = [m.value for m in cls] + list(cls._aliases()) + list(cls._labels().values())
        return list(dict.fromkeys(normalize_word(w) for w in words))

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """The canonical values (``enum``, for drop-downs) or any spelling the loader takes
        (``pattern``: Russian words, any case, «ё»; see ``models.schema``)."""
        from .schema import spelling_pattern

        reference = handler(core_schema)
        schema = handler.resolve_ref_schema(reference)
        values = schema.pop("enum", [m.value for m in cls])
        schema.pop("type", None)
        schema["anyOf"] = [{"type": "string", "enum": values},
                           {"type": "string", "pattern": spelling_pattern(cls.spellings())}]
        labels = ", ".join(f"«{w}»" for w in cls.allowed())
        lead = (cls.__doc__ or "").strip().split("\n")[0] if cls.__doc__ else ""
        schema["description"] = (f"{lead} " if lead else "") + (
            f"Значения: {', '.join(values)}; принимаются и русские написания ({labels}) "
            "в любом регистре, с «ё» или «е».")
        return reference

    @classmethod
    def allowed(cls) -> list[str]:
        """The Russian words a curator may type, for error messages and dropdowns."""
        return list(dict.fromkeys(cls._labels().values()))

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {m.value: m.value for m in cls}

    @property
    def label(self) -> str:
        """The Russian word for this member, as written in a registry."""
        return self._labels()[self.value]


class Case(AliasedEnum):
    """Grammatical case (падеж)."""

    NOMINATIVE = "nominative"
    GENITIVE = "genitive"
    DATIVE = "dative"
    ACCUSATIVE = "accusative"
    INSTRUMENTAL = "instrumental"
    PREPOSITIONAL = "prepositional"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "именительный": "nominative", "им": "nominative", "nomn": "nominative",
            "родительный": "genitive", "род": "genitive", "gent": "genitive",
            "дательный": "dative", "дат": "dative", "datv": "dative",
            "винительный": "accusative", "вин": "accusative", "accs": "accusative",
            "творительный": "instrumental", "твор": "instrumental", "ablt": "instrumental",
            "предложный": "prepositional", "пред": "prepositional", "loct": "prepositional",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "nominative": "именительный", "genitive": "родительный", "dative": "дательный",
            "accusative": "винительный", "instrumental": "творительный",
            "prepositional": "предложный",
        }


class Gender(AliasedEnum):
    MALE = "male"
    FEMALE = "female"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "m": "male", "м": "male", "муж": "male", "мужской": "male", "мужчина": "male",
            "f": "female", "ж": "female", "жен": "female", "женский": "female",
            "женщина": "female",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"male": "мужской", "female": "женский"}


class Role(AliasedEnum):
    """A participant's primary role. Actual roles come from the pairs."""

    MENTOR = "mentor"
    MENTEE = "mentee"
    CURATOR = "curator"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "наставник": "mentor", "наставница": "mentor",
            "наставляемый": "mentee", "наставляемая": "mentee", "наставляемые": "mentee",
            "куратор": "curator",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"mentor": "наставник", "mentee": "наставляемый", "curator": "куратор"}


class Category(AliasedEnum):
    PUPIL = "pupil"
    TEACHER = "teacher"
    STUDENT = "student"
    EMPLOYER = "employer"
    OTHER = "other"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "обучающийся": "pupil", "обучающаяся": "pupil", "ученик": "pupil",
            "ученица": "pupil", "учащийся": "pupil", "учащаяся": "pupil",
            "педагог": "teacher", "учитель": "teacher", "педагогический работник": "teacher",
            "воспитатель": "teacher", "преподаватель": "teacher",
            "студент": "student", "студентка": "student",
            "представитель работодателя": "employer", "работодатель": "employer",
            "наставник от работодателя": "employer",
            "другое": "other", "иное": "other", "прочее": "other",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "pupil": "обучающийся", "teacher": "педагог", "student": "студент",
            "employer": "представитель работодателя", "other": "другое",
        }


class PairStatus(AliasedEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "действует": "active", "активна": "active", "активная": "active",
            "в работе": "active", "действующая": "active",
            "завершена": "completed", "завершено": "completed", "завершена в срок": "completed",
            "окончена": "completed",
            "прекращена досрочно": "ended_early", "досрочно прекращена": "ended_early",
            "прекращена": "ended_early", "расторгнута": "ended_early",
            "завершена досрочно": "ended_early",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "active": "действует", "completed": "завершена",
            "ended_early": "прекращена досрочно",
        }


class PairEventKind(AliasedEnum):
    """What happened to a pair on a date (a row of the pair's history)."""

    START = "start"
    MENTOR_CHANGED = "mentor_changed"
    MENTEE_ADDED = "mentee_added"
    MENTEE_REMOVED = "mentee_removed"
    ENDED_EARLY = "ended_early"
    COMPLETED = "completed"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "начало": "start", "начало работы": "start", "создана": "start", "закреплена": "start",
            "смена наставника": "mentor_changed", "замена наставника": "mentor_changed",
            "новый наставник": "mentor_changed",
            "добавлен наставляемый": "mentee_added", "добавлена наставляемая": "mentee_added",
            "включен наставляемый": "mentee_added", "включена наставляемая": "mentee_added",
            "добавлен": "mentee_added", "включен": "mentee_added",
            "выбыл наставляемый": "mentee_removed", "выбыла наставляемая": "mentee_removed",
            "исключен наставляемый": "mentee_removed", "исключена наставляемая": "mentee_removed",
            "выбыл": "mentee_removed", "выбыла": "mentee_removed",
            "прекращена досрочно": "ended_early", "досрочное прекращение": "ended_early",
            "досрочно прекращена": "ended_early", "прекращена": "ended_early",
            "завершена досрочно": "ended_early",
            "завершена": "completed", "завершение": "completed", "завершена в срок": "completed",
            "окончена": "completed",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "start": "начало", "mentor_changed": "смена наставника",
            "mentee_added": "добавлен наставляемый", "mentee_removed": "выбыл наставляемый",
            "ended_early": "прекращена досрочно", "completed": "завершена",
        }

    @property
    def is_end(self) -> bool:
        """The pair stops working (completed or ended early)."""
        return self in (PairEventKind.ENDED_EARLY, PairEventKind.COMPLETED)


class Comparison(AliasedEnum):
    AT_LEAST = "не менее"
    AT_MOST = "не более"
    EQUAL = "равно"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {">=": "не менее", "≥": "не менее", "at_least": "не менее",
                "<=": "не более", "≤": "не более", "at_most": "не более",
                "=": "равно", "equal": "равно"}


class OrgKind(AliasedEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    KINDERGARTEN = "kindergarten"
    ADDITIONAL = "additional"
    CENTRE = "centre"
    AUTHORITY = "authority"

    @classmethod
    def _aliases(cls) -> dict[str, str]:
        return {
            "школа": "school", "общеобразовательная организация": "school",
            "колледж": "college", "техникум": "college",
            "профессиональная образовательная организация": "college",
            "детский сад": "kindergarten", "доо": "kindergarten",
            "дополнительное образование": "additional", "удо": "additional",
            "центр": "centre", "орган управления образованием": "authority",
            "управление образования": "authority",
        }

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "school": "школа", "college": "колледж", "kindergarten": "детский сад",
            "additional": "дополнительное образование", "centre": "центр",
            "authority": "управление образования",
        }
