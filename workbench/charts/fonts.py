"""Chinese in charts: a CJK font family list for every platform our users have.

matplotlib picks the first family in the list that is installed, falling back glyph by glyph
is not something it does, so the list must start with fonts that cover Chinese.
"""

from __future__ import annotations

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


def chart_rc() -> dict[str, object]:
    """rcParams for a chart: CJK sans-serif first, and an ASCII minus that every font has."""
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [*CJK_FAMILIES, "DejaVu Sans"],
        "axes.unicode_minus": False,
    }
