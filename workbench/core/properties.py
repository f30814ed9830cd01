"""What a plan document says about itself, as small typed records.

Where an import came from, when the document was created, which plan year it was rolled
forward from and the comparison crosswalk used to live in a free dict that a dozen modules read
by string keys. Typed, a misspelt key is an error at once and a tampered file is refused with a
message when it loads, instead of failing later in a view. Anything else a file stored (a
sample seed, a note) is kept as-is in `extra`, so nothing read is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from workbench.core.metadata import MetadataError

if TYPE_CHECKING:
    from workbench.core.compare.crosswalk import Crosswalk

# The keys older files stored at the top of `properties`; read when loading such a file.
_ORIGIN_KEYS = ("source_path", "source_format", "skipped_sheets", "all_sheets")
_KNOWN = frozenset({*_ORIGIN_KEYS, "origin", "created", "crosswalk", "rolled_from"})


def _check(name: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise MetadataError(f"文档属性“{name}”的类型不对：{type(value).__name__}")
    return value


@dataclass(frozen=True)
class ImportOrigin:
    """The department's workbook a document was read from.

    `path` is private (a folder on the reviewer's disk): the distribution copy keeps only the
    file name. `skipped_sheets` maps a sheet without a table to the reason, so an export can
    carry those sheets over and the chooser can say why they were left out."""

    path: str = ""
    format: str = ""  # what the sniffer found: xlsx, xls, ods, csv …
    skipped_sheets: dict[str, str] = field(default_factory=dict)
    all_sheets: tuple[str, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "format": self.format,
            "skipped_sheets": dict(self.skipped_sheets),
            "all_sheets": list(self.all_sheets),
        }

    @classmethod
    def from_data(cls, data: Any) -> ImportOrigin:
        _check("origin", data, dict)
        skipped = _check("skipped_sheets", data.get("skipped_sheets") or {}, dict)
        for name, reason in skipped.items():
            _check("skipped_sheets", name, str)
            _check("skipped_sheets", reason, str)
        sheets = _check("all_sheets", data.get("all_sheets") or [], list)
        return cls(
            path=_check("path", data.get("path", ""), str),
            format=_check("format", data.get("format", ""), str),
            skipped_sheets=dict(skipped),
            all_sheets=tuple(_check("all_sheets", s, str) for s in sheets),
        )

    def without_folders(self) -> ImportOrigin:
        """The same origin with the file name only (what may leave the reviewer's disk)."""
        name = self.path.replace("\\", "/").rsplit("/", 1)[-1]
        return ImportOrigin(name, self.format, dict(self.skipped_sheets), self.all_sheets)


@dataclass(frozen=True)
class RolledFrom:
    """The plan year and title a rolled-forward draft was made from."""

    year: int
    title: str = ""


@dataclass
class DocumentProperties:
    origin: ImportOrigin | None = None  # None: not read from a department's workbook
    created: str = ""  # ISO time of the first export, kept across saves
    crosswalk: Crosswalk | None = None  # None: no renames (a profile is picked, not assumed)
    rolled_from: RolledFrom | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # what else a file stored, as read

    @property
    def source_path(self) -> str:
        """The department's workbook this was read from ("" when not read from one)."""
        return self.origin.path if self.origin else ""

    @property
    def skipped_sheets(self) -> dict[str, str]:
        """Sheets of the imported workbook that held no table, with the reason."""
        return self.origin.skipped_sheets if self.origin else {}

    def to_data(self) -> dict[str, Any]:
        """Plain JSON data; empty parts are left out so saved files stay small and stable."""
        data: dict[str, Any] = dict(self.extra)
        if self.origin is not None:
            data["origin"] = self.origin.to_data()
        if self.created:
            data["created"] = self.created
        if self.crosswalk is not None:
            data["crosswalk"] = self.crosswalk.to_dict()
        if self.rolled_from is not None:
            data["rolled_from"] = {"year": self.rolled_from.year, "title": self.rolled_from.title}
        return data

    @classmethod
    def from_data(cls, data: Any) -> DocumentProperties:
        """Read what `to_data` wrote, and the flat keys files before it stored
        (`source_path`, `source_format`, `skipped_sheets`, `all_sheets` at the top)."""
        from workbench.core.compare.crosswalk import Crosswalk

        if data is None:
            return cls()
        _check("properties", data, dict)
        props = cls(extra={k: v for k, v in data.items() if k not in _KNOWN})
        if data.get("origin") is not None:
            props.origin = ImportOrigin.from_data(data["origin"])
        elif any(k in data for k in _ORIGIN_KEYS):
            props.origin = ImportOrigin.from_data(
                {
                    "path": data.get("source_path") or "",
                    "format": data.get("source_format") or "",
                    "skipped_sheets": data.get("skipped_sheets"),
                    "all_sheets": data.get("all_sheets"),
                }
            )
        if data.get("created"):
            props.created = _check("created", data["created"], str)
        if data.get("crosswalk"):
            try:
                props.crosswalk = Crosswalk.from_dict(data["crosswalk"])
            except (ValueError, TypeError, AttributeError):
                # A damaged crosswalk must not stop the plan from opening: it is dropped, and
                # the next crosswalk edit stores a clean one.
                props.crosswalk = None
        if data.get("rolled_from") is not None:
            rolled = _check("rolled_from", data["rolled_from"], dict)
            props.rolled_from = RolledFrom(
                _check("rolled_from", rolled.get("year"), int),
                _check("rolled_from", rolled.get("title", ""), str),
            )
        return props

    def for_distribution(self) -> DocumentProperties:
        """What may travel with a copy sent on: no folders (issue 12). The file name of the
        department's workbook stays, so a returned copy can still be matched to it."""
        return DocumentProperties(
            origin=self.origin.without_folders() if self.origin else None,
            created=self.created,
            crosswalk=self.crosswalk,
            rolled_from=self.rolled_from,
            extra=dict(self.extra),
        )
