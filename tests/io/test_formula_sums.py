"""The plain sums write-back recomputes, tokenised by openpyxl's formula tokenizer."""

from __future__ import annotations

import pytest

from workbench.io.writing.formula_sums import NotSimple, evaluate, references, shift_formula

CELLS = {(1, 1): 10, (2, 1): 20.5, (3, 1): "文字", (1, 2): 2, (2, 2): None, (3, 2): True}


def value_at(r: int, c: int):
    return CELLS.get((r, c))


@pytest.mark.parametrize(
    "formula, expected",
    [
        ("=SUM(A1:A3)", 30.5),
        ("=sum(A1:A2, B1, 4)", 36.5),
        ("=A1+A2-B1", 28.5),
        ("=(A1+A2)*B1/4", 15.25),
        ("=-A1 + +B1", -8),
        ("=$A$1*2", 20),
        ("=SUM($A1:A$2)", 30.5),
        ("=1.5E+2-A1", 140),
        ("=SUM(B2,B3)", 0),  # blanks and booleans count as nothing inside SUM
    ],
)
def test_plain_sums_are_evaluated(formula, expected) -> None:
    assert evaluate(formula, value_at) == pytest.approx(expected)


@pytest.mark.parametrize(
    "formula",
    [
        "=AVERAGE(A1:A2)",
        "=A1&B1",
        "=A1^2",
        "=Sheet2!A1+A1",
        "='项目 表'!A1",
        "=A3+1",  # text outside SUM
        "=A1/0",
        '="x"',
        "=A1%",
        "=TOTAL",  # a defined name
        "=SUM(A1:A2",  # unbalanced
        "=SUM(A1:XFD1048576)",  # too large to add up here
    ],
)
def test_anything_else_is_not_simple(formula) -> None:
    with pytest.raises(NotSimple):
        evaluate(formula, value_at)


def test_references_are_this_sheets_only() -> None:
    assert references("=SUM(B2:C4)+Sheet2!A1+'其他 表'!B2+LOG10(D5)+E$6") == [
        (2, 2, 4, 3),
        (5, 4, 5, 4),
        (6, 5, 6, 5),
    ]
    assert references('="A1"&"B2"') == []


def test_an_unreadable_formula_depends_on_the_whole_sheet() -> None:
    assert references('=A1&"abc') == [(1, 1, 1_048_576, 16_384)]
    assert references("=A1)") == [(1, 1, 1_048_576, 16_384)]


def test_shared_formulas_move_their_relative_references() -> None:
    assert shift_formula("SUM(B2:B4)+$C$1+C$2+$D3", 2, 1) == "SUM(C4:C6)+$C$1+D$2+$D5"
    assert shift_formula("Sheet2!A1+A1", 1, 0) == "SHEET2!A2+A2"
    with pytest.raises(NotSimple):
        shift_formula("A1", -1, 0)
