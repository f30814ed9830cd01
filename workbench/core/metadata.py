"""What a table says about itself, as a small typed record.

`TableMeta` replaces a free dict read in a dozen modules (annex label, execution or plan year,
the summary's source and grouping, sub-items, what the reader was unsure of). It turns into
plain JSON data for the native file and back, refusing wrong types with a message instead of
failing later in a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


class TableRole(StrEnum):
    """An indicator table reports a year's execution (附件一) or plans the next (附件二)."""

    EXECUTION = "execution"
    PLAN = "plan"


class MetadataError(ValueError):
    """Stored metadata of the wrong shape (a tampered or damaged file)."""


def _check(name: str, value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise MetadataError(f"“{name}”的类型不对：{type(value).__name__}")
    return value


@dataclass(frozen=True)
class Confidence:
    """高/中/低 and why, in words a reviewer reads in the table chooser."""

    level: str
    why: str

    @property
    def low(self) -> bool:
        """The reader doubts this is a plan table: the chooser asks instead of opening it."""
        return self.level == CONFIDENCE_LEVELS[-1]


CONFIDENCE_LEVELS = ("高", "中", "低")


@dataclass
class TableMeta:
    annex_label: str = ""  # "附件（一）" as the sheet wrote it
    role: TableRole | None = None  # indicator tables only
    kind_uncertain: bool = False  # the reader had to guess indicators vs projects
    sub_items: dict[str, str] = field(default_factory=dict)  # "其中" row key → its parent's key
    # Summary tables: the project table their figures are computed from, the field they group
    # by, and whether the groups partition the total (2022's 领域) or overlap (2021's 板块).
    source: str = ""
    by: str = "sector"
    partition: bool = True
    base_label: str = ""  # the header word of the base column as written ("2021年预计")
    transposed: bool = False  # years ran down the sheet and indicators across
    by_year: list[int] = field(default_factory=list)  # years of an indicator-by-year table
    confidence: Confidence | None = None  # how sure the reader is that this is a plan table
    rolled_from: str = ""  # the table a rolled-forward plan was made from
    # Rolled-forward rows: last year's figures per row key, kept as reference.
    reference: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_data(self) -> dict[str, Any]:
        """Only what differs from a blank record, so saved files stay small and stable."""
        blank = TableMeta()
        data: dict[str, Any] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            if value != getattr(blank, spec.name):
                if isinstance(value, StrEnum):
                    value = str(value)
                elif isinstance(value, Confidence):
                    value = {"level": value.level, "why": value.why}
                data[spec.name] = value
        return data

    @classmethod
    def from_data(cls, data: Any) -> TableMeta:
        if data is None:
            return cls()
        _check("meta", data, dict)
        meta = cls()
        if "annex_label" in data:
            meta.annex_label = _check("annex_label", data["annex_label"], str)
        if data.get("role") is not None:
            try:
                meta.role = TableRole(data["role"])
            except ValueError:
                raise MetadataError(f"表的角色“{data['role']}”无法识别") from None
        if "kind_uncertain" in data:
            meta.kind_uncertain = _check("kind_uncertain", data["kind_uncertain"], bool)
        if "sub_items" in data:
            items = _check("sub_items", data["sub_items"], dict)
            for child, parent in items.items():
                _check("sub_items", child, str)
                _check("sub_items", parent, str)
            meta.sub_items = dict(items)
        if "source" in data:
            meta.source = _check("source", data["source"], str)
        if "by" in data:
            meta.by = _check("by", data["by"], str)
        if "partition" in data:
            meta.partition = _check("partition", data["partition"], bool)
        for name in ("base_label", "rolled_from"):
            if name in data:
                setattr(meta, name, _check(name, data[name], str))
        if "transposed" in data:
            meta.transposed = _check("transposed", data["transposed"], bool)
        if "by_year" in data:
            years = _check("by_year", data["by_year"], list)
            meta.by_year = [_check("by_year", y, int) for y in years]
        if data.get("confidence") is not None:
            said = _check("confidence", data["confidence"], dict)
            meta.confidence = Confidence(
                _check("confidence", said.get("level", ""), str),
                _check("confidence", said.get("why", ""), str),
            )
        if "reference" in data:
            reference = _check("reference", data["reference"], dict)
            for key, figures in reference.items():
                _check("reference", key, str)
                _check("reference", figures, dict)
            meta.reference = {k: dict(v) for k, v in reference.items()}
        return meta
