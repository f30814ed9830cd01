"""Child process that reads a legacy .xls with python-calamine and pickles the rows out.

Run by workbook_source with a memory cap: if calamine aborts or runs away on a damaged file,
only this process dies and the user gets a one-line reason.
"""

from __future__ import annotations

import pickle
import sys
from dataclasses import asdict


def main(path: str, kind: str = "xls") -> int:
    from workbench.io.reading.workbook_source import _calamine_sheets, _describe

    try:
        sheets = _calamine_sheets(path, kind)
    except BaseException as exc:  # PanicException is a BaseException
        print(_describe(exc), file=sys.stderr)
        return 3
    sys.stdout.buffer.write(
        pickle.dumps([asdict(s) for s in sheets], protocol=pickle.HIGHEST_PROTOCOL)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
