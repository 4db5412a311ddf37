"""Where each generated page lives. Shapes are format strings so a site can change them.

Every URL is built from ids and school years only, so adding a year never moves a page.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from string import Formatter


@dataclass(frozen=True)
class UrlFormats:
    home: str = ""
    years: str = "nam-hoc/"
    year: str = "nam-hoc/{year}/"
    offices: str = "don-vi/"
    office: str = "don-vi/{office}/"
    schools: str = "truong/"
    school: str = "truong/{school}/"
    school_year: str = "truong/{school}/{year}/"
    body: str = "to-chuc/{body}/{year}/"
    person: str = "nguoi/{person}/"
    archive: str = "van-ban/"
    document: str = "van-ban/{document}/"
    diffs: str = "thay-doi/"
    diff: str = "thay-doi/{office}/{old}-den-{new}/"
    body_diff: str = "thay-doi/to-chuc/{body}/{old}-den-{new}/"
    year_changes: str = "thay-doi/{office}/{year}/"

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def problem(cls, name: str, value: str) -> str | None:
        """What is wrong with `value` as the shape of URL `name`, in Vietnamese; None if nothing.

        A shape is relative, without '..', and ends with '/' (only the home page's may be
        empty); it keeps exactly the placeholders of its default, so that every page has an
        address of its own and no placeholder is left unfilled.
        """
        default = getattr(cls(), name)
        example = f"ví dụ '{default}'" if default else "để trống"
        if (value or default) and (not value.endswith("/") or value.startswith("/") or ".." in value.split("/")):
            return (f"cần một đường dẫn tương đối, không có '..', kết thúc bằng '/' ({example}); "
                    f"nhận được '{value}'.")
        try:
            found = _placeholders(value)
        except ValueError:
            return f"dấu ngoặc {{ }} không khớp nhau ({example}); nhận được '{value}'."
        wanted = _placeholders(default)
        if found != wanted:
            need = ", ".join(f"{{{p}}}" for p in sorted(wanted)) or "không có chỗ trống {...} nào"
            return f"cần đúng các chỗ trống {need} ({example}); nhận được '{value}'."
        return None


def _placeholders(shape: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(shape) if field is not None}


def src_uri(url: str) -> str:
    """The Markdown path MkDocs needs for a page at `url` (with directory URLs)."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def relative(target: str, page_url: str) -> str:
    """A link from the page at `page_url` to `target`, both site-relative directory URLs.

    Up to the site's root, then down: one string operation per link, since a page
    holds hundreds of links (posixpath.relpath cost a tenth of a province build).
    """
    link = "../" * page_url.count("/") + target
    return link or "./"


def absolute(site_url: str, page_url: str) -> str:
    """A page's full address under the site's public address (MkDocs' site_url)."""
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")
