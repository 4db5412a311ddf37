"""`mkdocs serve` after an edit it refuses (preview_serve.py, served_site.py): the last good site
stays served."""

from __future__ import annotations

import os
from pathlib import Path

from portal_mkdocs.served_site import ServedSite


def test_a_served_site_set_aside_comes_back_if_the_build_fails(tmp_path: Path) -> None:
    site = tmp_path / "mkdocs_abc"
    (site / "nguoi").mkdir(parents=True)
    (site / "nguoi/index.html").write_text("trang cũ", encoding="utf-8")
    served = ServedSite(site)
    served.set_aside()
    assert list(site.iterdir()) == []  # what MkDocs empties and writes into
    (site / "index.html").write_text("nửa trang mới", encoding="utf-8")
    assert served.put_back()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["nguoi", "nguoi/index.html"]
    served.set_aside()
    (site / "index.html").write_text("trang mới", encoding="utf-8")
    served.drop()
    assert os.listdir(tmp_path) == ["mkdocs_abc"] and os.listdir(site) == ["index.html"]
