"""What leaves the workbench: text stays text, nothing private rides along, nothing runs,
and write-back only opens an original the user named."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from tests.hostile import hostile_files as hf
from tests.io import annex_fixtures as fx
from workbench.core.compare.crosswalk import SetCrosswalk
from workbench.core.edits import CellChange, SetCells
from workbench.core.properties import DocumentProperties, ImportOrigin
from workbench.io.native.hidden_sheet import META_SHEET, hidden_text
from workbench.io.native.plan_file import save_plan
from workbench.io.opener import open_document
from workbench.io.writing.workbook_writer import write_workbook

LINK = "file:///\\\\server\\share\\x.xlsx"


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _hidden(path: Path) -> dict:
    book = openpyxl.load_workbook(path)
    rows = [[c.value for c in row] for row in book[META_SHEET].iter_rows()]
    marked, _, text = hidden_text(rows)
    assert marked
    return json.loads(text)


def test_link_like_text_stays_text_and_long_notes_stay_whole(tmp_path: Path, sample_doc) -> None:
    table = next(iter(sample_doc.tables.values()))
    table.title = LINK
    long_note = "注：" + "长" * 40000 + "完"
    table.notes = ["http://example.com/报送说明", long_note]
    out = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, out, reviewable=False)
    parts = _parts(out)
    assert not any("hyperlink" in name for name in parts)
    assert not any(b"<hyperlink" in data for data in parts.values())
    book = openpyxl.load_workbook(out)
    texts = [
        c.value
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]
    assert LINK in texts and "http://example.com/报送说明" in texts
    pieces = [t for t in texts if t.startswith("注：长") or set(t) <= {"长", "完"}]
    assert "".join(pieces) == long_note


def test_distribution_copy_carries_no_folders_users_or_change_log(tmp_path: Path) -> None:
    source = fx.project_list(tmp_path / "部门原表.xlsx")
    doc = open_document(source)
    table = next(iter(doc.tables.values()))
    doc.apply(SetCells(table.id, (CellChange(table.keys[0], "completed", 11.5),)), user="李审核")
    shared = tmp_path / "给各部门.xlsx"
    write_workbook(doc, shared, reviewable=False)
    data = _hidden(shared)
    text = json.dumps(data, ensure_ascii=False)
    assert str(tmp_path) not in text and "李审核" not in text
    assert data["change_log"] == []
    assert data["document"]["properties"]["origin"]["path"] == "部门原表.xlsx"
    # the visible sheets still show the correction
    reopened = open_document(shared)
    assert reopened.table(table.id).value(table.keys[0], "completed") == 11.5
    # a native save, or a copy asked to be reviewable, keeps everything
    native = tmp_path / "计划.xlsx"
    save_plan(doc, native)
    assert "李审核" in json.dumps(_hidden(native), ensure_ascii=False)


def test_distribution_copy_of_the_typed_properties_keeps_names_not_folders(tmp_path: Path) -> None:
    """The typed origin travels as a file name; what the reader found (format, sheets left
    out and why) stays, and so do the crosswalk and the creation time. A path an older
    version stored under its own key is trimmed too."""
    source = fx.project_list(tmp_path / "部门原表.xlsx")
    doc = open_document(source)
    assert doc.properties.source_path == str(source.resolve())
    doc.apply(SetCrosswalk("name", "旧名称", "新名称"), user="李审核")
    doc.properties.extra["template_path"] = str(tmp_path / "模板" / "样表.xlsx")
    shared = tmp_path / "给各部门.xlsx"
    write_workbook(doc, shared, reviewable=False)
    typed = DocumentProperties.from_data(_hidden(shared)["document"]["properties"])
    assert typed.origin == ImportOrigin(
        "部门原表.xlsx",
        doc.properties.origin.format,
        doc.properties.skipped_sheets,
        doc.properties.origin.all_sheets,
    )
    assert typed.created == doc.properties.created != ""
    assert typed.crosswalk.name == {"旧名称": "新名称"}
    assert typed.extra == {"template_path": "样表.xlsx"}
    assert doc.properties.source_path == str(source.resolve())  # the open document keeps it


def test_export_command_writes_the_distribution_copy_unless_asked(tmp_path: Path) -> None:
    source = fx.project_list(tmp_path / "部门原表.xlsx")
    assert hf.run_cli(["export", source.name, "-o", "out.xlsx"], tmp_path).code == 0
    assert str(tmp_path) not in json.dumps(_hidden(tmp_path / "out.xlsx"), ensure_ascii=False)
    outcome = hf.run_cli(["export", source.name, "-o", "full.xlsx", "--reviewable"], tmp_path)
    assert outcome.code == 0, outcome.stderr
    assert str(tmp_path) in json.dumps(_hidden(tmp_path / "full.xlsx"), ensure_ascii=False)


def test_write_back_never_opens_a_path_named_inside_the_received_file(tmp_path: Path) -> None:
    """A crafted plan names another workbook on the reviewer's disk as its "original"."""
    secret = tmp_path / "secret" / "机密.xlsx"
    secret.parent.mkdir()
    book = openpyxl.Workbook()
    book.active.title = "机密数据"
    book.active["A1"] = "不应出现在输出中"
    book.save(secret)
    received = tmp_path / "收到的计划.xlsx"
    doc = open_document(fx.project_list(tmp_path / "部门原表.xlsx"))
    doc.properties.origin = replace(doc.properties.origin, path=str(secret))
    save_plan(doc, received)
    outcome = hf.run_cli(["export", received.name, "-o", "out.xlsx", "--write-back"], tmp_path)
    assert outcome.code == 1 and "--original" in outcome.stderr
    assert "机密.xlsx" in outcome.stderr and str(secret.parent) not in outcome.stderr
    assert not (tmp_path / "out.xlsx").exists()
    outcome = hf.run_cli(
        ["export", received.name, "-o", "out.xlsx", "--write-back", "--original", "部门原表.xlsx"],
        tmp_path,
    )
    assert outcome.code == 0, outcome.stderr
    assert "部门原表.xlsx" in outcome.stdout
    assert "机密数据" not in openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames


def test_the_reader_process_runs_only_the_installed_package(tmp_path: Path, monkeypatch) -> None:
    """A `workbench/` folder planted in the current folder is never imported by the reader
    process, and its output is parsed as data (JSON), never unpickled."""
    marker = tmp_path / "ran.txt"
    planted = tmp_path / "workbench" / "io" / "reading"
    planted.mkdir(parents=True)
    payload = f"open({str(marker)!r}, 'w').write('planted code ran')\n"
    for folder in (tmp_path / "workbench", tmp_path / "workbench" / "io", planted):
        (folder / "__init__.py").write_text(payload, encoding="utf-8")
    (planted / "xls_worker.py").write_text(payload, encoding="utf-8")
    annex = fx.project_list(tmp_path / "annex.xlsx")
    irregular = tmp_path / "irregular.xlsx"  # cells placed by counting
    parts = _parts(annex)
    with zipfile.ZipFile(irregular, "w") as archive:
        for name, data in parts.items():
            if "worksheets" in name:  # cells without coordinates: read out of process
                data = re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", data)
            archive.writestr(name, data)
    monkeypatch.chdir(tmp_path)
    from workbench.io.reading.workbook_source import read_workbook

    book = read_workbook(irregular)
    assert "独立进程" in book.reader
    assert any("轨道交通线项目" in str(v) for s in book.sheets for r in s.rows for v in r)
    assert not marker.exists()
    source = Path(__file__).resolve().parents[2] / "workbench" / "io" / "reading"
    for module in ("capped.py", "xls_worker.py", "workbook_source.py"):
        text = (source / module).read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle.load" not in text


@pytest.mark.parametrize(
    "case", ["missing_folder", "directory", "read_only", "file_too_big", "held"]
)
def test_output_problems_are_one_line(tmp_path: Path, case: str) -> None:
    import os

    source = fx.project_list(tmp_path / "部门原表.xlsx")
    output, env = "out.xlsx", None
    if case == "missing_folder":
        output = "没有这个文件夹/out.xlsx"
    elif case == "directory":
        (tmp_path / "dir.xlsx").mkdir()
        output = "dir.xlsx"
    elif case == "read_only":
        if os.name != "posix" or os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        folder = tmp_path / "只读"
        folder.mkdir()
        folder.chmod(0o500)
        output = "只读/out.xlsx"
    elif case == "file_too_big":  # what a full disk looks like to the writer
        env = {"WORKBENCH_TEST_FSIZE": "3000"}
    elif case == "held":
        from workbench.io.native.locks import lock_path

        lock_path(tmp_path / "out.xlsx").write_text(
            json.dumps({"user": "王同事", "host": "另一台电脑", "pid": 1, "since": 0}),
            encoding="utf-8",
        )
        (tmp_path / "out.xlsx").write_bytes(b"colleague's file")
    args = ["export", source.name, "-o", output]
    if env:
        outcome = _run_with_file_size_limit(args, tmp_path, int(env["WORKBENCH_TEST_FSIZE"]))
    else:
        outcome = hf.run_cli(args, tmp_path)
    lines = outcome.stderr.strip().splitlines()
    assert outcome.code == 1, outcome.stderr
    assert len(lines) == 1 and "Traceback" not in outcome.stderr, outcome.stderr
    if case == "held":
        assert "王同事" in lines[0]
        assert (tmp_path / "out.xlsx").read_bytes() == b"colleague's file"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")]
    assert leftovers == []


def _run_with_file_size_limit(args: list[str], cwd: Path, limit: int) -> hf.Outcome:
    """The writer hits a file size limit mid-write (EFBIG), as it would hit a full disk."""
    import subprocess
    import sys

    code = (
        "import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
        f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit})); "
        "from workbench.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-B", "-c", code, *args],  # -B: no truncated .pyc files
        cwd=cwd,
        capture_output=True,
        timeout=120,
    )
    return hf.Outcome(result.returncode, result.stdout.decode(), result.stderr.decode(), 0, 0, 0)


def test_closing_the_pipe_early_is_not_an_error(tmp_path: Path) -> None:
    import subprocess
    import sys

    source = fx.project_list(tmp_path / "部门原表.xlsx")
    reader = subprocess.Popen(
        [sys.executable, "-I", "-m", "workbench", "import", source.name],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    reader.stdout.read(10)
    reader.stdout.close()  # `| head -c 10`
    stderr = reader.stderr.read().decode()
    assert reader.wait(timeout=60) in (0, 1) and "Traceback" not in stderr
    assert "BrokenPipe" not in stderr


def test_write_back_applies_the_limits_to_the_original_too(tmp_path: Path) -> None:
    doc = open_document(fx.project_list(tmp_path / "部门原表.xlsx"))
    hf.far_cell(tmp_path / "far.xlsx")
    from workbench.io.errors import FileProblem
    from workbench.io.writing.write_back import write_back

    with pytest.raises(FileProblem, match="行"):
        write_back(doc, tmp_path / "far.xlsx", tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()
