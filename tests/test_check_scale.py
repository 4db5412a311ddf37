"""The check is linear: four times the people cost four times the work, with messy input too.

Not a timed test (the machine is shared): the work is counted. cProfile counts every call
of every function, Python's and the C ones it makes (regex searches, dict lookups through
methods, phonenumbers, jsonschema, difflib); `load()` runs on the benchmark's province
office (scripts/bench_check.py) at two sizes, with what a clerk's file brings besides in
proportion: ids that are not slugs, names YAML reads as numbers, misspelt fields, invisible
characters, a phone number that is nobody's, namesakes, duplicate ids, members who are
not in the people file. Any step whose calls grow faster than the data (a pair of loops
over people, a search of a list per reference, a hint for every unknown id) fails here,
named, with its counts. The figures of the time and memory are in docs/benchmarks.md.
"""

from __future__ import annotations

import cProfile
import pstats
from collections import Counter
from pathlib import Path

import bench_check

from portal.checks import NAMESAKES_SHOWN
from portal.load import load
from portal.problems import Problem

# The smallest size that still shows every step: a multiple of 50 (the faults come per 50
# people), with more unknown members (one per person) than the 200 that get a hint.
SMALL = 250
FACTOR = 4
# A step may cost a constant besides (compiling a schema, loading phonenumbers' metadata).
SLACK = 300


def messy_data(root: Path, people: int) -> Path:
    """The benchmark's data folder with, per 50 people, a school written wrong in each way and
    people who are trouble (a phone that is nobody's, namesakes), and a body whose members are
    not in the people file, one for every person. (The people are all built: with one
    left out, the privacy check waits for the next run, and it is one of the steps counted.)"""
    written = bench_check.write_data(root, people, seed=7)
    office = bench_check.OFFICE
    some = range(people // 50)
    files = {kind: written.data_dir / f"{kind}/{office}.yml" for kind in ("schools", "people")}
    first_id = "sh-" + files["people"].read_text(encoding="utf-8").split("- id: sh-", 1)[1].split("\n", 1)[0]
    schools = "".join(
        f"- id: Trường Sai {i}\n  name: THCS Sai\n  level: THCS\n"  # not a slug
        f"- id: sh-kieu-so-{i}\n  name: 1{i:04d}\n  level: THCS\n"  # YAML reads a number
        f"- id: sh-sai-truong-{i}\n  name: THCS Trường\n  levle: THCS\n"  # a misspelt field
        f"- id: sh-ky-tu-an-{i}\n  name: \"THCS Lê\\u200bLợi\"\n  level: THCS\n"  # an invisible character
        for i in some)
    people_too = "".join(
        f"- id: sh-so-la-{i}\n  name: Phạm Thị Lạ Số {i}\n  note: \"Gọi 0912 {i:03d} {i:03d}\"\n"  # nobody's phone
        f"- id: sh-trung-ten-{i}-a\n  name: Trùng Tên Số {i}\n- id: sh-trung-ten-{i}-b\n  name: Trùng Tên Số {i}\n"
        for i in some) + f"- id: {first_id}\n  name: Người Trùng Mã\n"
    for kind, text in (("schools", schools), ("people", people_too)):
        with files[kind].open("a", encoding="utf-8") as file:
            file.write(text)
    # More than the 200 unknown ids that get a "did you mean" hint (each compared with every
    # known id): past them, an unknown id costs a lookup.
    members = "".join(f"  - person: sh-khong-co-nguoi-nay-{i}\n    role: uy-vien\n" for i in range(people))
    with (written.data_dir / f"years/{bench_check.YEAR}-{bench_check.YEAR + 1}/{office}.yml").open(
            "a", encoding="utf-8") as file:
        file.write(f"- id: sh-nhom-sai\n  kind: to-mang-luoi\n  name: Tổ sai\n  decision: sh-{bench_check.YEAR}-"
                   f"qd-cum\n  members:\n  - person: {first_id}\n    role: to-truong\n{members}")
    return written.data_dir


def counted_load(data_dir: Path) -> tuple[Counter[str], list[Problem]]:
    """The calls of each function during load(), and the problems found."""
    profiler = cProfile.Profile()
    _, problems = profiler.runcall(load, data_dir)
    stats = pstats.Stats(profiler)
    calls: Counter[str] = Counter()
    for (file, line, function), (_, total, *_) in stats.stats.items():  # type: ignore[attr-defined]
        calls[f"{Path(file).name}:{line}({function})"] += total
    return calls, problems


def test_four_times_the_people_is_four_times_the_work(tmp_path: Path) -> None:
    small_calls, small_problems = counted_load(messy_data(tmp_path / "small", SMALL))
    big_calls, big_problems = counted_load(messy_data(tmp_path / "big", SMALL * FACTOR))

    # The mess was read and reported, in proportion: each kind of fault, 4 times as often.
    def kinds(problems: list[Problem]) -> Counter[str]:
        return Counter(p.message.split("'")[0] for p in problems)

    small_kinds, big_kinds = kinds(small_problems), kinds(big_problems)
    assert len(small_kinds) >= 8, small_kinds
    for kind, count in small_kinds.items():  # the one duplicate id is one at either size
        assert big_kinds[kind] == FACTOR * count or big_kinds[kind] == count == 1, (kind, count, big_kinds[kind])

    assert_linear(small_calls, big_calls, f"{SMALL} and {SMALL * FACTOR} people")


def assert_linear(small_calls: Counter[str], big_calls: Counter[str], sizes: str) -> None:
    """No function called more than FACTOR times as often (and a constant) on the big input."""
    superlinear = {name: (small_calls[name], count) for name, count in big_calls.items()
                   if count > FACTOR * 1.1 * small_calls[name] + SLACK}
    assert not superlinear, f"calls at {sizes}: {superlinear}"
    total_small, total_big = sum(small_calls.values()), sum(big_calls.values())
    assert total_big <= FACTOR * total_small * 1.05, (total_small, total_big)


def test_many_people_of_one_name_are_one_warning_and_proportionate_work(tmp_path: Path) -> None:
    """A province has hundreds of "Nguyễn Thị Hương": one warning names them (a warning per
    pair was 4,950 of them for 100 people, 79,800 for 400, and gigabytes at a province)."""
    name = "Nguyễn Thị Cùng Tên"

    def data(root: Path, namesakes: int) -> Path:
        written = bench_check.write_data(root, SMALL, seed=7)
        with (written.data_dir / f"people/{bench_check.OFFICE}.yml").open("a", encoding="utf-8") as file:
            file.write("".join(f"- id: sh-cung-ten-{i}\n  name: {name}\n" for i in range(namesakes)))
        return written.data_dir

    small_calls, small_problems = counted_load(data(tmp_path / "small", 100))
    big_calls, big_problems = counted_load(data(tmp_path / "big", 100 * FACTOR))
    for problems, namesakes in ((small_problems, 100), (big_problems, 100 * FACTOR)):
        [warning] = [p for p in problems if name in p.message]
        assert warning.severity == "warning"
        assert warning.message.startswith(f"{namesakes} người tên '{name}' chưa được ghi là những người khác nhau: "
                                          f"'{name}' (sh-cung-ten-0, data/people/")
        assert warning.message.endswith(f"và {namesakes - NAMESAKES_SHOWN} người khác: có thể có người được ghi hai "
                                        "lần.")
    assert_linear(small_calls, big_calls, f"100 and {100 * FACTOR} people of one name")

