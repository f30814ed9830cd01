"""`workbench diff` as scripts and people use it: JSON per CONTRACT.md, the tabular text,
exit codes 0/1/2, --crosswalk, --crosswalk-profile, --key, --tolerance, --accept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xlsxwriter

from workbench.cli import main

HEADER = ["序号", "项目名称", "板块", "投资来源", "总投资", "年度计划投资", "完成投资", "业主单位"]
ROWS = [
    ("渝中区数字经济产业园", "科技创新", "政府投资", 120000, 15000, 16000, "渝中区政府"),
    ("江北区城市轨道交通18号线", "城市提升", "企业投资", 800000, 90000, 85000, "轨道集团"),
    ("巴南区生物医药产业园", "产业提升", "企业投资", 300000, 40000, 41000, "巴南产投"),
    ("璧山区污水处理厂", "生态能源", "政府投资", 50000, 8000, 7500, "璧山水务"),
    ("成渝中线高铁配套工程", "成渝地区双城经济圈", "政府投资", 200000, 30000, 29000, "铁路公司"),
]


def annex(path: Path, rows, unit: str = "万元", scale: float = 1.0) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("重大项目")
    sheet.write(0, 0, "2022年市级重大建设项目表")
    sheet.write(1, 0, f"单位：{unit}")
    sheet.write_row(2, 0, HEADER)
    for n, (name, sector, funding, total, plan, done, owner) in enumerate(rows, start=1):
        sheet.write_row(
            2 + n, 0, [n, name, sector, funding, total * scale, plan * scale, done * scale, owner]
        )
    book.close()
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_unit_change_and_reorder_report_no_change(tmp_path, capsys):
    old = annex(tmp_path / "万元.xlsx", ROWS)
    new = annex(tmp_path / "亿元.xlsx", list(reversed(ROWS)), unit="亿元", scale=1e-4)
    code, out, _ = run(capsys, old, new, "--json")
    data = json.loads(out)
    assert code == 0
    assert (data["added"], data["removed"], data["changed"]) == ([], [], [])
    assert len(data["matched"]) == len(ROWS)
    assert {m["old"] for m in data["matched"]} == {r[0] for r in ROWS}


def revised_rows():
    rows = [list(r) for r in ROWS]
    rows[0][4] = 18000  # 年度计划投资 15000 → 18000 万元
    rows[1][0] = "江北区城市轨道交通18号线（一期）"  # renamed
    rows[2][1] = "产业转型升级"  # the 2022 name of the sector
    del rows[3]  # removed
    rows.append(["两江新区智能网联汽车测试场", "科技创新", "企业投资", 60000, 9000, 0, "两江集团"])
    return [tuple(r) for r in rows]


# The 板块 → 领域 renames of the Chongqing reports these rows imitate, picked by name.
PROFILE = ("--crosswalk-profile", "chongqing_2021_2022")


def test_a_regions_renames_apply_only_when_its_profile_is_picked(tmp_path, capsys):
    old = annex(tmp_path / "计划.xlsx", ROWS)
    new = annex(tmp_path / "部门修订稿.xlsx", revised_rows())
    code, out, _ = run(capsys, old, new, "--json")
    data = json.loads(out)
    assert code == 0 and data["crosswalk"]["sector"] == {}
    sector = [c for c in data["changed"] if c["field"] == "sector"]
    assert [(c["old"], c["new"]) for c in sector] == [("产业提升", "产业转型升级")]
    code, out, _ = run(capsys, old, new, "--json", *PROFILE)
    assert not [c for c in json.loads(out)["changed"] if c["field"] == "sector"]


def test_json_follows_the_contract(tmp_path, capsys):
    old = annex(tmp_path / "计划.xlsx", ROWS)
    new = annex(tmp_path / "部门修订稿.xlsx", revised_rows())
    code, out, err = run(capsys, old, new, "--json", *PROFILE)
    assert code == 0, err
    data = json.loads(out)
    assert {"matched", "added", "removed", "changed", "crosswalk"} <= set(data)
    assert [r["name"] for r in data["added"]] == ["两江新区智能网联汽车测试场"]
    assert [r["name"] for r in data["removed"]] == ["璧山区污水处理厂"]
    renamed = [m for m in data["matched"] if m["old"] != m["new"]]
    assert main(["import", str(new), "--json"]) == 0
    as_read = json.loads(capsys.readouterr().out)["rows"][1][
        "name"
    ]  # the name as the reader keeps it
    assert renamed == [
        {
            "old": "江北区城市轨道交通18号线",
            "new": as_read,
            "old_key": renamed[0]["old_key"],
            "new_key": renamed[0]["new_key"],
            "how": "suggested",
            "score": renamed[0]["score"],
            "old_row": 5,
            "new_row": 5,
        }
    ]
    assert renamed[0]["score"] >= 0.85
    plan = [c for c in data["changed"] if c["field"] == "annual_plan"]
    assert plan == [
        {
            "name": "渝中区数字经济产业园",
            "old_name": "渝中区数字经济产业园",
            "field": "annual_plan",
            "label": "年度计划投资",
            "old": 1.5,
            "new": 1.8,
            "delta": pytest.approx(0.3),
            "delta_pct": pytest.approx(20.0),
            "old_key": plan[0]["old_key"],
            "new_key": plan[0]["new_key"],
        }
    ]
    # 产业提升 → 产业转型升级 is the crosswalk's rename, not a change of the row
    assert not [c for c in data["changed"] if c["field"] == "sector"]
    assert data["crosswalk"]["sector"]["产业提升"] == "产业转型升级"
    groups = {g["group"]: g for g in data["groups"]}
    assert groups["产业转型升级"]["old_groups"] == ["产业提升"]
    assert groups["科技创新"]["count_old"] == 1 and groups["科技创新"]["count_new"] == 2
    assert groups["科技创新"]["sums_new"]["annual_plan"] == pytest.approx(2.7)


def test_text_reads_like_a_tabular_diff(tmp_path, capsys):
    old = annex(tmp_path / "计划.xlsx", ROWS)
    new = annex(tmp_path / "部门修订稿.xlsx", revised_rows())
    code, out, _ = run(capsys, old, new, *PROFILE)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("--- 旧：计划.xlsx") and lines[1].startswith(
        "+++ 新：部门修订稿.xlsx"
    )
    # money at the two decimals the grid shows it with
    assert "→   渝中区数字经济产业园 | 年度计划投资 1.50→1.80（Δ +0.30，+20%）" in lines
    assert any(
        line.startswith("~~~ 更名（相似名称")
        and "江北区城市轨道交通18号线 → 江北区城市轨道交通18号线" in line
        and line.endswith("（一期）")  # as the department wrote it
        for line in lines
    )
    assert any(line.startswith("+++ 两江新区智能网联汽车测试场 | 科技创新") for line in lines)
    assert any(line.startswith("--- 璧山区污水处理厂 | 生态能源") for line in lines)
    assert "  产业转型升级（含原“产业提升”）：1→1 行" in out
    assert lines[-1] == "合计：未变 2，修改 2，新增 1，删除 1，建议配对 0"  # the rename is a change


def test_accept_threshold_leaves_renames_as_suggestions(tmp_path, capsys):
    old = annex(tmp_path / "a.xlsx", ROWS)
    new = annex(tmp_path / "b.xlsx", revised_rows())
    code, out, _ = run(capsys, old, new, "--accept", "1", "--json")
    data = json.loads(out)
    assert code == 0
    assert [(s["old"], s["new"]) for s in data["suggested"]] == [
        ("江北区城市轨道交通18号线", data["added"][0]["name"])
    ]
    assert "江北区城市轨道交通18号线" in [r["name"] for r in data["removed"]]


def test_crosswalk_file_and_tolerance(tmp_path, capsys):
    old = annex(tmp_path / "a.xlsx", ROWS)
    rows = [list(r) for r in ROWS]
    rows[3][1] = "绿色低碳"
    rows[0][4] = 15004  # 0.0004 亿元 more
    new = annex(tmp_path / "b.xlsx", [tuple(r) for r in rows])
    walk = tmp_path / "对照表.json"
    walk.write_text(json.dumps({"sector": {"生态能源": "绿色低碳"}}, ensure_ascii=False), "utf-8")
    code, out, _ = run(capsys, old, new, "--json")
    assert {c["field"] for c in json.loads(out)["changed"]} == {"sector", "annual_plan"}
    code, out, _ = run(
        capsys, old, new, "--json", "--crosswalk", walk, "--tolerance", "annual_plan=0.001"
    )
    assert code == 0 and json.loads(out)["changed"] == []


def test_key_column_by_label(tmp_path, capsys):
    old = annex(tmp_path / "a.xlsx", ROWS)
    new = annex(tmp_path / "b.xlsx", ROWS)
    code, out, _ = run(capsys, old, new, "--key", "业主", "--json")
    data = json.loads(out)
    assert code == 0 and data["key"] == "owner" and len(data["matched"]) == len(ROWS)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["{old}", "{missing}"], 1, "文件不存在"),
        (["{old}", "{old}", "--key", "不存在的列"], 2, "没有列“不存在的列”"),
        (["{old}", "{old}", "--tolerance", "annual_plan"], 2, "容差应写作"),
        (["{old}", "{old}", "--accept", "3"], 2, "--accept"),
        (["{old}", "{old}", "--crosswalk", "{bad}"], 1, "对照表不是有效的 JSON"),
        (["{old}", "{old}", "--crosswalk-profile", "上海"], 2, "可选：chongqing_2021_2022"),
        (["{old}", "{old}", "--sheet", "无此表"], 1, "没有这个工作表"),
        (["{old}"], 2, "用法错误"),
    ],
)
def test_exit_codes(tmp_path, capsys, argv, code, message):
    old = annex(tmp_path / "a.xlsx", ROWS)
    bad = tmp_path / "bad.json"
    bad.write_text("{不是 JSON", "utf-8")
    names = {"old": old, "missing": tmp_path / "没有.xlsx", "bad": bad}
    args = [a.format(**names) for a in argv]
    try:
        got, out, err = run(capsys, *args)
    except SystemExit as exc:  # argparse usage errors
        got, err = exc.code, capsys.readouterr().err
    assert got == code
    assert message in err
    assert "Traceback" not in err
    if code == 1:  # unusable input: one line naming the file
        assert len(err.strip().splitlines()) == 1


def test_indicator_tables_of_two_years_in_the_sample_plan(capsys):
    from workbench.io.opener import sample_plan_path

    sample = sample_plan_path()
    code, out, _ = run(
        capsys,
        sample,
        sample,
        "--sheet",
        "indicators_2021",
        "--new-sheet",
        "indicators_2022",
        "--json",
    )
    data = json.loads(out)
    assert code == 0
    assert data["old_file"]["rows"] == 36 and data["new_file"]["rows"] == 35
    assert len(data["matched"]) + len(data["removed"]) == 36
    gdp = [c for c in data["changed"] if c["name"] == "地区生产总值增长" and c["field"] == "target"]
    assert gdp and gdp[0]["old"] == "6%以上" and gdp[0]["new"] == "5.5%左右"


@pytest.mark.parametrize("broken", ["old", "both", "new"])
def test_the_old_files_problem_is_named_first(tmp_path, capsys, broken):
    """The two files are read side by side; which file a problem names must not depend on
    which read finishes first."""
    good = annex(tmp_path / "完好.xlsx", ROWS)
    old = tmp_path / "旧表.xlsx" if broken in ("old", "both") else good
    new = tmp_path / "新表.xlsx" if broken in ("new", "both") else good
    for path in {old, new} - {good}:
        path.write_bytes(b"PK\x03\x04" + "不是压缩包".encode() * 50)
    code, out, err = run(capsys, old, new)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    named = "旧表.xlsx" if broken in ("old", "both") else "新表.xlsx"
    assert named in err
    assert ("新表.xlsx" in err) == (broken == "new")


def test_two_plans_compare_table_by_table(tmp_path, capsys, sample_doc):
    """Every table named, the unchanged ones in one line; figures at the decimals the grid
    shows; only the groups that changed; the indicator's figure named by its year."""
    import openpyxl

    from workbench.io.native.plan_file import save_plan

    old = save_plan(sample_doc, tmp_path / "计划.xlsx")
    book = openpyxl.load_workbook(old)
    book["附件一 2021年指标执行"]["G6"] = 7.5  # the first indicator's 2021 execution
    book["2021年重大项目"]["G7"] = 50.0  # the first project's annual plan (46.2872)
    book.save(tmp_path / "修订.xlsx")
    code, out, _ = run(capsys, old, tmp_path / "修订.xlsx")
    assert code == 0
    tables = [t.sheet_name for t in sample_doc.tables.values()]
    headings = [line for line in out.splitlines() if line.startswith("=== 表 ")]
    assert len(headings) == len(tables) == 8
    for n, (heading, name) in enumerate(zip(headings, tables, strict=True), start=1):
        assert heading.startswith(f"=== 表 {n}/8：{name}（")
    assert out.count("\n无变化\n") == 6
    assert "年度计划投资 46.29→50.00（Δ +3.71，+8.02%）" in out
    assert "执行/完成" not in out and "2021年执行情况" in out
    groups = [line for line in out.splitlines() if line.startswith("  ")]
    assert [g.split("：")[0] for g in groups] == ["  经济发展", "  科技创新"]
    assert groups[1] == "  科技创新：40→40 行；年度计划投资 317.06→320.77（新增 0，删除 0，修改 1）"
    assert "!!!" in out and "外部修改" in out  # the edits made in Excel are named as such
    code, out, _ = run(capsys, old, tmp_path / "修订.xlsx", "--json")
    data = json.loads(out)
    assert [(t["old_sheet"], t["new_sheet"]) for t in data["tables"]] == [(t, t) for t in tables]
    assert data["old_file"]["sheet"] == tables[0] and data["new_file"]["notices"]
