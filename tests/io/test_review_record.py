"""Every comment a reviewer writes reaches 审核意见, and a redo logs the edit's own reason
(issue 23, item 4)."""

import openpyxl

from workbench.core.edits import CellChange, SetCells, SetReview
from workbench.core.history import EditHistory
from workbench.core.review import PENDING
from workbench.io.writing.workbook_writer import FINDINGS_SHEET, write_workbook


def test_a_comment_on_a_row_still_pending_is_listed_in_the_findings_sheet(sample_doc, tmp_path):
    table = sample_doc.table("projects_2022")
    key = table.keys[3]
    sample_doc.apply(SetReview(table.id, key, PENDING, "请核实开工时间"), user="王审核")
    assert table.mark(key).status == PENDING
    path = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, path)
    sheet = openpyxl.load_workbook(path)[FINDINGS_SHEET]
    texts = [" ".join(str(v) for v in row if v) for row in sheet.iter_rows(values_only=True)]
    assert any("请核实开工时间" in t for t in texts)


def test_a_redone_edit_is_logged_with_its_reason(sample_doc):
    table = sample_doc.table("projects_2022")
    key = table.keys[0]
    history = EditHistory(sample_doc)
    history.do(SetCells(table.id, (CellChange(key, "annual_plan", 3.21),)), reason="部门更正")
    history.undo()
    history.redo()
    last = sample_doc.change_log[-1]
    assert last.new == 3.21 and last.reason == "部门更正"


def test_the_footer_names_the_annex_and_its_title_not_the_sheet(sample_doc, tmp_path):
    path = tmp_path / "附件.xlsx"
    write_workbook(sample_doc, path)
    book = openpyxl.load_workbook(path)
    sheet = book["2021年重大项目"]
    footer = sheet.oddFooter.left.text
    assert footer.startswith("附件") and "重庆市2021年市级重大建设项目执行情况" in footer
    assert "&A" not in footer
    log = book[FINDINGS_SHEET]
    assert "审核意见" in log.oddFooter.left.text


def test_doubted_and_returned_rows_are_told_apart_by_colour():
    from colorsys import rgb_to_hls

    from workbench.core.review import DOUBTFUL, RETURNED
    from workbench.core.vocab import DISAGREE_FILL, REVIEW_ROW_FILLS

    def hue(colour):
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return rgb_to_hls(r, g, b)[0] * 360

    def apart(a, b):
        d = abs(hue(a) - hue(b)) % 360
        return min(d, 360 - d)

    assert apart(REVIEW_ROW_FILLS[DOUBTFUL], REVIEW_ROW_FILLS[RETURNED]) > 90
    assert apart(REVIEW_ROW_FILLS[DOUBTFUL], DISAGREE_FILL) > 90
