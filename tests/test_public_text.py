"""Full texts and small glitches of the public pages (issue 15, part 5): tab-separated tables
in a stored full text, a plan's step and period as printed, a legal basis citing several
documents, the heading of a document without a number, a role printed with a slip."""

from __future__ import annotations

import dataclasses

from conftest import Dataset
from portal import fulltext, wording
from portal.contexts import DocumentPage
from portal.dates import PartialDate, SchoolYear
from portal.model import Portal
from portal.pages import Pages


def test_tab_separated_lines_of_a_full_text_are_tables(repo_portal: Portal) -> None:
    text = repo_portal.documents["dbp-2024-qd-to-cot-can-thcs"].text or ""
    blocks = fulltext.blocks(text)
    tables = [b for b in blocks if isinstance(b, fulltext.TableBlock)]
    assert tables and [t.ordinal for t in tables] == list(range(1, len(tables) + 1))
    first = tables[0]
    assert first.header == ("STT", "Họ và tên", "Chức vụ -Đơn vị công tác", "Ghi chú")
    assert first.rows[0][:3] == ("1", "Cao Thị Đại", "Hiệu trưởng - THCS Him Lam")
    assert all(len(row) == len(first.header) for row in first.rows)  # the empty "Ghi chú" kept as a cell
    # Nothing lost: every cell is in a table and the prose keeps every other line.
    prose = "\n".join(b.text for b in blocks if isinstance(b, fulltext.TextBlock))
    assert "Cao Thị Đại" not in prose and "Điều 1. Thành lập Tổ cốt cán" in prose
    assert sum(len(t.rows) + bool(t.header) for t in tables) == sum("\t" in line for line in text.split("\n"))


def test_messy_tab_lines_a_clerk_pastes() -> None:
    text = ("QUYẾT ĐỊNH\nMột dòng\tlẻ loi\n\n1.\tTHCS Tân Phú Trung\n2.\tTHCS Phước Vĩnh An\n09.\tTHCS Bình Hòa\t\n\n"
            "Số: 3166\tĐẾN\nNgày: 17/6/2020\tChuyên: Kiên Giang\tthêm\nKết thúc.")
    blocks = fulltext.blocks(text)
    kinds = [type(b).__name__ for b in blocks]
    # A single tab line stays text; a numbered list without header is a table without header.
    assert kinds == ["TextBlock", "TableBlock", "TableBlock", "TextBlock"]
    numbered, stamp = blocks[1], blocks[2]
    assert isinstance(numbered, fulltext.TableBlock) and isinstance(stamp, fulltext.TableBlock)
    assert numbered.header == () and numbered.rows[2] == ("09.", "THCS Bình Hòa")
    assert stamp.header == ()
    assert stamp.rows == (("Số: 3166", "ĐẾN", ""), ("Ngày: 17/6/2020", "Chuyên: Kiên Giang", "thêm"))
    assert blocks[0] == fulltext.TextBlock("QUYẾT ĐỊNH\nMột dòng\tlẻ loi\n")
    assert blocks[3] == fulltext.TextBlock("Kết thúc.")
    assert fulltext.blocks("") == ()


def test_a_step_already_printed_in_the_title_is_not_doubled(repo_portal: Portal) -> None:
    plan = repo_portal.documents["kg-2020-kh-1308"]
    steps = [a for a in plan.activities if a.step]
    assert steps and all(wording.activity_title(a) == a.title for a in steps)
    assert not any(wording.activity_title(a).startswith("Bước 1. Bước") for a in plan.activities)
    bare = dataclasses.replace(steps[0], title="Sở GDĐT xây dựng kế hoạch", step=3)
    assert wording.activity_title(bare) == "Bước 3. Sở GDĐT xây dựng kế hoạch"
    assert wording.activity_title(dataclasses.replace(bare, title="bước 3 - Sở GDĐT")) == "bước 3 - Sở GDĐT"


def test_a_period_whose_ends_are_equal_is_one_date(repo_portal: Portal) -> None:
    plan = repo_portal.documents["kg-2020-kh-1308"]
    same = [a for a in plan.activities if a.start and a.end and a.start == a.end]
    assert same, "Kiên Giang 1308 has an activity from tháng 07/2020 to tháng 07/2020"
    assert all(wording.activity_time(a) == wording.date_text(a.start) for a in same)
    act = same[0]
    assert wording.activity_time(dataclasses.replace(act, end=PartialDate(2020, 9))) == "tháng 07/2020 – tháng 09/2020"
    assert wording.activity_time(dataclasses.replace(act, end=None)) == "tháng 07/2020"
    assert wording.activity_time(dataclasses.replace(act, due=PartialDate(2020, 7, 15))) == "hạn 15/07/2020"
    assert wording.activity_time(dataclasses.replace(act, start=None, end=None)) == ""


def test_one_basis_may_cite_several_documents(repo_portal: Portal) -> None:
    decision = repo_portal.documents["dbp-2024-qd-to-cot-can-thcs"]
    third = decision.legal_bases[2]
    assert third.cited == ("bgddt-tt-14-2018", "bgddt-tt-20-2018")
    pages = {c.doc.id: c for s in Pages(repo_portal).document_pages() if isinstance(c := s.context, DocumentPage)}
    line = pages[decision.id].legal_bases[2]
    assert [d.id for d in line.documents] == ["bgddt-tt-14-2018", "bgddt-tt-20-2018"]
    # Each cited document lists the decision among the documents that cite it.
    for ref in third.cited:
        assert (decision, wording.LEGAL_BASIS_RELATION) in pages[ref].referenced_by


def test_an_unknown_document_in_refs_is_reported_at_its_place(dataset: Dataset) -> None:
    doc = dataset.year["documents"][0]
    doc["legal_bases"] = [{"text": "Căn cứ Thông tư 14/2018 và 20/2018", "refs": ["a-2024-qd-1", "bgddt-tt-14-2018"]}]
    messages = dataset.messages()
    assert len(messages) == 1
    assert "legal_bases[0].refs[1]" in messages[0] and "'bgddt-tt-14-2018'" in messages[0]
    doc["legal_bases"] = [{"text": "Căn cứ", "refs": "a-2024-qd-1"}]  # a list is expected
    assert any("legal_bases[0].refs" in m for m in dataset.messages())


def test_a_document_without_a_number_is_headed_by_its_title(repo_portal: Portal) -> None:
    regulation = repo_portal.documents["tdm-2015-quy-che-to-mang-luoi"]
    assert wording.document_heading(regulation) == "Quy chế hoạt động Tổ mạng lưới chuyên môn cấp Tiểu học"
    assert wording.document_page_title(regulation) == wording.document_heading(regulation)
    other = dataclasses.replace(regulation, kind="ke-hoach", title="Về việc bồi dưỡng giáo viên")
    assert wording.document_heading(other) == "Kế hoạch: Về việc bồi dưỡng giáo viên"
    numbered = repo_portal.documents["dbp-2024-qd-to-cot-can-thcs"]
    assert wording.document_heading(numbered) == wording.document_name(numbered)
    assert wording.document_page_title(numbered) == wording.document_citation(numbered)


def test_a_role_printed_with_a_slip_keeps_it_with_the_standard_title_beside(repo_portal: Portal) -> None:
    cluster = repo_portal.bodies[(SchoolYear(2024), "cc-cum-02")]
    deputy = next(m for m in cluster.members if m.role == "pho-cum-truong")
    assert wording.member_role(deputy) == "Phó Cục trưởng"
    assert wording.role_as_printed_note(deputy) == "tức Phó Cụm trưởng; văn bản ghi như vậy"
    leader = next(m for m in cluster.members if m.role == "cum-truong")
    assert wording.role_as_printed_note(leader) == ""
    # Spelling variants and case are no slip.
    for variant in ("phó cụm trưởng", "Phó  Cụm trưởng"):
        assert wording.role_as_printed_note(dataclasses.replace(deputy, role_text=variant)) == ""
    member = dataclasses.replace(deputy, role="uy-vien", role_text="Uỷ viên")
    assert wording.role_as_printed_note(member) == ""
