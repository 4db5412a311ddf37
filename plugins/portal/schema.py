"""JSON Schemas of the data files.

One definition serves twice: the checker validates every file against it, and
`scripts/write_schemas.py` writes it to `plugins/portal/schema/*.json` for editors
(VS Code's YAML extension validates and autocompletes with them).
"""

from __future__ import annotations

from typing import Any

from . import vocab

Schema = dict[str, Any]

# Every pattern is read twice: by jsonschema, with Python's `re.search`, and by editors,
# with ECMAScript regexes. `^` is the start of the text in both; but Python's `$` also
# matches before a final newline (`id: "mau\n"` would pass), and `\Z` means a letter Z
# to an editor. So each pattern ends with `(?![\s\S])`, "no character follows": the
# very end of the text in both dialects.
_END = r"(?![\s\S])"


def _anchored(body: str) -> str:
    return f"^{body}{_END}"


ID_PATTERN = _anchored("[a-z0-9]+(?:-[a-z0-9]+)*")

# What no text may hold: C0 controls but tab, line feed and carriage return; DEL and the
# C1 controls (U+0085 among them); what XML 1.0 forbids besides (U+FFFE, U+FFFF, lone
# surrogates), so that pages, exports, the Atom feed and the calendar stay well-formed;
# and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
# turn the text after them around on the page: Vietnamese has no use for them.
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff"
# What a name may not hold besides: the invisible characters that make two names look
# alike: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul and Khmer
# fillers, Mongolian selectors, zero-width spaces and joiners, left-to-right and
# right-to-left marks, line and paragraph separators, word joiner and invisible
# operators, variation selectors, the byte order mark (U+FEFF) and interlinear
# annotation marks.
INVISIBLE_CHARACTERS = (r"\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
                        r"\u200b-\u200f\u2028\u2029\u2060-\u2065\u206a-\u206f\u3164\ufe00-\ufe0f"
                        r"\ufeff\uffa0\ufff9-\ufffb")
# Some character that is not a space: a text of spaces only is as good as empty.
_NOT_BLANK = r"(?=[\s\S]*\S)"
TEXT_PATTERN = _anchored(f"{_NOT_BLANK}[^{CONTROL_CHARACTERS}]*")
NAME_PATTERN = _anchored(f"{_NOT_BLANK}[^{CONTROL_CHARACTERS}{INVISIBLE_CHARACTERS}]*")
# Formats the checker defines (validate.py); editors skip the formats they do not know.
PARTIAL_DATE_FORMAT = "partial-date"  # 2024, 2024-09 or 2024-09-13, years 1945 to 2100
FULL_DATE_FORMAT = "full-date"  # 2024-09-13
SCHOOL_YEAR_FORMAT = "school-year"  # 2024-2025, from 1945-1946 to 2099-2100
NAME_FORMAT = "name"  # Latin letters mixed with Cyrillic or Greek look-alikes, or odd spaces: a warning


def _text(description: str, *, max_length: int = 500) -> Schema:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": max_length,
        "pattern": TEXT_PATTERN,
        "description": description,
    }


def _name(description: str, *, max_length: int = 500) -> Schema:
    """A name or title: shown as a page title, a heading, a link, a search result."""
    return {**_text(description, max_length=max_length), "pattern": NAME_PATTERN, "format": NAME_FORMAT}


def _id(description: str) -> Schema:
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": 80, "description": description}


def _page() -> Schema:
    """The page of the document's original a row or a duty is copied from ("tr. 3")."""
    return {"type": "integer", "minimum": 1, "description": "trang của bản gốc có dòng này (hiện 'tr. 3')"}


def _enum(values: dict[str, str], description: str) -> Schema:
    return {"enum": list(values), "description": description}


def _object(properties: dict[str, Schema], required: list[str], description: str) -> Schema:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _list(item: Schema, description: str) -> Schema:
    return {"type": "array", "items": item, "description": description}


DATE: Schema = {
    # YAML reads 2024-09-13 as a date and 2024 as a number; both are checked later too.
    "type": ["string", "integer"],
    "format": PARTIAL_DATE_FORMAT,
    "description": "YYYY-MM-DD, hoặc YYYY / YYYY-MM khi văn bản để trống ngày, tháng (từ 1945 đến 2100)",
}
FULL_DATE: Schema = {
    # An integer too, so that `2024` is told "the day and month are missing", not "not a text".
    "type": ["string", "integer"],
    "format": FULL_DATE_FORMAT,
    "description": "YYYY-MM-DD (từ 1945 đến 2100)",
}

FORMER_NAME = _object(
    {"name": _name("tên cũ"), "until": FULL_DATE}, ["name"], "một tên cũ và ngày cuối cùng dùng tên đó"
)

SUCCESSOR = _object(
    {
        "office": _id("mã đơn vị kế thừa"),
        "took_over": _text("phần việc đơn vị này tiếp nhận, ví dụ 'quản lý chuyên môn các trường THCS'"),
    },
    ["office"],
    "đơn vị tiếp nhận một phần hoặc toàn bộ công việc của đơn vị đã chấm dứt",
)


def _phone(description: str) -> Schema:
    return {**_text(f"{description}, ví dụ 0912 345 678 hoặc +84 912 345 678", max_length=40), "format": "phone"}


_EMAIL: Schema = {**_text("địa chỉ thư điện tử, ví dụ ten@truong.edu.vn", max_length=200), "format": "email"}


def _contact(fields: dict[str, Schema], description: str) -> Schema:
    """Phone numbers and an e-mail address. The checker also requires a valid phone number
    (region VN, or with its +country code) and a plain e-mail address (portal.privacy.contact_key):
    a value that is neither would match nothing when the site hides it, or when it looks for it."""
    return _object(fields, [], description)


# A person's contact fields: private.
CONTACT = _contact({"phone": _phone("số điện thoại"), "email": _EMAIL},
                   "liên hệ riêng tư: không công bố trừ khi có trong publish")
# An office's: public (its switchboard, its address), shown on its page; a text of the data may
# write them as it may a published contact of a person.
OFFICE_CONTACT = _contact({"phone": _phone("số điện thoại"), "fax": _phone("số fax"),
                           "hotline": _phone("số đường dây nóng"), "email": _EMAIL},
                          "liên hệ công khai của đơn vị (số tổng đài, fax, đường dây nóng, thư điện tử của cơ quan): "
                          "hiện trên trang đơn vị")
# Contact fields, checked as contacts (checks._check_privacy) rather than as texts.
CONTACT_SCHEMAS = (CONTACT, OFFICE_CONTACT)

OFFICE = _object(
    {
        "id": _id("mã đơn vị"),
        "name": _name("tên đầy đủ"),
        "short_name": _name("tên ngắn"),
        "kind": _enum(vocab.OFFICE_KINDS, "loại đơn vị"),
        "parent": _id("mã đơn vị cấp trên"),
        "place": _text("địa danh ghi trước ngày tháng"),
        "valid_from": FULL_DATE,
        "valid_until": FULL_DATE,
        "end_reason": _enum(vocab.OFFICE_END_REASONS, "lý do chấm dứt (khi có valid_until)"),
        "successors": _list(SUCCESSOR, "đơn vị kế thừa, mỗi đơn vị với phần việc tiếp nhận"),
        "note": _text("ghi chú (ví dụ văn bản pháp luật làm đơn vị chấm dứt)", max_length=2000),
        "former_names": _list(FORMER_NAME, "tên cũ"),
        "contact": OFFICE_CONTACT,
        "sample": {"type": "boolean", "description": "dữ liệu mẫu (không có thật)"},
        "placeholder": {"type": "boolean", "description": "chỗ giữ của trang mới: điền thông tin thật rồi xóa"},
    },
    ["id", "name", "kind"],
    "một đơn vị ban hành",
)

SUBJECT = _object(
    {
        "id": _id("mã môn"),
        "name": _name("tên môn"),
        "aliases": _list(_name("cách viết khác"), "cách viết khác"),
    },
    ["id", "name"],
    "một môn học",
)

SCHOOL = _object(
    {
        "id": _id("mã trường"),
        "name": _name("tên trường"),
        "level": _enum(vocab.SCHOOL_LEVELS, "cấp học"),
        "aliases": _list(_name("cách viết khác"), "mọi cách viết khác gặp trong văn bản"),
        "former_names": _list(FORMER_NAME, "tên cũ"),
        "valid_from": FULL_DATE,
        "valid_until": FULL_DATE,
        "successor": _id("mã trường sau sáp nhập"),
        "note": _text("ghi chú", max_length=2000),
        "placeholder": {"type": "boolean", "description": "chỗ giữ của trang mới: thay bằng một trường thật"},
    },
    ["id", "name", "level"],
    "một trường",
)


PERSON = _object(
    {
        "id": _id("mã người"),
        "name": _name("họ và tên", max_length=120),
        "honorific": {"enum": ["Ông", "Bà"], "description": "Ông / Bà, như văn bản ghi"},
        "sort_name": _name("khóa sắp xếp khi không tách được họ tên", max_length=120),
        "contact": CONTACT,
        "publish": _list(_enum(vocab.PRIVATE_CONTACT_FIELDS, "trường được công bố"), "công bố"),
        "distinct_from": _list(_id("mã người trùng tên"), "người trùng tên nhưng khác người"),
        "note": _text("ghi chú", max_length=2000),
        "placeholder": {"type": "boolean", "description": "chỗ giữ của trang mới: thay bằng một người thật"},
    },
    ["id", "name"],
    "một người",
)

LEGAL_BASIS = _object(
    {"text": _text("căn cứ, như văn bản ghi", max_length=5000), "ref": _id("mã văn bản được dẫn"),
     "refs": _list(_id("mã văn bản được dẫn"), "các văn bản được dẫn, khi căn cứ nêu nhiều văn bản")},
    ["text"],
    "một căn cứ của văn bản",
)

SIGNER = _object(
    {
        "person": _id("mã người ký"),
        "title": _text("chức vụ người ký"),
        "capacity": _enum(vocab.SIGNING_CAPACITIES, "thẩm quyền ký"),
        "on_behalf_of": _text("ký thay / thừa lệnh ai"),
    },
    ["person", "title"],
    "người ký",
)

FIGURE = _object(
    {
        "label": _text("tên số liệu"),
        "value": {"type": "integer", "minimum": 0},
        "parts": {
            "type": "object",
            "additionalProperties": {"type": "integer", "minimum": 0},
            "propertyNames": _text("tên phần", max_length=100),
            "description": "chia theo cấp học ...",
        },
    },
    ["label", "value"],
    "một số liệu văn bản nêu",
)

ACTIVITY = _object(
    {
        "title": _text("nội dung", max_length=5000),
        "details": _text("chi tiết", max_length=5000),
        "start": DATE,
        "end": DATE,
        "due": FULL_DATE,
        "frequency": _text("tần suất"),
        "responsible": _text("người / đơn vị thực hiện"),
        "bodies": _list(_id("mã tổ chức"), "tổ chức thực hiện"),
        "schools": _list(_id("mã trường"), "trường (ví dụ đơn vị thí điểm)"),
        "step": {"type": "integer", "minimum": 1},
    },
    ["title"],
    "một mục của kế hoạch",
)

# An original file of a document, under data/files/: a slug path with a known extension
# (the checker compares its size and SHA-256 with the file, portal.originals).
ORIGINAL_FILE_PATTERN = _anchored(
    r"files/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.(?:" + "|".join(vocab.ORIGINAL_FORMATS) + ")")
SHA256_PATTERN = _anchored("[0-9a-f]{64}")

ORIGINAL = _object(
    {
        "file": {"type": "string", "pattern": ORIGINAL_FILE_PATTERN, "maxLength": 300,
                 "description": "tệp dưới data/files/, ví dụ files/2025-2026/qd-215.pdf (chữ thường không dấu, "
                                "số, dấu '-'; đuôi " + ", ".join(vocab.ORIGINAL_FORMATS) + ")"},
        "sha256": {"type": "string", "pattern": SHA256_PATTERN,
                   "description": "mã SHA-256 của tệp (bản kiểm tra ghi sẵn giá trị đúng trong gợi ý)"},
        "size": {"type": "integer", "minimum": 1, "description": "cỡ tệp, tính bằng byte"},
        "pages": {"type": "integer", "minimum": 1, "description": "số trang"},
    },
    ["file"],
    "một tệp gốc của văn bản: bản quét có chữ ký, tệp Word",
)

RELATED = _object(
    {"ref": _id("mã văn bản"), "relation": _enum(vocab.RELATIONS, "quan hệ")},
    ["ref", "relation"],
    "liên kết tới một văn bản khác",
)

_DOCUMENT_PROPERTIES: dict[str, Schema] = {
    "id": _id("mã văn bản"),
    "kind": _enum(vocab.DOCUMENT_KINDS, "loại văn bản"),
    "number": _name("số hiệu, như văn bản ghi", max_length=100),
    "date": DATE,
    "place": _text("địa danh"),
    "issuer": _id("mã đơn vị ban hành"),
    "title": _name("trích yếu", max_length=2000),
    "signer": SIGNER,
    "legal_bases": _list(LEGAL_BASIS, "căn cứ"),
    "recipients": _list(_text("nơi nhận"), "nơi nhận"),
    "related": _list(RELATED, "văn bản liên quan"),
    "figures": _list(FIGURE, "số liệu"),
    "activities": _list(ACTIVITY, "các hoạt động của kế hoạch"),
    "text": _text("toàn văn", max_length=500_000),
    "placeholder": {"type": "boolean", "description": "văn bản chỗ giữ, chưa có số: thay bằng văn bản thật"},
    "originals": _list(ORIGINAL, "bản gốc: bản quét có chữ ký, tệp Word"),
    "publish_original": {"type": "boolean",
                         "description": "công bố bản gốc trên trang web (mặc định: không, vì bản quét có chữ ký và "
                                        "có thể có số điện thoại)"},
}

DOCUMENT = _object(_DOCUMENT_PROPERTIES, ["id", "kind", "title"], "một văn bản")

# A member is a person or a school: exactly one of the two fields.
_ONE_MEMBER = [{"required": ["person"]}, {"required": ["school"]}]

MEMBER = {
    **_object(
        {
            "stt": {"type": "integer", "minimum": 1, "description": "số thứ tự trong danh sách"},
            "person": _id("mã người"),
            "school": _id("mã trường (khi thành viên là một trường)"),
            "role": _enum(vocab.ROLES, "vai trò"),
            "role_text": _text("vai trò như văn bản ghi"),
            "position": _text("chức vụ"),
            "unit": _id("mã trường hoặc đơn vị công tác"),
            "as_written": _text("ô 'Chức vụ - Đơn vị công tác' như văn bản ghi"),
            "subject": _text("môn, như văn bản ghi"),
            "note": _text("ghi chú"),
            "page": _page(),
        },
        ["role"],
        "một thành viên: một người hoặc một trường",
    ),
    "oneOf": _ONE_MEMBER,
}

# A member an amending decision names by id: the one removed, replaced or given another role.
MEMBER_REF = {
    **_object({"person": _id("mã người"), "school": _id("mã trường (khi thành viên là một trường)")}, [],
              "một thành viên, ghi bằng mã: một người hoặc một trường"),
    "oneOf": _ONE_MEMBER,
}

REPLACEMENT = {
    **_object(
        {
            "person": _id("mã người thôi tham gia"),
            "school": _id("mã trường thôi tham gia"),
            "with": {**MEMBER, "description": "người (hoặc trường) thay vào, ghi như một dòng của danh sách"},
        },
        ["with"],
        "một thay thế: ai rời đi (người hoặc trường) và ai vào thay",
    ),
    "oneOf": _ONE_MEMBER,
}

ROLE_CHANGE = {
    **_object(
        {
            "person": _id("mã người"),
            "school": _id("mã trường"),
            "role": _enum(vocab.ROLES, "vai trò mới"),
            "role_text": _text("vai trò mới như văn bản ghi"),
        },
        ["role"],
        "một thành viên ở lại, với vai trò khác",
    ),
    "oneOf": _ONE_MEMBER,
}

# The kinds of change an amending decision makes: it names at least one.
AMENDMENT_CHANGES = ("add", "remove", "replace", "roles")

AMENDMENT = {
    **_object(
        {
            "decision": _id("mã quyết định điều chỉnh, bổ sung"),
            "from": {**FULL_DATE, "description": "ngày có hiệu lực, YYYY-MM-DD"},
            "add": _list(MEMBER, "thành viên bổ sung"),
            "remove": _list(MEMBER_REF, "thành viên thôi tham gia"),
            "replace": _list(REPLACEMENT, "thay thành viên"),
            "roles": _list(ROLE_CHANGE, "thành viên đổi vai trò"),
        },
        ["decision", "from"],
        "một quyết định điều chỉnh: danh sách thay đổi từ một ngày",
    ),
    "anyOf": [{"required": [change]} for change in AMENDMENT_CHANGES],
}

DUTY = _object(
    {
        "role": _enum(vocab.ROLES, "vai trò"),
        "label": _text("số mục trong văn bản", max_length=20),
        "text": _text("nhiệm vụ", max_length=20_000),
        "legal": _object(
            {"ref": _id("mã văn bản"), "provision": _text("điều, khoản")},
            ["ref"],
            "căn cứ pháp lý của nhiệm vụ",
        ),
        "page": _page(),
    },
    ["role", "text"],
    "một nhiệm vụ của một vai trò",
)

BODY = _object(
    {
        "id": _id("mã tổ chức"),
        "kind": _enum(vocab.BODY_KINDS, "loại tổ chức"),
        "name": _name("tên"),
        "parent": _id("mã tổ chức cấp trên"),
        "decision": _id("mã văn bản thành lập"),
        "source": _id("mã văn bản có danh sách, nếu khác"),
        "subject": _id("mã môn (nhóm bộ môn)"),
        "declared_count": {"type": "integer", "minimum": 0, "description": "số người văn bản ghi"},
        "no_roster": _text("lý do không có danh sách"),
        "meets": _text("tần suất sinh hoạt"),
        "members": _list(MEMBER, "thành viên theo thứ tự chính thức"),
        "duties": _list(DUTY, "nhiệm vụ"),
        "amendments": _list(AMENDMENT, "quyết định điều chỉnh, bổ sung thành viên trong năm học"),
    },
    ["id", "kind", "name", "decision"],
    "một tổ chức: tổ cốt cán, hội đồng, tổ mạng lưới, nhóm bộ môn, cụm chuyên môn hoặc nhóm liên trường",
)


# Fields of an earlier data format, and what to write instead (validate.py's hint).
FORMER_FIELDS: dict[str, str] = {
    "successor": "đổi 'successor: <mã>' thành 'successors: [{office: <mã>}]' và thêm 'end_reason:' "
                 "(lý do chấm dứt).",
}


def _file(title: str, properties: dict[str, Schema], required: list[str]) -> Schema:
    schema = _object(properties, required, title)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **schema}


FILE_SCHEMAS: dict[str, Schema] = {
    "offices": _file("data/offices.yml", {"offices": _list(OFFICE, "đơn vị")}, ["offices"]),
    "subjects": _file("data/subjects.yml", {"subjects": _list(SUBJECT, "môn học")}, ["subjects"]),
    "schools": _file(
        "data/schools/<office-id>.yml",
        {"office": _id("mã đơn vị quản lý"), "schools": _list(SCHOOL, "trường")},
        ["office", "schools"],
    ),
    "people": _file("data/people/<office-id>.yml", {"people": _list(PERSON, "người")}, ["people"]),
    "documents": _file(
        "data/documents/<name>.yml", {"documents": _list(DOCUMENT, "văn bản được dẫn")}, ["documents"]
    ),
    "year": _file(
        "data/years/<school-year>/<office-id>.yml",
        {
            "school_year": {"type": "string", "format": SCHOOL_YEAR_FORMAT,
                            "description": "năm học, ví dụ 2024-2025 (từ 1945-1946 đến 2099-2100)"},
            "office": _id("mã đơn vị"),
            "schools": _list(_id("mã trường"), "trường đơn vị này quản lý trong năm học, ngoài các trường của "
                                              "data/schools/<mã đơn vị>.yml (ví dụ trường nhận từ đơn vị đã chấm dứt)"),
            "documents": _list(DOCUMENT, "văn bản"),
            "bodies": _list(BODY, "tổ chức"),
        },
        ["school_year", "office"],
    ),
}
