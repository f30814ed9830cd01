"""An English session shows core's sentences in English: the judgement reason in the review
panel, the chart's title and legend, the findings of a check run and the 属性 words — while the
Chinese session and everything written to files keep the Chinese text (core/message.py)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.test_language import chinese, english  # noqa: F401  (fixtures)

CJK = re.compile(r"[\u4e00-\u9fff]")


def _own_words(text: str) -> str:
    """The text without what the department wrote: quoted names and the targets' own
    phrasing (“6%以上”) stay as read in every language."""
    text = re.sub(r"“[^”]*”", "", text)
    return re.sub(r"\d[\d.,]*%?[\u4e00-\u9fff]*", "", text)


def _row_of(window, name: str) -> int:
    model = window.grid.model()
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) in ("Indicator", "指标名称")
    )
    return next(r for r in range(model.rowCount()) if model.index(r, column).data() == name)


def _click_row(qtbot, window, row: int) -> None:
    grid = window.grid
    index = grid.model().index(row, 2)
    grid.scrollTo(index)
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(index).center()
    )


def _reason(window) -> str:
    form = window.review_panel.details
    for i in range(form.rowCount()):
        label = form.itemAt(i, form.ItemRole.LabelRole)
        field = form.itemAt(i, form.ItemRole.FieldRole)
        if (
            label
            and label.widget().text() in ("Basis:", "判定依据：")
            or (label and "basis" in label.widget().text().lower())
        ):
            widget = field.widget()
            return widget.text() if isinstance(widget, QLabel) else ""
    raise AssertionError("no reason row in the review panel")


def _legend_and_title(panel) -> tuple[str, list[str]]:
    axes = panel.figure.axes[0]
    legend = axes.get_legend()
    return axes.get_title(), [t.get_text() for t in legend.get_texts()] if legend else []


def test_english_session_shows_reason_chart_and_findings_in_english(
    english,  # noqa: F811
    make_window,
    qtbot,
):
    window = make_window()
    window.show_table("indicators_2021")
    row = _row_of(window, "地区生产总值增长")
    _click_row(qtbot, window, row)
    reason = _reason(window)
    assert "met" in reason and not CJK.search(_own_words(reason)), reason
    # the reason column of the grid and the 属性 words say the same in English
    model = window.grid.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    attributes = {model.index(r, titles.index("Attribute")).data() for r in range(model.rowCount())}
    assert attributes <= {"Binding", "Expected", ""} and "Expected" in attributes

    # the chart on show: its title and legend in English
    panel, dock = window.charts[0]
    dock.show()
    dock.raise_()
    panel.redraw()
    title, legend = _legend_and_title(panel)
    assert title.startswith("2021 ") and not CJK.search(title), title
    assert legend and not any(CJK.search(text) for text in legend), legend

    # F9: the findings' rule messages in English (the names in quotes are data)
    qtbot.keyClick(window.grid, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.findings.checked, timeout=10000)
    messages = [item.text(1) for item in window.findings.items()]
    assert messages
    assert not [m for m in messages if CJK.search(_own_words(m))], messages


def test_chinese_session_keeps_the_chinese_sentences(
    chinese,  # noqa: F811
    make_window,
    qtbot,
):
    window = make_window()
    window.show_table("indicators_2021")
    _click_row(qtbot, window, _row_of(window, "地区生产总值增长"))
    reason = _reason(window)
    status = window.session.doc.table("indicators_2021")
    key = window.grid.current_key()
    from workbench.core.indicators import status_of

    assert reason == str(status_of(status, key, window.session.doc.policy).derived.reason)
    assert reason.endswith("完成")
    panel, _ = window.charts[0]
    panel.redraw()
    assert _legend_and_title(panel)[0].startswith("2021年")


def test_a_template_whose_translation_lost_a_placeholder_falls_back_to_chinese():
    from workbench.core.message import Message

    message = Message("{actual} ≥ {target}，完成", actual="8.3", target="6%以上")
    assert message.render(lambda t: "{actual} ≥ {goal}: met") == "8.3 ≥ 6%以上，完成"
    assert message.render(lambda t: t.replace("，完成", ": met")) == "8.3 ≥ 6%以上: met"
