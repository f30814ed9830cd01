"""A small native plan file and the edits a department makes to it in Excel: two amounts
changed, a project renamed, a row deleted, a row added (issue 24). The LibreOffice copy under
data/external_edits/ was made from these by `python -m tests.io.external_edit_files DIR`,
which runs `soffice --headless --convert-to xlsx` on the edited file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from tests.io.annex_fixtures import rows_workbook
from workbench.io.native.plan_file import save_plan
from workbench.io.opener import open_document

SHEET = "重大项目"
HEADER = [
    "序号",
    "项目名称",
    "板块",
    "投资来源",
    "建设性质",
    "总投资",
    "年度计划投资",
    "完成投资",
    "业主单位",
]
PROJECTS = [
    ("渝中区数字经济产业园", "科技创新", "政府投资", "续建", 12.5, 1.5, 1.6, "渝中区政府"),
    ("江北区城市轨道交通18号线", "城市提升", "企业投资", "续建", 80.0, 9.0, 8.5, "轨道集团"),
    ("巴南区生物医药产业园", "科技创新", "企业投资", "新开工", 30.0, 4.0, 4.1, "巴南产投"),
    ("璧山区污水处理厂", "生态环保", "政府投资", "续建", 5.0, 0.8, 0.75, "璧山水务"),
    ("成渝中线高铁配套工程", "城市提升", "政府投资", "新开工", 20.0, 3.0, 2.9, "铁路公司"),
    ("万州区港口物流园", "城市提升", "企业投资", "续建", 15.2, 2.2, 2.0, "万州港务"),
    ("涪陵区页岩气开发项目", "生态环保", "企业投资", "续建", 42.7, 6.1, 6.3, "涪陵页岩气公司"),
    ("永川区职业教育中心", "社会民生", "政府投资", "新开工", 3.3, 1.1, 1.0, "永川区教委"),
]
# What the department did, as the diff must report it.
CHANGED = {
    ("江北区城市轨道交通18号线", "total_investment"): (80.0, 85.5),
    ("万州区港口物流园", "annual_plan"): (2.2, 2.6),
}
RENAMED = ("巴南区生物医药产业园", "巴南区生物医药产业园（一期）")
DELETED = "璧山区污水处理厂"
ADDED = ("綦江区应急物资储备库", "社会民生", "政府投资", "新开工", 1.8, 0.6, 0.4, "綦江区应急局")


def native_plan(path: Path) -> Path:
    """The projects as a native plan file: what the workbench sends a department."""
    annex = rows_workbook(
        path.with_name(path.stem + "_原表.xlsx"),
        [
            ["2022年市级重大建设项目表"],
            ["单位：亿元"],
            HEADER,
            *[[n, *row] for n, row in enumerate(PROJECTS, start=1)],
        ],
        title=SHEET,
    )
    save_plan(open_document(annex), path)
    return path


def _row_of(sheet, name: str) -> int:
    return next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == name)


def _column_of(sheet, label: str) -> int:
    for r in range(1, 8):
        for c in range(1, sheet.max_column + 1):
            if sheet.cell(r, c).value == label:
                return c
    raise LookupError(label)


LABELS = {"total_investment": "总投资", "annual_plan": "年度计划"}


def edit_in_openpyxl(native: Path, out: Path) -> Path:
    """The department's edits, made on the visible sheet as Excel would."""
    book = openpyxl.load_workbook(native)
    sheet = book[SHEET]
    for (name, field), (_, new) in CHANGED.items():
        sheet.cell(_row_of(sheet, name), _column_of(sheet, LABELS[field])).value = new
    sheet.cell(_row_of(sheet, RENAMED[0]), 2).value = RENAMED[1]
    sheet.delete_rows(_row_of(sheet, DELETED))
    below = _row_of(sheet, "永川区职业教育中心") + 1  # a new last project, above the total
    sheet.insert_rows(below)
    columns = [
        ("项目名称", ADDED[0]),
        ("板块/领域", ADDED[1]),
        ("投资来源", ADDED[2]),
        ("建设性质", ADDED[3]),
        ("总投资", ADDED[4]),
        ("年度计划", ADDED[5]),
        ("完成投资", ADDED[6]),
        ("责任单位/业主", ADDED[7]),
    ]
    sheet.cell(below, 1).value = len(PROJECTS)
    for label, value in columns:
        sheet.cell(below, _column_of(sheet, label)).value = value
    book.save(out)
    return out


def resave_in_libreoffice(path: Path, out_dir: Path) -> Path:
    """`path` opened and saved again by LibreOffice Calc, as a colleague's office suite would."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise FileNotFoundError("soffice")
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            "-env:UserInstallation=" + (out_dir / "lo_profile").resolve().as_uri(),
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    shutil.rmtree(out_dir / "lo_profile", ignore_errors=True)
    return out_dir / path.name


if __name__ == "__main__":  # regenerate the committed LibreOffice copy
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    work = target / "work"
    work.mkdir(exist_ok=True)
    a = native_plan(work / "计划.xlsx")
    b = edit_in_openpyxl(a, work / "部门修改.xlsx")
    saved = resave_in_libreoffice(b, work / "lo")
    shutil.copy(saved, target / "部门修改_LibreOffice另存.xlsx")
    shutil.rmtree(work)
