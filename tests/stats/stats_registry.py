"""A hand-built registry whose every figure of the coverage table is known (see EXPECTED).

People (ages on the reporting date 31.08.2025):
  t1 teacher, 55, mentor of pairs 1 and 9;   t2 teacher, young (25, 2 years), mentee in 1 AND mentor in 2;
  t3 teacher, 40, 1 year (not young);        t4 teacher, young (26, 0.7 years);
  t5 teacher, experience unknown;            d1 teacher, «Директор», mentor of 3;
  p1 pupil 13;  p2 pupil 9 (10 only on 01.09.2025);  p3 pupil 16, mentor;  p5 pupil 14, mentor replaced;
  p6 pupil 18, mentor after the change;  p7 pupil 19 (born 31.08.2006);  p8 pupil, birth date unknown;
  s1 student;  e1 employer, mentor;  o1 «другое», mentor;  p4 pupil only in a pair of 2022.
"""

from __future__ import annotations

from datetime import date

from nastavnik_docs.models import Pair, Participant, Registry
from nastavnik_docs.stats import ReportingPeriod, Totals

YEAR = ReportingPeriod.school_year(2024)
TOTALS = Totals(pupils=70, students=10, teachers=20, young_specialists=4, pupils_10_19=40, pupils_15_19=25)


def person(pid: str, category: str, born: date | None = None, **extra) -> Participant:
    return Participant(id=pid, last_name=f"Фамилия{pid}", first_name="Имя", category=category, birth_date=born,
                       **extra)


def hand_built() -> Registry:
    people = [
        person("t1", "педагог", date(1970, 1, 1), experience_years=25, experience_as_of=date(2024, 9, 1)),
        person("t2", "педагог", date(2000, 1, 1), experience_since=date(2023, 9, 1)),
        person("t3", "педагог", date(1985, 5, 5), experience_since=date(2024, 9, 1)),
        person("t4", "педагог", date(1999, 3, 3), experience_since=date(2025, 1, 1)),
        person("t5", "педагог", date(1998, 2, 2)),
        person("d1", "педагог", date(1968, 4, 4), post="Директор", experience_years=30),
        person("p1", "обучающийся", date(2012, 6, 1)), person("p2", "обучающийся", date(2015, 9, 1)),
        person("p3", "обучающийся", date(2009, 1, 1)), person("p4", "обучающийся", date(2008, 1, 1)),
        person("p5", "обучающийся", date(2011, 1, 1)), person("p6", "обучающийся", date(2006, 9, 1)),
        person("p7", "обучающийся", date(2006, 8, 31)), person("p8", "обучающийся"),
        person("s1", "студент", date(2005, 5, 5)), person("e1", "работодатель"), person("o1", "другое"),
    ]

    def pair(pid: str, mentor: str, mentees: list[str], start: date, end: date, **extra) -> Pair:
        return Pair(id=pid, mentor=mentor, mentees=mentees, start=start, end=end, **extra)

    pairs = [
        pair("1", "t1", ["t2"], date(2024, 9, 1), date(2025, 5, 31), pair_type="учитель – учитель",
             status="завершена"),
        pair("2", "t2", ["p1", "p2"], date(2024, 10, 1), date(2025, 5, 25), format="групповое"),
        pair("3", "d1", ["t3", "t4"], date(2024, 9, 1), date(2025, 2, 3), format="виртуальное",
             status="прекращена досрочно", end_reason="перевод наставника в другую организацию"),
        pair("4", "p3", ["p1"], date(2024, 9, 15), date(2025, 8, 31), form="ученик – ученик"),
        pair("5", "e1", ["s1"], date(2024, 9, 1), date(2025, 3, 1), status="прекращена досрочно",
             end_reason="переезд студента"),
        pair("6", "t1", ["p4"], date(2022, 9, 1), date(2023, 5, 31), status="завершена"),
        pair("7", "p6", ["p7"], date(2024, 9, 1), date(2025, 6, 30), format="проектное",
             history=[{"date": "2025-01-10", "kind": "смена наставника", "previous_mentor": "p5",
                       "new_mentor": "p6"}]),
        pair("8", "o1", ["p8"], date(2024, 11, 1), date(2025, 4, 30)),
        pair("9", "t1", ["t5"], date(2025, 1, 15), date(2025, 6, 15), pair_type="учитель – учитель",
             format="групповое", status="завершена"),
    ]
    return Registry(participants=people, pairs=pairs, formats=[{"title": "проектное"}])


#: Every figure of the table for ``hand_built()`` over ``YEAR`` with ``TOTALS``:
#: code -> (graph 3, graph 4, graph 5).
EXPECTED: dict[str, tuple] = {
    "01": (16, None, None), "02": (7, 70, "10.0"), "03": (1, 10, "10.0"), "04": (6, 20, "30.0"),
    "05": (1, None, None), "06": (1, None, None),
    "07": (9, None, None), "08": (4, None, None), "09": (2, 40, "5.0"), "10": (1, None, None),
    "11": (4, None, None), "12": (2, 4, "50.0"), "13": (0, None, None),
    "14": (8, None, None), "15": (3, None, None), "16": (2, 25, "8.0"), "17": (0, None, None),
    "18": (3, None, None), "19": (1, None, None), "20": (1, None, None),
    "21": (8, None, None), "22": (2, None, None), "23": (1, None, None), "24": (5, None, None),
    "25": (2, 8, "25.0"),
    # section 3, pair types: pairs, mentors, mentees
    "30": (8, 8, 9), "31": (2, 3, 2), "32": (2, 1, 2), "33": (0, 0, 0), "34": (0, 0, 0), "35": (1, 1, 1),
    "36": (1, 1, 2), "37": (1, 1, 2), "39": (1, 1, 1),
    # section 4, formats
    "40": (8, 8, 9), "41": (4, 4, 4), "42": (2, 2, 3), "43": (0, 0, 0), "44": (1, 1, 2), "45": (0, 0, 0),
    "46": (0, 0, 0), "47": (0, 0, 0), "48": (0, 0, 0), "49": (0, 0, 0), "50": (0, 0, 0), "59": (1, 2, 1),
}
