"""Files the package ships (sample plan, fonts, icons): found inside an installed package,
or at the top of a source checkout, where seeds/ and resources/ live."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped_file(package: str, checkout_folder: str, *parts: str) -> Path:
    try:
        candidate = Path(str(resources.files(package))).joinpath(*parts)
        if candidate.exists():
            return candidate
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    return Path(__file__).resolve().parents[1].joinpath(checkout_folder, *parts)
