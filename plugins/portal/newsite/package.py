"""How a new site installs the portal: this portal's own copy, never a name looked up on PyPI.

The portal is not on PyPI, so a bare `portal-cot-can==0.1.0` in requirements.txt would install
whatever someone registers under that name (dependency confusion). A new site therefore
names the office's own copy: a wheel in `vendor/` (checked to be this portal's), a URL
pinned by its SHA-256, or a git commit. Without `--package`, the copy this program was
installed from is used when pip recorded it (`direct_url.json`, PEP 610).

The build's other packages (MkDocs, Material, Pagefind, ...) are pinned in
`constraints.txt` to the versions installed here, found by walking the installed
package's own requirements, so that every CI run builds with the same versions.
"""

from __future__ import annotations

import configparser
import json
import re
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from importlib import metadata
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename

from ..errors import PortalError

DISTRIBUTION = "portal-cot-can"  # the portal's name as pip knows it
# The entry point that makes a wheel this portal and not another project of the same name.
PLUGIN_GROUP = "mkdocs.plugins"
PLUGIN_ENTRY = ("portal", "portal_mkdocs.plugin:PortalPlugin")
CONSTRAINTS = "constraints.txt"
VENDOR = "vendor"  # where a wheel given to the new site is copied

_GIT_COMMIT = re.compile(r"@[0-9a-f]{40}$")
_SHA256 = re.compile(r"#sha256=[0-9a-f]{64}$")
_EXAMPLES = (f"'{DISTRIBUTION} @ https://MÁY-CHỦ/portal_cot_can-…-py3-none-any.whl#sha256=<64 chữ số hex>' hoặc "
             f"'{DISTRIBUTION} @ git+https://…/portal-cot-can@<mã commit 40 ký tự>'")


class PackageError(PortalError):
    """The portal's package cannot be named as asked: the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Source:
    """How requirements.txt installs the portal: its line, and the wheel to copy when there is one."""

    requirement: str
    wheel: Path | None


def check_wheel(wheel: Path) -> str:
    """`wheel` if it is this portal's wheel, of the version running here; its version, else PackageError."""
    what = f"--package {wheel}"
    try:
        name, version, _, _ = parse_wheel_filename(wheel.name)
    except InvalidWheelFilename:
        raise PackageError(f"{what}: tên tệp không phải tên một tệp wheel (cần dạng portal_cot_can-"
                           f"<phiên bản>-py3-none-any.whl).") from None
    if name != canonicalize_name(DISTRIBUTION):
        raise PackageError(f"{what}: đây là gói '{name}', không phải phần mềm {DISTRIBUTION}.")
    try:
        with zipfile.ZipFile(wheel) as archive:
            infos = [n for n in archive.namelist() if PurePosixPath(n).parent.name.endswith(".dist-info")]
            meta = next((n for n in infos if n.endswith("/METADATA") and n.count("/") == 1), None)
            headers = HeaderParser().parsestr(archive.read(meta).decode("utf-8")) if meta else None
            entry_file = meta.replace("/METADATA", "/entry_points.txt") if meta else ""
            entries = archive.read(entry_file).decode("utf-8") if entry_file in infos else ""
    except (zipfile.BadZipFile, OSError, UnicodeDecodeError):
        raise PackageError(f"{what}: tệp bị hỏng hoặc không phải tệp wheel.") from None
    if headers is None or canonicalize_name(headers.get("Name", "")) != canonicalize_name(DISTRIBUTION):
        raise PackageError(f"{what}: tệp không mang thông tin gói (METADATA) của {DISTRIBUTION}.")
    points = configparser.ConfigParser(delimiters=("=",))
    points.read_string(entries)
    if points.get(PLUGIN_GROUP, PLUGIN_ENTRY[0], fallback="").strip() != PLUGIN_ENTRY[1]:
        raise PackageError(f"{what}: tệp mang tên {DISTRIBUTION} nhưng không có phần bổ trợ MkDocs của cổng "
                           "thông tin; không phải gói của nhóm phát triển.")
    running = metadata.version(DISTRIBUTION)
    if str(version) != headers.get("Version") or str(version) != running:
        raise PackageError(f"{what}: tệp là phiên bản {headers.get('Version')}, chương trình đang chạy là phiên bản "
                           f"{running}; tạo trang bằng đúng phiên bản của tệp (cài tệp đó rồi chạy lại).")
    return str(version)


def requirement_line(line: str) -> str:
    """A pip line naming the portal by an https URL of its wheel at the running version, pinned
    by its hash, or a git+https commit; else PackageError."""
    try:
        requirement = Requirement(line.strip())
    except InvalidRequirement:
        requirement = None
    if requirement is None or canonicalize_name(requirement.name) != canonicalize_name(DISTRIBUTION):
        raise PackageError(f"--package: '{line}' không phải gói {DISTRIBUTION}; cần một tệp .whl của phần mềm, "
                           f"hoặc {_EXAMPLES}.")
    url = requirement.url or ""
    pinned = _GIT_COMMIT.search(url) if url.startswith("git+") else _SHA256.search(url)
    if not pinned or requirement.extras or requirement.marker:
        raise PackageError(f"--package: '{line}' chưa chỉ đích danh một bản của phần mềm (một tên hay một địa chỉ "
                           "không kèm mã băm có thể trỏ tới gói của người khác); cần " + _EXAMPLES + ".")
    if not fetchable(url):
        raise PackageError(f"--package: '{line}': {_not_fetchable(url)}; cần {_EXAMPLES}, hoặc cho chính tệp .whl "
                           "(được chép vào vendor/).")
    if not url.startswith("git+"):
        _check_wheel_url(line, url)
    return str(requirement)


def fetchable(url: str) -> bool:
    """Whether the runner that builds the site (CI) can fetch `url`: a file:, ssh or http
    address works on this machine only (a key, a local file), or not safely."""
    return url.startswith(("https://", "git+https://"))


def _not_fetchable(url: str) -> str:
    return (f"máy dựng trang (CI) không tải được địa chỉ '{url.split('://')[0]}://…', chỉ địa chỉ https:// "
            "(hoặc git+https://)")


def _check_wheel_url(line: str, url: str) -> None:
    """A URL's file, named as this portal's wheel at the version running here: constraints.txt
    pins the dependencies of this version, and another project's wheel is not the portal."""
    file_name = PurePosixPath(unquote(urlsplit(url).path)).name
    running = metadata.version(DISTRIBUTION)
    try:
        name, version, _, _ = parse_wheel_filename(file_name)
    except InvalidWheelFilename:
        raise PackageError(f"--package: '{line}': địa chỉ không trỏ tới một tệp wheel (cần tệp dạng "
                           f"portal_cot_can-{running}-py3-none-any.whl).") from None
    if name != canonicalize_name(DISTRIBUTION):
        raise PackageError(f"--package: '{line}': tệp '{file_name}' là gói '{name}', không phải phần mềm "
                           f"{DISTRIBUTION}.")
    if str(version) != running:
        raise PackageError(f"--package: '{line}': tệp là phiên bản {version}, chương trình đang chạy là phiên bản "
                           f"{running} (constraints.txt ghim các gói của phiên bản này); tạo trang bằng đúng phiên "
                           "bản của tệp (cài tệp đó rồi chạy lại).")


def installed_source() -> Source:
    """Where this program was installed from, as pip recorded it (PEP 610), when that names one
    copy: a wheel file still on this machine, a URL with its hash, a git commit."""
    recorded = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    source = recorded_source(json.loads(recorded)) if recorded else None
    if source is None:
        raise PackageError("--package: chưa cho, và không biết phần mềm đang chạy được cài từ tệp nào (nó được cài "
                           "từ một thư mục mã nguồn); cho --package TỆP.whl (tệp wheel mà nhóm phát triển gửi), hoặc "
                           f"--package {_EXAMPLES}.")
    url = source.requirement.split(" @ ", 1)[-1]
    if source.wheel is None and not fetchable(url):  # pip's record of a git+ssh:// or http:// install
        raise PackageError(f"--package: chưa cho, và phần mềm đang chạy được cài từ '{url}': {_not_fetchable(url)}; "
                           f"cho --package TỆP.whl (tệp wheel mà nhóm phát triển gửi), hoặc --package {_EXAMPLES}.")
    return source


def wheel_source(wheel: Path) -> Source:
    """A wheel of this portal, copied into the site's vendor/ folder and installed from there."""
    check_wheel(wheel)
    return Source(f"./{VENDOR}/{wheel.name}", wheel)


def recorded_source(direct_url: dict[str, object]) -> Source | None:
    """The copy a PEP 610 record (direct_url.json) names, when another machine can fetch it."""
    url = str(direct_url.get("url", ""))
    archive, vcs = direct_url.get("archive_info"), direct_url.get("vcs_info")
    if isinstance(archive, dict):
        if url.startswith("file:"):
            wheel = Path(url2pathname(unquote(urlsplit(url).path)))
            return wheel_source(wheel) if wheel.suffix == ".whl" and wheel.is_file() else None
        hashes = archive.get("hashes")
        digest = hashes.get("sha256") if isinstance(hashes, dict) else None
        legacy = str(archive.get("hash", ""))  # PEP 610's older "hash": "sha256=..."
        digest = digest or (legacy.removeprefix("sha256=") if legacy.startswith("sha256=") else None)
        return Source(f"{DISTRIBUTION} @ {url}#sha256={digest}", None) if digest else None
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return Source(f"{DISTRIBUTION} @ git+{url}@{vcs['commit_id']}", None)
    return None  # an editable or source-folder install: no copy another machine could fetch


def pinned_dependencies() -> list[str]:
    """`name==version` of every package the portal needs, transitively, as installed here, sorted.

    Markers are evaluated for this machine: a package needed only elsewhere (another
    platform, another Python) is left out, and pip then picks it as it would without pins.
    """
    pins: dict[str, str] = {}
    seen: set[tuple[str, str]] = set()
    todo: list[tuple[str, str]] = [(DISTRIBUTION, "")]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in seen:
            continue
        seen.add((name, extra))
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise PackageError(f"gói '{name}' mà phần mềm cần chưa được cài ở máy này; cài lại phần mềm "
                               "(python3 -m pip install …) rồi chạy lại.") from None
        if name != DISTRIBUTION:
            pins[canonicalize_name(name)] = distribution.version
        for text in distribution.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": extra}):
                todo.extend((requirement.name, e) for e in ("", *sorted(requirement.extras)))
    return [f"{name}=={version}" for name, version in sorted(pins.items())]
