"""Typed table metadata: round trips, and refusing tampered shapes."""

import pytest

from workbench.core.metadata import (
    Confidence,
    MetadataError,
    TableMeta,
    TableRole,
)


def test_table_meta_round_trips_and_saves_only_what_is_set():
    meta = TableMeta(annex_label="附件（一）", role=TableRole.EXECUTION, sub_items={"r3": "r2"})
    data = meta.to_data()
    assert data == {"annex_label": "附件（一）", "role": "execution", "sub_items": {"r3": "r2"}}
    assert TableMeta.from_data(data) == meta
    assert TableMeta().to_data() == {} and TableMeta.from_data(None) == TableMeta()
    read = TableMeta(by_year=[2019, 2020], confidence=Confidence("低", "没有属性列"))
    assert TableMeta.from_data(read.to_data()) == read


@pytest.mark.parametrize(
    "data",
    [
        ["not", "a", "dict"],
        {"role": "forecast"},
        {"partition": "yes"},
        {"sub_items": {"r3": 2}},
        {"annex_label": 1},
        {"kind_uncertain": 1},
        {"confidence": {"level": 1, "why": ""}},
        {"by_year": ["2021"]},
        {"reference": {"r1": 5}},
    ],
)
def test_tampered_table_meta_is_refused_with_a_message(data):
    with pytest.raises(MetadataError):
        TableMeta.from_data(data)
