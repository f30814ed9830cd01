"""Build the shipped CJK fallback font: Noto Sans CJK SC (SIL OFL 1.1), cut down to the 6,763
characters of GB 2312 plus ASCII and the punctuation of Chinese documents, and renamed (the
OFL asks derivatives not to carry the original's primary name).

    python resources/fonts/build_subset.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

Debian's fonts-noto-cjk provides the source collection. The result is committed so that
charts render Chinese on a machine with no CJK font at all.
"""

from __future__ import annotations

import sys
from pathlib import Path

FAMILY = "Workbench CJK SC"
OUTPUT = Path(__file__).with_name("WorkbenchCJKSC-Regular.otf")


def gb2312_characters() -> str:
    chars = []
    for high in range(0xB0, 0xF8):  # the 6,763 hanzi of GB 2312 (levels 1 and 2)
        for low in range(0xA1, 0xFF):
            try:
                chars.append(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return "".join(chars)


def text_to_keep() -> str:
    ascii_ = "".join(chr(c) for c in range(0x20, 0x7F))
    punctuation = "、。，．：；？！（）《》〈〉【】〔〕「」『』“”‘’—–…·％‰℃±×÷≤≥≈≠～￥¥°　"
    fullwidth = "".join(chr(c) for c in range(0xFF01, 0xFF5F))
    ordinals = "①②③④⑤⑥⑦⑧⑨⑩ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
    return ascii_ + punctuation + fullwidth + ordinals + gb2312_characters()


def main(source: str) -> int:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(source)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC")
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text_to_keep())
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} Regular"
        elif record.nameID == 6:
            record.string = "WorkbenchCJKSC-Regular"
        elif record.nameID == 3:
            record.string = f"{FAMILY} Regular; subset of Noto Sans CJK SC"
    font.save(OUTPUT)
    print(f"{OUTPUT.name}: {OUTPUT.stat().st_size / 2**20:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(
        main(
            sys.argv[1]
            if len(sys.argv) > 1
            else "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
        )
    )
