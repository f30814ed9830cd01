"""Make the user guide's screenshots from the real app, offscreen, so they stay current.

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/build/screenshots.py   # → docs/images/

Each shot opens the sample plan in a fresh window (no settings or recovery files of the user's
own), drives it through the same methods its menus call, and grabs the window with
QWidget.grab(). Images are kept small for the repository (at most MAX_BYTES each, palette PNG
and a smaller scale when needed).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "images"
MAX_BYTES = 150_000
SIZE = (1280, 780)

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _settle(app, rounds: int = 8) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(rounds):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QCoreApplication.sendPostedEvents()


def save_small(image, path: Path, max_bytes: int = MAX_BYTES) -> int:
    """Save as PNG within max_bytes: full colour if it fits, else a 256-colour palette, then
    smaller scales. Returns the file's size."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    candidates = [image, image.convertToFormat(QImage.Format.Format_Indexed8)]
    scale = 0.9
    while True:
        for candidate in candidates:
            candidate.save(str(path), "PNG", 9)
            size = path.stat().st_size
            if size <= max_bytes:
                return size
        if scale < 0.4:
            raise SystemExit(f"截图过大：{path}（{size} 字节）")
        smaller = image.scaledToWidth(
            int(image.width() * scale), Qt.TransformationMode.SmoothTransformation
        )
        candidates = [smaller.convertToFormat(QImage.Format.Format_Indexed8)]
        scale -= 0.1


def _window(app, folder: Path):
    from PySide6.QtCore import QSettings

    from workbench.ui.main_window import MainWindow

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    if not window.open_sample():
        raise SystemExit("示例计划无法打开")
    _settle(app)
    return window


def _pick(window, sheet: str) -> None:
    """Click the table in the navigator, as a user would."""
    from PySide6.QtCore import Qt

    flags = Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive
    items = window.navigator.findItems(sheet, flags, 0)
    if not items:
        raise SystemExit(f"导航栏中没有“{sheet}”")
    window.navigator.setCurrentItem(items[0])


def _indicators(window) -> None:
    _pick(window, "附件一 2021年指标执行")


def _summary(window) -> None:
    _pick(window, "2022年项目按领域")


def _checks(window) -> None:
    _pick(window, "2021年项目按板块")
    window.run_checks()


def _chart(window) -> None:
    _pick(window, "2021年项目按板块")
    if window.charts:  # the window opens with one chart; show it rather than add another
        window.charts[0][1].show()
        window.charts[0][1].raise_()
    else:
        window.add_chart()


def _years(window) -> None:
    window.compare_years()


SHOTS: list[tuple[str, str, Callable]] = [
    ("主窗口.png", "主窗口：左侧数据表，中间表格，右侧审核面板", _indicators),
    ("汇总表.png", "汇总表：报告数与明细合计并列，不一致处加底色", _summary),
    ("审核检查.png", "按 F9 运行审核检查，下方列出审核意见", _checks),
    ("图表.png", "图表面板：按板块的完成投资", _chart),
    ("年度对比.png", "文件 → 年度对比：上年与本年同类表并排", _years),
]


def make(out: Path = OUT, only: list[str] | None = None) -> list[tuple[Path, int]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from workbench.charts.fonts import shipped_font_path

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("计划审核工作台")
    from PySide6.QtGui import QFontDatabase

    QFontDatabase.addApplicationFont(str(shipped_font_path()))  # Chinese without system fonts
    out.mkdir(parents=True, exist_ok=True)
    saved_data_dir = os.environ.get("WORKBENCH_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as tmp:
        os.environ["WORKBENCH_DATA_DIR"] = tmp  # no recovery prompt, nothing left behind
        try:
            made = _shoot_all(app, out, Path(tmp), only)
        finally:
            if saved_data_dir is None:
                os.environ.pop("WORKBENCH_DATA_DIR", None)
            else:
                os.environ["WORKBENCH_DATA_DIR"] = saved_data_dir
    return made


def _shoot_all(app, out: Path, tmp: Path, only: list[str] | None) -> list[tuple[Path, int]]:
    made = []
    for name, _caption, drive in SHOTS:
        if only and name not in only:
            continue
        folder = tmp / Path(name).stem  # settings of its own: no carried-over docks
        folder.mkdir()
        window = _window(app, folder)
        drive(window)
        _settle(app, 20)
        target = window
        for widget in app.topLevelWidgets():  # a compare view opens its own window
            if widget.isVisible() and widget is not window and widget.isWindow():
                if widget.width() > 400 and "QMenu" not in type(widget).__name__:
                    target = widget
        path = out / name
        size = save_small(target.grab().toImage(), path)
        made.append((path, size))
        for widget in app.topLevelWidgets():
            widget.close()
        window.deleteLater()
        _settle(app)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="用真实程序生成使用指南的截图")
    parser.add_argument("--out", type=Path, default=OUT, help="输出文件夹（缺省 docs/images）")
    parser.add_argument("names", nargs="*", help="只生成这些截图（文件名）")
    args = parser.parse_args(argv)
    for path, size in make(args.out, args.names or None):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}：{size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
