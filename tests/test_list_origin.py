"""Which document a list is said to come from: the page's "Danh sách theo", the printed
sheet's line under its title, the exports' "Theo văn bản" and a person's roles agree."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import openpyxl

from conftest import Dataset
from portal import exports, wording
from portal.contexts import BodyPage
from portal.dates import SchoolYear
from portal.load import load_or_raise
from portal.model import Portal
from portal.pages import Pages
from portal.render import Renderer

YEAR = SchoolYear(2024)


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
        assert page.print_header.issuer[0].startswith("ỦY BAN NHÂN DÂN "), page.body.id


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
    ]
    portal = _load(dataset)
    above = "UỶ BAN NHÂN DÂN  HUYỆN A"  # as typed
    assert wording.issuer_heading(portal, "pgddt-a") == (above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
    assert wording.issuer_heading(portal, "so-t") == ("ỦY BAN NHÂN DÂN TỈNH THUẬN HOÀ", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    assert wording.issuer_heading(portal, "pgddt-b") == (above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN B")
    assert wording.issuer_heading(portal, "cuc") == ("BỘ GIÁO DỤC VÀ ĐÀO TẠO",
                                                     "CỤC NHÀ GIÁO VÀ CÁN BỘ QUẢN LÝ GIÁO DỤC")
    assert wording.issuer_heading(portal, "bo") == ("BỘ GIÁO DỤC VÀ ĐÀO TẠO",)
    # The printed list of the Phòng's team: its sheet's top left.
    spec = next(spec for spec in Pages(portal).all()
                if isinstance(spec.context, BodyPage) and spec.context.body.id == "a-to")
    assert isinstance(spec.context, BodyPage)
    assert spec.context.print_header.issuer == (above, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO")
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
