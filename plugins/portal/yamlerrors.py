"""PyYAML's errors in the clerk's words: what is wrong, on which line, and how to fix it.

PyYAML reports in English, and its C parser (libyaml) words the same faults otherwise
than its Python one ("mapping values are not allowed in this context" / "... here"):
each rule below matches both. An error no rule knows keeps PyYAML's words (after the
caller's Vietnamese lead), with its line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from . import characters


@dataclass(frozen=True)
class YamlFault:
    """A file PyYAML could not read: where (1-based) and what to do about it."""

    line: int | None
    column: int | None
    message: str
    hint: str


@dataclass(frozen=True)
class _Rule:
    words: re.Pattern[str]  # searched in PyYAML's "context problem"
    message: str
    hint: str
    # Report the line where the construct began (an opening quote or bracket, a key
    # without its ':') rather than the line where PyYAML noticed it.
    at_start: bool = False


# libyaml stops at 1,000 levels; the Python parser runs out of stack (RecursionError).
_TOO_DEEP = "dữ liệu lồng nhau quá sâu."
_TOO_DEEP_HINT = "dữ liệu chỉ lồng vài cấp: tìm các dấu '[' hoặc '{' thừa."
TOO_DEEP = YamlFault(None, None, _TOO_DEEP, _TOO_DEEP_HINT)
_QUOTE_HINT = "đặt cả giá trị trong dấu nháy kép, ví dụ: title: \"Về việc: ...\"."
_TAB = _Rule(re.compile("tab"), "dòng này thụt lề bằng phím Tab.",
             "YAML chỉ thụt lề bằng dấu cách: thay Tab bằng dấu cách cho thẳng cột với dòng trên "
             "(trong trình soạn thảo, bật chế độ chèn dấu cách khi nhấn Tab).")
_RULES = (
    _Rule(re.compile("quoted scalar.*end of stream"), "dấu nháy mở ở dòng này nhưng không có dấu nháy đóng.",
          "thêm dấu nháy đóng cùng loại (' hoặc \") ở cuối giá trị; trong nháy đơn, viết '' cho một dấu nháy.",
          at_start=True),
    _Rule(re.compile("escape|hexdecimal"), "trong dấu nháy kép, dấu '\\' bắt đầu một ký tự đặc biệt không có.",
          "viết '\\\\' cho một dấu gạch chéo ngược, hoặc đặt giá trị trong dấu nháy đơn."),
    _Rule(re.compile("mapping values are not allowed"),
          "có dấu hai chấm và dấu cách (': ') giữa một giá trị, hoặc dòng này thụt lề sai.",
          _QUOTE_HINT + " Nếu không, kiểm tra thụt lề của dòng."),
    _Rule(re.compile("could not find expected ':'"), "thiếu dấu ':' sau tên trường.",
          "mỗi dòng viết 'tên: giá trị'; một giá trị dài nhiều dòng thì thụt lề các dòng sau sâu hơn tên "
          "trường, hoặc viết 'tên: |' rồi xuống dòng.", at_start=True),
    _Rule(re.compile("flow sequence"), "danh sách mở bằng '[' ở đây chưa đóng bằng ']', hoặc thiếu dấu phẩy "
          "giữa các mục.", "thêm ']' hoặc dấu phẩy; nếu '[' là một phần của chữ, " + _QUOTE_HINT, at_start=True),
    _Rule(re.compile("flow mapping"), "mục mở bằng '{' ở đây chưa đóng bằng '}', hoặc thiếu dấu phẩy giữa "
          "các trường.", "thêm '}' hoặc dấu phẩy; nếu '{' là một phần của chữ, " + _QUOTE_HINT, at_start=True),
    _Rule(re.compile("node content"), "thiếu một giá trị trong ngoặc '[...]' hoặc '{...}': có dấu phẩy thừa, "
          "hoặc ngoặc chưa đóng.", "xóa dấu phẩy thừa hoặc thêm dấu ngoặc đóng; nếu ngoặc là một phần của chữ, "
          + _QUOTE_HINT),
    _Rule(re.compile("document start"), "có chữ thừa sau phần chính của tệp, ví dụ một dấu ']' hoặc '}' thừa.",
          "xóa phần thừa; nếu nó là một phần của giá trị, " + _QUOTE_HINT),
    _Rule(re.compile("block collection"), "các mục của danh sách không thẳng cột.",
          "mỗi mục bắt đầu bằng '- ' ở cùng một cột với các mục khác; các trường của một mục thẳng cột "
          "với trường đầu tiên (sau '- ')."),
    _Rule(re.compile("block mapping"), "thụt lề không khớp: dòng này lệch cột so với các trường cùng cấp, "
          "hoặc có chữ thừa sau một giá trị trong dấu nháy.",
          "các trường của cùng một mục phải thẳng cột với nhau; chỉ dùng dấu cách để thụt lề."),
    _Rule(re.compile("anchor|alias"), "không dùng neo và bí danh YAML (&tên, *tên).",
          "viết đầy đủ giá trị; nếu '&' hoặc '*' là một phần của chữ, " + _QUOTE_HINT),
    _Rule(re.compile("single document"), "tệp có hơn một phần YAML (dòng '---' ở giữa tệp).",
          "mỗi tệp chỉ có một phần: xóa dòng '---'."),
    _Rule(re.compile("block scalar"), "sau '|' hoặc '>' phải xuống dòng ngay.",
          "viết nội dung từ dòng sau, thụt lề sâu hơn tên trường."),
    _Rule(re.compile("nesting depth"), _TOO_DEEP, _TOO_DEEP_HINT),
    _Rule(re.compile("tag|directive"), "thẻ YAML ('!...') và chỉ thị ('%...') không dùng trong dữ liệu.",
          "nếu '!' hoặc '%' là một phần của chữ, " + _QUOTE_HINT),
)
_UNKNOWN_HINT = "kiểm tra thụt lề (chỉ dùng dấu cách), dấu ':' sau mỗi tên trường và dấu nháy đóng mở."


def _char_at(text: str, mark: yaml.Mark | None) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def describe(error: yaml.YAMLError, text: str) -> YamlFault:
    """The fault of `text` that PyYAML raised `error` for."""
    if isinstance(error, yaml.reader.ReaderError):
        # The first character the reader refused: the C parser gives a byte offset, the
        # Python one a character offset, so it is looked up by value.
        char = chr(error.character) if isinstance(error.character, int) else str(error.character)
        index = max(text.find(char), 0)
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return YamlFault(line, column, f"có {characters.kind(char)}: {characters.code(char)}.",
                         "xóa ký tự này (thường đi theo khi chép từ Word, Excel hay trang web).")
    if not isinstance(error, yaml.MarkedYAMLError):
        return YamlFault(None, None, f"{error}.", _UNKNOWN_HINT)
    words = " ".join(str(x) for x in (error.context, error.problem) if x)
    problem_mark = error.problem_mark or error.context_mark
    if "tab" in words or _char_at(text, problem_mark) == "\t":
        rule: _Rule | None = _TAB
    else:
        rule = next((r for r in _RULES if r.words.search(words)), None)
    if rule is None:
        start = _char_at(text, problem_mark)
        if "cannot start any token" in words and start:  # @ or ` at the start of a value
            return _at(problem_mark, f"ký tự '{start}' không được đứng đầu một giá trị.", _QUOTE_HINT)
        return _at(problem_mark, f"{words}.", _UNKNOWN_HINT)  # PyYAML's words, after our lead
    mark = error.context_mark if rule.at_start and error.context_mark else problem_mark
    return _at(mark, rule.message, rule.hint)


def _at(mark: yaml.Mark | None, message: str, hint: str) -> YamlFault:
    if mark is None:
        return YamlFault(None, None, message, hint)
    return YamlFault(mark.line + 1, mark.column + 1, message, hint)
