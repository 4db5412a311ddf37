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
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import bench_check
import generate_province as gen
import pytest
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from portal import privacy
from portal import text as portal_text
from portal.checks import NAMESAKES_SHOWN
from portal.load import load
from portal.problems import Problem
from portal.text import normalize

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



# Shortcuts of the check's hot loops must give what the long way gives.


def _normalized_the_long_way(text: str) -> str:
    """text.normalize without its shortcut: every text through NFD and back."""
    decomposed = unicodedata.normalize("NFD", text)
    decomposed = portal_text._OLD_STYLE_UY.sub(r"\1\3\2", portal_text._OLD_STYLE_OA_OE.sub(r"\1\3\2", decomposed))
    return " ".join(unicodedata.normalize("NFC", decomposed).translate(portal_text._DASHES).split())


def test_the_toned_letters_of_the_normalize_shortcut_are_all_of_unicodes() -> None:
    """Every character whose NFD is a, e or y and a tone mark, and more, is a Latin letter it reads."""
    latin = set(portal_text._LATIN_LETTERS)
    toned = [c for c in map(chr, range(sys.maxunicode + 1)) if len(d := unicodedata.normalize("NFD", c)) > 1
             and d[0] in "aAeEyY" and d[1] in portal_text._TONES]
    assert toned and all(ord(c) in latin for c in toned), toned


_VIETNAMESE_NAMES = [name for name, _ in (*gen.FAMILY_NAMES, *gen.MIDDLE_MALE, *gen.MIDDLE_FEMALE)] + \
    gen.GIVEN_MALE + gen.GIVEN_FEMALE
# Letters and marks around old-style tones: o, u, q before a, e, y toned in NFC or with separate
# marks, a dot below before a circumflex ("ặ"), closed syllables, dashes and spaces of any kind.
_NAME_PARTS = [*"oOuUqQaAeEyYhHnNgGt -–‑\u00a0\t", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "\u0302",
               "\u0306", "\u031b", *"àáảãạÀẠèéẻẽẹÉỳýỷỹỵÝặậệẶăâêôơưđĐ²1", "Hoà", "Thuỷ", "khoẻ", "Quý", "Hoàng"]


@settings(max_examples=examples(2000))
@given(st.lists(st.sampled_from(_NAME_PARTS), max_size=8).map("".join))
def test_normalize_takes_its_shortcut_only_where_the_long_way_changes_nothing(written: str) -> None:
    assert normalize(written) == _normalized_the_long_way(written)


def test_every_name_of_the_benchmark_normalizes_as_the_long_way_does() -> None:
    """Each name, and an old-style one after it, in NFC and NFD, with what a clerk may type next."""
    for name in _VIETNAMESE_NAMES:
        for after in ("", " ", "1", "²", "_", "-", "ng", "\u0302", "ò"):
            for written in (name + after, f"Hoà{after} {name}{after}", f"{name} Thuỷ{after}"):
                for form in ("NFC", "NFD"):
                    typed = unicodedata.normalize(form, written)
                    assert normalize(typed) == _normalized_the_long_way(typed), typed


def test_a_load_searches_each_text_for_a_contact_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check of public texts and the redaction ask privacy.may_hold_contact of the same names
    and ids: a load's ContactHints searches each text once. A text with a sign of a contact is
    searched again by what finds the contact in it (find_contacts, the redactor), as before."""
    searched: Counter[str] = Counter()
    search = privacy.may_hold_contact

    def counted(text: str) -> bool:
        searched[text] += 1
        return search(text)

    monkeypatch.setattr(privacy, "may_hold_contact", counted)
    _, problems = load(messy_data(tmp_path, SMALL))
    assert problems and searched  # the privacy scan ran, on data with a phone that is nobody's
    again = {text: count for text, count in searched.items() if count > 1 and not search(text)}
    assert not again
