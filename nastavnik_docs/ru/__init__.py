"""Russian language layer: names and posts in cases, dates, numbers, money, agreement, typography.

Templates never think about grammar: context builders put ``person_forms(...)`` objects
and strings made here into the context. pytrovich declines names, pymorphy3 posts and
counted nouns, babel names the months, num2words spells numbers; this package adds the
corrections and guards documents need (see each private module).
"""

from ._agree import agree, noun_gender
from ._dates import (
    BLANK_DATE_LONG,
    BLANK_DATE_NUMERIC,
    BLANK_DATE_QUOTED,
    BLANK_MONTH_YEAR,
    BLANK_YEAR,
    format_date,
    format_month_range,
    format_school_year,
)
from ._filters import BLANK_NAME, jinja_filters
from ._forms import PersonForms, PostForms, person_forms
from ._names import decline_name, detect_gender, initials_name, short_name, split_full_name
from ._numbers import (
    BLANK_MONEY,
    BLANK_NUMBER,
    format_number,
    format_percent,
    money_in_words,
    number_in_words,
    ordinal_in_words,
)
from ._posts import decline_post
from ._typography import typograph

NBSP = "\u00a0"

__all__ = [
    "BLANK_DATE_LONG",
    "BLANK_DATE_NUMERIC",
    "BLANK_DATE_QUOTED",
    "BLANK_MONEY",
    "BLANK_MONTH_YEAR",
    "BLANK_NAME",
    "BLANK_NUMBER",
    "BLANK_YEAR",
    "NBSP",
    "PersonForms",
    "PostForms",
    "agree",
    "decline_name",
    "decline_post",
    "detect_gender",
    "format_date",
    "format_month_range",
    "format_number",
    "format_percent",
    "format_school_year",
    "initials_name",
    "jinja_filters",
    "money_in_words",
    "noun_gender",
    "number_in_words",
    "ordinal_in_words",
    "person_forms",
    "short_name",
    "split_full_name",
    "typograph",
]
