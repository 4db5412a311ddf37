"""Where an office's people and an office-year's bodies live under data/."""

from __future__ import annotations

from pathlib import Path


def people_path(data_dir: Path, office: str) -> Path:
    return data_dir / "people" / f"{office}.yml"


def year_path(data_dir: Path, year: str, office: str) -> Path:
    return data_dir / "years" / year / f"{office}.yml"


def people_file(office: str) -> str:
    """As the clerk reads it in a message."""
    return f"data/people/{office}.yml"


def year_file(year: str, office: str) -> str:
    return f"data/years/{year}/{office}.yml"
