"""The kinds of file the readers tell apart, in a module of their own so that the limits check,
the sniffer and the reading child can all name them without importing each other."""

from __future__ import annotations

from enum import StrEnum


class FileKind(StrEnum):
    """What a file is by its bytes, and so which reader takes it. The values are what the
    reader process, JSON and `RawWorkbook.format` carry."""

    XLSX = "xlsx"  # Office Open XML workbook (also .xlsm/.xltx, or a mislabelled one)
    XLSB = "xlsb"
    ODS = "ods"
    XLS = "xls"  # BIFF8 in an OLE2 container (Excel 97–2003, WPS's default)
    TEXT = "text"  # a text table (csv/tsv), sniffed
    CSV = "csv"  # …and the format it is read as
