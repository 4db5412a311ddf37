"""Which document a list is said to come from: the page's "Danh sách theo", the printed
sheet's line under its title, the exports' "Theo văn bản" and a person's roles agree."""

from __future__ import annotations

import csv
import datetime
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest

from conftest import Dataset
from portal import exports, feed, terms, wording
from portal.contexts import BodyPage
from portal.dates import SchoolYear
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer

YEAR = SchoolYear(2024)
ATOM = "{http://www.w3.org/2005/Atom}"


def _cluster_listed_in_a_guidance(dataset: Dataset) -> None:
    """Củ Chi's case: a decision sets the clusters up, a later guidance lists them (its
    leaders with a printed role, its schools); and an amending decision on the team's list."""
    docs: list[dict[str, Any]] = dataset.year["documents"]
    docs.append({"id": "a-2024-hd-7", "kind": "huong-dan", "number": "7/HD-PGDĐT-THCS", "date": "2024-09-20",
                 "title": "Về sinh hoạt cụm chuyên môn",
                 "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"}})
    docs.append({"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": "2024-11-04",
                 "title": "Về việc kiện toàn tổ cốt cán",
                 "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"}})
    bodies: list[dict[str, Any]] = dataset.year["bodies"]
    bodies.append({"id": "a-cum-1", "kind": "cum-chuyen-mon", "name": "Cụm 01", "decision": "a-2024-qd-1",
                   "source": "a-2024-hd-7", "members": [
                       {"person": "a-le-thi-hong", "role": "cum-truong", "position": "Hiệu trưởng",
                        "unit": "a-thcs-mot", "as_written": "Hiệu trưởng trường THCS Một"},
                       {"stt": 1, "school": "a-thcs-mot", "role": "thanh-vien"},
                       {"stt": 2, "school": "a-thcs-hai", "role": "thanh-vien"}]})
    toan = next(b for b in bodies if b["id"] == "a-to-toan")
    toan["amendments"] = [{"decision": "a-2024-qd-9", "from": "2024-11-04", "add": [
        {"stt": 3, "person": "a-dang-van-thuy", "role": "uy-vien", "unit": "a-thcs-mot"}]}]
    # Đặng Vân Thùy moves to THCS Một by the amendment: first out of the list signed.
    toan["members"] = [m for m in toan["members"] if m["person"] != "a-dang-van-thuy"]
    dataset.year["bodies"][0]["declared_count"] = 1


def _load(dataset: Dataset) -> Portal:
    portal, _ = load_or_raise(dataset.write(), dataset.root)
    return portal


def _page(portal: Portal, url: str) -> str:
    pages = Pages(portal)
    return Renderer(pages).render(next(s for s in pages.all() if s.url == url))


def test_a_list_copied_from_a_guidance_names_the_guidance_everywhere(dataset: Dataset) -> None:
    _cluster_listed_in_a_guidance(dataset)
    portal = _load(dataset)
    guidance = portal.documents["a-2024-hd-7"]
    line = f"(Theo {wording.document_reference(portal, guidance)})"
    assert line == ("(Theo Hướng dẫn số 7/HD-PGDĐT-THCS ngày 20/09/2024 của "
                    "Phòng Giáo dục và Đào tạo huyện A)")
    html = _page(portal, "to-chuc/a-cum-1/2024-2025/")
    assert "Danh sách theo" in html and f"<em>{line}</em>" in html and "Kèm theo" not in html
    cluster = portal.bodies[(YEAR, "a-cum-1")]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, cluster))).active
    assert sheet is not None and sheet["A2"].value == line
    rows = list(csv.DictReader(io.StringIO(exports.roster_csv(portal, cluster).decode("utf-8-sig"))))
    assert {row["Theo văn bản"] for row in rows} == {"Hướng dẫn số 7/HD-PGDĐT-THCS"}
    # The leader's page cites the guidance her role is written in, not the decision.
    person = _page(portal, "nguoi/a-le-thi-hong/")
    cluster_row = next(row for row in person.split("<tbody>")[1].split("<tr>") if "Cụm 01" in row)
    assert "7/HD-PGDĐT-THCS" in cluster_row and "1/QĐ-PGDĐT" not in cluster_row


def test_an_amended_list_names_its_amending_decision_and_each_row_its_own(dataset: Dataset) -> None:
    _cluster_listed_in_a_guidance(dataset)
    portal = _load(dataset)
    line = ("(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 của Phòng Giáo dục và Đào tạo huyện A; "
            "sửa đổi, bổ sung theo Quyết định số 9/QĐ-PGDĐT ngày 04/11/2024)")
    for rows in _team_and_group_printed_with(portal, line):
        by_name = {row["Họ và tên"]: row["Theo văn bản"] for row in rows}
        assert by_name["Hà Thị Liên"] == "Quyết định số 1/QĐ-PGDĐT"
        assert by_name["Đặng Vân Thùy"] == "Quyết định số 9/QĐ-PGDĐT"


def _team_and_group_printed_with(portal: Portal, line: str) -> Iterator[list[dict[str, str]]]:
    """The team's and its Toán group's CSV rows, once their page and workbook are seen to
    print `line` under the DANH SÁCH."""
    for url, body in (("to-chuc/a-to/2024-2025/", "a-to"), ("to-chuc/a-to-toan/2024-2025/", "a-to-toan")):
        assert f"<em>{line}</em>" in _page(portal, url), url
        roster = portal.bodies[(YEAR, body)]
        sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, roster))).active
        assert sheet is not None and sheet["A2"].value == line
        yield list(csv.DictReader(io.StringIO(exports.roster_csv(portal, roster).decode("utf-8-sig"))))


def test_only_a_decisions_own_list_is_said_to_come_with_it(dataset: Dataset) -> None:
    """A guidance that sets groups up names them in its text: 'Theo', not 'Kèm theo'."""
    dataset.year["documents"][0]["kind"] = "huong-dan"
    portal = _load(dataset)
    assert wording.list_origin(portal, portal.bodies[(YEAR, "a-to")]).startswith("(Theo Hướng dẫn số 1/QĐ-PGDĐT ")


def test_a_district_phong_is_headed_by_its_peoples_committee(repo_portal: Portal) -> None:
    """Nghị định 30/2020/NĐ-CP: the line above a Phòng GDĐT's name is its governing body, the
    district UBND, which names the place; the Phòng's own line does not say it again
    ('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'). Every Phòng of the data, the sample's too (its UBND is
    fictional, as it is), and its printed lists."""
    phong = [o for o in repo_portal.offices.values() if o.kind == "phong-gddt"]
    assert {"pgddt-cu-chi", "pgddt-dau-tieng", "pgddt-thu-dau-mot", "pgddt-mau"} <= {o.id for o in phong}
    for office in phong:
        parent = repo_portal.offices[office.parent or ""]
        assert parent.kind == "ubnd-huyen" and parent.valid_until == office.valid_until, office.id
        assert parent.sample == office.sample, office.id
        assert wording.issuer_heading(repo_portal, office.id) == (parent.name.upper(), "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert wording.issuer_heading(repo_portal, "pgddt-cu-chi") == ("ỦY BAN NHÂN DÂN HUYỆN CỦ CHI",
                                                                   "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    pages = Pages(repo_portal)
    printed = [spec.context for spec in pages.all()
               if isinstance(spec.context, BodyPage) and spec.context.office in phong and spec.context.roster]
    assert {page.office.id for page in printed} >= {"pgddt-cu-chi", "pgddt-dien-bien-phu", "pgddt-mau"}
    for page in printed:
        headings = page.print_header.issuers
        assert all(heading.lines[0].startswith("ỦY BAN NHÂN DÂN ") for heading in headings), page.body.id


def test_the_issuers_line_leaves_out_only_the_place_the_line_above_says(dataset: Dataset) -> None:
    """The governing body's line carries the place, as a clerk typed it (old-style tones,
    capitals, a double space); the issuer's line drops it only when it ends with that very
    place. A Sở under its province's UBND reads 'SỞ GIÁO DỤC VÀ ĐÀO TẠO'; an office over
    another place, or under a body that names none, keeps its whole name."""
    offices: list[dict[str, Any]] = dataset.files["offices.yml"]["offices"]
    offices[0]["parent"] = "ubnd-a"
    offices += [
        {"id": "ubnd-a", "name": "Uỷ ban nhân dân  Huyện A", "short_name": "UBND huyện A", "kind": "ubnd-huyen",
         "place": "A"},
        {"id": "ubnd-t", "name": "Ủy ban nhân dân tỉnh Thuận Hoà", "short_name": "UBND tỉnh Thuận Hoà",
         "kind": "ubnd-tinh", "place": "Thuận Hoà"},
        {"id": "so-t", "name": "Sở Giáo dục và Đào tạo tỉnh Thuận Hòa", "short_name": "Sở GDĐT Thuận Hòa",
         "kind": "so-gddt", "parent": "ubnd-t", "place": "Thuận Hòa"},
        {"id": "pgddt-b", "name": "Phòng Giáo dục và Đào tạo huyện B", "short_name": "Phòng GDĐT B",
         "kind": "phong-gddt", "parent": "ubnd-a", "place": "B"},
        {"id": "bo", "name": "Bộ Giáo dục và Đào tạo", "short_name": "Bộ GDĐT", "kind": "bo-gddt", "place": "Hà Nội"},
        {"id": "cuc", "name": "Cục Nhà giáo và Cán bộ quản lý giáo dục", "short_name": "Cục NGCBQLGD",
         "kind": "bo-gddt", "parent": "bo", "place": "Hà Nội"},
        # A Sở by its legal name, without the level word (review of 3 December, D4).
        {"id": "ubnd-hn", "name": "Ủy ban nhân dân thành phố Hà Nội", "short_name": "UBND TP Hà Nội",
         "kind": "ubnd-tinh", "place": "Hà Nội"},
        {"id": "so-hn", "name": "Sở Giáo dục và Đào tạo Hà Nội", "short_name": "Sở GDĐT Hà Nội",
         "kind": "so-gddt", "parent": "ubnd-hn", "place": "Hà Nội"},
    ]
    offices[offices.index(next(o for o in offices if o["id"] == "ubnd-a"))]["parent"] = "ubnd-t"
    portal = _load(dataset)
    above = "UỶ BAN NHÂN DÂN  HUYỆN A"  # as typed
    assert wording.issuer_heading(portal, "pgddt-a") == (above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert wording.issuer_heading(portal, "so-t") == ("ỦY BAN NHÂN DÂN TỈNH THUẬN HOÀ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert wording.issuer_heading(portal, "pgddt-b") == (above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN B")
    assert wording.issuer_heading(portal, "cuc") == ("BỘ GIÁO DỤC VÀ ĐÀO TẠO",
                                                     "CỤC NHÀ GIÁO VÀ CÁN BỘ QUẢN LÝ GIÁO DỤC")
    assert wording.issuer_heading(portal, "bo") == ("BỘ GIÁO DỤC VÀ ĐÀO TẠO",)
    assert wording.issuer_heading(portal, "so-hn") == ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    # A People's Committee's own letterhead: nothing above it, its province though a parent.
    assert wording.issuer_heading(portal, "ubnd-a") == (above,)
    # The printed list of the Phòng's team: its sheet's top left.
    spec = next(spec for spec in Pages(portal).all()
                if isinstance(spec.context, BodyPage) and spec.context.body.id == "a-to")
    assert isinstance(spec.context, BodyPage)
    assert [heading.lines for heading in spec.context.print_header.issuers] == [(above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")]
    assert f"{above}<br><strong>PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</strong>" in _page(portal, spec.url)


def test_a_decision_that_only_takes_a_member_off_is_named_in_the_line_and_in_her_row(dataset: Dataset) -> None:
    """Quyết định 12 only takes Đặng Vân Thùy off the Toán group: the printed line, the
    workbook's heading and her row's "Theo văn bản" all name it."""
    dataset.year["documents"].append({"id": "a-2025-qd-12", "kind": "quyet-dinh", "number": "12/QĐ-PGDĐT",
                                      "date": "2025-01-15", "title": "Về việc thôi tham gia nhóm bộ môn",
                                      "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"}})
    toan = next(b for b in dataset.year["bodies"] if b["id"] == "a-to-toan")
    toan["amendments"] = [{"decision": "a-2025-qd-12", "from": "2025-01-15", "remove": [{"person": "a-dang-van-thuy"}]}]
    portal = _load(dataset)
    line = ("(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 của Phòng Giáo dục và Đào tạo huyện A; "
            "sửa đổi, bổ sung theo Quyết định số 12/QĐ-PGDĐT ngày 15/01/2025)")
    for rows in _team_and_group_printed_with(portal, line):
        by_name = {row["Họ và tên"]: (row["Đến ngày"], row["Theo văn bản"]) for row in rows}
        assert by_name["Đặng Vân Thùy"] == ("14/01/2025",
                                            "Quyết định số 1/QĐ-PGDĐT; thôi theo Quyết định số 12/QĐ-PGDĐT")
        assert by_name["Hà Thị Liên"] == ("", "Quyết định số 1/QĐ-PGDĐT")


# A decision that replaces another ("thay-the"): the list is the replacing one's from its day.

SAMPLE_215, SAMPLE_260 = "mau-2024-qd-to-cot-can", "mau-2024-qd-to-cot-can-kien-toan"


def _rows_of(html: str, name: str) -> list[str]:
    """The rows of the page's first table that name `name`."""
    return [row for row in html.split("<tbody>")[1].split("</tbody>")[0].split("<tr") if name in row]


def _list_sources(html: str) -> list[tuple[list[tuple[str, str]], str]]:
    """The page's "Danh sách theo", stretch by stretch: its <dd>s (attributes, text without
    tags), with the stretch's attributes."""
    found: dict[str, list[tuple[str, str]]] = {}
    for attributes, text in re.findall(r'<dd class="portal-list-source"([^>]*)>(.*?)</dd>', html):
        found.setdefault(attributes, []).append((attributes, re.sub(r"<[^>]+>", "", text)))
    return [(dds, attributes) for attributes, dds in found.items()]


def _origin_lines(html: str) -> list[tuple[str, str]]:
    """The printed lines under a DANH SÁCH's title: (the <p>'s attributes, its text)."""
    return re.findall(r'<p class="portal-print-origin"([^>]*)><em>([^<]*)</em></p>', html)


def test_the_sample_replacing_decision_holds_every_list_of_the_one_it_replaced(repo_portal: Portal) -> None:
    """Quyết định 260 (04/11/2024) replaces 215: every list 215 held (those 260 amends, and
    those it leaves as they were) is 260's from that day, as its line, its rows, its page and
    its members' pages say; the day before, 215's; 215's own page says it was replaced."""
    p = repo_portal
    old, new = p.documents[SAMPLE_215], p.documents[SAMPLE_260]
    held = [b for b in p.bodies.values() if b.school_year == YEAR and b.list_document == old.id]
    assert {"mau-to-cot-can", "mau-to-cot-can-toan", "mau-to-cot-can-ngu-van"} <= {b.id for b in held}
    assert any(not terms.amended(p.list_bodies(b)) for b in held)  # a list replaced, never amended
    latest = (f"(Kèm theo {wording.document_reference(p, new)}; thay thế Quyết định số 215/QĐ-PGDĐT "
              "ngày 10/09/2024)")
    before = f"(Kèm theo {wording.document_reference(p, old)})"
    assert latest.startswith("(Kèm theo Quyết định số 260/QĐ-PGDĐT ngày 04/11/2024 của Phòng Giáo dục")
    pages = Pages(p)
    renderer = Renderer(pages)
    specs = {s.url: s for s in pages.all()}
    for body in held:
        assert wording.list_origin(p, body) == latest, body.id
        assert wording.list_origin(p, body, datetime.date(2024, 11, 3)) == before, body.id
        sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(p, body))).active
        assert sheet is not None and sheet["A2"].value == latest
        rows = list(csv.DictReader(io.StringIO(exports.roster_csv(p, body).decode("utf-8-sig"))))
        # Every row in the list on 04/11/2024 is 260's: those 215 put in say so after it; only
        # the leader replaced that day is 215's alone.
        assert {(r["Đến ngày"], r["Theo văn bản"]) for r in rows} <= {
            ("", "Quyết định số 260/QĐ-PGDĐT"), ("03/11/2024", "Quyết định số 215/QĐ-PGDĐT"),
            ("", "Quyết định số 215/QĐ-PGDĐT; thay thế bởi Quyết định số 260/QĐ-PGDĐT từ ngày 04/11/2024")}, body.id
        html = renderer.render(specs[f"to-chuc/{body.id}/2024-2025/"])
        # Amended or not, the list changed document on 04/11/2024: the page offers it on any
        # day (the date control), and the sheet printed for a day before names 215.
        assert _origin_lines(html) == [(' data-from="" data-until="2024-11-03" hidden', before),
                                       (' data-from="2024-11-04" data-until=""', latest)], body.id
        assert f'<input type="date" id="portal-asof-{body.id}" min="{terms.opening_day(p, body)}"' in html, body.id
        assert _in_force_line(html) == ("2024-11-04", "Danh sách hiện hành theo Quyết định số 260/QĐ-PGDĐT, "
                                                      "từ ngày 04/11/2024."), body.id
        # "Danh sách theo" follows the day as the printed line does: 215 before, 260 after,
        # naming 215 by its signing date, in the printed line's words.
        (early, _), (late, chain) = _list_sources(html)
        assert [attributes for attributes, _ in early] == [' data-from="" data-until="2024-11-03" hidden']
        # Each decision by its signing date in the same words: one style of date in the sentence.
        assert early[0][1] == f"{wording.dated_name(old)}: {old.title}"
        assert late[0][1] == f"{wording.dated_name(new)}: {new.title}"
        assert chain == ' data-from="2024-11-04" data-until=""'
        assert late[1][1] == "Thay thế Quyết định số 215/QĐ-PGDĐT ngày 10/09/2024"
        assert late[1][1][0].lower() + late[1][1][1:] in latest, body.id
    # A row 215 put in and 260 kept: the person's page names both, as the exports do.
    kept = renderer.render(specs["nguoi/mau-do-thi-my-duyen/"])
    (row,) = _rows_of(kept, "2024-2025")
    cited = re.sub(r"<[^>]+>", "", row.split('data-label="Theo văn bản">')[1]).strip()
    assert cited == "Quyết định số 215/QĐ-PGDĐT; thay thế bởi Quyết định số 260/QĐ-PGDĐT từ ngày 04/11/2024"
    replaced = renderer.render(specs["nguoi/mau-vo-van-khoa/"])
    assert all("215/QĐ-PGDĐT" in row for row in _rows_of(replaced, "2024-2025"))
    page = renderer.render(specs[f"van-ban/{old.id}/"])
    assert re.search(r"<dt>Hiệu lực</dt><dd>Hết hiệu lực từ ngày 04/11/2024: được thay thế bởi <a [^>]+>"
                     r"Quyết định số 260/QĐ-PGDĐT</a>", page)
    assert "<dt>Hiệu lực</dt>" not in renderer.render(specs[f"van-ban/{new.id}/"])


def _amended_then_replaced(dataset: Dataset) -> None:
    """Quyết định 5 (01/10/2024) amends Quyết định 1's Toán group: Ngô Văn Năm joins, Đặng Vân
    Thùy leaves. Quyết định 9, signed 01/11/2024 and in force from 04/11/2024, replaces
    Quyết định 1 and changes only the Ngữ văn group (the Toán group it lists as it was).
    Quyết định 12 (15/01/2025) then adds a member to the Toán group."""
    def signer() -> dict[str, str]:  # one dict each: a shared one would be written as a YAML alias
        return {"person": "a-le-thi-hong", "title": "Trưởng phòng"}
    dataset.files["people/pgddt-a.yml"]["people"] += [
        {"id": "a-ngo-van-nam", "name": "Ngô Văn Năm"}, {"id": "a-vu-thi-sau", "name": "Vũ Thị Sáu"},
        {"id": "a-ly-van-bay", "name": "Lý Văn Bảy"}, {"id": "a-to-thi-tam", "name": "Tô Thị Tám"}]
    dataset.year["documents"] += [
        {"id": "a-2024-qd-5", "kind": "quyet-dinh", "number": "5/QĐ-PGDĐT", "date": "2024-10-01",
         "title": "Về việc điều chỉnh thành viên tổ cốt cán", "signer": signer()},
        {"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": "2024-11-01",
         "title": "Về việc kiện toàn tổ cốt cán", "signer": signer(),
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]},
        {"id": "a-2025-qd-12", "kind": "quyet-dinh", "number": "12/QĐ-PGDĐT", "date": "2025-01-15",
         "title": "Về việc bổ sung thành viên nhóm Toán", "signer": signer()}]
    bodies: list[dict[str, Any]] = dataset.year["bodies"]
    toan = next(b for b in bodies if b["id"] == "a-to-toan")
    toan["amendments"] = [
        {"decision": "a-2025-qd-12", "from": "2025-01-15", "add": [
            {"stt": 4, "person": "a-to-thi-tam", "role": "uy-vien", "unit": "a-thcs-hai"}]},
        {"decision": "a-2024-qd-5", "from": "2024-10-01", "remove": [{"person": "a-dang-van-thuy"}], "add": [
            {"stt": 3, "person": "a-ngo-van-nam", "role": "uy-vien", "unit": "a-thcs-mot"}]}]
    bodies.append({"id": "a-to-ngu-van", "kind": "nhom-bo-mon", "name": "Nhóm Ngữ văn", "parent": "a-to",
                   "decision": "a-2024-qd-1", "subject": "ngu-van",
                   "members": [{"stt": 1, "person": "a-vu-thi-sau", "role": "nhom-truong", "unit": "a-thcs-hai"}],
                   "amendments": [{"decision": "a-2024-qd-9", "from": "2024-11-04", "add": [
                       {"stt": 2, "person": "a-ly-van-bay", "role": "uy-vien", "unit": "a-thcs-mot"}]}]})
    bodies[0]["declared_count"] = 3


def test_a_replaced_decision_amended_before_it_was_replaced(dataset: Dataset) -> None:
    """What amended the replaced list is its history: from the replacing decision's day (its
    amendments' `from`, not its signing date) the list and every row still in it are the
    replacing decision's; a row an amendment put in earlier and it kept too; the amendments
    after it are its own amendments. Each day of the year prints the line of that day."""
    _amended_then_replaced(dataset)
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    of_a = "của Phòng Giáo dục và Đào tạo huyện A"
    first = f"(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 {of_a})"
    amended = first[:-1] + "; sửa đổi, bổ sung theo Quyết định số 5/QĐ-PGDĐT ngày 01/10/2024)"
    replaced = (f"(Kèm theo Quyết định số 9/QĐ-PGDĐT ngày 01/11/2024 {of_a}; "
                "thay thế Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024)")
    latest = replaced[:-1] + "; sửa đổi, bổ sung theo Quyết định số 12/QĐ-PGDĐT ngày 15/01/2025)"
    days = {(2024, 9, 30): first, (2024, 10, 1): amended, (2024, 11, 3): amended, (2024, 11, 4): replaced,
            (2025, 1, 14): replaced, (2025, 1, 15): latest}
    for day, line in days.items():
        assert wording.list_origin(portal, team, datetime.date(*day)) == line, day
    html = _page(portal, "to-chuc/a-to/2024-2025/")
    assert _origin_lines(html) == [(' data-from="" data-until="2024-09-30" hidden', first),
                                   (' data-from="2024-10-01" data-until="2024-11-03" hidden', amended),
                                   (' data-from="2024-11-04" data-until="2025-01-14" hidden', replaced),
                                   (' data-from="2025-01-15" data-until=""', latest)]
    # The Toán group: Quyết định 9 changed nothing in it, yet it is Quyết định 9's list.
    toan = portal.bodies[(YEAR, "a-to-toan")]
    assert wording.list_origin(portal, toan) == latest
    for rows in _team_and_group_printed_with(portal, latest):
        by_name = {row["Họ và tên"]: (row["Từ ngày"], row["Đến ngày"], row["Theo văn bản"]) for row in rows}
        by_9 = "thay thế bởi Quyết định số 9/QĐ-PGDĐT từ ngày 04/11/2024"
        assert by_name["Hà Thị Liên"] == ("", "", f"Quyết định số 1/QĐ-PGDĐT; {by_9}")
        assert by_name["Ngô Văn Năm"] == ("01/10/2024", "", f"Quyết định số 5/QĐ-PGDĐT; {by_9}")
        assert by_name["Đặng Vân Thùy"] == ("", "30/09/2024",
                                            "Quyết định số 1/QĐ-PGDĐT; thôi theo Quyết định số 5/QĐ-PGDĐT")
        assert by_name["Tô Thị Tám"] == ("15/01/2025", "", "Quyết định số 12/QĐ-PGDĐT")
    team_rows = {r[1]: r[7] for r in exports.roster_rows(portal, team)}
    assert team_rows["Vũ Thị Sáu"] == f"Quyết định số 1/QĐ-PGDĐT; {by_9}"
    assert team_rows["Lý Văn Bảy"] == "Quyết định số 9/QĐ-PGDĐT"
    # The row as it stood on a day before the replacement cites what was in force then.
    nam = next(t for t in terms.history(toan).terms if t.member.person == "a-ngo-van-nam")
    assert terms.row_document(portal, toan, nam, datetime.date(2024, 10, 15)) == "a-2024-qd-5"
    person = _page(portal, "nguoi/a-ngo-van-nam/")
    assert all("5/QĐ-PGDĐT</a>; thay thế bởi Quyết định số 9/QĐ-PGDĐT từ ngày 04/11/2024" in row
               for row in _rows_of(person, "2024-2025"))
    # Quyết định 1's page: no longer in force from the day Quyết định 9 is, by it.
    assert re.search(r"<dt>Hiệu lực</dt><dd>Hết hiệu lực từ ngày 04/11/2024: được thay thế bởi <a [^>]+>"
                     r"Quyết định số 9/QĐ-PGDĐT</a>", _page(portal, "van-ban/a-2024-qd-1/"))


def test_a_later_years_decision_that_replaces_this_years_leaves_this_years_lists(dataset: Dataset) -> None:
    """A decision of the 2025-2026 file that replaces the 2024-2025 decision (signed in the
    summer both years' files cover) sets up the new year's list: the 2024-2025 list keeps
    its own decision, which its page says was replaced."""
    dataset.files["years/2025-2026/pgddt-a.yml"] = {
        "school_year": "2025-2026", "office": "pgddt-a",
        "documents": [{"id": "a-2025-qd-3", "kind": "quyet-dinh", "number": "3/QĐ-PGDĐT", "date": "2025-08-20",
                       "title": "Về việc thành lập tổ cốt cán năm học 2025-2026",
                       "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
                       "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]}],
        "bodies": [{"id": "a-to", "kind": "to-cot-can", "name": "Tổ cốt cán", "decision": "a-2025-qd-3",
                    "members": [{"person": "a-le-thi-hong", "role": "to-truong"}]}]}
    assert dataset.messages() == []
    portal = _load(dataset)
    old = portal.bodies[(YEAR, "a-to")]
    assert wording.list_origin(portal, old) == wording.list_origin(portal, old, datetime.date(2024, 9, 13)) == (
        "(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 của Phòng Giáo dục và Đào tạo huyện A)")
    assert {r[7] for r in exports.roster_rows(portal, old)} == {"Quyết định số 1/QĐ-PGDĐT"}
    assert "<dt>Danh sách theo</dt>" not in _page(portal, "to-chuc/a-to/2024-2025/")
    assert re.search(r"<dt>Hiệu lực</dt><dd>Hết hiệu lực từ ngày 20/08/2025: được thay thế bởi <a [^>]+>"
                     r"Quyết định số 3/QĐ-PGDĐT</a>", _page(portal, "van-ban/a-2024-qd-1/"))


def _in_force_line(html: str) -> tuple[str, str]:
    """The screen line "Danh sách hiện hành theo ...": (the day the script shows it from, its text)."""
    found = re.search(r'<p class="portal-in-force" data-portal-asof-latest="([^"]*)">(.*?)</p>', html)
    assert found is not None
    return found[1], re.sub(r"<[^>]+>", "", found[2])


def test_the_current_list_line_names_a_replacement_of_the_replacing_decision(dataset: Dataset) -> None:
    """The reviewer's chain: Quyết định 9 replaces Quyết định 1 (and amends it from 04/11/2024),
    then Quyết định 15 of 03/02/2025 replaces Quyết định 9, amending nothing. From 03/02/2025
    the list is Quyết định 15's: the screen line says so, as "Danh sách theo" and the printed
    line do; an amendment after the replacement is named again."""
    _amended_then_replaced(dataset)
    dataset.year["documents"].append(
        {"id": "a-2025-qd-15", "kind": "quyet-dinh", "number": "15/QĐ-PGDĐT", "date": "2025-02-03",
         "title": "Về việc kiện toàn lần hai tổ cốt cán",
         "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
         "related": [{"ref": "a-2024-qd-9", "relation": "thay-the"}]})
    assert dataset.messages() == []
    portal = _load(dataset)
    # The chain, back to the list's own decision: a reader holding Quyết định 1's list (or
    # 9's) finds the one in their hands named, wherever the list's origin is printed.
    chain = ("thay thế Quyết định số 9/QĐ-PGDĐT ngày 01/11/2024 "
             "và Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024")
    for url in ("to-chuc/a-to/2024-2025/", "to-chuc/a-to-toan/2024-2025/"):
        html = _page(portal, url)
        assert _in_force_line(html) == ("2025-02-03", "Danh sách hiện hành theo Quyết định số 15/QĐ-PGDĐT, "
                                                      "từ ngày 03/02/2025."), url
        # "Danh sách theo", day by day: the decision the list is in and, in the printed
        # line's words (the signing dates), what it replaced back to Quyết định 1.
        stretches = {attributes: [text for _, text in dds] for dds, attributes in _list_sources(html)}
        assert list(stretches) == [' data-from="" data-until="2024-11-03" hidden',
                                   ' data-from="2024-11-04" data-until="2025-02-02" hidden',
                                   ' data-from="2025-02-03" data-until=""'], url
        named = [[wording.dated_name(portal.documents[d]) for d in docs]
                 for docs in (["a-2024-qd-1"], ["a-2024-qd-9", "a-2024-qd-1"], ["a-2025-qd-15", "a-2024-qd-9"])]
        for (document, *replaced), texts in zip(named, stretches.values(), strict=True):
            assert texts[0].startswith(document + ": ") and len(texts) == 1 + bool(replaced), url
        assert stretches[' data-from="2025-02-03" data-until=""'][1] == chain[0].upper() + chain[1:], url
        lines = dict(_origin_lines(html))
        assert lines[' data-from="2025-02-03" data-until=""'] == (
            "(Kèm theo Quyết định số 15/QĐ-PGDĐT ngày 03/02/2025 của Phòng Giáo dục và Đào tạo huyện A; "
            f"{chain})"), url  # 12 amended 9's list: history once 15 re-issued it
        # Before 15, the line names 9 and what it replaced only.
        assert lines[' data-from="2024-11-04" data-until="2025-01-14" hidden'].endswith(
            "; thay thế Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024)"), url
    for body in (portal.bodies[(YEAR, "a-to")], portal.bodies[(YEAR, "a-to-toan")]):
        sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, body))).active
        assert sheet is not None and chain in sheet["A2"].value, body.id
    # A row of the first list names each decision that held it after the one that put it in.
    both = ("thay thế bởi Quyết định số 9/QĐ-PGDĐT từ ngày 04/11/2024, "
            "Quyết định số 15/QĐ-PGDĐT từ ngày 03/02/2025")
    team_rows = {r[1]: r[7] for r in exports.roster_rows(portal, portal.bodies[(YEAR, "a-to")])}
    assert team_rows["Hà Thị Liên"] == f"Quyết định số 1/QĐ-PGDĐT; {both}"
    by_15 = "thay thế bởi Quyết định số 15/QĐ-PGDĐT từ ngày 03/02/2025"
    assert team_rows["Lý Văn Bảy"] == f"Quyết định số 9/QĐ-PGDĐT; {by_15}"
    assert team_rows["Tô Thị Tám"] == f"Quyết định số 12/QĐ-PGDĐT; {by_15}"
    (row,) = _rows_of(_page(portal, "nguoi/a-ha-thi-lien/"), "2024-2025")
    assert f"1/QĐ-PGDĐT</a>; {both}" in row
    # An amendment after the replacement is the latest change again.
    toan = next(b for b in dataset.year["bodies"] if b["id"] == "a-to-toan")
    toan["amendments"][0]["from"] = "2025-03-02"
    html = _page(_load(dataset), "to-chuc/a-to/2024-2025/")
    assert _in_force_line(html) == ("2025-03-02", "Danh sách hiện hành theo Quyết định số 12/QĐ-PGDĐT, "
                                                  "từ ngày 02/03/2025.")


def test_a_list_joined_by_a_group_set_up_later_is_offered_on_any_day(dataset: Dataset) -> None:
    """Quyết định 7 (02/12/2024) sets up a Ngữ văn group in the team that Quyết định 1 set up;
    nothing is amended or replaced. The team's list grows that day: its page offers it on any
    day, the group's rows from 02/12/2024, each day's sheet with that day's line."""
    dataset.files["people/pgddt-a.yml"]["people"].append({"id": "a-vu-thi-sau", "name": "Vũ Thị Sáu"})
    dataset.year["documents"].append(
        {"id": "a-2024-qd-7", "kind": "quyet-dinh", "number": "7/QĐ-PGDĐT", "date": "2024-12-02",
         "title": "Về việc thành lập nhóm Ngữ văn", "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"}})
    dataset.year["bodies"].append(
        {"id": "a-to-ngu-van", "kind": "nhom-bo-mon", "name": "Nhóm Ngữ văn", "parent": "a-to",
         "decision": "a-2024-qd-7", "subject": "ngu-van",
         "members": [{"stt": 3, "person": "a-vu-thi-sau", "role": "nhom-truong", "unit": "a-thcs-hai"}]})
    dataset.year["bodies"][0]["declared_count"] = 3
    assert dataset.messages() == []
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    assert not terms.amended(portal.list_bodies(team)) and not terms.list_replacements(portal, team)
    html = _page(portal, "to-chuc/a-to/2024-2025/")
    first = "(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 của Phòng Giáo dục và Đào tạo huyện A)"
    assert _origin_lines(html) == [
        (' data-from="" data-until="2024-12-01" hidden', first),
        (' data-from="2024-12-02" data-until=""', first[:-1] + "; sửa đổi, bổ sung theo Quyết định số "
                                                             "7/QĐ-PGDĐT ngày 02/12/2024)")]
    assert '<input type="date" id="portal-asof-a-to" min="2024-09-13"' in html
    assert _in_force_line(html) == ("2024-12-02", "Danh sách hiện hành theo Quyết định số 7/QĐ-PGDĐT, "
                                                  "từ ngày 02/12/2024.")
    (row,) = _rows_of(html, "Vũ Thị Sáu")
    assert row.startswith(' data-from="2024-12-02" data-until=""')
    # The group's own list never changed: no control there.
    assert "data-portal-asof" not in _page(portal, "to-chuc/a-to-ngu-van/2024-2025/")


def test_a_replacement_dated_by_its_month_only_is_published_by_its_month(dataset: Dataset) -> None:
    """Quyết định 9 dated 'tháng 12/2024' (the day left blank), with no amendment, replaces
    Quyết định 1: the pages say 'từ tháng 12/2024', never a first of the month the data does
    not give; the list is Quyết định 9's from 01/12/2024 all the same."""
    dataset.year["documents"].append(
        {"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": "2024-12",
         "title": "Về việc kiện toàn tổ cốt cán", "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]})
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    assert terms.list_in_force(portal, team, datetime.date(2024, 11, 30)).document == "a-2024-qd-1"
    assert terms.list_in_force(portal, team, datetime.date(2024, 12, 1)).document == "a-2024-qd-9"
    page = _page(portal, "to-chuc/a-to/2024-2025/")
    (dds, latest) = _list_sources(page)[-1]
    assert latest == ' data-from="2024-12-01" data-until=""'  # read by the script only
    assert dds[1][1] == "Thay thế Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024"
    replaced = _page(portal, "van-ban/a-2024-qd-1/")
    assert re.search(r"<dt>Hiệu lực</dt><dd>Hết hiệu lực từ tháng 12/2024: được thay thế bởi ", replaced)
    for html in (page, replaced):
        assert "01/12/2024" not in html


def test_the_replaced_decision_is_marked_in_every_list_of_documents(repo_portal: Portal) -> None:
    """Quyết định 215, replaced by 260 from 04/11/2024: each list of documents (the archive's
    every section, its office's page, its year's page) marks it as its own page does, and
    260's feed entry says it replaces 215. 260 itself is no replaced document."""
    p = repo_portal
    old, new = p.documents[SAMPLE_215], p.documents[SAMPLE_260]
    pages = Pages(p)
    renderer = Renderer(pages)
    specs = {s.url: s for s in pages.all()}
    mark = "hết hiệu lực từ ngày 04/11/2024"
    urls = ["van-ban/", f"don-vi/{old.office}/", f"nam-hoc/{YEAR}/"]
    for url in urls:
        items = re.findall(r"<li>(.*?)</li>", renderer.render(specs[url]), re.S)
        of_old = [item for item in items if f'href="{_relative_document(url, old.id)}"' in item]
        of_new = [item for item in items if f'href="{_relative_document(url, new.id)}"' in item]
        assert of_old and all(item.endswith(f" — {mark}") for item in of_old), url
        assert of_new and not any("hết hiệu lực" in item for item in of_new), url
    assert f"<dd>{mark.capitalize()}: được thay thế bởi" in renderer.render(specs[f"van-ban/{old.id}/"])
    root = ET.fromstring(feed.feed_bytes(p, None, "https://so.example.vn/"))
    summaries = {link.get("href"): entry.findtext(f"{ATOM}summary") or "" for entry in root.iter(f"{ATOM}entry")
                 for link in entry.iter(f"{ATOM}link")}
    assert (f"{new.title}.\nThay thế Quyết định số 215/QĐ-PGDĐT ngày 10/09/2024 từ ngày 04/11/2024.\n"
            in summaries[f"https://so.example.vn/van-ban/{new.id}/"])  # the title ends its sentence (review C, D8)
    assert "Thay thế" not in summaries[f"https://so.example.vn/van-ban/{old.id}/"]


def _relative_document(page: str, document: str) -> str:
    return "../" * page.count("/") + f"van-ban/{document}/"


def test_a_list_replaced_on_its_own_first_day_is_the_replacing_decisions_all_year(dataset: Dataset) -> None:
    """Quyết định 9, signed the day Quyết định 1 set the team up, replaces it (a clerk's
    corrected copy): Quyết định 1 held the list no day. The page offers no day (nothing
    changes), each row is Quyết định 9's alone, and the line says what 9 replaced."""
    first = next(d for d in dataset.year["documents"] if d["id"] == "a-2024-qd-1")
    dataset.year["documents"].append(
        {"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": first["date"],
         "title": "Về việc thành lập tổ cốt cán (thay thế)",
         "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]})
    assert dataset.messages() == []
    portal = _load(dataset)
    replacing = portal.documents["a-2024-qd-9"]
    for body_id in ("a-to", "a-to-toan"):
        body = portal.bodies[(YEAR, body_id)]
        assert terms.list_replacements(portal, body) and not terms.changes_in_year(portal, body), body_id
        assert terms.origin_days(portal, body) == [], body_id
        assert {r[7] for r in exports.roster_rows(portal, body)} == {wording.document_name(replacing)}, body_id
        assert wording.list_origin(portal, body).endswith(
            "; " + wording.replaced_chain(portal, terms.list_replacements(portal, body)) + ")"), body_id
        html = _page(portal, f"to-chuc/{body_id}/2024-2025/")
        assert "data-portal-asof" not in html and "data-from" not in html, body_id
        (dds, attributes), = _list_sources(html)
        assert attributes == "" and dds[0][1].startswith(wording.dated_name(replacing) + ": "), body_id


def test_a_list_another_office_took_over_is_printed_under_each_days_letterhead(dataset: Dataset) -> None:
    """Sở GDĐT T's Quyết định 20 (04/11/2024) replaces Phòng A's Quyết định 1: the sheet printed
    for a day before is headed by the Phòng, as its line names Quyết định 1 "của Phòng ...";
    from 04/11/2024, by the Sở. Each letterhead holds the days its line does."""
    dataset.files["offices.yml"]["offices"] += [
        {"id": "ubnd-t", "name": "Ủy ban nhân dân tỉnh T", "short_name": "UBND tỉnh T", "kind": "ubnd-tinh",
         "place": "T"},
        {"id": "so-t", "name": "Sở Giáo dục và Đào tạo tỉnh T", "short_name": "Sở GDĐT T", "kind": "so-gddt",
         "parent": "ubnd-t", "place": "T"}]
    dataset.year["documents"].append(
        {"id": "t-2024-qd-20", "kind": "quyet-dinh", "number": "20/QĐ-SGDĐT", "date": "2024-11-04",
         "issuer": "so-t", "title": "Về việc kiện toàn tổ cốt cán huyện A",
         "signer": {"person": "a-le-thi-hong", "title": "Giám đốc"},
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]})
    # Another office's decision taking over a list: a warning to check, no error.
    assert [m.split(":")[0] for m in dataset.messages()] == [
        "CẢNH BÁO data/years/2024-2025/pgddt-a.yml, dòng 25, mục documents[1].related[0].ref"]
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    html = _page(portal, "to-chuc/a-to/2024-2025/")
    headings = re.findall(r'<p class="portal-print-issuer"([^>]*)>(.*?)</p>', html)
    lines = _origin_lines(html)
    assert [attributes for attributes, _ in headings] == [attributes for attributes, _ in lines]
    assert len(headings) == 2
    for (attributes, heading), (_, line) in zip(headings, lines, strict=True):
        day = re.search(r'data-until="([^"]*)"', attributes)
        assert day is not None
        on = datetime.date.fromisoformat(day[1]) if day[1] else None
        issuer = portal.documents[terms.list_in_force(portal, team, on).document].issuer
        assert issuer is not None and portal.offices[issuer].name in line
        assert re.sub(r"<[^>]+>", "", heading.replace("<br>", "\n")).split("\n") == list(
            wording.issuer_heading(portal, issuer)), attributes
    assert [portal.documents[terms.list_in_force(portal, team, day).document].issuer
            for day in (datetime.date(2024, 11, 3), None)] == ["pgddt-a", "so-t"]


def _groups_set_up_by_their_own_decisions(dataset: Dataset) -> None:
    """Quyết định 1 (13/09/2024) sets the team and its Toán group up; Quyết định 0 (05/09/2024,
    before it) had set up a Tiếng Anh group, Quyết định 3 (01/10/2024, after it) sets up a Ngữ
    văn group, each group by its own decision; Quyết định 9 (04/11/2024) replaces Quyết định 1."""
    def signer() -> dict[str, str]:  # one dict each: a shared one would be written as a YAML alias
        return {"person": "a-le-thi-hong", "title": "Trưởng phòng"}
    dataset.files["subjects.yml"]["subjects"].append({"id": "tieng-anh", "name": "Tiếng Anh"})
    dataset.files["people/pgddt-a.yml"]["people"] += [
        {"id": "a-vu-thi-sau", "name": "Vũ Thị Sáu"}, {"id": "a-ly-van-bay", "name": "Lý Văn Bảy"}]
    dataset.year["documents"] += [
        {"id": "a-2024-qd-0", "kind": "quyet-dinh", "number": "0/QĐ-PGDĐT", "date": "2024-09-05",
         "title": "Về việc thành lập nhóm Tiếng Anh", "signer": signer()},
        {"id": "a-2024-qd-3", "kind": "quyet-dinh", "number": "3/QĐ-PGDĐT", "date": "2024-10-01",
         "title": "Về việc thành lập nhóm Ngữ văn", "signer": signer()},
        {"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": "2024-11-04",
         "title": "Về việc kiện toàn tổ cốt cán", "signer": signer(),
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]}]
    dataset.year["bodies"] += [
        {"id": "a-to-tieng-anh", "kind": "nhom-bo-mon", "name": "Nhóm Tiếng Anh", "parent": "a-to",
         "decision": "a-2024-qd-0", "subject": "tieng-anh",
         "members": [{"stt": 3, "person": "a-ly-van-bay", "role": "nhom-truong", "unit": "a-thcs-mot"}]},
        {"id": "a-to-ngu-van", "kind": "nhom-bo-mon", "name": "Nhóm Ngữ văn", "parent": "a-to",
         "decision": "a-2024-qd-3", "subject": "ngu-van",
         "members": [{"stt": 4, "person": "a-vu-thi-sau", "role": "nhom-truong", "unit": "a-thcs-hai"}]}]
    dataset.year["bodies"][0]["declared_count"] = 4


def test_a_decision_signed_before_the_lists_is_never_said_to_amend_it(dataset: Dataset) -> None:
    """A decision signed on or before the one the list is in cannot amend that list: Quyết định
    0, older than Quyết định 1, is never named "sửa đổi, bổ sung theo"; Quyết định 3 is, while
    Quyết định 1 holds the list, and no longer once Quyết định 9 re-issued the whole list (it is
    history then). The page's lines, the workbook's heading and the screen agree."""
    _groups_set_up_by_their_own_decisions(dataset)
    assert dataset.messages() == []
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    of_a = "của Phòng Giáo dục và Đào tạo huyện A"
    first = f"(Kèm theo Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024 {of_a})"
    with_3 = first[:-1] + "; sửa đổi, bổ sung theo Quyết định số 3/QĐ-PGDĐT ngày 01/10/2024)"
    latest = (f"(Kèm theo Quyết định số 9/QĐ-PGDĐT ngày 04/11/2024 {of_a}; "
              "thay thế Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024)")
    days = {(2024, 9, 30): first, (2024, 10, 1): with_3, (2024, 11, 3): with_3, (2024, 11, 4): latest}
    for day, line in days.items():
        assert wording.list_origin(portal, team, datetime.date(*day)) == line, day
    assert wording.list_origin(portal, team) == latest
    assert [line for _, line in _origin_lines(_page(portal, "to-chuc/a-to/2024-2025/"))] == [first, with_3, latest]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.roster_xlsx(portal, team))).active
    assert sheet is not None and sheet["A2"].value == latest
    # Each group's rows still cite the decision that set it up; each group's own list is its.
    rows = {r[1]: r[7] for r in exports.roster_rows(portal, team)}
    assert rows["Lý Văn Bảy"] == "Quyết định số 0/QĐ-PGDĐT" and rows["Vũ Thị Sáu"] == "Quyết định số 3/QĐ-PGDĐT"
    for group, decision in (("a-to-tieng-anh", "0/QĐ-PGDĐT ngày 05/09/2024"),
                            ("a-to-ngu-van", "3/QĐ-PGDĐT ngày 01/10/2024")):
        assert wording.list_origin(portal, portal.bodies[(YEAR, group)]) == (
            f"(Kèm theo Quyết định số {decision} {of_a})"), group


def test_a_row_put_in_on_the_day_of_a_replacement_is_the_replacing_decisions(dataset: Dataset) -> None:
    """Quyết định 7 adds Ngô Văn Năm to the Toán group from 04/11/2024, the day Quyết định 9,
    which replaces Quyết định 1, comes into force: Quyết định 9 re-issues the whole list with
    his row in it, so his row is Quyết định 9's alone, in the exports and on his page, as the
    printed line has it; the rows Quyết định 1 put in say that 9 took them over."""
    def signer() -> dict[str, str]:
        return {"person": "a-le-thi-hong", "title": "Trưởng phòng"}
    dataset.files["people/pgddt-a.yml"]["people"].append({"id": "a-ngo-van-nam", "name": "Ngô Văn Năm"})
    dataset.year["documents"] += [
        {"id": "a-2024-qd-7", "kind": "quyet-dinh", "number": "7/QĐ-PGDĐT", "date": "2024-11-01",
         "title": "Về việc bổ sung thành viên nhóm Toán", "signer": signer()},
        {"id": "a-2024-qd-9", "kind": "quyet-dinh", "number": "9/QĐ-PGDĐT", "date": "2024-11-04",
         "title": "Về việc kiện toàn tổ cốt cán", "signer": signer(),
         "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]}]
    toan = next(b for b in dataset.year["bodies"] if b["id"] == "a-to-toan")
    toan["amendments"] = [{"decision": "a-2024-qd-7", "from": "2024-11-04", "add": [
        {"stt": 3, "person": "a-ngo-van-nam", "role": "uy-vien", "unit": "a-thcs-mot"}]}]
    assert dataset.messages() == []
    portal = _load(dataset)
    latest = ("(Kèm theo Quyết định số 9/QĐ-PGDĐT ngày 04/11/2024 của Phòng Giáo dục và Đào tạo huyện A; "
              "thay thế Quyết định số 1/QĐ-PGDĐT ngày 13/09/2024)")
    for rows in _team_and_group_printed_with(portal, latest):
        by_name = {row["Họ và tên"]: (row["Từ ngày"], row["Theo văn bản"]) for row in rows}
        assert by_name["Ngô Văn Năm"] == ("04/11/2024", "Quyết định số 9/QĐ-PGDĐT")
        assert by_name["Hà Thị Liên"] == (
            "", "Quyết định số 1/QĐ-PGDĐT; thay thế bởi Quyết định số 9/QĐ-PGDĐT từ ngày 04/11/2024")
    nam = next(t for t in terms.history(portal.bodies[(YEAR, "a-to-toan")]).terms if t.member.person == "a-ngo-van-nam")
    assert terms.row_source(portal, portal.bodies[(YEAR, "a-to-toan")], nam) == terms.RowSource("a-2024-qd-9")
    (row,) = _rows_of(_page(portal, "nguoi/a-ngo-van-nam/"), "2024-2025")
    cited = re.sub(r"<[^>]+>", "", row.split('data-label="Theo văn bản">')[1]).strip()
    assert cited == "Quyết định số 9/QĐ-PGDĐT"


_NGO_VAN_NAM = [{"stt": 3, "person": "a-ngo-van-nam", "role": "uy-vien", "unit": "a-thcs-mot"}]
_QD9_REPLACES_QD1 = {"id": "a-2024-qd-9", "number": "9/QĐ-PGDĐT", "date": "2024-11-04",
                     "related": [{"ref": "a-2024-qd-1", "relation": "thay-the"}]}


@pytest.mark.parametrize("documents, amendment, cited", [
    # Signed the day of the list's decision, in force a week later: it amends the list.
    ([{"id": "a-2024-qd-2", "number": "2/QĐ-PGDĐT", "date": "2024-09-13"}],
     {"decision": "a-2024-qd-2", "from": "2024-09-20"}, "2/QĐ-PGDĐT"),
    # Signed the day of the replacing decision: it amends the replacing decision's list, from
    # that day or later; the row is its own, not the replacing decision's.
    ([_QD9_REPLACES_QD1, {"id": "a-2024-qd-10", "number": "10/QĐ-PGDĐT", "date": "2024-11-04"}],
     {"decision": "a-2024-qd-10", "from": "2024-11-04"}, "10/QĐ-PGDĐT"),
    ([_QD9_REPLACES_QD1, {"id": "a-2024-qd-10", "number": "10/QĐ-PGDĐT", "date": "2024-11-04"}],
     {"decision": "a-2024-qd-10", "from": "2024-11-10"}, "10/QĐ-PGDĐT"),
    # Signed before the replacement, in force after it: not in the list the replacing one re-issued.
    ([_QD9_REPLACES_QD1, {"id": "a-2024-qd-5", "number": "5/QĐ-PGDĐT", "date": "2024-10-20"}],
     {"decision": "a-2024-qd-5", "from": "2024-11-15"}, "5/QĐ-PGDĐT"),
])
def test_an_amendment_in_force_after_the_list_began_is_cited_by_the_line_as_by_its_row(
        dataset: Dataset, documents: list[dict[str, Any]], amendment: dict[str, Any], cited: str) -> None:
    """A review: leaving out of the line every document signed on or before the list's (the
    mend of a subject group's older decision cited as amending it) dropped amendments signed
    the same day as the list's or the replacing decision, or before it and in force after it,
    while their rows cited them; and a row put in the day of a replacement by an amendment
    signed that day was given to the replacing decision."""
    dataset.files["people/pgddt-a.yml"]["people"].append({"id": "a-ngo-van-nam", "name": "Ngô Văn Năm"})
    for document in documents:
        dataset.year["documents"].append({"kind": "quyet-dinh", "title": "Về việc điều chỉnh tổ cốt cán",
                                          "signer": {"person": "a-le-thi-hong", "title": "Trưởng phòng"},
                                          **document})
    next(b for b in dataset.year["bodies"] if b["id"] == "a-to-toan")["amendments"] = [
        {**amendment, "add": _NGO_VAN_NAM}]
    assert dataset.messages() == []
    portal = _load(dataset)
    team = portal.bodies[(YEAR, "a-to")]
    row = {r[1]: r[7] for r in exports.roster_rows(portal, team)}["Ngô Văn Năm"]
    assert row == f"Quyết định số {cited}"
    assert f"sửa đổi, bổ sung theo Quyết định số {cited} ngày" in wording.list_origin(portal, team)
    (person_row,) = _rows_of(_page(portal, "nguoi/a-ngo-van-nam/"), "2024-2025")
    assert f"Quyết định số {cited}" in person_row and "thay thế bởi" not in person_row
