"""Build the sample plan (Chongqing, execution year 2021, plan year 2022) reproducibly.

    python seeds/build_sample.py            # writes seeds/sample_plan.xlsx

Figures the seed report gives (shared/seeds/000_f01f2c485a3de1ed.txt) are kept exactly and
marked 报告原文; see REPORT_FIGURES, whose every number a test finds in the report's text.
Everything the report does not give — each of the 1,711 projects, most indicator values, which
binding indicator had which status — is sample data from a fixed random seed, marked 示例,
generated so that the rows add up exactly to the report's figures.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script from a checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workbench.core import provenance as prov
from workbench.core.compare.crosswalk_profiles import crosswalk_profile
from workbench.core.document import PlanDocument
from workbench.core.metadata import TableMeta, TableRole
from workbench.core.properties import DocumentProperties
from workbench.core.table import Table

SEED = 20211231
OUTPUT = Path(__file__).with_name("sample_plan.xlsx")
# The workbook's creation date, fixed (the report's date, not the build's) so that rebuilding
# gives the same bytes and leaves the committed file untouched; XlsxWriter already dates every
# zip entry 1980-01-31.
CREATED = datetime(2022, 1, 1, tzinfo=UTC)

# ---- figures quoted from the seed report (amounts in 亿元) ---------------------------------
REPORT_FIGURES = {
    "indicators_2021": 36,
    "binding_2021": 7,
    "expected_2021": 29,
    "indicators_2022": 35,
    "binding_2022": 6,
    "expected_2022": 29,
    "projects_2021": 861,
    "total_investment_2021": 26000.0,  # 2.6万亿元
    "completed_2021": 4093.0,
    "completion_rate_2021": 115.8,
    "completed_by_sector_2021": {
        "科技创新": 370.0,
        "成渝地区双城经济圈": 290.0,
        "产业提升": 603.0,
        "乡村振兴": 242.0,
        "城市提升": 2132.0,
        "生态能源": 221.0,
        "社会民生": 235.0,
    },
    "funding_2021": {  # count, completed, share of the annual plan (%)
        "政府投资": (269, 1349.0, 110.1),
        "企业投资": (592, 2744.0, 117.1),
    },
    "projects_2022": 850,
    "total_investment_2022": 25000.0,  # 约2.5万亿元
    "annual_plan_2022": 3570.0,
    "by_sector_2022": {  # count, annual planned investment
        "科技创新": (15, 14.0),
        "产业转型升级": (227, 781.0),
        "乡村振兴": (33, 113.0),
        "城市提升": (352, 2293.0),
        "生态环保": (53, 129.0),
        "社会民生": (170, 240.0),
    },
    "funding_2022": {"政府投资": (330, 1535.0), "企业投资": (520, 2035.0)},
    "preliminary_2022": (257, 13000.0),  # 前期论证项目, 约1.3万亿元
    "targets_2022": {
        "地区生产总值增长": "5.5%左右",
        "城镇调查失业率": "5.5%以内",
        "居民消费价格涨幅": "3%以内",
        "全体居民人均可支配收入增长": "7%左右",
        "单位地区生产总值能源消耗降低": "在“十四五”规划期内统筹考虑",
    },
}

# ---- indicators ---------------------------------------------------------------------------
# (category, name, unit, attribute, direction, 2021 target, 2021 actual, 2021 status,
#  2022 target).  Names are the standard ones of the plan annexes; values are sample data except
#  where REPORT_FIGURES names them.  Binding statuses: the report gives how many indicators
#  had each status (1 暂不执行, 1 统筹考虑, 1 目标未下达, 1 暂无统计数据, 3 完成), not which.
B, E = "约束性", "预期性"
INDICATORS = [
    ("经济发展", "地区生产总值增长", "%", E, None, "6%以上", 8.3, "完成", None),
    ("经济发展", "规模以上工业增加值增长", "%", E, None, "7%左右", 10.7, "完成", "7%左右"),
    ("经济发展", "服务业增加值增长", "%", E, None, "6.5%左右", 9.0, "完成", "6%左右"),
    ("经济发展", "固定资产投资增长", "%", E, None, "6%左右", 6.1, "完成", "6%左右"),
    ("经济发展", "社会消费品零售总额增长", "%", E, None, "8%左右", 18.5, "完成", "7%左右"),
    ("经济发展", "进出口总额增长", "%", E, None, "稳中提质", 22.8, "完成", "稳中提质"),
    (
        "经济发展",
        "实际利用外资",
        "亿美元",
        E,
        None,
        "100亿美元以上",
        106.7,
        "完成",
        "100亿美元以上",
    ),
    ("经济发展", "一般公共预算收入增长", "%", E, None, "4%左右", 9.1, "完成", "4%左右"),
    ("经济发展", "居民消费价格涨幅", "%", E, "lower", "3%左右", 0.3, "完成", None),
    (
        "经济发展",
        "民营经济增加值占地区生产总值的比重",
        "%",
        E,
        None,
        "60%以上",
        59.4,
        "未完成",
        "60%以上",
    ),
    ("经济发展", "常住人口城镇化率", "%", E, None, "70.2%", 70.3, "完成", "70.8%"),
    (
        "创新驱动",
        "全社会研发经费支出占地区生产总值比重",
        "%",
        E,
        None,
        "2.2%左右",
        2.21,
        "完成",
        "2.3%左右",
    ),
    ("创新驱动", "每万人口高价值发明专利拥有量", "件", E, None, "3.5件", 3.6, "完成", "4件"),
    ("创新驱动", "科技进步贡献率", "%", E, None, "59%", 59.5, "完成", "60%"),
    ("创新驱动", "高新技术企业数量", "家", E, None, "5000家以上", 5108, "完成", "5500家以上"),  # report line 360
    ("创新驱动", "数字经济增加值增长", "%", E, None, "15%左右", 16.0, "完成", "15%左右"),
    (
        "民生福祉",
        "全体居民人均可支配收入增长",
        "%",
        E,
        None,
        "与经济增长基本同步",
        9.7,
        "完成",
        None,
    ),
    ("民生福祉", "城镇调查失业率", "%", E, "lower", "5.5%左右", 5.0, "完成", None),
    ("民生福祉", "城镇新增就业", "万人", E, None, "60万人以上", 75.4, "完成", "60万人以上"),
    ("民生福祉", "劳动年龄人口平均受教育年限", "年", E, None, "11.1年", 11.1, "完成", "11.2年"),
    ("民生福祉", "每千人口拥有执业（助理）医师数", "人", E, None, "2.7人", 2.8, "完成", "2.9人"),
    ("民生福祉", "基本养老保险参保率", "%", E, None, "95%以上", 95.3, "完成", "95%以上"),
    ("民生福祉", "每千人口拥有3岁以下婴幼儿托位数", "个", E, None, "2个", 2.1, "完成", "2.5个"),
    ("民生福祉", "人均预期寿命", "岁", E, None, "78岁", 78.2, "完成", "78.3岁"),
    ("民生福祉", "居民人均住房面积", "平方米", E, None, "40平方米", 40.5, "完成", "41平方米"),
    (
        "绿色生态",
        "单位地区生产总值能源消耗降低",
        "%",
        B,
        None,
        "在“十四五”规划期内统筹考虑",
        None,
        "“十四五”期间统筹考虑",
        None,
    ),
    (
        "绿色生态",
        "能源消费总量",
        "万吨标准煤",
        B,
        "lower",
        "完成国家下达目标",
        None,
        "暂不执行",
        "—",
    ),
    (
        "绿色生态",
        "单位地区生产总值二氧化碳排放降低",
        "%",
        B,
        None,
        "完成国家下达目标",
        None,
        "国家暂未下达目标值",
        "完成国家下达目标",
    ),
    (
        "绿色生态",
        "主要污染物排放总量减少",
        "%",
        B,
        None,
        "完成国家下达目标",
        None,
        "暂无统计数据",
        "完成国家下达目标",
    ),
    ("绿色生态", "空气质量优良天数比率", "%", B, None, "88%以上", 89.6, "完成", "88%以上"),
    ("绿色生态", "地表水国控断面水质优良比例", "%", B, None, "95%以上", 100.0, "完成", "95%以上"),
    ("绿色生态", "森林覆盖率", "%", B, None, "54%", 54.5, "完成", "55%"),
    (
        "安全保障",
        "粮食综合生产能力",
        "万吨",
        E,
        None,
        "1080万吨以上",
        1092.8,
        "完成",
        "1080万吨以上",
    ),
    (
        "安全保障",
        "能源综合生产能力",
        "万吨标准煤",
        E,
        None,
        "2500万吨标准煤以上",
        2532,
        "完成",
        "2600万吨标准煤以上",
    ),
    (
        "安全保障",
        "亿元地区生产总值生产安全事故死亡率",
        "人",
        E,
        "lower",
        "0.03人以下",
        0.025,
        "完成",
        "0.03人以下",
    ),
    (
        "安全保障",
        "政府债务率",
        "%",
        E,
        "lower",
        "控制在警戒线以内",
        88.0,
        "完成",
        "控制在警戒线以内",
    ),
]
# 2020 actuals shown as the base of 附件（一）: sample data (a few match public figures).
BASE_2020 = {
    "地区生产总值增长": 3.9,
    "规模以上工业增加值增长": 5.8,
    "服务业增加值增长": 2.9,
    "固定资产投资增长": 3.9,
    "社会消费品零售总额增长": 1.3,
    "进出口总额增长": 12.5,
    "实际利用外资": 102.7,
    "一般公共预算收入增长": -1.9,
    "居民消费价格涨幅": 2.3,
    "民营经济增加值占地区生产总值的比重": 59.6,
    "常住人口城镇化率": 69.5,
    "全社会研发经费支出占地区生产总值比重": 2.11,
    "每万人口高价值发明专利拥有量": 3.0,
    "科技进步贡献率": 58.5,
    "高新技术企业数量": 4222,
    "数字经济增加值增长": 18.3,
    "全体居民人均可支配收入增长": 6.6,
    "城镇调查失业率": 5.4,
    "城镇新增就业": 70.2,
    "劳动年龄人口平均受教育年限": 11.0,
    "每千人口拥有执业（助理）医师数": 2.6,
    "基本养老保险参保率": 95.0,
    "每千人口拥有3岁以下婴幼儿托位数": 1.6,
    "人均预期寿命": 78.0,
    "居民人均住房面积": 39.5,
    "空气质量优良天数比率": 91.0,
    "地表水国控断面水质优良比例": 100.0,
    "森林覆盖率": 52.5,
    "粮食综合生产能力": 1081.4,
    "能源综合生产能力": 2453,
    "亿元地区生产总值生产安全事故死亡率": 0.027,
    "政府债务率": 86.0,
}
# 能源消费总量 was dropped in 2022 ("优化调整后的指标共计35项"); its 2022 target is "—".
DROPPED_2022 = {"能源消费总量"}
NAMED_IN_REPORT = {"民营经济增加值占地区生产总值的比重"} | set(REPORT_FIGURES["targets_2022"])

# ---- projects -----------------------------------------------------------------------------
COUNTS_2021 = {  # sample: the report gives the completed money per 板块, not the counts
    "科技创新": 40,
    "成渝地区双城经济圈": 35,
    "产业提升": 230,
    "乡村振兴": 45,
    "城市提升": 330,
    "生态能源": 66,
    "社会民生": 115,
}
GOVERNMENT_SHARE = {  # sample: how much of each sector is government-funded
    "科技创新": 0.45,
    "成渝地区双城经济圈": 0.5,
    "产业提升": 0.08,
    "产业转型升级": 0.08,
    "乡村振兴": 0.6,
    "城市提升": 0.3,
    "生态能源": 0.45,
    "生态环保": 0.55,
    "社会民生": 0.75,
}
DISTRICTS = (
    "万州区 黔江区 涪陵区 渝中区 大渡口区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 綦江区 大足区 渝北区 "
    "巴南区 长寿区 江津区 合川区 永川区 南川区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平区 武隆区 城口县 "
    "丰都县 垫江县 忠县 云阳县 奉节县 巫山县 巫溪县 石柱县 秀山县 酉阳县 彭水县 两江新区 西部科学城重庆高新区"
).split()
SUBJECTS = {
    "科技创新": ["科学中心", "重点实验室", "科技创新基地", "技术研究院", "中试熟化平台", "科创园"],
    "成渝地区双城经济圈": [
        "川渝合作示范园",
        "毗邻地区合作平台",
        "双城快速通道",
        "协同创新中心",
        "产业合作园",
    ],
    "产业提升": [
        "智能制造基地",
        "汽车零部件产业园",
        "电子信息产业园",
        "新材料生产线",
        "生物医药产业园",
        "技术改造",
    ],
    "产业转型升级": [
        "智能制造基地",
        "新能源汽车产业园",
        "电子信息产业园",
        "新材料生产线",
        "生物医药产业园",
        "技术改造",
    ],
    "乡村振兴": [
        "高标准农田",
        "农村人居环境整治",
        "现代农业产业园",
        "乡村旅游基础设施",
        "农产品冷链物流",
    ],
    "城市提升": [
        "城市快速路",
        "轨道交通线",
        "城市更新片区",
        "综合管廊",
        "污水处理厂",
        "跨江大桥",
        "高速公路",
    ],
    "生态能源": ["抽水蓄能电站", "输变电工程", "天然气管网", "风电场", "光伏电站", "生态修复"],
    "生态环保": ["流域综合治理", "生态修复", "固废处置中心", "湿地保护", "污水管网改造"],
    "社会民生": [
        "人民医院",
        "中学新建",
        "职业教育中心",
        "养老服务中心",
        "保障性租赁住房",
        "体育中心",
    ],
}
NATURES_2021 = (("续建", 0.55), ("新开工", 0.3), ("竣工", 0.15))
NATURES_2022 = (("续建", 0.6), ("新开工", 0.4))
WAN = 10000  # 万元 per 亿元: money is generated in whole 万元 so sums are exact


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split an integer total by weights exactly (largest remainder)."""
    weight_sum = sum(weights)
    raw = [total * w / weight_sum for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def allocate_min(total: int, weights: list[float], minimum: int) -> list[int]:
    """As `allocate`, but every part gets at least `minimum`."""
    base = minimum * len(weights)
    if base > total:
        raise ValueError("minimum too large for the total")
    return [minimum + p for p in allocate(total - base, weights)]


def split_by_funding(
    sectors: dict[str, tuple[int, int]], funding: dict[str, tuple[int, int]]
) -> dict[tuple[str, str], tuple[int, int]]:
    """A (sector × funding) table of counts and money whose margins are both exact."""
    names = list(sectors)
    gov_count, gov_money = funding["政府投资"]
    shares = [GOVERNMENT_SHARE[s] for s in names]
    counts = allocate(gov_count, [sectors[s][0] * sh for s, sh in zip(names, shares, strict=True)])
    counts = [min(max(c, 1), sectors[s][0] - 1) for c, s in zip(counts, names, strict=True)]
    counts = _fix_margin(counts, gov_count, [sectors[s][0] - 1 for s in names])
    money = allocate(gov_money, [sectors[s][1] * sh for s, sh in zip(names, shares, strict=True)])
    caps = [sectors[s][1] - (sectors[s][0] - c) * 50 for s, c in zip(names, counts, strict=True)]
    money = [max(min(m, cap), c * 50) for m, cap, c in zip(money, caps, counts, strict=True)]
    money = _fix_margin(money, gov_money, caps)
    out = {}
    for s, c, m in zip(names, counts, money, strict=True):
        out[(s, "政府投资")] = (c, m)
        out[(s, "企业投资")] = (sectors[s][0] - c, sectors[s][1] - m)
    return out


def _fix_margin(parts: list[int], total: int, caps: list[int]) -> list[int]:
    parts = list(parts)
    i = 0
    while sum(parts) != total:
        j = i % len(parts)
        if sum(parts) < total and parts[j] < caps[j]:
            parts[j] += 1
        elif sum(parts) > total and parts[j] > 1:
            parts[j] -= 1
        i += 1
    return parts


class NameMaker:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def make(self, sector: str, district: str) -> str:
        subject = self.rng.choice(SUBJECTS[sector])
        name = f"{district}{subject}项目"
        phase = 1
        while name in self.used:
            phase += 1
            name = f"{district}{subject}项目（{_cn_phase(phase)}期）"
        self.used.add(name)
        return name


def _cn_phase(n: int) -> str:
    from workbench.io.writing.print_layout import ordinal

    return ordinal(n)


def _pick(rng: random.Random, options: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def build_projects(
    rng: random.Random,
    table: Table,
    cells: dict[tuple[str, str], tuple[int, int]],
    *,
    executed: bool,
    plan_by_funding: dict[str, int],
    total_investment: int,
) -> None:
    """Fill a project table. For an execution year `cells` holds completed money and the
    annual plans are derived from the funding-level completion rates; for a plan year it
    holds the annual plan."""
    names = NameMaker(rng)
    rows: list[dict] = []
    for (sector, funding), (count, money) in cells.items():
        if count == 0:
            continue
        weights = [rng.lognormvariate(0, 1.0) for _ in range(count)]
        amounts = allocate_min(money, weights, 50)  # at least 50万元 each
        for amount in amounts:
            district = rng.choice(DISTRICTS)
            rows.append(
                {
                    "name": names.make(sector, district),
                    "sector": sector,
                    "funding": funding,
                    "nature": _pick(rng, NATURES_2021 if executed else NATURES_2022),
                    "_money": amount,
                    "district": district,
                    "owner": f"{district}人民政府"
                    if funding == "政府投资"
                    else rng.choice(
                        ["市属国有企业", "民营企业", "中央在渝企业", "外资企业", "混合所有制企业"]
                    ),
                }
            )
    if executed:
        for funding, plan_total in plan_by_funding.items():
            group = [r for r in rows if r["funding"] == funding]
            raw = [r["_money"] / rng.uniform(0.75, 1.45) for r in group]
            for r, plan in zip(group, allocate_min(plan_total, raw, 50), strict=True):
                r["_plan"] = plan
    else:
        for r in rows:
            r["_plan"] = r["_money"]
    multipliers = [r["_plan"] * rng.uniform(2.0, 14.0) for r in rows]
    totals = allocate(total_investment, multipliers)
    for r, total in zip(rows, totals, strict=True):
        total = max(total, r["_plan"], r["_money"])
        r["_total"] = total
    # max() above may have nudged a few totals up: take the excess back from the largest.
    excess = sum(r["_total"] for r in rows) - total_investment
    for r in sorted(rows, key=lambda r: r["_total"], reverse=True):
        if excess <= 0:
            break
        room = r["_total"] - max(r["_plan"], r["_money"])
        take = min(room, excess)
        r["_total"] -= take
        excess -= take
    order = {s: i for i, s in enumerate(dict.fromkeys(s for s, _ in cells))}
    rows.sort(key=lambda r: (order[r["sector"]], -r["_total"]))
    for r in rows:
        plan = r["_plan"] / WAN
        completed = r["_money"] / WAN if executed else None
        table.append(
            {
                "name": r["name"],
                "sector": r["sector"],
                "funding": r["funding"],
                "nature": r["nature"],
                "total_investment": r["_total"] / WAN,
                "annual_plan": plan,
                "completed": completed,
                "completion_rate": round(r["_money"] / r["_plan"] * 100, 1) if executed else None,
                "owner": r["owner"],
                "district": r["district"],
                "note": None,
            }
        )


def _money(amount: float) -> int:
    return round(amount * WAN)


def build_indicators(doc: PlanDocument) -> None:
    y0, y1 = doc.exec_year, doc.plan_year
    execution = Table(
        id="indicators_2021",
        kind="indicators",
        title=f"重庆市{y0}年国民经济和社会发展计划主要指标执行情况",
        sheet_name=f"附件一 {y0}年指标执行",
        year=y0,
        meta=TableMeta(annex_label="附件（一）", role=TableRole.EXECUTION),
        notes=[
            f"注：指标总数（36项）、约束性与预期性指标个数及完成情况的个数来自{y0}年计划执行情况报告；"
            "约束性指标中各状况对应的具体指标、各项目标值与执行数为示例数据。",
        ],
    )
    plan = Table(
        id="indicators_2022",
        kind="indicators",
        title=f"重庆市{y1}年国民经济和社会发展计划主要指标",
        sheet_name=f"附件二 {y1}年指标计划",
        year=y1,
        meta=TableMeta(annex_label="附件（二）", role=TableRole.PLAN),
        notes=[
            f"注：指标总数（35项）、约束性与预期性指标个数，以及地区生产总值、城镇调查失业率、居民消费价格、"
            f"居民收入、能耗强度和高新技术企业数量的{y1}年目标来自报告原文；其余为示例数据。",
        ],
    )
    for category, name, unit, attribute, direction, t21, a21, s21, t22 in INDICATORS:
        named = name in NAMED_IN_REPORT
        row_prov = {"name": prov.REPORT} if named else {}
        if attribute == E:  # the report says which expected indicator fell short
            row_prov["status"] = prov.REPORT
        execution.append(
            {
                "category": category,
                "name": name,
                "unit": unit,
                "attribute": attribute,
                "base": BASE_2020.get(name),
                "target": t21,
                "actual": a21,
                "status": s21,
                "note": None,
                "direction": direction,
            },
            row_prov,
        )
        if name in DROPPED_2022:
            continue
        target = REPORT_FIGURES["targets_2022"].get(name, t22)
        plan_prov = {"name": prov.REPORT} if named else {}
        if name in REPORT_FIGURES["targets_2022"]:
            plan_prov["target"] = prov.REPORT
        plan.append(
            {
                "category": category,
                "name": name,
                "unit": unit,
                "attribute": attribute,
                "base": a21,
                "target": target,
                "actual": None,
                "status": None,
                "note": None,
                "direction": direction,
            },
            plan_prov,
        )
    doc.add_table(execution)
    doc.add_table(plan)


def _summary(
    table_id: str, title: str, sheet: str, year: int, source: str, by: str, notes: list[str]
) -> Table:
    return Table(
        id=table_id,
        kind="summary",
        title=title,
        sheet_name=sheet,
        year=year,
        unit="亿元",
        default_provenance=prov.REPORT,
        meta=TableMeta(source=source, by=by, partition=True),
        notes=notes,
    )


def build(seed: int = SEED) -> PlanDocument:
    rng = random.Random(seed)
    f = REPORT_FIGURES
    doc = PlanDocument(
        region="重庆市",
        exec_year=2021,
        plan_year=2022,
        title="重庆市2021年国民经济和社会发展计划执行情况与2022年计划草案（示例）",
        # A Chongqing plan: its 2021 板块 → 2022 领域 renames are the profile its reviewer picks.
        properties=DocumentProperties(
            crosswalk=crosswalk_profile("chongqing_2021_2022").crosswalk,
            extra={
                "sample": True,
                "seed": seed,
                "source": "重庆市2021年国民经济和社会发展计划执行情况与2022年计划草案的报告（报纸摘登）",
            },
        ),
    )
    build_indicators(doc)

    # 2021: completed money per 板块 and per source of funds are report figures.
    sectors_2021 = {
        s: (COUNTS_2021[s], _money(v)) for s, v in f["completed_by_sector_2021"].items()
    }
    funding_2021 = {k: (c, _money(m)) for k, (c, m, _) in f["funding_2021"].items()}
    # Annual plan per source of funds implied by the stated shares (110.1%, 117.1%).
    plan_2021 = {k: _money(round(m / (r / 100), 2)) for k, (_, m, r) in f["funding_2021"].items()}
    projects_2021 = Table(
        id="projects_2021",
        kind="projects",
        title="重庆市2021年市级重大建设项目执行情况",
        sheet_name="2021年重大项目",
        year=2021,
        unit="亿元",
        notes=["注：项目名称及逐项数据为示例数据，按板块、投资来源的完成投资合计与报告原文一致。"],
    )
    build_projects(
        rng,
        projects_2021,
        split_by_funding(sectors_2021, funding_2021),
        executed=True,
        plan_by_funding=plan_2021,
        total_investment=_money(f["total_investment_2021"]),
    )
    doc.add_table(projects_2021)

    sectors_2022 = {s: (c, _money(v)) for s, (c, v) in f["by_sector_2022"].items()}
    funding_2022 = {k: (c, _money(v)) for k, (c, v) in f["funding_2022"].items()}
    projects_2022 = Table(
        id="projects_2022",
        kind="projects",
        title="重庆市2022年市级重大建设项目计划",
        sheet_name="2022年重大项目",
        year=2022,
        unit="亿元",
        notes=[
            "注：项目名称及逐项数据为示例数据，按领域、投资来源的项目个数与年度计划投资合计与报告原文一致。"
        ],
    )
    build_projects(
        rng,
        projects_2022,
        split_by_funding(sectors_2022, funding_2022),
        executed=False,
        plan_by_funding={},
        total_investment=_money(f["total_investment_2022"]),
    )
    doc.add_table(projects_2022)

    s21 = _summary(
        "summary_2021_sector",
        "2021年市级重大建设项目完成投资（按板块）",
        "2021年项目按板块",
        2021,
        "projects_2021",
        "sector",
        [
            "注：报告称“占年度计划的115.8%”；按投资来源所列比例推算的年度计划合计与之口径不同，详见审核。"
        ],
    )
    for sector, completed in f["completed_by_sector_2021"].items():
        s21.append({"group": sector, "completed": completed})
    s21.append(
        {
            "group": "合计",
            "count": f["projects_2021"],
            "total_investment": f["total_investment_2021"],
            "completed": f["completed_2021"],
            "completion_rate": f["completion_rate_2021"],
        }
    )
    doc.add_table(s21)

    s21f = _summary(
        "summary_2021_funding",
        "2021年市级重大建设项目完成投资（按投资来源）",
        "2021年项目按来源",
        2021,
        "projects_2021",
        "funding",
        [],
    )
    for funding, (count, completed, share) in f["funding_2021"].items():
        s21f.append(
            {"group": funding, "count": count, "completed": completed, "completion_rate": share}
        )
    s21f.append(
        {
            "group": "合计",
            "count": f["projects_2021"],
            "total_investment": f["total_investment_2021"],
            "completed": f["completed_2021"],
            "completion_rate": f["completion_rate_2021"],
        }
    )
    doc.add_table(s21f)

    s22 = _summary(
        "summary_2022_sector",
        "2022年市级重大建设项目年度计划投资（按领域）",
        "2022年项目按领域",
        2022,
        "projects_2022",
        "sector",
        [
            f"注：另计划推进市级前期论证项目{f['preliminary_2022'][0]}个，总投资约1.3万亿元（未列入本表）。"
        ],
    )
    for sector, (count, planned) in f["by_sector_2022"].items():
        s22.append({"group": sector, "count": count, "annual_plan": planned})
    s22.append(
        {
            "group": "合计",
            "count": f["projects_2022"],
            "total_investment": f["total_investment_2022"],
            "annual_plan": f["annual_plan_2022"],
        }
    )
    doc.add_table(s22)

    s22f = _summary(
        "summary_2022_funding",
        "2022年市级重大建设项目年度计划投资（按投资来源）",
        "2022年项目按来源",
        2022,
        "projects_2022",
        "funding",
        [],
    )
    for funding, (count, planned) in f["funding_2022"].items():
        s22f.append({"group": funding, "count": count, "annual_plan": planned})
    s22f.append(
        {
            "group": "合计",
            "count": f["projects_2022"],
            "total_investment": f["total_investment_2022"],
            "annual_plan": f["annual_plan_2022"],
        }
    )
    doc.add_table(s22f)
    return doc


def main(argv: list[str] | None = None) -> int:
    from workbench.io.native.plan_file import save_plan

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else OUTPUT
    save_plan(build(), out, created=CREATED)
    print(f"已生成示例计划：{out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
