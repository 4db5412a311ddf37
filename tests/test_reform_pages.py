"""After the 2025 reform: the pages say that an office ended, and who carries its work on,
wherever its data is offered (home, school, school year, office, change page)."""

from __future__ import annotations

import re

import pytest

from portal import wording
from portal.contexts import YearPage
from portal.dates import PartialDate, SchoolYear
from portal.diff import OfficeDiff, diff_years
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer


@pytest.fixture(scope="module")
def rendered(repo_portal: Portal) -> dict[str, str]:
    """The article text of every page of the repository's data, by URL (tags dropped, a block's
    end read as a space)."""
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    return {spec.url: _text(renderer.render(spec)) for spec in pages.all()}


def _text(html: str) -> str:
    html = re.sub(r"</(dt|dd|p|li|h\d)>", " ", html)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def _ended(portal: Portal, office_id: str) -> str:
    """What the pages say of an ended office, from its data: its name, its last day, the reason
    and each successor's name."""
    office = portal.offices[office_id]
    assert office.valid_until is not None and office.end_reason and office.successors
    heirs = ", ".join(portal.offices[x.office].name for x in office.successors)
    return (f"{office.name} {wording.active_until(office.valid_until)} "
            f"({wording.end_reason_name(office.end_reason).lower()}); đơn vị kế thừa: {heirs}.")


def _section(text: str, start: str, end: str) -> str:
    """The text from `start` to the next `end` (or to the end)."""
    tail = text[text.index(start):]
    stop = tail.find(end, len(start))
    return tail if stop < 0 else tail[:stop]


def test_the_phrase_of_an_office_s_last_day() -> None:
    assert wording.active_until(PartialDate(2025, 6, 30)) == "hoạt động đến hết ngày 30/06/2025"
    assert wording.active_until("2025-06-30") == "hoạt động đến hết ngày 30/06/2025"
    assert wording.active_until(PartialDate(2025, 6)) == "hoạt động đến hết tháng 06/2025"


def test_the_home_page_says_which_offices_ended_beside_their_schools(repo_portal: Portal,
                                                                    rendered: dict[str, str]) -> None:
    home = rendered[""]
    ended = [o for o in repo_portal.offices.values() if o.valid_until and o.name in home]
    assert {o.id for o in ended} >= {"pgddt-cu-chi", "pgddt-dien-bien-phu", "pgddt-dau-tieng"}
    for office in ended:
        # The group's heading, then the note, before its schools.
        group = _section(home, f"{office.name}, năm học", ", năm học 20")
        note = _ended(repo_portal, office.id).replace(office.name, "Đơn vị", 1)
        assert note in group, (office.id, group[:300])
    # An office still at work carries no such note.
    group = _section(home, "Sở Giáo dục và Đào tạo tỉnh Mẫu (dữ liệu mẫu), năm học", ", năm học 20")
    assert "hoạt động đến hết" not in group


def test_school_pages_say_their_office_ended_and_who_carries_on(repo_portal: Portal,
                                                                rendered: dict[str, str]) -> None:
    note = _ended(repo_portal, "pgddt-cu-chi")
    assert f"Đơn vị quản lý {note}" in rendered["truong/cc-thcs-phu-hoa-dong/"]
    assert f"Đơn vị quản lý: {note}" in rendered["truong/cc-thcs-phu-hoa-dong/2024-2025/"]
    # A school managed by an ended office, then by its successor: each run of years says its own.
    tan_phu = rendered["truong/mau-thcs-tan-phu/"]
    assert _ended(repo_portal, "pgddt-mau") in tan_phu
    assert "Đơn vị quản lý, năm học 2025-2026 Sở Giáo dục và Đào tạo tỉnh Mẫu (dữ liệu mẫu)" in tan_phu
    assert "Đơn vị quản lý:" not in rendered["truong/mau-thcs-tan-phu/2025-2026/"]


def test_an_office_page_says_its_end_once_and_a_successor_says_it_has_no_year(
        repo_portal: Portal, rendered: dict[str, str]) -> None:
    cu_chi = rendered["don-vi/pgddt-cu-chi/"]
    said = _ended(repo_portal, "pgddt-cu-chi").replace("Phòng Giáo dục và Đào tạo huyện Củ Chi", "Đơn vị", 1)
    assert said in cu_chi
    # The reason's label says "chấm dứt hoạt động"; the sentence does not say it again.
    assert said.count("chấm dứt hoạt động") == 1 and "đã chấm dứt hoạt động" not in cu_chi
    heir = rendered["don-vi/so-gddt-tp-hcm/"]
    assert "Đơn vị chưa công bố năm học nào trên cổng thông tin." in heir
    # Each predecessor that published a year is named with its last one; Bình Dương's Sở published none.
    assert ("Năm học gần nhất do đơn vị trước đây công bố: Phòng GDĐT huyện Củ Chi (năm học 2024-2025), "
            "Phòng GDĐT huyện Dầu Tiếng (năm học 2023-2024), Phòng GDĐT TP Thủ Dầu Một (năm học 2015-2016).") in heir
    assert "(hoạt động đến hết ngày 30/06/2025)" in heir  # its "Kế thừa từ" rows
    assert "chưa công bố năm học nào" not in rendered["don-vi/so-gddt-mau/"]


def test_an_ended_office_without_a_year_says_it_published_none_not_yet_none(
        repo_portal: Portal, rendered: dict[str, str]) -> None:
    ended = [o for o in repo_portal.offices.values() if o.valid_until
             and "công bố năm học nào" in rendered[f"don-vi/{o.id}/"]]
    assert {o.id for o in ended} >= {"ubnd-huyen-cu-chi", "so-gddt-binh-duong"}
    for office in ended:
        page = rendered[f"don-vi/{office.id}/"]
        assert "Đơn vị không công bố năm học nào trên cổng thông tin." in page, office.id
        assert "chưa công bố" not in page, office.id


def test_a_school_closed_before_its_office_ended_names_no_heir(repo_portal: Portal, rendered: dict[str, str]) -> None:
    closed = [s for s in repo_portal.schools.values() if s.valid_until
              and (office := repo_portal.offices[s.office]).valid_until
              and s.valid_until.last_day < office.valid_until.last_day]
    assert "mau-thcs-vinh-loc" in {s.id for s in closed}
    for school in closed:
        pages = {url: text for url, text in rendered.items() if url.startswith(f"truong/{school.id}/")}
        assert pages, school.id
        for url, text in pages.items():
            if "Đơn vị quản lý" in text:
                assert "hoạt động đến hết" in text and "đơn vị kế thừa" not in text, url
    # A school still open when its office ended names the heirs (Phú Hòa Đông: above).
    assert "đơn vị kế thừa" in rendered["truong/mau-thcs-tan-phu/"]


def test_the_year_page_says_which_offices_ended_in_their_sections(repo_portal: Portal,
                                                                  rendered: dict[str, str]) -> None:
    pages = Pages(repo_portal)
    seen = set()
    for spec in pages.all():
        if not isinstance(spec.context, YearPage):
            continue
        # Each office's section: from its heading to the next office's.
        names = [entry.office.name for entry in spec.context.offices]
        text = rendered[spec.url]
        for entry, after in zip(spec.context.offices, [*names[1:], None], strict=True):
            office = entry.office
            if office.valid_until is None:
                continue
            section = _section(text, f"{office.name} ", after) if after else text[text.index(f"{office.name} "):]
            assert f"Đơn vị {wording.active_until(office.valid_until)}" in section, (spec.url, office.id)
            if office.successors:
                note = _ended(repo_portal, office.id).replace(office.name, "Đơn vị", 1)
                assert note in section, (spec.url, office.id)
            seen.add((spec.url, office.id))
    assert {("nam-hoc/2024-2025/", "pgddt-cu-chi"), ("nam-hoc/2024-2025/", "pgddt-dien-bien-phu")} <= seen


def test_the_change_page_and_the_office_page_use_the_one_phrase(repo_portal: Portal,
                                                               rendered: dict[str, str]) -> None:
    phrase = wording.active_until(PartialDate(2025, 6, 30))
    change = rendered["thay-doi/pgddt-mau/2024-2025-den-2025-2026/"]
    office = rendered["don-vi/pgddt-mau/"]
    assert f"Đơn vị {phrase} (giải thể, chấm dứt hoạt động); đơn vị kế thừa:" in change
    assert f"Đơn vị {phrase} (giải thể, chấm dứt hoạt động); đơn vị kế thừa:" in office


# From a school's or an office's page to what changed -----------------------------------


def _diff(portal: Portal, office: str, old: str, new: str) -> OfficeDiff:
    return diff_years(portal, office, SchoolYear.parse(old), SchoolYear.parse(new))  # type: ignore[arg-type]


def test_a_school_s_changes_are_the_change_page_s_own(repo_portal: Portal) -> None:
    """THCS Vĩnh Lộc merged into THCS Tân Phú after 2023-2024, and Tân Phú moved group: both are
    Tân Phú's changes; a teacher whose unit became Tân Phú is the teacher's change."""
    d = _diff(repo_portal, "pgddt-mau", "2023-2024", "2024-2025")
    merged = [s for s in repo_portal.schools.values() if s.successor == "mau-thcs-tan-phu"]
    assert [s.id for s in merged] == ["mau-thcs-vinh-loc"]
    own = d.of_school("mau-thcs-tan-phu")
    assert {(c.kind, c.target) for c in own} == {("school-merged", "mau-thcs-vinh-loc"),
                                                 ("school-moved", "mau-thcs-tan-phu")}
    assert all(c in d.changes for c in own)
    units = [c for c in d.changes if c.kind == "unit-changed"
             and any(f.new_id == "mau-thcs-tan-phu" for f in c.fields)]
    assert units and not set(units) & set(own)
    assert {c.kind for c in d.of_school("mau-thcs-vinh-loc")} >= {"school-merged", "member-left"}


def test_a_school_s_year_page_names_its_changes_and_links_the_change_page(repo_portal: Portal) -> None:
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    specs = {spec.url: spec for spec in pages.all()}
    page = renderer.render(specs["truong/mau-thcs-tan-phu/2024-2025/"])
    section = page[page.index('<h2 id="thay-doi">'):]
    assert "Thay đổi so với năm học 2023-2024" in _text(section[:section.index("</h2>")])
    assert 'href="#thay-doi"' in page[:page.index('<h2 id="thay-doi">')]  # near the top
    text = _text(section)
    assert "THCS Vĩnh Lộc (dữ liệu mẫu) sáp nhập vào: THCS Tân Phú (dữ liệu mẫu)" in text
    assert ("THCS Tân Phú (dữ liệu mẫu) [Nhóm liên trường số 2 (dữ liệu mẫu) → Nhóm liên trường số 1 "
            "(dữ liệu mẫu)]") in text
    link = re.search(r'Mọi thay đổi của đơn vị: <a href="([^"]+)">', section)
    assert link and link.group(1).endswith("thay-doi/pgddt-mau/2023-2024-den-2024-2025/")
    # Across the succession: the Sở's year links the ended office's change page, where the
    # school's lists came from.
    later = renderer.render(specs["truong/mau-thcs-tan-phu/2025-2026/"])
    assert "thay-doi/pgddt-mau/2024-2025-den-2025-2026/" in later
    assert "Trường không chuyển cụm, nhóm liên trường." in _text(later)
    # A year with no change page (Củ Chi has one year, and no successor's year yet) says nothing.
    assert 'id="thay-doi"' not in renderer.render(specs["truong/cc-thcs-phu-hoa-dong/2024-2025/"])
    # Every change page a school's year links exists.
    for url, spec in specs.items():
        if spec.template == "school_year.html":
            for target in re.findall(r'href="[./]*(thay-doi/[^"]+)"', renderer.render(spec)):
                assert target in specs, (url, target)


def test_an_office_page_links_each_year_s_change_pages(repo_portal: Portal) -> None:
    pages = Pages(repo_portal)
    renderer = Renderer(pages)
    specs = {spec.url: spec for spec in pages.all()}
    for office in repo_portal.offices:
        html = renderer.render(specs[f"don-vi/{office}/"])
        linked = set(re.findall(r'href="[./]*(thay-doi/[^"]+/\d{4}-\d{4}-den-\d{4}-\d{4}/)"', html))
        expected = {f"thay-doi/{d.office}/{d.old_year}-den-{d.new_year}/" for d in pages.diffs
                    if office in (d.office, d.new_office)}
        assert linked == expected, office
    mau = _text(renderer.render(specs["don-vi/pgddt-mau/"]))
    assert ("Danh sách khi đơn vị kế thừa tiếp tục: Thay đổi 2024-2025 → 2025-2026: "
            "Phòng GDĐT huyện Mẫu (dữ liệu mẫu).") in mau
    assert "Thay đổi trong năm học 2024-2025" in mau  # its amending decisions
