"""Russian language layer: names and posts in cases, dates, numbers, money, agreement, typography,
and the small phrases and text shaping sentences are composed with: lists of people with
their appositions closed, one or many, titles and forms of mentoring in cases, the no-break
spaces and soft hyphens a finished document needs, and the words of phrase templates that
agree with one man, one woman or several people (``agree_with``).

Templates never think about grammar: context builders put ``person_forms(...)`` objects
and strings made here into the context. pytrovich declines names, pymorphy3 posts and
counted nouns, num2words spells numbers, the month names are CLDR's; this package adds the
corrections and guards documents need (see each private module).
"""

from ._agree import agree, noun_gender
from ._agreement import AGREEMENTS, Agreement, agree_with, agreeing_words, agreement, inflect_agreeing
from ._binding import SOFT_HYPHEN, bind_words, soft_hyphens
from ._classes import SchoolClass, school_class
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
from ._lists import by_count, close_apposition, has_apposition, join_appositions
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
from ._phrases import (
    approved_word,
    class_genitive,
    gendered,
    period_text,
    polite_greeting,
    pupil_text,
    school_year_of,
)
from ._posts import decline_post
from ._text import (
    BLANK_LINE,
    BLANK_SHORT,
    join_and,
    lower_first,
    sentence,
    stop,
    sub_items,
    upper_first,
    with_preposition,
)
from ._titles import agreeing, decline_title, form_phrase, forms_phrase
from ._typography import typograph

NBSP = "\u00a0"

__all__ = [
    "AGREEMENTS",
    "Agreement",
    "BLANK_DATE_LONG",
    "BLANK_DATE_NUMERIC",
    "BLANK_DATE_QUOTED",
    "BLANK_LINE",
    "BLANK_MONEY",
    "BLANK_MONTH_YEAR",
    "BLANK_NAME",
    "BLANK_NUMBER",
    "BLANK_SHORT",
    "BLANK_YEAR",
    "NBSP",
    "PersonForms",
    "PostForms",
    "SOFT_HYPHEN",
    "SchoolClass",
    "agree",
    "agree_with",
    "agreeing",
    "agreeing_words",
    "agreement",
    "approved_word",
    "bind_words",
    "by_count",
    "class_genitive",
    "close_apposition",
    "decline_name",
    "decline_post",
    "decline_title",
    "detect_gender",
    "form_phrase",
    "format_date",
    "format_month_range",
    "format_number",
    "format_percent",
    "format_school_year",
    "forms_phrase",
    "gendered",
    "has_apposition",
    "inflect_agreeing",
    "initials_name",
    "jinja_filters",
    "join_and",
    "join_appositions",
    "lower_first",
    "money_in_words",
    "noun_gender",
    "number_in_words",
    "ordinal_in_words",
    "period_text",
    "person_forms",
    "polite_greeting",
    "pupil_text",
    "school_class",
    "school_year_of",
    "sentence",
    "short_name",
    "soft_hyphens",
    "split_full_name",
    "stop",
    "sub_items",
    "typograph",
    "upper_first",
    "with_preposition",
]
