"""What annex headers call each canonical field, and how to recognise the rows between.

Headers are compared after whitespace is removed ("指 标 名 称" → "指标名称"). Rules are tried
in order and the first match wins, so the specific ones ("完成率", "年度计划完成投资") come
before the general ones ("完成", "计划").
"""

from __future__ import annotations

import re
import unicodedata

YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
UNIT_IN_BRACKETS = re.compile(r"[（(]\s*(?:单位[:：]\s*)?([^（()）]{1,10}?)\s*[)）]")
UNIT_LINE = re.compile(r"(?:计量)?单位\s*[:：]\s*([^\s，,；;）)]{1,12})")


def compact(text: object) -> str:
    """Header text as compared: NFKC, no whitespace of any width, no line breaks."""
    if text is None:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def _has(label: str, *words: str) -> bool:
    return any(w in label for w in words)


def indicator_field(label: str) -> str | None:
    """Canonical indicator field for a compact header label (years left in)."""
    bare = YEAR.sub("", label)
    if re.fullmatch(r"(序号|编号|No\.?|序|顺序号)", bare, re.I):
        return "_seq"
    if _has(bare, "指标名称", "指标项目") or bare in ("指标", "名称", "项目", "指标名"):
        return "name"
    if re.fullmatch(r"(计量)?单位", bare):
        return "unit"
    if _has(bare, "属性", "指标性质", "指标类型") or bare in ("性质", "类型"):
        return "attribute"
    if bare in ("类别", "分类", "领域", "指标类别"):
        return "category"
    if _has(bare, "完成情况", "是否完成", "完成状态", "评价", "达标", "实现情况"):
        return "status"
    if _has(bare, "备注", "说明"):
        return "note"
    if _has(bare, "责任", "牵头", "部门", "单位"):
        return None
    if _has(bare, "目标", "计划", "预期", "规划"):
        return "target"
    if _has(bare, "上年", "基期", "基数", "基年"):
        return "base"
    if _has(bare, "执行", "完成", "实际", "预计", "实现", "绝对值", "增长", "数值", "增速"):
        return "actual"
    return None


def project_field(label: str) -> str | None:
    """Canonical project field for a compact header label."""
    bare = YEAR.sub("", label)
    if re.fullmatch(r"(序号|编号|No\.?|序|顺序号)", bare, re.I):
        return "_seq"
    if _has(
        bare, "完成率", "完成比例", "占年度计划", "占计划", "投资进度", "完成进度", "计划完成率"
    ):
        return "completion_rate"
    if _has(bare, "项目名称", "工程名称", "建设项目") or bare in ("项目", "名称", "项目名"):
        return "name"
    if _has(bare, "总投资"):
        return "total_investment"
    if (
        _has(bare, "计划")
        and _has(bare, "投资", "计划额", "年度", "本年", "当年")
        and not _has(bare, "总")
    ):
        return "annual_plan"
    if _has(bare, "年度投资", "本年投资", "当年投资"):
        return "annual_plan"
    if _has(bare, "完成投资", "实际完成", "累计完成", "完成额", "已完成") or bare in (
        "完成",
        "实际",
    ):
        return "completed"
    if _has(bare, "投资来源", "资金来源", "投资主体", "投资类型", "资金性质") or bare == "来源":
        return "funding"
    if _has(bare, "建设性质", "建设阶段", "项目阶段", "项目状态") or bare in (
        "性质",
        "阶段",
        "状态",
    ):
        return "nature"
    if _has(bare, "板块", "领域", "行业", "项目类别", "产业类别", "所属类别") or bare in (
        "类别",
        "分类",
    ):
        return "sector"
    if _has(
        bare,
        "业主",
        "建设单位",
        "实施单位",
        "项目单位",
        "责任单位",
        "牵头单位",
        "责任部门",
        "主管部门",
    ):
        return "owner"
    if _has(bare, "区县", "所在地", "建设地点", "所在区", "属地") or bare in ("地区", "区域"):
        return "district"
    if _has(bare, "备注", "说明"):
        return "note"
    return None


# Words that only occur in one kind of table: they decide the kind when --kind is not given.
PROJECT_WORDS = (
    "项目名称",
    "总投资",
    "完成投资",
    "年度计划投资",
    "建设性质",
    "业主",
    "建设单位",
    "投资来源",
    "计划投资",
    "建设地点",
    "工程名称",
)
INDICATOR_WORDS = (
    "指标名称",
    "属性",
    "指标属性",
    "目标",
    "预期",
    "约束性",
    "预期性",
    "执行情况",
    "完成情况",
)

# ---- row shapes between the header and the footnotes ----------------------------------------
CATEGORY = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）]|第[一二三四五六七八九十]+[部类篇])\s*(.+)$"
)
COUNT_SUFFIX = re.compile(
    r"\s*[（(]\s*(?:共|计)?\s*\d+\s*(?:个|项|类|条)[^）)]*[)）]\s*$|\s*[：:]\s*$"
)
TOTAL = re.compile(r"^(?:全市|全省|全区|全县|全部|项目)?(?:总\s*计|合\s*计|小\s*计|总\s*体)")
SUB_ITEM = re.compile(r"^\s*(?:其\s*中\s*[：:]?|[#＃]\s*|[-—－]\s*其中[：:]?)\s*")
NUMBERING = re.compile(r"^\s*(?:[（(]\s*\d{1,3}\s*[)）]|\d{1,3}\s*[、.．](?!\d))\s*")
FOOTNOTE = re.compile(
    r"^\s*(?:注\s*[:：\d１-９①-⑨]|注\s*$|说明\s*[:：]|备注\s*[:：]|资料来源|数据来源|来源\s*[:：]|\*)"
)
ANNEX_LABEL = re.compile(
    r"^\s*附\s*件\s*[（(]?\s*[一二三四五六七八九十\d]*\s*[)）]?\s*$|^\s*附表\s*\d*\s*$"
)


def strip_category(text: str) -> str:
    """ "一、科技创新（15个）" → "科技创新"."""
    match = CATEGORY.match(text)
    body = match.group(1) if match else text
    return COUNT_SUFFIX.sub("", body).strip()
