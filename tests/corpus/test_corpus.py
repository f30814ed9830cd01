"""Every spreadsheet in shared/corpus opens or is refused with a clear one-line reason.

The sweep runs in a child process: if anything crashed it, the last file it started is named.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
# CPU seconds, so a busy machine (CI beside other work, a parallel test worker) does not fail
# a file that is fast; the wall limit only catches a hang.
PER_FILE_CPU_SECONDS = 30
PER_FILE_WALL_SECONDS = 120
PEAK_MEMORY_MB = 1500
# What today's libraries load between them (census.tsv): the workbench must not do worse.
LIBRARIES_BEST = 516


@pytest.fixture(scope="module")
def sweep():
    if not CORPUS.is_dir():
        pytest.skip(f"语料库不在 {CORPUS}（仅在 shared/ 存在时运行）")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("sweep.py")), str(CORPUS), "open"],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    started = [line["start"] for line in lines if "start" in line]
    results = [line for line in lines if "file" in line]
    assert proc.returncode == 0, (
        f"sweep died on {started[-1] if started else '?'}: {proc.stderr[-1500:]}"
    )
    return results


def test_every_file_opens_or_is_refused_clearly(sweep):
    total = len(
        list(
            p
            for p in CORPUS.rglob("*")
            if p.suffix.lower() in (".xlsx", ".xlsm", ".xltx", ".xls", ".xlsb", ".ods")
        )
    )
    assert len(sweep) == total
    errors = [r for r in sweep if r["status"] == "error"]
    assert not errors, errors[:5]
    for result in sweep:
        if result["status"] == "refused":
            message = result["message"]
            assert "\n" not in message and Path(result["file"]).name in message, result
            assert "Traceback" not in message
    loaded = sum(r["status"] == "loaded" for r in sweep)
    tables = sum(bool(r.get("tables")) for r in sweep)
    print(
        f"\ncorpus: {loaded}/{len(sweep)} loaded, {len(sweep) - loaded} refused, {tables} with a plan table"
    )
    assert loaded >= LIBRARIES_BEST


def test_every_file_within_time_and_memory(sweep):
    slow = [(r["file"], r["cpu_seconds"]) for r in sweep if r["cpu_seconds"] > PER_FILE_CPU_SECONDS]
    assert not slow
    hung = [(r["file"], r["seconds"]) for r in sweep if r["seconds"] > PER_FILE_WALL_SECONDS]
    assert not hung
    assert max(r["maxrss_mb"] for r in sweep) < PEAK_MEMORY_MB


def test_encrypted_and_hostile_files_get_the_right_reason(sweep):
    by_file = {r["file"]: r for r in sweep}
    expect = {
        "excelize/encryptAES.xlsx": "已加密",
        "python-calamine/password.xls": "已加密",
        "poi/poc-xmlbomb.xlsx": "XML",
        "PhpSpreadsheet/oleloop.xls": "已拒绝",
        "ExcelDataReader/Test_git_issue_382_oom.xls": "已拒绝",
        "ClosedXML/~$LoadPivotTables.xlsx": "锁定文件",
    }
    for name, words in expect.items():
        assert name in by_file, f"语料库中缺少 {name}：此项检查不能因文件缺失而通过"
        assert by_file[name]["status"] == "refused" and words in by_file[name]["message"], by_file[
            name
        ]
