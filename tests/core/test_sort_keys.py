"""One sort key per value, in the order Excel and WPS give a Chinese reviewer."""

from __future__ import annotations

from workbench.core.sort_keys import (
    column_keys,
    order_by_keys,
    ordered_texts,
    search_text,
    sorted_positions,
    text_key,
    unit_scale,
)


def test_chinese_sorts_by_pinyin_not_by_code_point():
    words = ["渝北区", "巴南区", "单位", "固定资产", "地区生产总值", "安全", "绿色", "旅游", "律师"]
    assert sorted(words, key=text_key) == [
        "安全",  # an
        "巴南区",  # ba
        "单位",  # dan
        "地区生产总值",  # di
        "固定资产",  # gu
        "旅游",  # lv3
        "律师",  # lv4
        "绿色",  # lv4 (绿 after 律 by code point: one reading, one tone)
        "渝北区",  # yu
    ]
    assert sorted(words) != sorted(words, key=text_key)  # code points put 单 before 固 before 地…


def test_syllables_tones_digits_latin_and_width():
    # dan < dang (shorter syllable first), a tone 1 before a tone 4
    assert sorted(["当", "单"], key=text_key) == ["单", "当"]
    assert sorted(["爱", "哀"], key=text_key) == ["哀", "爱"]
    # digits, then Han, then Latin (ICU's zh order); Latin case-blind
    assert sorted(["b", "张", "A", "1号"], key=text_key) == ["1号", "张", "A", "b"]
    assert text_key("ＡＢＣ１２") == text_key("abc12")  # full-width folded
    assert search_text("ＡＢＣ") == "abc"


def test_numbers_then_text_then_blanks_in_both_directions():
    values = [3, None, "乙", 1.5, "", "甲", 2, "  ", 10]
    up = [values[i] for i in sorted_positions(values)]
    assert up == [1.5, 2, 3, 10, "甲", "乙", None, "", "  "]
    down = [values[i] for i in sorted_positions(values, descending=True)]
    assert down == ["乙", "甲", 10, 3, 2, 1.5, None, "", "  "]


def test_the_sort_is_stable():
    values = [2, 1, 2, 1, "甲", "甲", None, None]
    assert sorted_positions(values) == [1, 3, 0, 2, 4, 5, 6, 7]
    assert sorted_positions(values, descending=True) == [4, 5, 0, 2, 1, 3, 6, 7]


def test_units_convert_so_amounts_compare():
    assert unit_scale("万元") == 1e4
    assert unit_scale("亿元") == 1e8
    assert unit_scale("万亿元") == 1e12
    assert unit_scale("万千瓦") == unit_scale("千瓦") * 1e4
    assert unit_scale("%") == unit_scale(None) == unit_scale("个") == 1.0
    assert unit_scale("万") == 1.0  # a bare prefix is no unit to scale
    values = [9000.0, 1.0, 500.0, None]  # 9,000 万元 < 1 亿元; 500 元 least
    scales = [unit_scale(u) for u in ("万元", "亿元", "元", "亿元")]
    assert sorted_positions(values, scales=scales) == [2, 0, 1, 3]


def test_repeated_texts_share_one_key_and_bools_are_text():
    kinds, keys = column_keys(["渝北区", "渝北区", True, float("nan")])
    assert keys[0] is keys[1]
    assert (kinds[2], keys[2]) == (kinds[0], text_key("True"))  # a tick box is no amount
    assert keys[3] is None  # NaN is no value
    assert order_by_keys(kinds, keys)[-1] == 3


def test_filter_lists_read_in_the_column_order():
    texts = ["渝北区", "1,200.00", "巴南区", "", "300.00", "巴南区"]
    typed = {"1,200.00": 1200.0, "300.00": 300.0}
    assert ordered_texts(texts, typed) == ["300.00", "1,200.00", "巴南区", "渝北区", ""]


def test_ranked_keys_keep_the_spelled_pinyin_order_in_two_characters_per_han():
    """A Han character keys as its place in (first reading, tone, code point) order: the
    same order as spelling the reading out, at a fraction of the memory a 100k-row name
    column keeps."""
    import random

    from workbench.core import sort_keys

    readings = sort_keys._character_readings()
    spelled = {
        int(c): sort_keys._syllable(r.split(",", 1)[0]) + chr(int(c)) for c, r in readings.items()
    }
    rng = random.Random(26)
    alphabet = [chr(c) for c in rng.sample(sorted(spelled), 2000)] + list("ab09 (-号")
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(5000)]

    def spelled_key(word: str) -> str:
        return "".join("[" + spelled[ord(ch)] if ord(ch) in spelled else ch for ch in word)

    assert sorted(words, key=text_key) == sorted(words, key=spelled_key)
    assert len(text_key("重庆市长安汽车")) == 2 * len("重庆市长安汽车")
