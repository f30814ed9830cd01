"""100,000 rows in the window (issue 26), driven by clicks and keys: the sorted order (numbers
as numbers, units converted, blanks last, Chinese by pinyin), the reviewer's row kept through
a sort, an edit and an undo, search results, and AutoFilter counts. The tables are generated
here; no timing is asserted (bench/bench_big_table.py measures speed)."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.test_editing import column_of, enter_text, type_into
from workbench.core.document import PlanDocument
from workbench.core.sort_keys import unit_scale
from workbench.core.table import Table
from workbench.ui.table_format import format_value

ROWS = 100_000
# Chongqing's districts, by hand in pinyin order (as Excel and WPS sort them), with no two
# sharing a first syllable and tone so the order does not hang on a tie-break.
DISTRICTS = [
    "巴南区",  # ba
    "北碚区",  # bei
    "璧山区",  # bi
    "城口县",  # cheng
    "大足区",  # da
    "垫江县",  # dian
    "丰都县",  # feng1
    "奉节县",  # feng4
    "涪陵区",  # fu
    "合川区",  # he
    "江北区",  # jiang bei
    "江津区",  # jiang jin
    "开州区",  # kai
    "梁平区",  # liang
    "南岸区",  # nan an
    "南川区",  # nan chuan
    "彭水县",  # peng
    "綦江区",  # qi
    "黔江区",  # qian
    "荣昌区",  # rong
    "沙坪坝区",  # sha
    "石柱县",  # shi
    "万州区",  # wan
    "巫山县",  # wu1 shan
    "巫溪县",  # wu1 xi
    "武隆区",  # wu3
    "秀山县",  # xiu
    "永川区",  # yong
    "酉阳县",  # you
    "渝北区",  # yu bei
    "渝中区",  # yu zhong
    "云阳县",  # yun
    "忠县",  # zhong
]


def project_doc(rows: int = ROWS) -> PlanDocument:
    rng = random.Random(26)
    table = Table(id="big", kind="projects", title="大项目表", sheet_name="项目", unit="亿元")
    table.bulk_append(
        [
            {
                "name": f"{DISTRICTS[i % len(DISTRICTS)]}项目{i}号",
                "sector": ("科技创新", "乡村振兴", "社会民生")[i % 3],
                "funding": "政府投资" if i % 4 else "企业投资",
                "nature": "续建" if i % 2 else "新开工",
                "total_investment": round(rng.uniform(1, 50), 2),
                "annual_plan": None if i % 97 == 0 else round(rng.uniform(0.1, 9), 3),
                "completed": round(rng.uniform(0.1, 9), 3),
                "completion_rate": None,
                "owner": f"业主单位{i % 89}",
                "district": DISTRICTS[rng.randrange(len(DISTRICTS))],
                "note": None,
            }
            for i in range(rows)
        ]
    )
    doc = PlanDocument(title="大表")
    doc.add_table(table)
    return doc


def indicator_doc(rows: int = ROWS) -> PlanDocument:
    """Figures stated in 万元, 亿元 and 元 side by side, and blanks."""
    rng = random.Random(23)
    units = ("万元", "亿元", "元")
    table = Table(id="figures", kind="indicators", title="指标", sheet_name="指标")
    table.bulk_append(
        [
            {
                "category": "经济",
                "name": f"指标{i}",
                "unit": units[i % 3],
                "attribute": None,
                "base": None,
                "target": None,
                "actual": None if i % 11 == 0 else round(rng.uniform(0, 5000), 2),
                "status": None,
                "note": None,
            }
            for i in range(rows)
        ]
    )
    doc = PlanDocument(title="指标大表")
    doc.add_table(table)
    return doc


@pytest.fixture
def big(window):
    window.set_document(project_doc(), None)
    return window


def click_header(qtbot, grid, column: int) -> None:
    """A click on the header section's title (right of its AutoFilter button): a sort."""
    header = grid.horizontalHeader()
    grid.scrollTo(grid.model().index(grid.rowAt(0), column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 8
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def shown(grid, column: int) -> list[str]:
    model = grid.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_sort_numbers_with_units_converted_and_blanks_last(qtbot, window):
    window.set_document(indicator_doc(), None)
    grid = window.grid
    actual = column_of(window, "执行情况")
    table = window.model.table
    click_header(qtbot, grid, actual)
    keys = window.model.shown_keys()

    def amount(key):
        row = table.rows[key]
        return None if row["actual"] is None else row["actual"] * unit_scale(row["unit"])

    amounts = [amount(k) for k in keys]
    blanks = sum(a is None for a in amounts)
    assert blanks == len([i for i in range(ROWS) if i % 11 == 0])
    assert all(a is None for a in amounts[-blanks:])  # blanks last
    figures = amounts[:-blanks]
    assert figures == sorted(figures)  # by amount: 1 亿元 after 9,999 万元
    assert table.rows[keys[-blanks - 1]]["unit"] == "亿元"
    click_header(qtbot, grid, actual)  # descending: largest first, blanks still last
    keys = window.model.shown_keys()
    amounts = [amount(k) for k in keys]
    assert all(a is None for a in amounts[-blanks:])
    assert amounts[:-blanks] == sorted(amounts[:-blanks], reverse=True)
    # the rows show what they hold: the first is the largest amount, in its own unit
    first = table.rows[keys[0]]
    style = window.model.columns[actual].style
    assert grid.model().index(0, actual).data() == format_value(first["actual"], style)
    assert first["unit"] == "亿元"


def test_sort_text_in_pinyin_order_and_stable(qtbot, big):
    grid = big.grid
    district = column_of(big, "区县")
    click_header(qtbot, grid, district)
    column = shown(grid, district)
    assert list(dict.fromkeys(column)) == DISTRICTS  # pinyin, not code-point order
    # stable: rows of one district keep the table's order
    table, keys = big.model.table, big.model.shown_keys()
    positions = [table.index_of(k) for k in keys if table.rows[k]["district"] == "渝北区"]
    assert positions == sorted(positions)
    # agrees with Qt's ICU collation where the Qt build has it
    from functools import cmp_to_key

    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    if collator.compare("北", "巴") > 0:  # an ICU (or Windows) collation: pinyin order
        assert sorted(DISTRICTS, key=cmp_to_key(collator.compare)) == DISTRICTS


def test_reviewer_stays_on_the_same_row_after_sort_edit_and_undo(qtbot, big):
    grid = big.grid
    name = column_of(big, "项目名称")
    index = grid.model().index(1234, name)
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )
    key = grid.current_key()
    assert big.review_panel.key == key
    click_header(qtbot, grid, column_of(big, "年度计划（亿元）"))
    assert grid.current_key() == key and grid.currentIndex().row() != 1234
    assert big.review_panel.key == key
    assert grid.selected_keys() == [key]
    plan = column_of(big, "年度计划（亿元）")
    type_into(qtbot, big, grid.currentIndex().siblingAtColumn(plan), "123.5")
    assert big.model.table.rows[key]["annual_plan"] == 123.5
    grid.setCurrentIndex(grid.model().index(big.model.row_of(key), plan))
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert big.model.table.rows[key]["annual_plan"] != 123.5
    assert grid.current_key() == key
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert grid.current_key() == key
    # a deleted row comes back where it was, and the cursor can find it again
    row = grid.currentIndex().row()
    qtbot.keyClick(grid, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert key not in big.model.table.rows
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert big.model.row_of(key) == row


def test_search_as_you_type_shows_the_matching_rows(qtbot, big):
    grid = big.grid
    big.focus_search()
    enter_text(qtbot, big.search, "渝中区项目77")
    qtbot.waitUntil(lambda: not grid.search_pending(), timeout=60_000)
    table = big.model.table
    expected = [
        k
        for k in table.keys
        if any("渝中区项目77" in str(v) for v in table.rows[k].values() if v is not None)
    ]
    assert expected and big.model.shown_keys() == expected
    assert f"筛选后显示 {len(expected)} 行" in big.table_label.text()
    qtbot.keyClicks(big.search, "7")  # one more keystroke narrows it
    qtbot.waitUntil(lambda: not grid.search_pending(), timeout=60_000)
    assert big.model.shown_keys() == [
        k for k in expected if "渝中区项目777" in table.rows[k]["name"]
    ]
    big.search.clear()
    qtbot.waitUntil(lambda: not grid.search_pending(), timeout=60_000)
    assert grid.model().rowCount() == ROWS


def test_filter_list_counts_and_filtering(qtbot, big):
    grid = big.grid
    district = column_of(big, "区县")
    funding = column_of(big, "投资来源")
    table = big.model.table
    popup = grid.open_filter(district)
    counts = Counter(r["district"] for _, r in table)
    listed = [(i.data(Qt.ItemDataRole.UserRole), i.text()) for i in popup.value_items()]
    assert [v for v, _ in listed] == DISTRICTS
    assert all(text.endswith(f"({counts[v]})") for v, text in listed)
    for item in popup.value_items():
        if item.data(Qt.ItemDataRole.UserRole) != "忠县":
            item.setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(
        popup.buttons.button(popup.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert grid.model().rowCount() == counts["忠县"]
    # the next column's list counts only the rows the first filter lets through
    popup = grid.open_filter(funding)
    inside = Counter(r["funding"] for _, r in table if r["district"] == "忠县")
    for item in popup.value_items():
        assert item.text().endswith(f"({inside[item.data(Qt.ItemDataRole.UserRole)]})")
    popup.reject()


def test_idle_index_waits_for_the_pinyin_table_without_asking_for_it(qtbot, window, monkeypatch):
    """The idle build of a large table fills every row's search text, then waits for the
    pinyin table its helper thread builds (asking for it would block the window until it is
    done) and keys the text columns once it is there; search and sort work throughout."""
    from workbench.core import sort_keys
    from workbench.ui import table_rows

    ready = [False]
    monkeypatch.setattr(table_rows, "pinyin_ready", lambda: ready[0])
    import threading

    asked = []  # by the window's own thread (the helper thread builds it meanwhile)
    real_table = sort_keys._pinyin_table

    def table():
        if threading.current_thread() is threading.main_thread():
            asked.append(ready[0])
        return real_table()

    monkeypatch.setattr(sort_keys, "_pinyin_table", table)
    window.set_document(project_doc(30_000), None)
    model, grid = window.model, window.grid
    qtbot.waitUntil(lambda: model.rows_index.search_ready(model.table.keys), timeout=60_000)
    qtbot.wait(100)
    assert model.indexing()  # still waiting for the table, not done and not blocked on it
    assert asked == []
    district = column_of(window, "区县")
    assert district not in model.rows_index._kinds  # not keyed yet
    enter_text(qtbot, window.search, "渝中区项目7")
    qtbot.waitUntil(lambda: not grid.search_pending(), timeout=60_000)
    assert model.rowCount() > 0
    assert all("渝中区项目7" in model.table.rows[k]["name"] for k in model.shown_keys())
    window.search.clear()
    qtbot.waitUntil(lambda: not grid.search_pending(), timeout=60_000)
    ready[0] = True
    qtbot.waitUntil(lambda: not model.indexing(), timeout=60_000)
    assert asked and all(asked)  # asked for only once it was there
    assert _UNKNOWN_FREE(model.rows_index._kinds[district])
    click_header(qtbot, grid, district)
    assert list(dict.fromkeys(shown(grid, district))) == DISTRICTS


def _UNKNOWN_FREE(kinds: list[int]) -> bool:
    from workbench.ui.table_rows import _UNKNOWN

    return len(kinds) > 0 and _UNKNOWN not in kinds
