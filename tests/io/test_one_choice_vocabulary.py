"""One vocabulary for choice columns: a word that imports (民间投资 → 企业投资) is taken when
typed, pasted or returned in a collection workbook too, and a word none of them knows is
refused on every path."""

from __future__ import annotations

import json
import shutil
from datetime import date

import openpyxl
import pytest

from tests.io import annex_fixtures as fx
from workbench.core.cell_input import parse_cell
from workbench.core.choices import choose
from workbench.core.schema import fields_for
from workbench.io.native.plan_file import load_plan
from workbench.io.opener import import_annex, sample_plan_path
from workbench.io.reading.returned_workbook import read_returned
from workbench.io.writing.collection_workbook import (
    COLUMNS,
    DATA_SHEET,
    HEADER_ROW,
    group_rows,
    write_collection_workbooks,
)
from workbench.shipped import shipped_file

# (funding as written, its choice), (nature as written, its choice); None: refused
CASES = [
    ("民间投资", "企业投资", "在建", "续建"),
    ("财政资金", "政府投资", "新建", "新开工"),
    ("政府投资", "政府投资", "收尾", "竣工"),
    ("社会资本", "企业投资", "储备", "前期"),
    ("外资", None, "暂停", None),
]
SPEC = {f.key: f for f in fields_for("projects")}


def test_typed_and_pasted():
    for funding, f_choice, nature, n_choice in CASES:
        for field, text, expected in (("funding", funding, f_choice), ("nature", nature, n_choice)):
            parsed = parse_cell(SPEC[field], text)
            assert parsed.value == expected, text
            assert parsed.ok is (expected is not None)


def test_imported(tmp_path):
    rows = [["项目名称", "所属板块", "投资来源", "建设性质", "总投资（亿元）"]] + [
        [f"项目{i}", "城市提升", funding, nature, 1.0]
        for i, (funding, _, nature, _) in enumerate(CASES)
    ]
    doc = import_annex(fx.rows_workbook(tmp_path / "清单.xlsx", rows, "项目清单"))
    (table,) = doc.tables.values()
    by_name = {row["name"]: row for _, row in table}
    for i, (_, f_choice, _, n_choice) in enumerate(CASES):
        assert (by_name[f"项目{i}"]["funding"], by_name[f"项目{i}"]["nature"]) == (
            f_choice,
            n_choice,
        )


def test_returned(tmp_path):
    plan = load_plan(sample_plan_path())
    written = write_collection_workbooks(
        plan, tmp_path / "sent", by="owner", deadline=date(2022, 1, 15)
    )
    item = max(written, key=lambda w: w.rows)
    table = plan.tables["projects_2022"]
    keys = group_rows(table, "owner")[item.unit]
    path = tmp_path / item.path.name
    shutil.copy(item.path, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[DATA_SHEET]
    key_col = len(COLUMNS) + 2
    col = {name: COLUMNS.index(name) + 2 for name in ("funding", "nature")}
    row_of = {
        ws.cell(r, key_col).value: r
        for r in range(HEADER_ROW + 2, ws.max_row + 1)
        if ws.cell(r, key_col).value
    }
    for key, (funding, _, nature, _) in zip(keys, CASES, strict=False):
        ws.cell(row_of[f"projects_2022|{key}"], col["funding"]).value = funding
        ws.cell(row_of[f"projects_2022|{key}"], col["nature"]).value = nature
    wb.save(path)
    result = read_returned(path, plan)
    new = {m.old_key: result.comparison.new.rows[m.new_key] for m in result.comparison.matched}
    for key, (funding, f_choice, nature, n_choice) in zip(keys, CASES, strict=False):
        for field, text, expected in (("funding", funding, f_choice), ("nature", nature, n_choice)):
            if expected is None:
                assert new[key][field] == table.rows[key][field]  # refused, the plan's stands
                assert any(f"“{text}”" in p for p in result.problems), text
            else:
                assert new[key][field] == expected, text


def test_every_word_names_a_choice_of_its_column():
    data = json.loads(
        shipped_file("workbench.resources", "resources", "vocab", "choices.json").read_text(
            encoding="utf-8"
        )
    )
    specs = {f.key: f for kind in ("projects", "indicators") for f in fields_for(kind)}
    for field, pairs in data["fields"].items():
        for word, choice in pairs:
            assert choice in specs[field].choices, (field, word)
            assert choose(field, word) == choice


@pytest.mark.parametrize("text", ["约束", "binding", "Binding", "预期性"])
def test_attribute_words_are_shared(text):
    (spec,) = [f for f in fields_for("indicators") if f.key == "attribute"]
    assert parse_cell(spec, text).value == choose("attribute", text)
