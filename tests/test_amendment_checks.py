"""Amending decisions (`amendments:` of a body): the list on any date, and every check of them.

The year file is written by hand here, as a clerk types it from the amending decision
(flow mappings, comments, amendments out of date order), so that every message is
checked with the line and the key path the clerk sees.
"""

from __future__ import annotations

import datetime

import pytest

from conftest import Dataset, load, load_or_raise
from portal import terms
from portal.dates import SchoolYear
from portal.problems import Problem

YEAR = "data/years/2024-2025/pgddt-a.yml"
Y2024 = SchoolYear(2024)

HEAD = """\
school_year: 2024-2025
office: pgddt-a
documents:
  - id: a-2024-qd-1
    kind: quyet-dinh
    number: 1/QĐ-PGDĐT
    date: 2024-09-13
    title: Về việc thành lập tổ cốt cán
  - id: a-2024-qd-7
    kind: quyet-dinh
    number: 7/QĐ-PGDĐT
    date: 2024-11-01
    title: Về việc điều chỉnh, bổ sung thành viên tổ cốt cán
  - id: a-2025-qd-2
    kind: quyet-dinh
    number: 2/QĐ-PGDĐT
    date: 2025-02-10
    title: Về việc điều chỉnh thành viên Nhóm Toán
bodies:
  - id: a-to
    kind: to-cot-can
    name: Tổ cốt cán
    decision: a-2024-qd-1
    members:
      - {person: a-le-thi-hong, role: to-truong}
  - id: a-to-toan
    kind: nhom-bo-mon
    name: Nhóm Toán
    parent: a-to
    decision: a-2024-qd-1
    subject: toan
    members:
      - {stt: 1, person: a-ha-thi-lien, role: nhom-truong, unit: a-thcs-mot}
      - {stt: 2, person: a-dang-van-thuy, role: uy-vien, unit: a-thcs-hai}
      - {stt: 3, person: a-tran-van-binh, role: uy-vien, unit: a-thcs-hai}
"""

PEOPLE = [{"id": "a-tran-van-binh", "name": "Trần Văn Bình"},
          {"id": "a-ngo-thi-cuc", "name": "Ngô Thị Cúc", "honorific": "Bà"},
          {"id": "a-vu-van-dat", "name": "Vũ Văn Đạt"}]


def _dataset(dataset: Dataset, amendments: str) -> Dataset:
    dataset.files.pop("years/2024-2025/pgddt-a.yml")
    dataset.files["people/pgddt-a.yml"]["people"] += PEOPLE
    dataset.raw["years/2024-2025/pgddt-a.yml"] = HEAD + "    amendments:\n" + amendments
    return dataset


def _line(dataset: Dataset, needle: str) -> int:
    """The line of `needle` among the amendments."""
    text = dataset.raw["years/2024-2025/pgddt-a.yml"]
    return text[:text.index(needle, len(HEAD))].count("\n") + 1


def _problems(dataset: Dataset) -> list[Problem]:
    return [p for p in dataset.problems() if p.severity == "error"]


# The list on any date ---------------------------------------------------------------------------

REPLACED = """\
      # QĐ 7: từ 01/11/2024 bà Ngô Thị Cúc thay bà Hà Thị Liên làm nhóm trưởng; ông Bình thôi.
      - decision: a-2024-qd-7
        from: 2024-11-01
        replace:
          - person: a-ha-thi-lien
            with: {person: a-ngo-thi-cuc, role: nhom-truong, unit: a-thcs-mot, note: Nhóm trưởng}
        remove:
          - {person: a-tran-van-binh}
      # QĐ 2 (listed first in the decision book, in force later): Thùy becomes phó nhóm trưởng, Đạt joins.
      - decision: a-2025-qd-2
        from: 2025-02-10
        roles:
          - {person: a-dang-van-thuy, role: pho-nhom-truong}
        add:
          - {stt: 4, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
"""


def test_the_list_on_any_date_and_every_term(dataset: Dataset) -> None:
    portal, warnings = load_or_raise(_dataset(dataset, REPLACED).write(), dataset.root)
    assert warnings == []
    group = portal.bodies[(Y2024, "a-to-toan")]
    found = terms.history(group)

    def on(day: str) -> list[tuple[str | None, str, int | None]]:
        return [(m.person, m.role, m.stt) for m in found.on(datetime.date.fromisoformat(day))]

    first = [("a-ha-thi-lien", "nhom-truong", 1), ("a-dang-van-thuy", "uy-vien", 2), ("a-tran-van-binh", "uy-vien", 3)]
    assert on("2024-09-13") == on("2024-10-31") == first
    # The newcomer takes the row of the leader she replaces, and its number.
    assert on("2024-11-01") == on("2025-02-09") == [("a-ngo-thi-cuc", "nhom-truong", 1),
                                                    ("a-dang-van-thuy", "uy-vien", 2)]
    latest = [("a-ngo-thi-cuc", "nhom-truong", 1), ("a-dang-van-thuy", "pho-nhom-truong", 2),
              ("a-vu-van-dat", "uy-vien", 4)]
    assert on("2025-02-10") == on("2025-09-30") == latest
    assert [(m.person, m.role, m.stt) for m in found.latest] == latest
    assert [(t.member.person, t.member.role, str(t.start), str(t.until), t.decision, t.ended_by)
            for t in found.terms] == [
        ("a-ha-thi-lien", "nhom-truong", "None", "2024-10-31", None, "a-2024-qd-7"),
        ("a-dang-van-thuy", "uy-vien", "None", "2025-02-09", None, "a-2025-qd-2"),
        ("a-tran-van-binh", "uy-vien", "None", "2024-10-31", None, "a-2024-qd-7"),
        ("a-ngo-thi-cuc", "nhom-truong", "2024-11-01", "None", "a-2024-qd-7", None),
        ("a-dang-van-thuy", "pho-nhom-truong", "2025-02-10", "None", "a-2025-qd-2", None),
        ("a-vu-van-dat", "uy-vien", "2025-02-10", "None", "a-2025-qd-2", None),
    ]
    # Steps in date order, whatever the order of the file; each says what it did.
    assert [(s.index, [(e.kind, e.member.person, e.previous.person if e.previous else None) for e in s.events])
            for s in found.steps] == [
        (0, [("removed", "a-tran-van-binh", None), ("replaced", "a-ngo-thi-cuc", "a-ha-thi-lien")]),
        (1, [("role", "a-dang-van-thuy", "a-dang-van-thuy"), ("added", "a-vu-van-dat", None)]),
    ]
    # The list as first signed stays the body's members.
    assert [(m.person, m.role) for m in group.members] == [(p, r) for p, r, _ in first]


def test_a_body_without_amendments_has_one_open_term_per_member(dataset: Dataset) -> None:
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    group = portal.bodies[(Y2024, "a-to-toan")]
    found = terms.history(group)
    assert not found.amended and found.latest == group.members and found.faults == ()
    assert [(t.start, t.until, t.decision) for t in found.terms] == [(None, None, None)] * len(group.members)


# Every check, with its message --------------------------------------------------------------------


def test_removing_someone_who_was_never_there_names_the_close_id(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{person: a-tran-van-bin}]
""")
    (problem,) = _problems(dataset)
    assert problem.format() == (
        f"LỖI {YEAR}, dòng {_line(dataset, 'remove:')}, mục bodies[1].amendments[0].remove[0]: cho thôi tham gia "
        "'a-tran-van-bin' nhưng người này không có trong Nhóm Toán năm học 2024-2025.\n"
        "    cần: các thành viên trong 'members' hoặc người được bổ sung trước ngày đó\n"
        "    gợi ý: có phải 'a-tran-van-binh'?")


def test_removing_a_school_that_was_never_there_calls_it_a_school(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{school: a-thcs-mot}]
""")
    (problem,) = _problems(dataset)
    assert problem.message.startswith("cho thôi tham gia THCS Một ('a-thcs-mot') nhưng trường này không có trong "
                                      "Nhóm Toán năm học 2024-2025.")


def test_a_change_to_someone_no_longer_there_on_that_date(dataset: Dataset) -> None:
    """Bình left on 1/11/2024 (by the amendment listed second); a later one changes his role."""
    _dataset(dataset, """\
      - decision: a-2025-qd-2
        from: 2025-02-10
        roles:
          - {person: a-tran-van-binh, role: pho-nhom-truong}
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove:
          - {person: a-tran-van-binh}
""")
    (problem,) = _problems(dataset)
    assert problem.line == _line(dataset, "- {person: a-tran-van-binh, role")
    assert problem.path == "bodies[1].amendments[0].roles[0]"
    assert problem.message == ("đổi vai trò Trần Văn Bình ('a-tran-van-binh') từ 10/02/2025 nhưng ngày đó người "
                               "này không có trong Nhóm Toán (đã thôi từ 01/11/2024).")


def test_replacing_someone_who_only_joins_later(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        replace:
          - {person: a-vu-van-dat, with: {person: a-ngo-thi-cuc, role: uy-vien}}
      - decision: a-2025-qd-2
        from: 2025-02-10
        add: [{person: a-vu-van-dat, role: uy-vien}]
""")
    (problem,) = _problems(dataset)
    assert problem.path == "bodies[1].amendments[0].replace[0]"
    assert problem.message.startswith("thay Vũ Văn Đạt ('a-vu-van-dat') từ 01/11/2024 nhưng ngày đó")
    assert problem.message.endswith("(chỉ có tên từ 10/02/2025).")


def test_adding_someone_already_in_the_list_is_two_overlapping_terms(dataset: Dataset) -> None:
    """The clerk typed the amending decision's whole new list under `add`."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        add:
          - {stt: 2, person: a-dang-van-thuy, role: uy-vien, unit: a-thcs-hai}
          - {stt: 4, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
""")
    (problem,) = _problems(dataset)
    assert problem.format() == (
        f"LỖI {YEAR}, dòng {_line(dataset, '- {stt: 2')}, mục bodies[1].amendments[0].add[0]: Đặng Vân Thùy "
        "('a-dang-van-thuy') đã là ủy viên của Nhóm Toán theo danh sách ban đầu: bổ sung lần nữa từ 01/11/2024 "
        "thành hai nhiệm kỳ trùng nhau.\n"
        "    cần: một người chưa có trong danh sách ngày 01/11/2024\n"
        "    gợi ý: để đổi vai trò dùng 'roles'; để thay người dùng 'replace'; nếu người này đã thôi, ghi quyết "
        "định cho thôi (remove) trước.")


def test_replacing_with_someone_already_there_and_with_oneself(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        replace:
          - {person: a-ha-thi-lien, with: {person: a-dang-van-thuy, role: nhom-truong}}
          - {person: a-tran-van-binh, with: {person: a-tran-van-binh, role: pho-nhom-truong}}
""")
    assert [(p.path, p.message) for p in _problems(dataset)] == [
        ("bodies[1].amendments[0].replace[0].with", "Đặng Vân Thùy ('a-dang-van-thuy') đã là ủy viên của Nhóm "
         "Toán theo danh sách ban đầu: bổ sung lần nữa từ 01/11/2024 thành hai nhiệm kỳ trùng nhau."),
        ("bodies[1].amendments[0].replace[1].with", "thay Trần Văn Bình ('a-tran-van-binh') bằng chính người đó."),
    ]


def test_two_leaders_on_the_same_day(dataset: Dataset) -> None:
    """A new group leader is added, but the old one is neither replaced nor given another role."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        add: [{person: a-ngo-thi-cuc, role: nhom-truong, unit: a-thcs-mot}]
      - decision: a-2025-qd-2
        from: 2025-02-10
        add: [{person: a-vu-van-dat, role: uy-vien}]
""")
    # Reported once, at the amendment that made it so (the later one changes nothing to it).
    (problem,) = _problems(dataset)
    assert problem.format() == (
        f"LỖI {YEAR}, dòng {_line(dataset, '- decision: a-2024-qd-7')}, mục bodies[1].amendments[0]: Nhóm Toán: "
        "từ 01/11/2024 có hai nhóm trưởng cùng lúc: Hà Thị Liên ('a-ha-thi-lien'), Ngô Thị Cúc ('a-ngo-thi-cuc').\n"
        "    cần: mỗi ngày một nhóm trưởng\n"
        "    gợi ý: thay nhóm trưởng bằng 'replace', hoặc đổi vai trò nhóm trưởng cũ ('roles') trong cùng quyết "
        "định.")


def test_a_role_change_that_makes_a_second_leader(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        roles: [{person: a-dang-van-thuy, role: nhom-truong}]
""")
    (problem,) = _problems(dataset)
    assert problem.message.startswith("Nhóm Toán: từ 01/11/2024 có hai nhóm trưởng cùng lúc")


def test_an_amendment_that_leaves_the_group_without_a_leader(dataset: Dataset) -> None:
    """The leader removed (or given another role) and nobody named in her place: from that
    day the group has no leader, which the list as first signed may not have either."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{person: a-ha-thi-lien}]
""")
    (problem,) = _problems(dataset)
    assert problem.format() == (
        f"LỖI {YEAR}, dòng {_line(dataset, '- decision: a-2024-qd-7')}, mục bodies[1].amendments[0]: Nhóm Toán: "
        "từ 01/11/2024 không còn nhóm trưởng (trước đó: Hà Thị Liên ('a-ha-thi-lien')).\n"
        "    cần: mỗi ngày một nhóm trưởng\n"
        "    gợi ý: ghi người thay bằng 'replace', hoặc giao vai trò nhóm trưởng cho một thành viên ('roles') trong "
        "cùng quyết định; nếu tổ chức giải thể, cho thôi mọi thành viên.")


def test_a_leader_removed_and_another_named_the_same_day_is_fine(dataset: Dataset) -> None:
    """Two decisions of one day (or one decision typed as two entries): only the list at the
    end of the day counts; and a group dissolved (everybody removed) needs no leader."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{person: a-ha-thi-lien}]
      - decision: a-2024-qd-7
        from: 2024-11-01
        roles: [{person: a-dang-van-thuy, role: nhom-truong}]
      - decision: a-2025-qd-2
        from: 2025-02-10
        remove: [{person: a-dang-van-thuy}, {person: a-tran-van-binh}]
""")
    assert _problems(dataset) == []


def test_a_new_leader_named_before_the_old_one_leaves_the_same_day_is_fine(dataset: Dataset) -> None:
    """The same day's changes in the other order: the new leader entered first, the old one
    removed after. For a moment of the list as typed there are two; at the end of the day, one."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        add: [{person: a-ngo-thi-cuc, role: nhom-truong, unit: a-thcs-mot}]
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{person: a-ha-thi-lien}]
""")
    assert _problems(dataset) == []


def test_an_amendment_dated_before_the_decision_it_amends_or_its_own(dataset: Dataset) -> None:
    """In force on 10/9/2024: before the group's decision (13/9/2024) and before its own (1/11/2024)."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-09-10
        remove: [{person: a-tran-van-binh}]
""")
    line = _line(dataset, "from: 2024-09-10")
    assert [p.format() for p in _problems(dataset)] == [
        f"LỖI {YEAR}, dòng {line}, mục bodies[1].amendments[0].from: quyết định điều chỉnh có hiệu lực từ "
        "10/09/2024, trước Quyết định số 1/QĐ-PGDĐT, 13/09/2024, quyết định thành lập Nhóm Toán mà nó điều chỉnh.\n"
        "    cần: từ 13/09/2024 trở đi\n    nhận được: 2024-09-10\n"
        "    gợi ý: kiểm tra lại ngày 'from' và ngày của quyết định thành lập.",
        f"LỖI {YEAR}, dòng {line}, mục bodies[1].amendments[0].from: quyết định điều chỉnh có hiệu lực từ "
        "10/09/2024, trước ngày ký (Quyết định số 7/QĐ-PGDĐT, 01/11/2024).\n"
        "    cần: từ 01/11/2024 trở đi\n    nhận được: 2024-09-10\n"
        "    gợi ý: ngày có hiệu lực là ngày ký hoặc sau đó, như văn bản ghi: kiểm tra lại 'from' và ngày của "
        "văn bản.",
    ]


def test_an_amendment_outside_the_school_year(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2025-qd-2
        from: 2025-10-01
        remove: [{person: a-tran-van-binh}]
""")
    (problem,) = _problems(dataset)
    assert problem.format() == (
        f"LỖI {YEAR}, dòng {_line(dataset, 'from: 2025-10-01')}, mục bodies[1].amendments[0].from: quyết định "
        "điều chỉnh có hiệu lực từ 01/10/2025, ngoài năm học 2024-2025.\n"
        "    cần: từ 01/06/2024 đến 30/09/2025\n    nhận được: 2025-10-01\n"
        "    gợi ý: kiểm tra lại ngày; quyết định điều chỉnh danh sách năm học khác ghi vào tệp năm học đó.")


def test_unknown_decision_person_and_unit(dataset: Dataset) -> None:
    _dataset(dataset, """\
      - decision: a-2024-qd-77
        from: 2024-11-01
        add: [{person: a-vu-van-dta, role: uy-vien, unit: a-thcs-mo}]
""")
    assert [(p.path, p.message, p.hint) for p in _problems(dataset)] == [
        ("bodies[1].amendments[0].decision", "không có văn bản nào mang mã 'a-2024-qd-77'.",
         "có phải 'a-2024-qd-7'?"),
        ("bodies[1].amendments[0].add[0].person", "không có người nào mang mã 'a-vu-van-dta'.",
         "có phải 'a-vu-van-dat'?"),
        ("bodies[1].amendments[0].add[0].unit", "không có trường hoặc đơn vị nào mang mã 'a-thcs-mo'.",
         "có phải 'a-thcs-mot'?"),
    ]


@pytest.mark.parametrize(("amendment", "path", "message"), [
    ("      - {decision: a-2024-qd-7, from: 2024-11-01}\n", "bodies[1].amendments[0]", "chưa ghi thay đổi nào."),
    ("      - {decision: a-2024-qd-7, from: 2024-11, remove: [{person: a-tran-van-binh}]}\n",
     "bodies[1].amendments[0].from", "ngày không đúng: cần ngày đầy đủ, có cả ngày và tháng."),
    ("      - {decision: a-2024-qd-7, from: 2024-11-01, remove: [{person: a-tran-van-binh, school: a-thcs-hai}]}\n",
     "bodies[1].amendments[0].remove[0]", "thành viên phải là một người hoặc một trường, không phải cả hai."),
    ("      - {decision: a-2024-qd-7, from: 2024-11-01, replace: [{person: a-ha-thi-lien}]}\n",
     "bodies[1].amendments[0].replace[0]", "thiếu trường bắt buộc 'with'."),
    ("      - {decision: a-2024-qd-7, from: 2024-11-01, them: [{person: a-vu-van-dat, role: uy-vien}]}\n",
     "bodies[1].amendments[0].them", "trường 'them' không có trong định dạng."),
])
def test_the_shape_of_an_amendment(dataset: Dataset, amendment: str, path: str, message: str) -> None:
    _dataset(dataset, amendment)
    found = [(p.path, p.message) for p in _problems(dataset)]
    assert (path, message) in found, found
    # An unknown field (`them:`, "thêm") also leaves the amendment without a change it knows.
    assert set(found) - {(path, message)} <= {("bodies[1].amendments[0]", "chưa ghi thay đổi nào.")}


def test_one_run_reports_every_amendment_problem(dataset: Dataset) -> None:
    """Three faults in two amendments: all reported, and the valid operations still applied."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove: [{person: a-ngo-thi-cuc}]
        add: [{person: a-ha-thi-lien, role: uy-vien}]
      - decision: a-2025-qd-2
        from: 2025-02-10
        roles: [{person: a-vu-van-dat, role: uy-vien}]
        add: [{person: a-vu-van-dat, role: uy-vien}]
""")
    assert [p.path for p in _problems(dataset)] == [
        "bodies[1].amendments[0].remove[0]", "bodies[1].amendments[0].add[0]", "bodies[1].amendments[1].roles[0]"]
    portal, _ = load(dataset.write(), dataset.root)  # the model as built, beside its errors
    assert [m.person for m in terms.history(portal.bodies[(Y2024, "a-to-toan")]).latest] == [
        "a-ha-thi-lien", "a-dang-van-thuy", "a-tran-van-binh", "a-vu-van-dat"]


# The numbers of the rows an amending decision adds -------------------------------------------------

def _added_numbers(dataset: Dataset) -> list[tuple[str, int | None, str, str]]:
    return [(p.severity, p.line, p.path, p.message) for p in dataset.problems()]


def test_added_rows_going_on_from_the_list_or_numbered_from_one_are_both_accepted(dataset: Dataset) -> None:
    """QĐ 7 adds two rows numbered on from the list (4, 5, after Bình's 3 left); QĐ 2 numbers
    its own rows from 1, as its annex does: both are what a signed decision may say."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        remove:
          - {person: a-tran-van-binh}
        add:
          - {stt:  4, person: a-ngo-thi-cuc, role: uy-vien, unit: a-thcs-mot}   # Phụ lục QĐ 7
          - stt: 5
            person: a-tran-van-binh
            role: uy-vien
      - decision: a-2025-qd-2   # phụ lục đánh số riêng
        from: 2025-02-10
        remove: [{person: a-ngo-thi-cuc}]
        add:
          - {stt: 1, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
""")
    assert _added_numbers(dataset) == []


def test_an_added_row_with_the_number_of_a_member_still_there_is_a_warning(dataset: Dataset) -> None:
    """The clerk typed 2 (Thùy's number, she is still in the group) for the row QĐ 7 adds as 4:
    a warning, since a signed decision may say so too; the data says what it says."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        add:
          - {stt: 2,  person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}  # QĐ 7 ghi số 4
""")
    (problem,) = dataset.problems()
    assert problem.format() == (
        f"CẢNH BÁO {YEAR}, dòng {_line(dataset, '- {stt: 2')}, mục bodies[1].amendments[0].add[0].stt: Nhóm Toán: "
        "dòng bổ sung theo Quyết định số 7/QĐ-PGDĐT, 01/11/2024 mang số thứ tự 2, số của Đặng Vân Thùy "
        "('a-dang-van-thuy'), người còn có tên trong danh sách ngày 01/11/2024.\n"
        "    cần: số tiếp theo số cuối của danh sách (từ 4), số của dòng người được thay, hoặc số riêng của quyết "
        "định đánh từ 1\n"
        "    nhận được: 2\n"
        "    gợi ý: so với quyết định đã ký: nếu quyết định ghi đúng như vậy thì giữ nguyên; nếu quyết định đánh "
        "số tiếp danh sách, số này chép sai; nếu quyết định đánh số riêng các dòng của nó từ 1, ghi đúng các số "
        "đó; nếu người mới thay người cũ, ghi bằng 'replace'.")


def test_a_number_used_twice_in_one_decision_and_a_gap_after_the_list(dataset: Dataset) -> None:
    """QĐ 2 adds two rows: the clerk typed 7 twice, and 7 where the list stops at 3: both
    warnings (the decision may skip numbers, or say 7 twice; the clerk compares)."""
    _dataset(dataset, """\
      - decision: a-2025-qd-2
        from: 2025-02-10
        add:
          - {stt: 7, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
          - {stt: 7, person: a-ngo-thi-cuc, role: uy-vien, unit: a-thcs-mot}
""")
    first, second = _line(dataset, "- {stt: 7, person: a-vu"), _line(dataset, "- {stt: 7, person: a-ngo")
    assert _added_numbers(dataset) == [
        ("warning", first, "bodies[1].amendments[0].add[0].stt",
         "Nhóm Toán: các dòng bổ sung theo Quyết định số 2/QĐ-PGDĐT, 10/02/2025 bắt đầu từ số thứ tự 7, còn danh "
         "sách đến ngày 10/02/2025 dừng ở số 3."),
        ("warning", second, "bodies[1].amendments[0].add[1].stt",
         "số thứ tự 7 có ở hai dòng của Quyết định số 2/QĐ-PGDĐT, 10/02/2025: đã có ở amendments[0].add[0]."),
    ]


def test_a_decision_numbering_its_replacement_and_additions_from_one(dataset: Dataset) -> None:
    """QĐ 7 reads "1. thay bà Liên bằng bà Cúc; 2. bổ sung ông Đạt; 3. bổ sung ông Bình (mới)":
    one list of the decision from 1, its replacement included."""
    dataset.files["people/pgddt-a.yml"]["people"].append({"id": "a-ly-van-moi", "name": "Lý Văn Mới"})
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        replace:
          - person: a-ha-thi-lien
            with: {stt: 1, person: a-ngo-thi-cuc, role: nhom-truong, unit: a-thcs-mot}
        add:
          - {stt: 2, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
          - {stt: 3, person: a-ly-van-moi, role: uy-vien, unit: a-thcs-hai}
""")
    assert _added_numbers(dataset) == []


def test_a_replacement_keeping_the_row_number_or_taking_another_members(dataset: Dataset) -> None:
    """QĐ 7 puts Cúc in Thùy's row with Thùy's number 2 (in place: nothing to say); QĐ 2 puts
    Đạt in Bình's place but the clerk typed 2, the number Cúc still holds: a warning."""
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        replace:
          - {person: a-dang-van-thuy, with: {stt: 2, person: a-ngo-thi-cuc, role: uy-vien, unit: a-thcs-mot}}
      - decision: a-2025-qd-2
        from: 2025-02-10
        replace:
          - person: a-tran-van-binh
            with:
              stt: 2     # QĐ 2 ghi số 3
              person: a-vu-van-dat
              role: uy-vien
""")
    assert _added_numbers(dataset) == [
        ("warning", _line(dataset, "stt: 2     #"), "bodies[1].amendments[1].replace[0].with.stt",
         "Nhóm Toán: dòng thay người theo Quyết định số 2/QĐ-PGDĐT, 10/02/2025 mang số thứ tự 2, số của Ngô Thị "
         "Cúc ('a-ngo-thi-cuc'), người còn có tên trong danh sách ngày 10/02/2025."),
    ]


def test_a_decision_numbering_each_group_it_adds_to_from_one(dataset: Dataset) -> None:
    """The team is numbered once across (Toán 1-3, Ngữ văn 4-5); QĐ 7 adds one row to each
    group, each numbered 1 as its annex numbers group by group: nothing to say. QĐ 2 adds two
    rows to Ngữ văn both numbered 1: a warning, within that group."""
    dataset.files["people/pgddt-a.yml"]["people"] += [
        {"id": "a-ly-van-moi", "name": "Lý Văn Mới"}, {"id": "a-mai-thi-nam", "name": "Mai Thị Năm"}]
    _dataset(dataset, """\
      - decision: a-2024-qd-7
        from: 2024-11-01
        add:
          - {stt: 1, person: a-vu-van-dat, role: uy-vien, unit: a-thcs-hai}
""")
    dataset.raw["years/2024-2025/pgddt-a.yml"] += """\
  - id: a-to-van
    kind: nhom-bo-mon
    name: Nhóm Ngữ văn
    parent: a-to
    decision: a-2024-qd-1
    subject: ngu-van
    members:
      - {stt: 4, person: a-ngo-thi-cuc, role: nhom-truong, unit: a-thcs-mot}
      - {stt: 5, person: a-ly-van-moi, role: uy-vien, unit: a-thcs-hai}
    amendments:
      - decision: a-2024-qd-7
        from: 2024-11-01
        add:
          - {stt: 1, person: a-mai-thi-nam, role: uy-vien, unit: a-thcs-mot}
"""
    assert _added_numbers(dataset) == []
    dataset.raw["years/2024-2025/pgddt-a.yml"] += """\
      - decision: a-2025-qd-2
        from: 2025-02-10
        add:
          - {stt: 1, person: a-tran-van-binh, role: uy-vien, unit: a-thcs-hai}
          - {stt: 1, person: a-le-thi-hong, role: uy-vien, unit: a-thcs-hai}
"""
    text = dataset.raw["years/2024-2025/pgddt-a.yml"]
    assert _added_numbers(dataset) == [
        ("warning", text[:text.index("- {stt: 1, person: a-le-thi")].count("\n") + 1,
         "bodies[2].amendments[1].add[1].stt",
         "số thứ tự 1 có ở hai dòng của Quyết định số 2/QĐ-PGDĐT, 10/02/2025: đã có ở amendments[1].add[0]."),
    ]
