"""The plan's tolerances (审核容差) and a row's own tolerance: set through the one edit path,
undone, logged in Chinese, saved, and followed by every derived status."""

import math

import pytest

from workbench.core.edits import CellChange, EditError, SetCells, SetPolicy
from workbench.core.history import EditHistory
from workbench.core.indicators import status_of
from workbench.core.status import MOSTLY, NOT_DONE, StatusPolicy, derive_status
from workbench.core.targets import parse_target
from workbench.core.vocab import ChangeKind
from workbench.io.native import plan_json
from workbench.io.writing.log_sheet import log_rows

# 2021 民营经济增加值占地区生产总值的比重: target "60%以上", actual 59.4 (0.6 points short).
SHARE_ROW = "r10"


def _judged_by_the_rule(doc):
    """The sample states 未完成 for this row; cleared, the status is what the rule derives."""
    table = doc.table("indicators_2021")
    assert table.rows[SHARE_ROW]["target"] == "60%以上" and table.rows[SHARE_ROW]["actual"] == 59.4
    doc.apply(SetCells(table.id, (CellChange(SHARE_ROW, "status", None),)), user="审核员")
    return table


def test_a_wider_plan_tolerance_changes_a_status_and_undo_restores_it(sample_doc):
    table = _judged_by_the_rule(sample_doc)
    history = EditHistory(sample_doc)
    heard = []
    sample_doc.subscribe(heard.append)
    assert status_of(table, SHARE_ROW, sample_doc.policy).effective == NOT_DONE
    history.do(SetPolicy(StatusPolicy(percent_tolerance=2.0, level_tolerance_ratio=0.02)))
    assert status_of(table, SHARE_ROW, sample_doc.policy).effective == MOSTLY
    indicator_tables = {t.id for t in sample_doc.tables.values() if str(t.kind) == "indicators"}
    assert {e.table for e in heard} == indicator_tables
    assert all(e.keys is None and e.columns == frozenset({"status"}) for e in heard)
    entry = sample_doc.change_log[-1]
    assert (entry.kind, entry.action, entry.column) == (
        ChangeKind.POLICY,
        "审核容差",
        "percent_tolerance",
    )
    assert (entry.old, entry.new) == (0.5, 2.0)
    assert [e.column for e in sample_doc.change_log if e.kind is ChangeKind.POLICY] == [
        "percent_tolerance"
    ]  # only what changed
    history.undo()
    assert sample_doc.policy == StatusPolicy()
    assert status_of(table, SHARE_ROW, sample_doc.policy).effective == NOT_DONE


@pytest.mark.parametrize(
    "policy",
    [
        StatusPolicy(percent_tolerance=-1.0),
        StatusPolicy(level_tolerance_ratio=1.5),
        StatusPolicy(percent_tolerance=math.nan),
        StatusPolicy(percent_tolerance="1"),
    ],
)
def test_an_unusable_tolerance_is_refused_and_nothing_changes(sample_doc, policy):
    log = len(sample_doc.change_log)
    with pytest.raises(EditError, match="容差"):
        sample_doc.apply(SetPolicy(policy))
    assert sample_doc.policy == StatusPolicy() and len(sample_doc.change_log) == log


def test_a_rows_own_tolerance_replaces_the_plans_for_that_row(sample_doc):
    table = _judged_by_the_rule(sample_doc)
    edit = SetCells(table.id, (CellChange(SHARE_ROW, "tolerance", 0.7),), "设定本行容差")
    inverse = sample_doc.apply(edit)
    status = status_of(table, SHARE_ROW, sample_doc.policy)
    assert status.effective == MOSTLY and "差0.6" in status.derived.reason
    # a wider plan tolerance does not loosen a row that has its own
    sample_doc.apply(SetCells(table.id, (CellChange(SHARE_ROW, "tolerance", 0.1),)))
    sample_doc.apply(SetPolicy(StatusPolicy(percent_tolerance=5.0)))
    assert status_of(table, SHARE_ROW, sample_doc.policy).effective == NOT_DONE
    sample_doc.apply(inverse)
    assert table.rows[SHARE_ROW].get("tolerance") is None


def test_a_row_tolerance_is_in_the_unit_of_a_level_target():
    rule = parse_target("5000家以上")
    assert derive_status(rule, 4950).status == MOSTLY  # the plan's 2% of 5000 is 100
    assert derive_status(rule, 4950, tolerance=10).status == NOT_DONE
    assert derive_status(rule, 4995, tolerance=10).status == MOSTLY


def test_the_printed_change_log_names_a_tolerance_change_in_chinese(sample_doc):
    sample_doc.apply(SetPolicy(StatusPolicy(2.0, 0.05)), user="李审核", reason="按委务会意见")
    lines = [row for row in log_rows(sample_doc) if row[4] == "审核容差"]
    assert [row[1:8] for row in lines] == [
        ["（全计划）", "审核容差", "百分比类指标容差（百分点）", "审核容差", "0.5", "2", "李审核"],
        [
            "（全计划）",
            "审核容差",
            "总量类指标容差（占目标的比例）",
            "审核容差",
            "0.02",
            "0.05",
            "李审核",
        ],
    ]
    assert lines[0][9] == "按委务会意见"
    sample_doc.apply(SetPolicy(StatusPolicy()))  # set back: no net change to print
    assert not [row for row in log_rows(sample_doc) if row[4] == "审核容差"]


def test_the_tolerances_are_saved_with_the_plan_and_a_tampered_one_is_refused(sample_doc):
    sample_doc.apply(SetPolicy(StatusPolicy(1.5, 0.03)))
    again = plan_json.loads(plan_json.dumps(sample_doc))
    assert again.policy == StatusPolicy(1.5, 0.03)
    data = plan_json.document_to_data(sample_doc)
    data["document"]["policy"]["percent_tolerance"] = -3
    with pytest.raises(plan_json.SchemaError, match="审核容差无效"):
        plan_json.document_from_data(data)
