"""Cell blocks as Excel and WPS put them on the clipboard: tab-separated text and HTML tables.

Excel quotes a cell that contains a tab, a line break or a quote; WPS and browsers offer an
HTML <table> as well. Both are read into a list of rows of strings; both are written so that
Excel pastes them back into separate cells (never split on commas, never with our headers).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser


def parse_tsv(text: str) -> list[list[str]]:
    """Excel's text format: tabs between cells, CRLF between rows, "…" around awkward cells."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    quoted = False
    at_cell_start = True
    while i < n:
        ch = text[i]
        if quoted:
            if ch == '"':
                if i + 1 < n and text[i + 1] == '"':
                    cell.append('"')
                    i += 2
                    continue
                quoted = False
            else:
                cell.append(ch)
            i += 1
            continue
        if ch == '"' and at_cell_start:
            quoted = True
            at_cell_start = False
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
            at_cell_start = True
        elif ch in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            at_cell_start = True
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def to_tsv(rows: list[list[str]]) -> str:
    def quote(value: str) -> str:
        if any(c in value for c in '\t\n\r"'):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join("\t".join(quote(v) for v in row) + "\r\n" for row in rows)


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1
        self._depth = 0  # only the first table counts

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "table":
            self._depth += 1
        elif self._depth != 1:
            return
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif self._depth != 1:
            return
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = " ".join("".join(self._cell).split(" ")).strip()
            self._row.append(text)
            self._row.extend([""] * (self._span - 1))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data.replace("\r", "").replace("\n", " ").replace("\xa0", " "))


def parse_html_table(markup: str) -> list[list[str]]:
    parser = _TableParser()
    parser.feed(markup)
    parser.close()
    return parser.rows


def to_html(rows: list[list[str]]) -> str:
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(v).replace(chr(10), '<br>')}</td>" for v in row)
        + "</tr>"
        for row in rows
    )
    return f'<html><head><meta charset="utf-8"></head><body><table>{body}</table></body></html>'
