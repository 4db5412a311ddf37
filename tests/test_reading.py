"""Reading the data files: names, encodings, limits, and PyYAML's errors in Vietnamese; and reading
what a hand-written page or a published file shows (page_text), its marks typed apart (NFD) too."""

from __future__ import annotations

import copy
import errno
import os
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from examples import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Dataset, load
from portal import page_text, yamlerrors, yamlsource
from portal.problems import Problem

PEOPLE = "data/people/pgddt-a.yml"


def broken_people(dataset: Dataset, text: str) -> list[Problem]:
    """The problems of a people file replaced by `text`."""
    del dataset.files["people/pgddt-a.yml"]
    dataset.raw["people/pgddt-a.yml"] = text
    return [p for p in dataset.problems() if p.file == PEOPLE]


# PyYAML's scanner and parser errors, with both of its parsers (libyaml's words differ).

@pytest.fixture(params=["c", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "c":
        if not yaml.__with_libyaml__:
            pytest.skip("PyYAML without libyaml")
        monkeypatch.setattr(yamlsource, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    return str(request.param)


TAB_HINT = ("YAML chỉ thụt lề bằng dấu cách: thay Tab bằng dấu cách cho thẳng cột với dòng trên (trong trình "
            "soạn thảo, bật chế độ chèn dấu cách khi nhấn Tab).")
QUOTE_HINT = "đặt cả giá trị trong dấu nháy kép, ví dụ: title: \"Về việc: ...\"."

YAML_FAULTS = [
    # (what a clerk typed, line, column, message, hint)
    ("people:\n\t- id: a-x\n", 2, 1, "dòng này thụt lề bằng phím Tab.", TAB_HINT),
    ("people:\n  - id: a-x\n\t name: X\n", 3, 1, "dòng này thụt lề bằng phím Tab.", TAB_HINT),
    ("people:\n  - id: a-x\n    name: Về việc: thành lập\n", 3, 18,
     "có dấu hai chấm và dấu cách (': ') giữa một giá trị, hoặc dòng này thụt lề sai.",
     QUOTE_HINT + " Nếu không, kiểm tra thụt lề của dòng."),
    ("people:\n  - id: a-x\n    name Lê Hồng\n    note: x\n", 3, 5, "thiếu dấu ':' sau tên trường.",
     "mỗi dòng viết 'tên: giá trị'; một giá trị dài nhiều dòng thì thụt lề các dòng sau sâu hơn tên trường, "
     "hoặc viết 'tên: |' rồi xuống dòng."),
    ("people:\n  - id: a-x\n    name: \"Lê Hồng\n  - id: a-y\n    name: Hà\n", 3, 11,
     "dấu nháy mở ở dòng này nhưng không có dấu nháy đóng.",
     "thêm dấu nháy đóng cùng loại (' hoặc \") ở cuối giá trị; trong nháy đơn, viết '' cho một dấu nháy."),
    ("people:\n  - id: a-x\n    name: 'Lê Hồng\n", 3, 11, "dấu nháy mở ở dòng này nhưng không có dấu nháy đóng.",
     "thêm dấu nháy đóng cùng loại (' hoặc \") ở cuối giá trị; trong nháy đơn, viết '' cho một dấu nháy."),
    ("people:\n  - {id: a-x, name: Hà\n  - id: a-y\n", 2, 5,
     "mục mở bằng '{' ở đây chưa đóng bằng '}', hoặc thiếu dấu phẩy giữa các trường.",
     "thêm '}' hoặc dấu phẩy; nếu '{' là một phần của chữ, " + QUOTE_HINT),
    ("people:\n  - id: a-x\n    name: Hà\n   note: x\n", 4, 4, "các mục của danh sách không thẳng cột.",
     "mỗi mục bắt đầu bằng '- ' ở cùng một cột với các mục khác; các trường của một mục thẳng cột với trường "
     "đầu tiên (sau '- ')."),
    ("people:\n  - id: a-x\n    name: \"Hà\" Liên\n", 3, 16,
     "thụt lề không khớp: dòng này lệch cột so với các trường cùng cấp, hoặc có chữ thừa sau một giá trị "
     "trong dấu nháy.", "các trường của cùng một mục phải thẳng cột với nhau; chỉ dùng dấu cách để thụt lề."),
    ("people:\n  - id: a-x\n    name: \"C:\\Tai lieu\"\n", 3, (14, 15),  # libyaml, Python
     "trong dấu nháy kép, dấu '\\' bắt đầu một ký tự đặc biệt không có.",
     "viết '\\\\' cho một dấu gạch chéo ngược, hoặc đặt giá trị trong dấu nháy đơn."),
    ("people:\n  - id: a-x\n    name: \"\\x4\"\n", 3, 14,
     "trong dấu nháy kép, dấu '\\' bắt đầu một ký tự đặc biệt không có.",
     "viết '\\\\' cho một dấu gạch chéo ngược, hoặc đặt giá trị trong dấu nháy đơn."),
    ("people:\n  - {id: a-x, name: [Hà, :]}\n", 2, 26,
     "thiếu một giá trị trong ngoặc '[...]' hoặc '{...}': có dấu phẩy thừa, hoặc ngoặc chưa đóng.",
     "xóa dấu phẩy thừa hoặc thêm dấu ngoặc đóng; nếu ngoặc là một phần của chữ, " + QUOTE_HINT),
    ("{people: [{id: a-x, name: Hà}]}}\n", 1, 32,
     "có chữ thừa sau phần chính của tệp, ví dụ một dấu ']' hoặc '}' thừa.",
     "xóa phần thừa; nếu nó là một phần của giá trị, " + QUOTE_HINT),
    ("people:\n  - id: a-x\n    name: @hong\n", 3, 11, "ký tự '@' không được đứng đầu một giá trị.", QUOTE_HINT),
    ("people: []\n---\npeople: []\n", 2, 1, "tệp có hơn một phần YAML (dòng '---' ở giữa tệp).",
     "mỗi tệp chỉ có một phần: xóa dòng '---'."),
    ("people:\n  - id: a-x\n    name: *hong\n", 3, 11, "không dùng neo và bí danh YAML (&tên, *tên).",
     "viết đầy đủ giá trị; nếu '&' hoặc '*' là một phần của chữ, " + QUOTE_HINT),
    ("people:\n  - id: a-x\n    name: Lê\x07Hồng\n", 3, 13, "có ký tự điều khiển không in được: U+0007.",
     "xóa ký tự này (thường đi theo khi chép từ Word, Excel hay trang web)."),
]


@pytest.mark.parametrize(("text", "line", "column", "message", "hint"), YAML_FAULTS)
def test_yaml_errors_in_vietnamese_with_line_and_column(dataset: Dataset, parser: str, text: str, line: int,
                                                        column: int | tuple[int, int], message: str,
                                                        hint: str) -> None:
    if isinstance(column, tuple):  # the two parsers stop on different characters
        column = column[0 if parser == "c" else 1]
    (problem,) = broken_people(dataset, text)
    assert (problem.line, problem.message, problem.hint) == (
        line, f"YAML không đọc được, cột {column}: {message}", hint)


def test_an_unknown_yaml_error_keeps_pyyaml_words_and_its_line() -> None:
    mark = yaml.Mark("people.yml", 40, 2, 6, None, None)
    error = yaml.MarkedYAMLError("while doing something new", mark, "found something odd", mark)
    fault = yamlerrors.describe(error, "people:\n  - id: a-x\n")
    assert (fault.line, fault.column, fault.message) == (3, 7, "while doing something new found something odd.")
    assert fault.hint == "kiểm tra thụt lề (chỉ dùng dấu cách), dấu ':' sau mỗi tên trường và dấu nháy đóng mở."


def test_an_impossible_date_is_told_in_words(dataset: Dataset) -> None:
    """Python's "day is out of range for month" never reaches the clerk."""
    for written, message in [
        ("2023-02-29", "không có ngày 29/02/2023: tháng 02/2023 chỉ có 28 ngày."),
        ("2024-04-31", "không có ngày 31/04/2024: tháng 04/2024 chỉ có 30 ngày."),
        ("2024-13-01", "không có tháng 13 (tháng từ 01 đến 12)."),
        ("'2024-9-5'", "'2024-9-5' không phải một ngày viết dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY)."),
    ]:
        del dataset.files[PEOPLE[5:]]
        dataset.raw[PEOPLE[5:]] = f"people:\n  - id: a-x\n    name: X\n    note: {written}\n"
        dataset.raw["offices.yml"] = ("offices:\n  - id: pgddt-a\n    name: Phòng A\n    kind: phong-gddt\n"
                                      f"    valid_until: {written}\n")
        dataset.files.pop("offices.yml", None)
        problems = dataset.problems()
        # As a note it is only text; as a date it is an error with its line and field.
        assert [(p.file, p.line, p.path, p.message) for p in problems if p.file == "data/offices.yml"] == [
            ("data/offices.yml", 5, "offices[0].valid_until", f"ngày không đúng: {message}")]
        dataset.files[PEOPLE[5:]] = {}


# Files the checker cannot read cleanly.

def write_bytes(dataset: Dataset, name: str, data: bytes) -> None:
    dataset.files.pop(name, None)
    path = dataset.root / "data" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    dataset.write()
    path.write_bytes(data)


def test_a_file_in_an_old_encoding_names_the_line_and_column_of_the_first_bad_byte(dataset: Dataset) -> None:
    text = ("people:\n  - id: a-le-thi-hong\n    name: Lê Hong\n"  # letters both code pages have
            "  - id: a-ha-thi-lien\n    name: Ha\n  - id: a-dang-van-thuy\n    name: Dang\n")
    for encoding in ("cp1258", "latin-1"):
        write_bytes(dataset, "people/pgddt-a.yml", text.encode(encoding))
        (problem,) = dataset.problems()  # the people it holds are not reported unknown
        assert (problem.file, problem.line, problem.message) == (
            PEOPLE, 3, "tệp không phải văn bản UTF-8: byte 0xEA ở cột 12 không đọc được.")
        assert problem.hint is not None and "Windows-1258" in problem.hint and "UTF-8" in problem.hint


def test_utf16_files_are_named_and_a_utf8_byte_order_mark_is_accepted(dataset: Dataset) -> None:
    people = yaml.safe_dump(dataset.files["people/pgddt-a.yml"], allow_unicode=True)
    write_bytes(dataset, "people/pgddt-a.yml", people.encode("utf-16"))  # with its byte order mark
    assert [p.message for p in dataset.problems()] == ["tệp lưu bằng bảng mã UTF-16, không phải UTF-8."]
    write_bytes(dataset, "people/pgddt-a.yml", people.encode("utf-16-le"))  # without
    assert [p.message for p in dataset.problems()] == ["tệp lưu bằng bảng mã UTF-16, không phải UTF-8."]
    write_bytes(dataset, "people/pgddt-a.yml", people.encode("utf-8-sig"))  # as Notepad saves it
    assert dataset.problems() == []


def test_text_typed_with_decomposed_marks_is_read_as_composed(dataset: Dataset) -> None:
    """A name pasted from a Mac or a web form arrives with its marks as separate characters
    (NFD): the same name to the eye, another string to every comparison, sort and export.
    Read as NFC, like the importer's cells, whatever the file holds."""
    nfd = unicodedata.normalize("NFD", "Hà Thị Liên")
    people = yaml.safe_dump(dataset.files["people/pgddt-a.yml"], allow_unicode=True)
    assert "Hà Thị Liên" in people
    dataset.raw["people/pgddt-a.yml"] = people.replace("Hà Thị Liên", nfd)
    portal, problems = load(dataset.write(), dataset.root)
    assert problems == []
    assert portal.people["a-ha-thi-lien"].name == "Hà Thị Liên"
    assert unicodedata.is_normalized("NFC", portal.people["a-ha-thi-lien"].name)


def test_a_file_over_50_mb_is_refused_before_it_is_read(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    dataset.write()
    path = dataset.root / "data" / "people" / "pgddt-b.yml"
    with path.open("wb") as big:
        big.truncate(51 * 1024 * 1024)  # sparse: no disk used
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read") if self == path else read_bytes(self))
    monkeypatch.setattr(dataset, "write", lambda: dataset.root / "data")
    (problem,) = dataset.problems()
    assert (problem.file, problem.message, problem.expected) == (
        "data/people/pgddt-b.yml", "tệp quá lớn (51 MB).", "tối đa 50 MB một tệp")


def test_a_file_over_the_item_limit_is_refused_before_it_is_built(dataset: Dataset,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlsource, "MAX_ITEMS", 1000)
    build = yamlsource._Builder.document

    def build_unless_subjects(self: yamlsource._Builder) -> object:
        assert self.doc.file != "data/subjects.yml", "the file was built"
        return build(self)

    monkeypatch.setattr(yamlsource._Builder, "document", build_unless_subjects)
    del dataset.files["subjects.yml"]
    dataset.raw["subjects.yml"] = "subjects:\n" + "".join(f"  - {{id: s{i}, name: M}}\n" for i in range(1001))
    (problem,) = [p for p in dataset.problems() if p.file == "data/subjects.yml"]
    assert (problem.message, problem.expected) == (
        "tệp có hơn 1.000 mục trong các danh sách.", "tối đa 1.000 mục một tệp")


def test_the_item_limit_counts_list_items_not_commas_or_dashes() -> None:
    text = "subjects:\n" + "".join(f"  - {{id: s-{i}, name: 'Toán, Lý - Hóa'}}\n" for i in range(600))
    assert yamlsource._items_at_most(text) >= 600 * 4  # a cheap bound: every '-', ',' and '['
    assert yamlsource._items(text) == 600  # the parser's count, when the bound is over the limit
    assert yamlsource._items("- - - a\n") == 3


@pytest.mark.parametrize(("error", "reason"), [
    (PermissionError(errno.EACCES, "Permission denied"), "không có quyền đọc"),
    (OSError(errno.EIO, "Input/output error"), "lỗi đọc ổ đĩa"),
    (OSError(errno.ENAMETOOLONG, "File name too long"), "lỗi hệ thống ENAMETOOLONG"),
])
def test_an_unreadable_file_is_one_vietnamese_line(dataset: Dataset, monkeypatch: pytest.MonkeyPatch,
                                                    error: OSError, reason: str) -> None:
    read_bytes = Path.read_bytes

    def failing(path: Path) -> bytes:
        if path.name == "pgddt-a.yml" and path.parent.name == "people":
            raise error
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", failing)
    (problem,) = dataset.problems()
    assert problem.format() == f"LỖI {PEOPLE}: không đọc được tệp ({reason})."


# Names of data files: plain slugs, so that no name can carry markup into a page.

@pytest.mark.parametrize(("name", "suggested"), [
    ('"><img src=x onerror=alert(15)>.yml', "img-src-x-onerror-alert-15.yml"),
    ('x" onmouseover="alert(14)" y=".yml', "x-onmouseover-alert-14-y.yml"),
    ("Người Củ Chi.yml", "nguoi-cu-chi.yml"),
    ("pgddt-b.YML", "pgddt-b.yml"),
    ("pgddt-b.Yaml", "pgddt-b.yaml"),
    ("pgddt b.yml", "pgddt-b.yml"),
    ("x\x1b[31m.yml", "x-31m.yml"),
])
def test_data_file_names_must_be_plain_slugs(dataset: Dataset, name: str, suggested: str) -> None:
    # The file holds a person the year file names: it is not reported unknown on top.
    people = dataset.files["people/pgddt-a.yml"]["people"]
    dataset.files["people/" + name] = {"people": [people.pop()]}
    (problem,) = dataset.problems()
    assert problem.message.startswith("tên tệp '") and problem.message.endswith("' không dùng được.")
    assert problem.hint == f"đổi tên tệp thành '{suggested}'."
    assert problem.file.startswith("data/people/")
    assert all(c.isprintable() for c in problem.format().replace("\n", ""))  # no escape reaches the terminal


@pytest.mark.parametrize("name", ["pgddt-a (1).yml", "pgddt-a - Copy.yml", "pgddt-a - Bản sao.yml",
                                  "pgddt-a copy (2).yml"])
def test_a_copy_the_file_manager_made_is_called_a_copy(dataset: Dataset, name: str) -> None:
    """Windows and macOS name a copy 'x (1).yml', 'x - Copy.yml': renaming it 'x-1.yml' as a
    slug would make a second file for an office 'x-1'; the hint says it is a copy first."""
    dataset.files["years/2024-2025/" + name] = copy.deepcopy(dataset.year)
    (problem,) = [p for p in dataset.problems() if p.message.startswith("tên tệp")]
    assert problem.hint is not None and problem.hint.startswith(
        "tệp có lẽ là bản sao của 'pgddt-a.yml': xóa nó nếu thừa; nếu không, đổi tên tệp thành '")


@pytest.mark.parametrize(("name", "suggested"), [
    ("years/2024-2025/pgddt-a.yml.txt", "pgddt-a.yml"),  # Notepad's "Save as" adds .txt
    ("years/2024-2025/pgddt-a.yml.bak", "pgddt-a.yml"),
    ("years/2024-2025/pgddt-a.json", "pgddt-a.yml"),
    ("years/2024-2025/pgddt-a", "pgddt-a.yml"),
    ("people/pgddt-a.yml.txt", "pgddt-a.yml"),
])
def test_a_data_file_without_the_yml_extension_is_an_error_not_skipped(dataset: Dataset, name: str,
                                                                       suggested: str) -> None:
    """A year file saved as 'x.yml.txt' was skipped: a whole office-year was missing from the
    site, and the check said 0 errors. Its ids are left out, so what names them is not reported."""
    folder = name.rsplit("/", 1)[0]
    (moved,) = [key for key in dataset.files if key.startswith(folder + "/")]
    dataset.raw[name] = yaml.safe_dump(dataset.files.pop(moved), allow_unicode=True)
    (problem,) = dataset.problems()
    assert problem.file == "data/" + name
    assert problem.message == (f"tệp '{name.rsplit('/', 1)[1]}' không có đuôi .yml nên không được đọc: "
                               "dữ liệu trong đó sẽ không có trên trang.")
    assert problem.hint is not None and problem.hint.startswith(f"nếu là dữ liệu, đổi tên tệp thành '{suggested}'")


def test_a_backup_beside_its_data_file_is_called_a_copy(dataset: Dataset) -> None:
    dataset.raw["offices.yml.bak"] = yaml.safe_dump(dataset.files["offices.yml"], allow_unicode=True)
    dataset.raw["README.md"] = "# Dữ liệu\n"  # data/ holds offices.yml and subjects.yml only
    dataset.raw["years/ghi-chu.txt"] = "năm sau\n"  # data/years/ holds year folders only
    hints = {p.file: p.hint for p in dataset.problems()}
    away = "chuyển nó ra khỏi thư mục data/ (bản gốc văn bản đã ký để trong data/files/)."
    assert hints == {"data/offices.yml.bak": "tệp có lẽ là bản sao của 'offices.yml': xóa nó, hoặc " + away,
                     "data/README.md": away, "data/years/ghi-chu.txt": away}


def test_what_is_clearly_no_data_is_left_alone(dataset: Dataset) -> None:
    for name in ("years/2024-2025/.DS_Store", "people/Thumbs.db", "years/desktop.ini", ".gitkeep",
                 "years/2024-2025/~$pgddt-a.docx", "ghi-chu/notes.txt"):
        dataset.raw[name] = "x"
    assert dataset.problems() == []


def test_root_files_and_year_folders_are_named_exactly(dataset: Dataset) -> None:
    dataset.files["Offices.yml"] = dataset.files.pop("offices.yml")
    (problem,) = dataset.problems()
    assert (problem.file, problem.hint) == ("data/Offices.yml", "đổi tên tệp thành 'offices.yml'.")


@pytest.mark.parametrize(("folder", "fault"), [
    ("0000-0001", "năm học 0000-0001 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("9998-9999", "năm học 9998-9999 nằm ngoài khoảng dữ liệu nhận (từ 1945-1946 đến 2099-2100)."),
    ("2024-2026", "năm học 2024-2026 không phải hai năm liền nhau."),
    ("2024-2025 (2)", "'2024-2025 (2)' không phải năm học viết dạng YYYY-YYYY."),
])
def test_a_year_folder_must_be_a_school_year_in_range(dataset: Dataset, folder: str, fault: str) -> None:
    year = dataset.files.pop("years/2024-2025/pgddt-a.yml")
    dataset.files[f"years/{folder}/pgddt-a.yml"] = year
    (problem,) = dataset.problems()
    assert problem.message == f"thư mục năm học '{folder}' không đúng: {fault}"


def test_an_unreadable_folder_is_one_vietnamese_line(dataset: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    data = dataset.write()
    scandir = os.scandir

    def failing(path: Any) -> Any:
        if Path(path).name == "people":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", failing)
    monkeypatch.setattr(dataset, "write", lambda: data)
    problems = dataset.problems()
    assert problems[0].format() == "LỖI data/people: không đọc được thư mục (không có quyền đọc)."
    # Its people may be anyone: none is reported unknown, since none could be read.
    assert [p.file for p in problems] == ["data/people"]


@pytest.mark.parametrize(("written", "tag"), [
    ("!!python/object/apply:os.system [ls]", "!!python/object/apply:os.system"),
    ("!!python/name:os.system x", "!!python/name:os.system"),
    ("!ghi-chu x", "!ghi-chu"),
    ("!!int mười", "!!int"),
    ("!!set {a, b}", "!!set"),
])
def test_yaml_tags_are_refused_and_their_record_left_out(dataset: Dataset, written: str, tag: str) -> None:
    people = yaml.safe_dump(dataset.files.pop("people/pgddt-a.yml"), allow_unicode=True, sort_keys=False)
    dataset.raw["people/pgddt-a.yml"] = people.replace("  name: Hà Thị Liên\n",
                                                       f"  name: Hà Thị Liên\n  note: {written}\n")
    (problem,) = dataset.problems()  # Hà Thị Liên is left out, and not reported unknown
    assert (problem.line, problem.path) == (7, "people[1].note")
    assert problem.message.endswith(f"có thẻ YAML '{tag}' không dùng được.")


# What a reader sees of a hand-written page or a file (portal/page_text.py): a letter and the marks
# typed apart after it (NFD, as a Mac or a web form writes "Số": "S", "o", U+0302, U+0301) read as one.

def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_a_letter_and_its_marks_typed_apart_are_read_as_one_where_they_are_written() -> None:
    """Each mark was dropped, read apart from its letter: "Số" read "So", "Mã định danh" "Ma đinh danh"."""
    source = _nfd("Số CCCD: 001185012345")
    read = page_text.literal_text(source)
    assert read.text == "Số CCCD: 001185012345"
    assert read.written(0, 2) == (0, 4)  # "Số": "S", then "o" with its two marks
    assert source[slice(*read.written(9, 21))] == "001185012345"
    page = _nfd("# Liên hệ\n\n**Mã định danh** của cô Lan: 001185012345\n")
    read = page_text.markdown_text(page)
    assert "Mã định danh của cô Lan" in read.text
    start, end = read.written(read.text.index("định"), read.text.index("định") + 4)
    assert (page.count("\n", 0, start) + 1, page[start:end]) == (3, _nfd("định"))
    # A mark written apart by markup or as a reference is set on its letter as a browser shows it.
    assert page_text.markup_text("<p>S<b>o</b>&#770;&#769;</p>").text == "\nSố\n"
    assert page_text.xml_text(_nfd("<w:r><w:t>Mã định</w:t></w:r><w:r><w:t> danh</w:t></w:r>")) == "Mã định danh"
    assert page_text.html_text(_nfd("<p>Chứng minh nhân dân</p>")) == "\nChứng minh nhân dân\n"
    assert page_text.plain_text(_nfd("Số ①②")) == "Số 12"
    # A Mac's file name, linked: its marks percent-encoded apart from their letters.
    link = "Danh%20sa%CC%81ch%20to%CC%82%CC%89.pdf"
    read = page_text.percent_decoded(link)
    assert read.text == "Danh sách tổ.pdf"
    assert link[slice(*read.written(6, 7))] == "a%CC%81"
    assert page_text.composed_text(source).text == "Số CCCD: 001185012345"


def _traced_in(read: page_text.TracedText, source: str) -> bool:
    """Whether each character read is traced to a place in `source`."""
    return (len(read.starts) == len(read.ends) == len(read.text)
            and all(0 <= start <= end <= len(source) for start, end in zip(read.starts, read.ends, strict=True)))


@settings(max_examples=examples(300))
@given(text=st.text(max_size=60).map(lambda text: unicodedata.normalize("NFC", text)))
def test_a_text_in_nfc_is_read_a_character_at_a_time_each_where_it_is_written(text: str) -> None:
    """As before: a text in NFC reads as its characters read alone, each where it is written."""
    alone = [page_text.plain_text(char) for char in text]
    read = page_text.literal_text(text)
    assert read.text == page_text.plain_text(text) == "".join(alone)
    assert read.starts == tuple(at for at, part in enumerate(alone) for _ in part)
    assert read.ends == tuple(at + 1 for at, part in enumerate(alone) for _ in part)
    if page_text.read_as_written(text):
        assert read.text == text


def _marks_in_a_row(text: str) -> int:
    """The most marks one letter of `text` carries, decomposed."""
    most = run = 0
    for char in _nfd(text):
        run = run + 1 if unicodedata.combining(char) else 0
        most = max(most, run)
    return most


# A letter with fewer marks than page_text reads with it (30: Unicode's stream-safe text, UAX #15).
@settings(max_examples=examples(300))
@given(text=st.text(max_size=60).filter(lambda text: _marks_in_a_row(text) <= 25))
def test_a_text_reads_the_same_decomposed_or_composed(text: str) -> None:
    for form in ("NFD", "NFC"):
        written = unicodedata.normalize(form, text)
        read = page_text.literal_text(written)
        assert read.text == page_text.literal_text(text).text == page_text.plain_text(written)
        assert _traced_in(read, written)
        composed = page_text.composed_text(written)
        assert composed.text == unicodedata.normalize("NFC", text) and _traced_in(composed, written)


# Vietnamese letters, in both cases, with each tone, and what a page writes between them. (Not any
# character: "≮" decomposed is "<" and a mark, which starts a tag; "Ẻ" after "%5" ends an escape.)
_LETTERS = "".join(unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
                   for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"))
_PAGE_PARTS = st.sampled_from([*_LETTERS, *"đĐbcdghklmnpqrstvx 0123456789\n.,:-", "\u00a0", "０", "①",
                               "**", "_", "`", "\\*", "<b>", "</p>", "<a href='tel:0912'>", "&nbsp;", "&#48;",
                               "<!-- -->", "[", "](", ")"])


@settings(max_examples=examples(300))
@given(page=st.lists(_PAGE_PARTS, max_size=40).map("".join))
def test_a_page_reads_the_same_decomposed_or_composed(page: str) -> None:
    for read_as in (page_text.markdown_text, page_text.markup_text):
        written = _nfd(page)
        read = read_as(written)
        assert read.text == read_as(page).text
        assert _traced_in(read, written)
    assert page_text.html_text(_nfd(page)) == page_text.html_text(page)
    assert page_text.xml_text(_nfd(page)) == page_text.xml_text(page)


def test_a_text_of_marks_after_one_letter_is_read_in_linear_time() -> None:
    """A hostile text: 200,000 marks, in an order NFC must sort, after one letter (NFC of it all
    took 40 s of CPU). A letter is read with at most 30 of them, as Unicode's stream-safe text."""
    hostile = "a" + "\u0316\u0301" * 100_000 + "\n0912 944 718"
    started = time.process_time()
    for read in (page_text.literal_text(hostile), page_text.composed_text(hostile)):
        assert read.text.endswith("\n0912 944 718") and _traced_in(read, hostile)
    assert page_text.plain_text(hostile).endswith("\n0912 944 718")
    assert time.process_time() - started < 5
