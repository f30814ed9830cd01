"""One sort key per value, so a column of 100,000 rows sorts in one pass of Python's sort.

Excel and WPS order a column as: numbers (by value), then text, then blanks — blanks last in
both directions — and Chinese text by pinyin, the way ICU's ``zh`` collation orders it (Han
before Latin letters, syllables alphabetically, tones 1–4 then neutral, characters of one
reading by code point). The window's grid, its AutoFilter value lists and anyone else who
shows a sorted column use these keys, so every list reads in the same order.

Why not QCollator. What the wheels give: Qt for Python's Linux wheels ship ICU 73
(libicui18n, libicuuc, libicudata beside Qt's own libraries), so QCollator(zh_CN) orders by
pinyin. On Windows, Qt6Core up to the 6.9 wheels has no ICU and QCollator uses Windows' own
collation (CompareStringEx / LCMapStringEx), whose zh-CN default is pronunciation (pinyin)
order; from 6.10 Qt6Core imports an icuuc.dll the wheel does not bundle (it relies on the
system's ICU; a user reports 6.10–6.11.1 failing to load QtCore where that DLL does not
match: github.com/YaoFANGUK/video-subtitle-extractor/issues/461).
Either way a QCollatorSortKey is opaque to Python — it can only be compared, one Python→Qt
call per comparison, millions for a large column. A plain string key built from pypinyin's
character table (``pinyin_dict``: the readings of 41,000 characters) compares in C inside
``list.sort`` and is the same on every platform; tests check it against QCollator's order
where the Qt build has ICU. Characters with several readings take pypinyin's first (重 is
zhong, 长 is zhang), as ICU's table does for the common ones.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

# Between ASCII digits and Latin letters, so digits < Han < Latin as in ICU's zh order.
_HAN_MARK = "["
_TONES = {"\u0304": "1", "\u0301": "2", "\u030c": "3", "\u0300": "4"}


def _syllable(reading: str) -> str:
    """ "zhòng" → "zhong4", "lǜ" → "lv4", "de" → "de5"."""
    tone = "5"
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", reading):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":  # the diaeresis of ü
            letters[-1] = "v"
        elif ch.isascii():
            letters.append(ch)
    return "".join(letters) + tone


_TABLE: dict[int, str] | None = None
_TABLE_LOCK = threading.Lock()


# Ranks are written as one character from here on: below the surrogates, and above ASCII so
# every key stays a two-byte string like the Chinese text it keys.
_RANK_BASE = 0x100
_RANKS = 0xD800 - _RANK_BASE


def _pinyin_table() -> dict[int, str]:
    """Code point → marker + the character's place in pinyin order (first reading, tone,
    then code point), written as one character. Built once per process (about 0.3 s:
    pypinyin's table is large); `warm_up` builds it on a helper thread before the first
    sort asks.

    Why a rank, not the spelling ("[zhong4重"): the keys of a 100k-row name column are
    kept for sorting, and a spelled key is four times the text (24 MB against 9 MB). The
    spellings end in a tone digit and then the character, so none is a prefix of another
    and ranking them keeps their order; the marker still puts Han between digits and Latin
    letters. Only a literal "[" (or full-width ［) facing a Han character after the same
    prefix compares differently, and neither spelling is ICU's order there."""
    global _TABLE
    if _TABLE is None:
        with _TABLE_LOCK:
            if _TABLE is None:
                spelled = {
                    int(code): _HAN_MARK + _syllable(readings.split(",", 1)[0]) + chr(int(code))
                    for code, readings in _character_readings().items()
                }
                if len(spelled) > _RANKS:  # a table larger than the rank range: spell them
                    _TABLE = spelled
                else:
                    ranked = sorted(spelled, key=spelled.__getitem__)
                    _TABLE = {c: _HAN_MARK + chr(_RANK_BASE + i) for i, c in enumerate(ranked)}
    return _TABLE


def _character_readings() -> dict:
    """pypinyin's character table (code point → readings), read from its own JSON file.

    Why not `import pypinyin.pinyin_dict`: importing any pypinyin module runs the package's
    __init__, which loads its phrase dictionary and word segmenter (about 45 MB of Python
    objects, half a second of JSON parsing) that character keys never use. Where the file
    is not beside the package (an unusual install), the module import still answers."""
    import importlib.util
    import json
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")  # finds the package without running it
    for folder in (spec.submodule_search_locations or []) if spec else []:
        table = Path(folder) / "pinyin_dict.json"
        if table.is_file():
            return json.loads(table.read_text(encoding="utf-8"))
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def pinyin_ready() -> bool:
    """The pinyin table is built: a text key costs no wait for it."""
    return _TABLE is not None


_WARMING = threading.Event()  # a helper thread was started


def warm_up() -> None:
    """Build the pinyin table in the background (a daemon thread: quitting never waits);
    once per process, however often asked."""
    if _TABLE is None and not _WARMING.is_set():
        _WARMING.set()
        threading.Thread(target=_pinyin_table, name="pinyin keys", daemon=True).start()


def text_key(text: str) -> str:
    """A key whose plain string order is pinyin order for Chinese, case-blind for Latin."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_pinyin_table())


def search_text(text: str) -> str:
    """Text as search compares it: full-width folded to half-width, case-blind."""
    return unicodedata.normalize("NFKC", text).casefold()


_PREFIXES = (("万亿", 1e12), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))


def unit_scale(unit: str | None) -> float:
    """How many base units one unit holds ("万吨" → 10,000; "亿元" → 10^8), so a column whose
    rows state figures in 万元 and 亿元 sorts by amount. Prefixes only: a unit without a
    Chinese multiplier (%, 个, 平方公里) is 1."""
    scale = 1.0
    rest = (unit or "").strip()
    while rest:
        for prefix, factor in _PREFIXES:
            if rest.startswith(prefix) and len(rest) > len(prefix):
                scale *= factor
                rest = rest[len(prefix) :]
                break
        else:
            break
    return scale


NUMBER, TEXT, BLANK = 0, 1, 2


def value_key(value: Any, scale: float = 1.0) -> tuple[int, Any]:
    """(kind, key) of one cell: numbers by amount (`scale` converts a row's own unit), text
    by pinyin, blanks as blanks. Computed once per cell and kept by whoever sorts."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN is no value
            return BLANK, None
        return NUMBER, float(value) * scale
    if value is None:
        return BLANK, None
    text = str(value)
    if not text.strip():
        return BLANK, None
    return TEXT, text_key(text)


def column_keys(
    values: Sequence[Any], scales: Sequence[float] | None = None
) -> tuple[list[int], list[Any]]:
    """`value_key` of a whole column at once, as (kinds, keys): one text key per distinct
    text (a district or a sector is keyed once, not once per row)."""
    kinds: list[int] = []
    keys: list[Any] = []
    texts: dict[str, str] = {}
    for i, value in enumerate(values):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
            kinds.append(NUMBER)
            keys.append(float(value) * scales[i] if scales is not None else float(value))
        elif value is None or value != value:  # None, or NaN: no value
            kinds.append(BLANK)
            keys.append(None)
        else:
            text = value if isinstance(value, str) else str(value)
            key = texts.get(text)
            if key is None:
                key = texts[text] = text_key(text) if text.strip() else ""
            kinds.append(TEXT if key else BLANK)
            keys.append(key or None)
    return kinds, keys


def order_by_keys(kinds: Sequence[int], keys: Sequence[Any], descending: bool = False) -> list[int]:
    """The positions in Excel's order, stable: numbers, then text, blanks last; descending
    puts text before numbers, each reversed, and blanks still last."""
    numbers = [i for i, k in enumerate(kinds) if k == NUMBER]
    texts = [i for i, k in enumerate(kinds) if k == TEXT]
    blanks = [i for i, k in enumerate(kinds) if k == BLANK]
    # Python's sort is stable, and stays so with reverse=True.
    numbers.sort(key=keys.__getitem__, reverse=descending)
    texts.sort(key=keys.__getitem__, reverse=descending)
    return (texts + numbers if descending else numbers + texts) + blanks


def sorted_positions(
    values: Sequence[Any], descending: bool = False, scales: Sequence[float] | None = None
) -> list[int]:
    """`order_by_keys` of plain values (`scales[i]`: the unit factor of row i)."""
    return order_by_keys(*column_keys(values, scales), descending)


def ordered_texts(texts: Iterable[str], typed: dict[str, Any] | None = None) -> list[str]:
    """Distinct texts in the column's sort order (an AutoFilter list): `typed` gives the value
    behind a shown text, so "1,200.00" sorts as the number it shows."""
    distinct = list(dict.fromkeys(texts))
    values = [(typed or {}).get(t, t) for t in distinct]
    return [distinct[i] for i in sorted_positions(values)]
