"""Chinese in charts: installed CJK families first, the shipped font as the last fallback.

Only families actually installed go in the list (matplotlib complains about the others), and
the font shipped in resources/fonts is always there, so Chinese renders on a machine without
any CJK font. matplotlib falls back glyph by glyph along the list.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from workbench.shipped import shipped_file

SHIPPED_FAMILY = "Workbench CJK SC"
CJK_FAMILIES: tuple[str, ...] = (
    "Microsoft YaHei",  # Windows
    "SimHei",
    "PingFang SC",  # macOS
    "Hiragino Sans GB",
    "Noto Sans CJK SC",  # Linux
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
)


def shipped_font_path() -> Path:
    return shipped_file("workbench.resources", "resources", "fonts", "WorkbenchCJKSC-Regular.otf")


@lru_cache(maxsize=2)
def chart_families(use_system: bool = True) -> tuple[str, ...]:
    """The sans-serif list for charts; `use_system=False` tests the shipped font alone."""
    from matplotlib import font_manager

    path = shipped_font_path()
    if path.exists() and SHIPPED_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    installed = {f.name for f in font_manager.fontManager.ttflist}
    system = [name for name in CJK_FAMILIES if name in installed] if use_system else []
    return (*system, SHIPPED_FAMILY, "DejaVu Sans")


_OWN_DEFAULTS: list[bool] = []


def own_defaults() -> None:
    """matplotlib's own defaults, once per process, before the first chart is drawn: a
    `matplotlibrc` in the working folder (or the user's) is read when matplotlib loads, and
    one with `text.usetex` would start `latex` on every chart. The app uses its settings."""
    if not _OWN_DEFAULTS:
        import matplotlib

        matplotlib.rcdefaults()
        _OWN_DEFAULTS.append(True)


def chart_rc(use_system: bool = True) -> dict[str, object]:
    """rcParams for a chart: CJK sans-serif first, and an ASCII minus that every font has;
    on matplotlib's own defaults, whatever rc file it found."""
    own_defaults()
    return {
        "font.family": "sans-serif",
        "font.sans-serif": list(chart_families(use_system)),
        "axes.unicode_minus": False,
    }
