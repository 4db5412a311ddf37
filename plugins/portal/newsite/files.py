"""What a new office's repository holds: each file's path and text, from the templates.

The templates (`templates/`, shipped in the wheel) carry the Vietnamese comments that tell
the clerk what to replace; the values given on the command line reach them through the
`yaml` and `markdown` filters, which quote and escape them for the file they land in. The
workflow files and the subjects are copied as they are (GitHub's `${{ }}` is not Jinja's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2
import yaml

from .. import commands, vocab
from ..dates import SchoolYear
from ..newyear import placeholder_decision
from ..newyear_text import new_site_header
from .package import CONSTRAINTS

# The placeholders' ids: the clerk replaces them (and every use of them) with real ones.
SCHOOL = "truong-cho-giu"
PERSON = "nguoi-cho-giu"
BODY = "to-cot-can-cho-giu"

# Where each template lands in the new repository, and whether it is rendered or copied.
_FILES: tuple[tuple[str, str, bool], ...] = (
    ("README.md", "README.md", True),
    ("mkdocs.yml", "mkdocs.yml", True),
    ("requirements.txt", "requirements.txt", True),
    ("constraints.txt", "constraints.txt", True),
    ("gitignore", ".gitignore", False),
    ("github-pages.yml", ".github/workflows/xuat-ban.yml", False),
    ("gitlab-ci.yml", ".gitlab-ci.yml", False),
    ("docs/gioi-thieu.md", "docs/gioi-thieu.md", True),
    ("data/offices.yml", "data/offices.yml", True),
    ("data/subjects.yml", "data/subjects.yml", False),
    ("data/schools.yml", "data/schools/{office}.yml", True),
    ("data/people.yml", "data/people/{office}.yml", True),
    ("data/year.yml", "data/years/{year}/{office}.yml", True),
)
WORKFLOW = ".github/workflows/xuat-ban.yml"
GITLAB_CI = ".gitlab-ci.yml"
REQUIREMENTS = "requirements.txt"


@dataclass(frozen=True)
class SiteSpec:
    """What the clerk says about the office when creating its site."""

    office: str
    name: str
    short_name: str | None
    kind: str
    year: SchoolYear
    # The line of requirements.txt that installs the package (a version pin, a URL, a wheel).
    requirement: str
    # The installed package's version, named in the README and requirements.txt.
    version: str
    # `name==version` of every package the build needs besides the portal (constraints.txt).
    pins: tuple[str, ...]
    # The site's public address when the clerk gave it; else mkdocs.yml takes it from
    # PORTAL_SITE_URL, which the publishing workflows set.
    site_url: str | None = None

    @property
    def site_name(self) -> str:
        return f"Tổ cốt cán — {self.short_name or self.name}"


def yaml_scalar(value: str | int) -> str:
    """`value` as one YAML scalar on one line, read back as the same value after a key:
    PyYAML's own choice (plain, or single-quoted) when it is, else double-quoted with every
    character beyond printable ASCII escaped."""
    if isinstance(value, int):
        return str(value)
    text = _dump(value, allow_unicode=True)
    if "\n" in text or yaml.safe_load(f"key: {text}\n") != {"key": value}:
        text = _dump(value, allow_unicode=False, default_style='"')
    return text


def _dump(value: str, **style: Any) -> str:
    dumped: str = yaml.safe_dump(value, width=1_000_000, **style)
    return dumped.removesuffix("\n...\n").rstrip("\n")


# Python-Markdown's and CommonMark's backslash escapes; < and > as entities (Python-Markdown
# does not take a backslash before them), and & where it would start one ("GD&ĐT" stays).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!])")
_ENTITY_START = re.compile(r"&(?=#?\w+;)")


def markdown_text(value: str) -> str:
    """`value` as literal text inside a line of Markdown: no emphasis, link, code or HTML."""
    text = _ENTITY_START.sub("&amp;", value)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;").replace(">", "&gt;")


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("portal.newsite", "templates"),
        autoescape=False,  # YAML and Markdown, not HTML: values go through the filters below
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    environment.filters["yaml"] = yaml_scalar
    environment.filters["markdown"] = markdown_text
    return environment


def _variables(spec: SiteSpec) -> dict[str, Any]:
    return {
        "office": spec.office, "name": spec.name, "short_name": spec.short_name, "kind": spec.kind,
        "year": spec.year.label, "site_name": spec.site_name, "version": spec.version,
        "requirement": spec.requirement, "pins": spec.pins, "constraints": CONSTRAINTS,
        "site_url": spec.site_url, "decision": placeholder_decision(spec.office, spec.year),
        "year_header": new_site_header(spec.year, spec.name),
        "school": SCHOOL, "person": PERSON, "body": BODY,
        "office_kinds": list(vocab.OFFICE_KINDS), "school_levels": list(vocab.SCHOOL_LEVELS),
        "program": commands.PROGRAM, "new_site": commands.NEW_SITE.name, "exit_codes": commands.exit_codes_text(),
        "import_line": commands.IMPORT.line("--office", spec.office, "--input", "danh-sach.docx"),
        # README's upgrade: a site made aside by the new version, whose requirements are copied over.
        "upgrade_line": commands.NEW_SITE.line("../trang-tam", "--office", spec.office, "--name", spec.name,
                                               "--package", "TỆP_MỚI.whl"),
        "cmd": {"check": commands.CHECK, "import_": commands.IMPORT, "diff": commands.DIFF,
                "new_year": commands.NEW_YEAR},
    }


def site_files(spec: SiteSpec) -> dict[str, str]:
    """Every file of the new repository: its path (POSIX, relative) and its text, the same
    on every machine: the README's commands are written for a POSIX shell, as its others are,
    with a note for Windows."""
    environment = _environment()
    files = {}
    with commands.quoting(commands.Shell.POSIX):
        variables = _variables(spec)
        for template, target, rendered in _FILES:
            path = target.format(office=spec.office, year=spec.year.label)
            if rendered:
                files[path] = environment.get_template(template).render(variables)
            else:
                source = resources.files("portal.newsite").joinpath("templates", *template.split("/"))
                files[path] = source.read_text(encoding="utf-8")
    return files
