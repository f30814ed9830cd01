"""The formulas write-back can recompute itself: + - * / ( ), numbers, same-sheet cell
references and SUM over references and ranges. Anything else is NotSimple and left to the
workbook's recalculation on open.

Formulas are tokenised by openpyxl's Excel formula tokenizer (openpyxl.formula.tokenizer),
which knows Excel's grammar (quoted sheet names, strings, error literals, functions); this
module only decides which of its tokens a plain sum may hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from openpyxl.formula.tokenizer import Token, Tokenizer, TokenizerError
from xlsxwriter.utility import xl_cell_to_rowcol, xl_rowcol_to_cell

from workbench.io.reading.sheet_reach import column_index

_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)$")
_RANGE = re.compile(r"\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$")
WHOLE_SHEET = (1, 1, 1_048_576, 16_384)
MAX_SUM_CELLS = 1_000_000


class NotSimple(Exception):
    pass


def _items(formula: str, blanks: bool = False) -> list[Token]:
    """The formula's tokens (without blanks unless asked); NotSimple when Excel's grammar
    does not hold."""
    text = formula.strip()
    try:
        tokens = Tokenizer("=" + text.lstrip("=")).items
    except (TokenizerError, ValueError, IndexError):
        raise NotSimple(formula) from None
    return tokens if blanks else [t for t in tokens if t.type != Token.WSPACE]


def _rc(ref: str) -> tuple[int, int]:
    row, col = xl_cell_to_rowcol(ref.replace("$", ""))
    return row + 1, col + 1


def _same_sheet_range(token: Token) -> tuple[int, int, int, int] | None:
    """(row1, col1, row2, col2) of a reference to this sheet; None for anything else (another
    sheet, a defined name, a whole column)."""
    if token.type != Token.OPERAND or token.subtype != Token.RANGE:
        return None
    text = token.value.upper()
    if "!" in text or not _RANGE.match(text):
        return None
    first, _, last = text.partition(":")
    r1, c1 = _rc(first)
    r2, c2 = _rc(last) if last else (r1, c1)
    return min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)


def references(formula: str) -> list[tuple[int, int, int, int]]:
    """Same-sheet references of any formula as (row1, col1, row2, col2), 1-based. A formula
    the tokenizer cannot read is taken to depend on the whole sheet: it is then left to
    recalculation on open rather than kept with a stale value."""
    try:
        items = _items(formula)
    except NotSimple:
        return [WHOLE_SHEET] if formula.strip() and formula != "#SHARED" else []
    return [found for t in items if (found := _same_sheet_range(t)) is not None]


def _plain_tokens(formula: str) -> list[tuple[str, str]]:
    """The formula as (kind, text) pairs a plain sum may hold: num, ref, range, sum, op."""
    out: list[tuple[str, str]] = []
    for token in _items(formula):
        value = token.value.upper()
        if token.type == Token.OPERAND:
            if token.subtype == Token.NUMBER:
                out.append(("num", value))
            elif _same_sheet_range(token) is not None:
                out.append(("range" if ":" in value else "ref", value))
            else:
                raise NotSimple(formula)
        elif token.type == Token.FUNC:
            if token.subtype == Token.OPEN and value == "SUM(":
                out.append(("sum", value))
            elif token.subtype == Token.CLOSE:
                out.append(("op", ")"))
            else:
                raise NotSimple(formula)
        elif token.type == Token.PAREN:
            out.append(("op", "(" if token.subtype == Token.OPEN else ")"))
        elif token.type == Token.SEP and token.subtype == Token.ARG:
            out.append(("op", ","))
        elif token.type == Token.OP_PRE and value in ("+", "-"):
            out.append(("op", value))
        elif token.type == Token.OP_IN and value in ("+", "-", "*", "/"):
            out.append(("op", value))
        else:
            raise NotSimple(formula)
    return out


def evaluate(formula: str, value_at: Callable[[int, int], Any]) -> float:
    """Evaluate + - * / ( ) numbers, cell references and SUM(refs, ranges); NotSimple else."""
    tokens = _plain_tokens(formula)
    pos = 0

    def peek() -> tuple[str, str] | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal pos
        if pos >= len(tokens):
            raise NotSimple(formula)
        pos += 1
        return tokens[pos - 1]

    def number(ref: str, in_sum: bool) -> float:
        value = value_at(*_rc(ref))
        if value is None:
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            if in_sum:
                return 0.0
            raise NotSimple(formula)
        return float(value)

    def expr() -> float:
        value = term()
        while peek() and peek()[0] == "op" and peek()[1] in "+-":
            op = take()[1]
            value = value + term() if op == "+" else value - term()
        return value

    def term() -> float:
        value = unary()
        while peek() and peek()[0] == "op" and peek()[1] in "*/":
            op = take()[1]
            right = unary()
            if op == "/" and right == 0:
                raise NotSimple(formula)
            value = value * right if op == "*" else value / right
        return value

    def unary() -> float:
        if peek() == ("op", "-"):
            take()
            return -unary()
        if peek() == ("op", "+"):
            take()
        return atom()

    def sum_range(text: str) -> float:
        a, b = text.split(":")
        r1, c1 = _rc(a)
        r2, c2 = _rc(b)
        if (abs(r2 - r1) + 1) * (abs(c2 - c1) + 1) > MAX_SUM_CELLS:
            raise NotSimple(formula)
        total = 0.0
        for r in range(min(r1, r2), max(r1, r2) + 1):
            for c in range(min(c1, c2), max(c1, c2) + 1):
                v = value_at(r, c)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    total += v
        return total

    def atom() -> float:
        kind, text = take()
        if kind == "num":
            return float(text)
        if kind == "ref":
            return number(text, False)
        if (kind, text) == ("op", "("):
            value = expr()
            if take() != ("op", ")"):
                raise NotSimple(formula)
            return value
        if kind == "sum":
            total = 0.0
            while True:
                kind, text = take()
                if kind == "range":
                    total += sum_range(text)
                elif kind == "ref":
                    total += number(text, True)
                elif kind == "num":
                    total += float(text)
                else:
                    raise NotSimple(formula)
                sep = take()
                if sep == ("op", ")"):
                    return total
                if sep != ("op", ","):
                    raise NotSimple(formula)
        raise NotSimple(formula)

    result = expr()
    if pos != len(tokens):
        raise NotSimple(formula)
    return result


def _moved(ref: str, d_row: int, d_col: int, formula: str) -> str:
    parts = _REF.match(ref)
    if parts is None:
        raise NotSimple(formula)
    col_abs, letters, row_abs, digits = parts.groups()
    col = column_index(letters) + (0 if col_abs else d_col)
    row = int(digits) + (0 if row_abs else d_row)
    if col < 1 or row < 1:
        raise NotSimple(formula)
    letters_new = re.match(r"[A-Z]+", xl_rowcol_to_cell(row - 1, col - 1)).group(0)
    return f"{col_abs}{letters_new}{row_abs}{row}"


def shift_formula(formula: str, d_row: int, d_col: int) -> str:
    """A shared formula's text as seen from another cell: relative references move."""
    out = []
    for token in _items(formula, blanks=True):
        value = token.value
        if token.type == Token.OPERAND and token.subtype == Token.RANGE:
            sheet, bang, cells = value.upper().rpartition("!")
            if _RANGE.match(cells):
                moved = ":".join(_moved(part, d_row, d_col, formula) for part in cells.split(":"))
                value = value[: len(sheet) + len(bang)] + moved
        out.append(value)
    return "".join(out).upper()
