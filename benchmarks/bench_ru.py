"""Benchmark of the Russian layer (not a test: prints figures).

    python benchmarks/bench_ru.py [--people 10000]

Prints the start-up cost (first calls, including loading pytrovich's rules and pymorphy3's
dictionaries), the time per full name in one case over N generated names (cold caches and
warm), the cost of declining a registry of N participants for a certificate batch, and
the ratio against a baseline run in the same process: plain pytrovich calls (three parts
per name) with the gender given, i.e. what the layer adds on top of its main library.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

_T0 = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nastavnik_docs.ru import decline_name, decline_post, person_forms  # noqa: E402

_T_IMPORT = time.perf_counter()
decline_name("Иванова Мария Петровна", "dative")
_T_NAME = time.perf_counter()
decline_post("заместитель директора по учебно-воспитательной работе", "dative")
_T_POST = time.perf_counter()

from nastavnik_docs.models import Gender, Participant  # noqa: E402
from nastavnik_docs.ru import _names, _posts  # noqa: E402

ROOTS = [
    "Иван", "Петр", "Сидор", "Кузнец", "Смирн", "Соколь", "Лебед", "Козл", "Новик", "Мороз",
    "Волк", "Зайц", "Павл", "Семен", "Голуб", "Виноград", "Богдан", "Ворон", "Медвед", "Фед",
    "Алекс", "Андре", "Борис", "Григор", "Дмитри", "Егор", "Жук", "Захар", "Илларион", "Карп",
    "Латыш", "Макар", "Никит", "Орл", "Полян", "Родион", "Савель", "Тимоф", "Ульян", "Филипп",
    "Харит", "Цвет", "Чернышев", "Шишк", "Щерб", "Юдин", "Яковл", "Абрам", "Белоус", "Горб",
]
MALE_ENDINGS = ["ов", "ин", "ский", "енко", "ук", "ых", "ич", "ев"]
FEMALE_ENDINGS = ["ова", "ина", "ская", "енко", "ук", "ых", "ич", "ева"]
MALE_FIRST = ["Александр", "Дмитрий", "Максим", "Сергей", "Андрей", "Алексей", "Артём", "Илья",
              "Кирилл", "Михаил", "Никита", "Матвей", "Роман", "Егор", "Лев", "Пётр", "Павел"]
FEMALE_FIRST = ["Анастасия", "Мария", "Анна", "Виктория", "Екатерина", "Наталья", "Ольга",
                "Юлия", "Дарья", "Елена", "Любовь", "Адель", "Алёна", "Софья", "Ирина"]
FATHERS = ["Александров", "Сергеев", "Андреев", "Иванов", "Петров", "Николаев", "Павлов",
           "Михайлов", "Владимиров", "Юрьев", "Ильин", "Фомин"]
POSTS = ["учитель начальных классов", "педагог-психолог", "заведующий библиотекой",
         "заместитель директора по учебно-воспитательной работе", "социальный педагог",
         "учитель математики", "обучающийся 7 «Б» класса", "старший воспитатель"]


def _patronymic(father: str, gender: Gender) -> str:
    if father.endswith("ин"):
        stem = {"Ильин": "Ильинич", "Фомин": "Фомич"}[father]
        return stem + ("на" if gender is Gender.FEMALE else "")
    stem = father[:-2] + ("ев" if father.endswith("ев") else "ов")
    return stem + ("ич" if gender is Gender.MALE else "на")


def make_people(n: int, seed: int = 7) -> list[Participant]:
    rnd = random.Random(seed)
    people = []
    for i in range(n):
        gender = Gender.MALE if rnd.random() < 0.5 else Gender.FEMALE
        endings, firsts = (MALE_ENDINGS, MALE_FIRST) if gender is Gender.MALE else (
            FEMALE_ENDINGS, FEMALE_FIRST)
        last = rnd.choice(ROOTS) + rnd.choice(endings)
        if rnd.random() < 0.05:
            last = f"{last}-{rnd.choice(ROOTS)}{endings[0]}"
        people.append(Participant(
            id=str(i), last_name=last, first_name=rnd.choice(firsts),
            middle_name=_patronymic(rnd.choice(FATHERS), gender),
            gender=gender if rnd.random() < 0.7 else None, post=rnd.choice(POSTS),
        ))
    return people


def clear_caches() -> None:
    _names.clear_caches()
    _posts._decline_post.cache_clear()


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    n = args.people

    print("Start-up (first calls in this process)")
    print(f"  import nastavnik_docs.ru          {1000 * (_T_IMPORT - _T0):8.1f} ms")
    print(f"  first decline_name (pytrovich)    {1000 * (_T_NAME - _T_IMPORT):8.1f} ms")
    print(f"  first decline_post (pymorphy3)    {1000 * (_T_POST - _T_NAME):8.1f} ms")

    people = make_people(n)
    strings = [p.full_name for p in people]
    # The true gender of every generated person (the baseline needs it given).
    truth = [Gender.FEMALE if p.middle_name.endswith("на") else Gender.MALE for p in people]

    from pytrovich.enums import Case as PyCase
    from pytrovich.enums import Gender as PyGender
    from pytrovich.enums import NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    maker = PetrovichDeclinationMaker()
    py_gender = {Gender.MALE: PyGender.MALE, Gender.FEMALE: PyGender.FEMALE}

    def baseline() -> None:
        for p, g in zip(people, truth):
            pg = py_gender[g]
            " ".join((
                maker.make(NamePart.LASTNAME, pg, PyCase.DATIVE, p.last_name),
                maker.make(NamePart.FIRSTNAME, pg, PyCase.DATIVE, p.first_name),
                maker.make(NamePart.MIDDLENAME, pg, PyCase.DATIVE, p.middle_name),
            ))

    def ours_given() -> None:
        for s, g in zip(strings, truth):
            decline_name(s, "dative", g)

    def ours_detected() -> None:
        for s in strings:
            decline_name(s, "dative")

    def registry() -> None:
        for p in people:
            f = person_forms(p)
            f.dative, f.short_dative, f.initials_instrumental, f.post.dative  # noqa: B018

    t_base = timed(baseline)
    clear_caches()
    t_given_cold = timed(ours_given)
    t_given_warm = timed(ours_given)
    clear_caches()
    t_detect_cold = timed(ours_detected)
    clear_caches()
    t_registry_cold = timed(registry)
    t_registry_warm = timed(registry)

    def per(t: float) -> str:
        return f"{1e6 * t / n:8.1f} µs/name  ({t:6.3f} s total)"

    print(f"\nOne case (dative), {n} full names ({len(set(strings))} distinct)")
    print(f"  baseline: plain pytrovich, 3 parts {per(t_base)}")
    print(f"  decline_name, gender given, cold   {per(t_given_cold)}   ratio {t_given_cold / t_base:5.2f}")
    print(f"  decline_name, gender given, warm   {per(t_given_warm)}   ratio {t_given_warm / t_base:5.2f}")
    print(f"  decline_name, gender detected, cold{per(t_detect_cold)}   ratio {t_detect_cold / t_base:5.2f}")
    print(f"\nRegistry of {n} participants: person_forms + dative, short_dative,")
    print("initials_instrumental and post.dative for each (a certificate batch)")
    print(f"  cold caches                        {per(t_registry_cold)}   ratio {t_registry_cold / t_base:5.2f}")
    print(f"  warm caches                        {per(t_registry_warm)}   ratio {t_registry_warm / t_base:5.2f}")
    aim = "met" if t_registry_cold < 1.0 else "NOT met"
    print(f"  aim: under 1 s for the registry    {aim}")


if __name__ == "__main__":
    main()
