"""A data set in which every text field of the schema is filled, and the written forms of
one private phone number and one private e-mail address, for the privacy and hostile tests.

`FULL` holds plain texts; `with_texts(transform)` returns a copy whose every text (found
by walking the files along their JSON Schema, so a new field is covered without editing
this file) is passed through `transform(text, path)`. `text_fields()` lists the text
fields of the schema; `test_privacy.py` checks that FULL fills each of them.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from portal.schema import CONTACT_SCHEMAS, FILE_SCHEMAS, NAME_PATTERN, TEXT_PATTERN, Schema

PRIVATE_PHONE = "0912 345 678"  # as the clerk stored it in `contact`
PRIVATE_NATIONAL = "912345678"  # its digits after the trunk 0 / country code
PRIVATE_EMAIL = "secret.mail@truong.edu.vn"
PUBLISHED_PHONE = "0987 654 321"  # a contact the office opted in to publish

# Every written form of the private values that the issue found leaking, and more.
PHONE_FORMS = [
    "0912 345 678", "0912345678", "+84 912 345 678", "84912345678", "0912-345-678", "0912–345–678",
    "0912\u00a0345\u00a0678", "(091) 234-5678", "0912.345.678", "0912 345\n678", "+84 (0) 912 345 678",
    "０９１２３４５６７８",
]
EMAIL_FORMS = [
    "secret.mail@truong.edu.vn", "SECRET.MAIL@TRUONG.EDU.VN", "secret.mail @ truong.edu.vn",
    "secret.mail%40truong.edu.vn", "secret.mail[at]truong.edu.vn", "secret.mail (a) truong.edu.vn",
    "secret．mail＠truong．edu．vn", "secret.mail @ truong . edu . vn", "secret.mail[at]truong[.]edu[.]vn",
    "secret.mail（at）truong.edu.vn",
]
FORMS = PHONE_FORMS + EMAIL_FORMS
# The private number's digits split by any other punctuation: that number too. A number of
# nobody is read so only with one sign between every two groups, from its trunk (privacy's
# _PUNCTUATED_RUN: "13/09/2024, 14/09/2024" holds a valid mobile number).
PUNCTUATED_PHONE_FORMS = [
    "0912/345/678", "0912,345,678", "0912_345_678", "0912·345·678", "0912:345:678", "0912~345~678",
    "0912*345*678", "0912'345'678", "0912 | 345 | 678",
]
# Written with characters the check reads otherwise (page_text: superscript and circled digits):
# found in the text as read, hidden where written. (An invisible one is refused: checks.py.)
READ_OTHERWISE_FORMS = ["0912³⁴⁵⁶⁷⁸", "⓪⑨①②③④⑤⑥⑦⑧"]
PRIVATE_FORMS = FORMS + PUNCTUATED_PHONE_FORMS + READ_OTHERWISE_FORMS

SCHOOL_YEARS = ("2023-2024", "2024-2025")
FREE_KEY_LENGTH = 60  # a figure's part ("THCS"): kept short, it labels a number


def _year(label: str) -> dict[str, Any]:
    first = label[:4]
    second = label[5:]
    return {
        "school_year": label,
        "office": "pgddt-a",
        "documents": [{
            "id": f"a-{first}-qd-1", "kind": "quyet-dinh", "number": f"1/QĐ-PGDĐT-{first}",
            "date": f"{first}-09-13", "place": "Huyện A",
            "title": f"Về việc thành lập tổ cốt cán năm học {label}",
            "signer": {"person": "a-le-thi-hong", "title": "Phó Trưởng phòng", "capacity": "KT.",
                       "on_behalf_of": "Trưởng phòng"},
            "legal_bases": [{"text": "Thông tư số 20/2018/TT-BGDĐT", "ref": "bgddt-tt-20-2018"}],
            "recipients": ["Như Điều 3", "Lưu: VT"],
            "figures": [{"label": "Tổng số giáo viên", "value": 3, "parts": {"THCS": 2, "TH": 1}}],
            "activities": [
                {"title": "Báo cáo sơ kết học kỳ I", "details": "Gửi bản mềm", "due": f"{second}-01-10",
                 "frequency": "một lần", "responsible": "Tổ trưởng", "bodies": ["a-to"]},
                {"title": "Sinh hoạt cụm", "start": f"{first}-10", "end": f"{second}-04",
                 "frequency": "ít nhất 1 lần/học kỳ", "responsible": "Cụm trưởng"},
            ],
            "text": "QUYẾT ĐỊNH\nThành lập tổ cốt cán.",
        }],
        "bodies": [
            {"id": "a-to", "kind": "to-cot-can", "name": "Tổ cốt cán", "decision": f"a-{first}-qd-1",
             "meets": "mỗi tháng một lần", "declared_count": 2,
             "members": [{"person": "a-le-thi-hong", "role": "to-truong", "role_text": "Tổ trưởng tổ",
                          "position": "Phó Trưởng phòng", "unit": "pgddt-a"}],
             "duties": [{"role": "to-truong", "label": "1", "text": "Điều hành hoạt động của tổ",
                         "legal": {"ref": "bgddt-tt-20-2018", "provision": "Khoản 3 Điều 12"}}]},
            {"id": "a-to-toan", "kind": "nhom-bo-mon", "name": "Nhóm Toán", "parent": "a-to",
             "decision": f"a-{first}-qd-1", "subject": "toan",
             "members": [
                 {"stt": 1, "person": "a-ha-thi-lien", "role": "nhom-truong", "position": "Phó Hiệu trưởng",
                  "unit": "a-thcs-mot", "as_written": "Phó Hiệu trưởng - THCS Một", "subject": "Toán",
                  "note": "Nhóm trưởng"},
                 {"stt": 2, "person": "a-dang-van-thuy", "role": "uy-vien", "unit": "a-thcs-hai",
                  "position": "Giáo viên"},
             ]},
            {"id": "a-cum-1", "kind": "cum-chuyen-mon", "name": "Cụm chuyên môn số 1", "decision": f"a-{first}-qd-1",
             "members": [{"school": "a-thcs-mot", "role": "cum-truong"},
                         {"school": "a-thcs-hai", "role": "thanh-vien"}]},
            {"id": "a-hoi-dong", "kind": "hoi-dong", "name": "Hội đồng bộ môn", "decision": f"a-{first}-qd-1",
             "no_roster": "Quyết định không kèm danh sách"},
        ],
    }


FULL: dict[str, Any] = {
    "offices.yml": {"offices": [
        {"id": "pgddt-a", "name": "Phòng Giáo dục và Đào tạo huyện A", "short_name": "Phòng GDĐT A",
         "kind": "phong-gddt", "place": "Huyện A", "note": "Đơn vị mẫu",
         "former_names": [{"name": "Phòng Giáo dục huyện A", "until": "2010-12-31"}]},
        {"id": "bo-gddt", "name": "Bộ Giáo dục và Đào tạo", "kind": "bo-gddt"},
        {"id": "pgddt-cu", "name": "Phòng Giáo dục và Đào tạo huyện Cũ", "kind": "phong-gddt",
         "valid_until": "2019-12-31", "end_reason": "sap-nhap",
         "successors": [{"office": "pgddt-a", "took_over": "quản lý các trường của huyện Cũ"}]},
    ]},
    "subjects.yml": {"subjects": [{"id": "toan", "name": "Toán", "aliases": ["Môn Toán"]}]},
    "schools/pgddt-a.yml": {"office": "pgddt-a", "schools": [
        {"id": "a-thcs-mot", "name": "THCS Một", "level": "THCS", "aliases": ["Trường THCS Một"],
         "former_names": [{"name": "THCS Số Một", "until": "2015-06-30"}], "note": "Trường chuẩn quốc gia"},
        {"id": "a-thcs-hai", "name": "THCS Hai", "level": "THCS"},
    ]},
    "people/pgddt-a.yml": {"people": [
        {"id": "a-le-thi-hong", "name": "Lê Thị Hồng", "honorific": "Bà", "sort_name": "Hồng Lê Thị",
         "note": "Phụ trách chuyên môn", "contact": {"phone": PUBLISHED_PHONE}, "publish": ["phone"]},
        {"id": "a-ha-thi-lien", "name": "Hà Thị Liên"},
        {"id": "a-dang-van-thuy", "name": "Đặng Vân Thùy", "contact": {"phone": PRIVATE_PHONE, "email": PRIVATE_EMAIL}},
    ]},
    "documents/bo.yml": {"documents": [
        {"id": "bgddt-tt-20-2018", "kind": "thong-tu", "number": "20/2018/TT-BGDĐT", "date": "2018-08-22",
         "issuer": "bo-gddt", "place": "Hà Nội", "title": "Ban hành quy định chuẩn nghề nghiệp giáo viên",
         "signer": {"person": "a-le-thi-hong", "title": "Thứ trưởng", "capacity": "KT.", "on_behalf_of": "Bộ trưởng"},
         "legal_bases": [{"text": "Luật Giáo dục 2019"}], "recipients": ["Các Sở GDĐT"],
         "figures": [{"label": "Số tiêu chuẩn", "value": 5, "parts": {"Tiêu chuẩn": 5}}],
         "activities": [{"title": "Đánh giá giáo viên", "details": "Hằng năm", "frequency": "mỗi năm",
                         "responsible": "Hiệu trưởng"}],
         "text": "Thông tư quy định chuẩn nghề nghiệp."},
    ]},
    **{f"years/{label}/pgddt-a.yml": _year(label) for label in SCHOOL_YEARS},
}
# The second year changes a little, so that the change pages have something to show.
FULL[f"years/{SCHOOL_YEARS[1]}/pgddt-a.yml"]["bodies"][1]["members"][1]["position"] = "Tổ trưởng chuyên môn"
# ... and within the year, an amending decision replaces a member, gives one a role as printed
# and adds one: the texts of its rows are texts of the site too.
FULL["people/pgddt-a.yml"]["people"] += [{"id": "a-vu-thi-mai", "name": "Vũ Thị Mai"},
                                         {"id": "a-ngo-van-binh", "name": "Ngô Văn Bình"}]
FULL[f"years/{SCHOOL_YEARS[1]}/pgddt-a.yml"]["documents"].append(
    {"id": "a-2024-qd-2", "kind": "quyet-dinh", "number": "2/QĐ-PGDĐT-2024", "date": "2024-11-04",
     "title": "Về việc điều chỉnh, bổ sung thành viên Nhóm Toán"})
FULL[f"years/{SCHOOL_YEARS[1]}/pgddt-a.yml"]["bodies"][1]["amendments"] = [{
    "decision": "a-2024-qd-2", "from": "2024-11-04",
    "replace": [{"person": "a-dang-van-thuy", "with": {
        "person": "a-vu-thi-mai", "role": "uy-vien", "role_text": "Ủy viên nhóm", "position": "Giáo viên",
        "unit": "a-thcs-hai", "as_written": "Giáo viên - THCS Hai", "subject": "Toán", "note": "Thay bà Thùy"}}],
    "add": [{"stt": 3, "person": "a-ngo-van-binh", "role": "uy-vien", "role_text": "Ủy viên bổ sung",
             "position": "Giáo viên", "unit": "a-thcs-mot", "as_written": "Giáo viên - THCS Một",
             "subject": "Toán", "note": "Bổ sung"}],
}]
FULL[f"years/{SCHOOL_YEARS[1]}/pgddt-a.yml"]["bodies"][0]["amendments"] = [{
    "decision": "a-2024-qd-2", "from": "2024-11-04",
    "roles": [{"person": "a-le-thi-hong", "role": "to-truong", "role_text": "Tổ trưởng tổ cốt cán"}]}]


def _file_schema(name: str) -> Schema:
    kind = name.split("/")[0].removesuffix(".yml")
    return FILE_SCHEMAS["year" if kind == "years" else kind]


def is_text(schema: Schema) -> bool:
    """A free text of the schema (a text or a name): a string that is neither an id, a
    school year nor a date."""
    return schema.get("pattern") in (TEXT_PATTERN, NAME_PATTERN)


def _walk(schema: Schema, value: Any, path: str) -> Iterator[tuple[str, Any, Any, int]]:
    """(schema path, container, key, longest allowed) of every text in `value`; free keys
    as '<key>'."""
    if any(schema is contact for contact in CONTACT_SCHEMAS):  # contacts, not texts
        return
    if isinstance(value, list):
        for i in range(len(value)):
            item_schema = schema.get("items", {})
            if isinstance(value[i], str):
                if is_text(item_schema):
                    yield path + "[]", value, i, item_schema.get("maxLength", 500)
            else:
                yield from _walk(item_schema, value[i], path + "[]")
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        free = schema.get("additionalProperties")
        for key in list(value):
            sub = properties.get(key, free if isinstance(free, dict) else None)
            if sub is None:
                continue
            if key not in properties:
                yield path + ".<key>", value, ("<key>", key), FREE_KEY_LENGTH
            if isinstance(value[key], str):
                if is_text(sub):
                    yield path + "." + key, value, key, sub.get("maxLength", 500)
            else:
                yield from _walk(sub, value[key], path + "." + key)


def text_fields() -> set[str]:
    """Every text field of every kind of file, from the schema."""
    found: set[str] = set()

    def visit(schema: Schema, path: str) -> None:
        if any(schema is contact for contact in CONTACT_SCHEMAS):
            return
        if schema.get("type") == "object":
            for key, sub in schema.get("properties", {}).items():
                visit(sub, path + "." + key)
            if isinstance(schema.get("additionalProperties"), dict):
                found.add(path + ".<key>")
        elif schema.get("type") == "array":
            visit(schema["items"], path + "[]")
        elif is_text(schema):
            found.add(path)

    for kind, schema in FILE_SCHEMAS.items():
        visit(schema, kind)
    return found


def filled_fields(files: dict[str, Any]) -> set[str]:
    """The text fields a data set fills, named as in text_fields()."""
    kinds = {name: ("year" if name.startswith("years/") else name.split("/")[0].removesuffix(".yml"))
             for name in files}
    return {kinds[name] + path for name, content in files.items()
            for path, _, _, _ in _walk(_file_schema(name), content, "")}


Transform = Callable[[str, str, int], str]


def with_texts(transform: Transform, files: dict[str, Any] | None = None) -> dict[str, Any]:
    """A copy of `files` (FULL) with every text passed through transform(text, field,
    longest allowed)."""
    result = copy.deepcopy(files if files is not None else FULL)
    for name, content in result.items():
        for path, container, key, room in list(_walk(_file_schema(name), content, "")):
            if isinstance(key, tuple):  # a free key: rename it, keep its value
                old = key[1]
                container[transform(old, path, room)] = container.pop(old)
            else:
                container[key] = transform(container[key], path, room)
    return result


def with_private_forms(files: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every text followed by written forms of the private phone and e-mail: all of them
    where the field has room, else as many as fit, a different first form each time."""
    counter = iter(range(1_000_000))

    def add_forms(text: str, field: str, room: int) -> str:
        forms = forms_for(next(counter), room - len(text) - 2)
        return f"{text}: {'; '.join(forms)}" if forms else text

    return with_texts(add_forms, files)


def write(files: dict[str, Any], root: Path) -> Path:
    data = root / "data"
    for name, content in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return data


def forms_for(index: int, room: int) -> list[str]:
    """Written forms for the index-th text, as many as fit in `room` characters (all of
    them where there is room), starting at a different form each time."""
    chosen: list[str] = []
    size = 0
    for k in range(len(PRIVATE_FORMS)):
        form = PRIVATE_FORMS[(index + k) % len(PRIVATE_FORMS)]
        if size + len(form) + 2 > room:
            break
        chosen.append(form)
        size += len(form) + 2
    return chosen
