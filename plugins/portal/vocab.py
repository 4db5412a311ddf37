"""Controlled vocabularies of the data format, with their Vietnamese labels.

The keys are what a data file holds; the values are what a page shows. The JSON
Schemas take their enums from here, so a new role or kind is added in one place.
"""

from __future__ import annotations

OFFICE_KINDS: dict[str, str] = {
    "bo-gddt": "Bộ Giáo dục và Đào tạo",
    "so-gddt": "Sở Giáo dục và Đào tạo",
    "phong-gddt": "Phòng Giáo dục và Đào tạo",
    "ubnd-tinh": "Ủy ban nhân dân cấp tỉnh",
    "ubnd-huyen": "Ủy ban nhân dân cấp huyện",
    "ubnd-xa": "Ủy ban nhân dân cấp xã",
}
SO_GDDT = "so-gddt"  # a province's department: "Sở GDĐT" in a list names it (importer.matcher)
PHONG_GDDT = "phong-gddt"  # a district's office: in a Sở's list, "Phòng GDĐT huyện X" names one (importer.matcher)
# The People's Committees: the governing bodies, whose own letterhead names no body above them.
GOVERNING_KINDS = frozenset({"ubnd-tinh", "ubnd-huyen", "ubnd-xa"})

# Why an office ended (`end_reason`, with `valid_until` and `successors`), as GOV.UK words
# its closed organisations: merged into another, split between several, renamed (a new
# record under a new id), or abolished with its tasks handed on.
OFFICE_END_REASONS: dict[str, str] = {
    "sap-nhap": "Sáp nhập, hợp nhất",
    "chia-tach": "Chia, tách",
    "doi-ten": "Đổi tên",
    "giai-the": "Giải thể, chấm dứt hoạt động",
}

SCHOOL_LEVELS: dict[str, str] = {
    "MN": "Mầm non",
    "TH": "Tiểu học",
    "THCS": "Trung học cơ sở",
    "TH-THCS": "Tiểu học và Trung học cơ sở",
    "THCS-THPT": "Trung học cơ sở và Trung học phổ thông",
    "THPT": "Trung học phổ thông",
    "GDTX": "Giáo dục thường xuyên",
}

DOCUMENT_KINDS: dict[str, str] = {
    "quyet-dinh": "Quyết định",
    "ke-hoach": "Kế hoạch",
    "huong-dan": "Hướng dẫn",
    "quy-che": "Quy chế",
    "cong-van": "Công văn",
    "to-trinh": "Tờ trình",
    "thong-tu": "Thông tư",
    "nghi-quyet": "Nghị quyết",
    "thong-bao": "Thông báo",
}

SIGNING_CAPACITIES: dict[str, str] = {
    "KT.": "Ký thay",
    "TL.": "Thừa lệnh",
    "TM.": "Thay mặt",
    "TUQ.": "Thừa ủy quyền",
    "Q.": "Quyền",
}

RELATIONS: dict[str, str] = {
    "chap-thuan": "chấp thuận",
    "trinh": "trình duyệt",
    "kem-theo": "ban hành kèm theo",
    "thuc-hien": "thực hiện",
    "huong-dan": "hướng dẫn",
    "thay-the": "thay thế",
}

BODY_KINDS: dict[str, str] = {
    "to-cot-can": "Tổ cốt cán",
    "hoi-dong": "Hội đồng chuyên môn",
    "to-mang-luoi": "Tổ mạng lưới chuyên môn",
    "nhom-bo-mon": "Nhóm bộ môn",
    "cum-chuyen-mon": "Cụm chuyên môn",
    "nhom-lien-truong": "Nhóm liên trường",
}

ROLES: dict[str, str] = {
    "to-truong": "Tổ trưởng",
    "to-pho": "Tổ phó",
    "chu-tich": "Chủ tịch",
    "pho-chu-tich": "Phó Chủ tịch",
    "cum-truong": "Cụm trưởng",
    "pho-cum-truong": "Phó Cụm trưởng",
    "nhom-truong": "Nhóm trưởng",
    "pho-nhom-truong": "Phó Nhóm trưởng",
    "thu-ky": "Thư ký",
    "uy-vien": "Ủy viên",
    "thanh-vien": "Thành viên",
}

# The one role that leads each kind of body, and its deputies. A body with a member
# list must have exactly one leader.
LEADER_ROLE: dict[str, str] = {
    "to-cot-can": "to-truong",
    "hoi-dong": "chu-tich",
    "to-mang-luoi": "to-truong",
    "nhom-bo-mon": "nhom-truong",
    "cum-chuyen-mon": "cum-truong",
    "nhom-lien-truong": "nhom-truong",
}

DEPUTY_ROLE: dict[str, str] = {
    "to-cot-can": "to-pho",
    "hoi-dong": "pho-chu-tich",
    "to-mang-luoi": "to-pho",
    "nhom-bo-mon": "pho-nhom-truong",
    "cum-chuyen-mon": "pho-cum-truong",
    "nhom-lien-truong": "pho-nhom-truong",
}

# Roles a body of any kind has besides its own leader and deputy.
ANY_BODY_ROLES = frozenset({"thu-ky", "uy-vien", "thanh-vien"})


def role_fits_kind(role: str, kind: str) -> bool:
    """Whether a body of the kind has members in the role: its own leader or deputy, a
    secretary, a plain member ("Tổ trưởng" is no role of a subject group)."""
    return role in ANY_BODY_ROLES or role in (LEADER_ROLE[kind], DEPUTY_ROLE[kind])


def school_role_fits_kind(role: str, kind: str) -> bool:
    """Whether a school may be a member of a body of the kind in the role: a plain member,
    or the school that leads or deputises (an inter-school group's "trường nhóm trưởng").
    A secretary or an ủy viên is a person, never a school."""
    return role in ("thanh-vien", LEADER_ROLE[kind], DEPUTY_ROLE[kind])

# The formats of a document's original files (`originals`), by file extension, with the name
# the document page gives each. A scan or a PDF is the signed original; the others are the
# office's working files.
ORIGINAL_FORMATS: dict[str, str] = {
    "pdf": "PDF",
    "docx": "Word",
    "doc": "Word",
    "odt": "OpenDocument",
    "xlsx": "Excel",
    "xls": "Excel",
    "jpg": "ảnh JPG",
    "png": "ảnh PNG",
}
SIGNED_FORMATS = frozenset({"pdf", "jpg", "png"})

PRIVATE_CONTACT_FIELDS: dict[str, str] = {
    "phone": "Số điện thoại",
    "email": "Thư điện tử",
}
# An office's public contact fields (data/offices.yml), in the order its page shows them; each
# but "email" a phone number.
OFFICE_CONTACT_FIELDS: dict[str, str] = {
    "phone": "Số điện thoại",
    "fax": "Fax",
    "hotline": "Đường dây nóng",
    "email": "Thư điện tử",
}
