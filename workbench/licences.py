"""What the application ships and under which licences — for 帮助 → 关于 and the frozen build.

Versions and licences are read at run time from the installed distributions' metadata
(importlib.metadata), never written down here: an upgrade of a library shows its own version
and licence. The list is this package's own requirements, followed transitively, so a
library that a dependency pulls in (numpy under pandas, lxml under python-docx) is listed
too. The licence texts come from the distribution's licence files where it installs them;
for Qt for Python (its wheels carry none) and for the shipped font they come from the
files in resources/ (`resources/licenses`, `resources/fonts/LICENSE-OFL.txt`).

The frozen build keeps this working: resources/build/workbench.spec copies the metadata of
every distribution `shipped_distributions()` names (PyInstaller drops dist-info otherwise).
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from workbench import __version__
from workbench.charts.fonts import shipped_font_path
from workbench.shipped import shipped_file

DISTRIBUTION = "plan-workbench"
# A source checkout run without installing has no metadata of its own: the walk then starts
# from what pyproject.toml asks for.
PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
# Licence files shipped in resources/licenses, by the SPDX identifier they hold.
SHIPPED_TEXTS = {"LGPL-3.0": "LGPL-3.0.txt", "GPL-3.0": "GPL-3.0.txt"}


@dataclass(frozen=True)
class Component:
    """One shipped library (or the font): what the 许可证 list shows for it."""

    name: str
    version: str
    licence: str  # short: an SPDX expression or the licence's name
    distribution: str | None = None  # to read its licence files from; None for the font

    def texts(self) -> list[tuple[str, str]]:
        """(file name, full text) of each licence file, in the order the package lists them."""
        if self.distribution is None:
            return [("LICENSE-OFL.txt", read_text(font_licence_path()))]
        return licence_texts(self.distribution, self.licence)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def app_version() -> str:
    """The installed package's version; the source's own when it is not installed."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return __version__


def _requirement_names(requirements: list[str]) -> list[str]:
    """Names of the requirements that hold at run time on this platform (no extras)."""
    names = []
    for requirement in requirements:
        name, _, marker = requirement.partition(";")
        if marker and not _marker_holds(marker):
            continue
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name)
        if match:
            names.append(match.group(1))
    return names


def _marker_holds(marker: str) -> bool:
    if "extra" in marker:
        return False
    try:
        from packaging.markers import Marker

        return bool(Marker(marker).evaluate())
    except Exception:  # packaging missing or a marker it cannot read: keep the library
        return True


def shipped_distributions() -> list[metadata.Distribution]:
    """This package's run-time requirements, transitively, each once, installed ones only."""
    try:
        start = _requirement_names(metadata.distribution(DISTRIBUTION).requires or [])
    except metadata.PackageNotFoundError:
        start = _requirement_names(_declared_requirements())
    found: dict[str, metadata.Distribution] = {}
    pending = list(start)
    while pending:
        name = pending.pop(0)
        if _key(name) in found:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[_key(name)] = dist
        pending.extend(_requirement_names(dist.requires or []))
    return list(found.values())


def _declared_requirements() -> list[str]:
    try:
        declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return []
    return list(declared.get("project", {}).get("dependencies", []))


def short_licence(dist: metadata.Distribution) -> str:
    """The licence in a few words: the SPDX expression, a one-line License field, or the
    trove classifier; some packages paste their whole licence text into License."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 60:
        return field
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    if classifiers:
        return " / ".join(dict.fromkeys(classifiers))
    if field:
        return field.splitlines()[0].strip()[:60]
    return "见许可证文本"


def components() -> list[Component]:
    """The font first, then every shipped library by name."""
    family, version = font_name_and_version()
    items = [Component(family, version, "OFL-1.1（SIL Open Font License）")]
    for dist in sorted(shipped_distributions(), key=lambda d: _key(d.metadata["Name"])):
        items.append(
            Component(
                dist.metadata["Name"], dist.version, short_licence(dist), dist.metadata["Name"]
            )
        )
    return items


def licence_texts(distribution: str, licence: str = "") -> list[tuple[str, str]]:
    """The licence files the distribution installed (in its dist-info, where PEP 639 and
    older wheels put them); for Qt for Python, whose wheels carry none, the GNU texts its
    licence names, from resources/licenses."""
    texts: list[tuple[str, str]] = []
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        dist = None
    if dist is not None:
        declared = dist.metadata.get_all("License-File") or []
        files = [f for f in dist.files or [] if ".dist-info" in str(f) or ".egg-info" in str(f)]
        chosen = [f for f in files if _LICENCE_FILE.search(f.name)]
        for name in declared:  # PEP 639 names them; older wheels put them at the top
            chosen += [f for f in files if str(f).replace("\\", "/").endswith("/" + name)]
        seen = set()
        for file in chosen:
            if str(file) in seen:
                continue
            seen.add(str(file))
            text = read_text(Path(str(dist.locate_file(file))))
            if text:
                texts.append((str(file).replace("\\", "/").split(".dist-info/", 1)[-1], text))
    if not texts:
        for spdx, file_name in SHIPPED_TEXTS.items():
            if spdx in licence:
                texts.append((file_name, read_text(shipped_licence_path(file_name))))
    return texts


def font_name_and_version() -> tuple[str, str]:
    """The shipped font's family and version, as its own name table states them."""
    try:
        from fontTools.ttLib import TTFont

        with TTFont(str(shipped_font_path()), lazy=True) as font:
            names = font["name"]
            family = names.getDebugName(1) or shipped_font_path().stem
            version = (names.getDebugName(5) or "").replace("Version", "").strip()
            return f"{family}（字体）", version.split(";")[0]
    except Exception:  # fontTools missing or the file unreadable: still list the font
        return f"{shipped_font_path().stem}（字体）", ""


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def font_licence_path() -> Path:
    return shipped_file("workbench.resources", "resources", "fonts", "LICENSE-OFL.txt")


def shipped_licence_path(name: str) -> Path:
    return shipped_file("workbench.resources", "resources", "licenses", name)
