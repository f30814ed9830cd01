"""Open every file of a corpus folder with the workbench's reader; one JSON line per file.

Run as a child of the corpus test so that a crash, should one happen, names its file
(the parent sees which file was started last) instead of killing the test run.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def main(folder: str, stage: str = "read") -> int:
    from workbench.io.errors import FileProblem
    from workbench.io.opener import open_document
    from workbench.io.reading.workbook_source import read_workbook

    root = Path(folder)
    files = sorted(
        p
        for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xls", ".xlsb", ".ods", ".csv")
    )
    for path in files:
        rel = str(path.relative_to(root))
        print(json.dumps({"start": rel}, ensure_ascii=False), flush=True)
        t0 = time.perf_counter()
        c0 = time.process_time()
        result = {"file": rel}
        try:
            book = read_workbook(path)
            result["status"] = "loaded"
            result["sheets"] = len(book.sheets)
            result["reader"] = book.reader
            if stage == "open":
                try:
                    doc = open_document(path)
                    result["tables"] = len(doc.tables)
                except FileProblem as exc:
                    result["tables"] = 0
                    result["open_message"] = str(exc)
        except FileProblem as exc:
            result["status"] = "refused"
            result["message"] = str(exc)
        except Exception as exc:  # a defect: the test reports it
            result["status"] = "error"
            result["message"] = f"{type(exc).__name__}: {exc}"
        result["seconds"] = round(time.perf_counter() - t0, 3)
        result["cpu_seconds"] = round(time.process_time() - c0, 3)
        result["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
