"""Entry point of the frozen (PyInstaller) app: the same `workbench` command, window and CLI.

With WORKBENCH_SMOKE_TEST=1 the window starts as usual, opens the sample plan (or the file
named), prints one line saying what it opened and quits with exit code 0 — or 3 when nothing
was open after 120 s. tests/test_frozen_build.py runs the frozen app that way, headless, to
prove the bundle carries every module, the sample plan, the font and the icons.
"""

from __future__ import annotations

import os
import sys


def _arm_smoke_test() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    waited = {"ticks": 0}

    def check() -> None:
        waited["ticks"] += 1
        for widget in app.topLevelWidgets():
            session = getattr(widget, "session", None)
            if session is not None and session.doc.tables:
                from workbench import licences
                from workbench.charts.fonts import shipped_font_path
                from workbench.ui.main_window import resource_path

                listed = licences.components()
                extras = {
                    "font": shipped_font_path().is_file(),
                    "icon": resource_path("icons", "app.png").is_file(),
                    # 帮助 → 关于: the metadata and licence texts made it into the bundle
                    "licences": len(listed) > 10 and all(c.texts() for c in listed),
                }
                print(
                    f"smoke-ok tables={len(session.doc.tables)} title={session.doc.title} "
                    f"version={licences.app_version()} libraries={len(listed)} "
                    + " ".join(f"{k}={v}" for k, v in extras.items()),
                    flush=True,
                )
                timer.stop()
                app.exit(0 if all(extras.values()) else 4)
                return
        if waited["ticks"] > 1200:
            print("smoke-failed: no document open after 120 s", flush=True)
            timer.stop()
            app.exit(3)

    timer = QTimer(app)
    timer.setInterval(100)
    timer.timeout.connect(check)
    timer.start()


WORKERS = ("workbench.io.reading.xls_worker",)


def main() -> int:
    # A frozen app has no `python -m`: the legacy-xls reader starts its memory-capped child as
    # `sys.executable -m workbench.io.reading.xls_worker FILE KIND READER`, which lands here.
    if sys.argv[1:2] == ["-m"] and sys.argv[2:3] and sys.argv[2] in WORKERS:
        from workbench.io.reading import xls_worker

        return xls_worker.main(sys.argv[3:6])
    from workbench.cli import SUBCOMMANDS
    from workbench.cli import main as cli_main

    headless = (*SUBCOMMANDS, "help", "-h", "--help", "-V", "--version")
    opens_window = not (sys.argv[1:2] and sys.argv[1] in headless)
    if os.environ.get("WORKBENCH_SMOKE_TEST") == "1" and opens_window:
        _arm_smoke_test()
    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
