"""Target phrasings quoted from published plan reports and government work reports.

Each entry: (indicator, target as written, expected reading, source URL). The expected reading
lists only the fields that matter: op, value, low, high, unit, ref, relation. Phrasings are the
target part of the sentence as a plan annex writes it in its 目标 column; where a report wrote
the indicator and target in one clause the clause is kept whole.
"""

NATIONAL_2024 = "http://big5.china.com.cn/gate/big5/finance.china.com.cn/news/special/lianghui2024/20240305/6088246.shtml"
NATIONAL_2025 = "http://m.igo9go.com/gn/2025/03-05/10377898.shtml"
NATIONAL_2018 = "https://j637.cn/politics/2018lh/2018-03/22/c_1122575453.htm"
NATIONAL_2022 = "http://925eat.com/a/601297.html"
NATIONAL_2017 = "https://www.ppdoc.com/periodical/9aee2252f3e95f5ab257375f84cd7e58.html"
NATIONAL_2026 = "https://www.am730.com.hk/%E4%B8%AD%E5%9C%8B/1015794/"
NATIONAL_2015 = "http://big5.www.gov.cn/gate/big5/www.gov.cn/2015-03/05/content_2826812.htm"
NATIONAL_2021 = "http://hbwmpx.com/hbwmpx/gjscxx/fxyjts/101633683364923.html"
NATIONAL_2016_FYP = "http://redtowerstudio.com/xwzx/2016-03/07/content_211241.htm"
NATIONAL_2023_REVIEW = "https://big5.sputniknews.cn/amp/20230305/1048430403.html"
POPULATION_FYP12 = "http://m.shockplant.com/women/2012-04/12/content_8183059.htm"
FUZHOU_2026 = "https://news.fznews.com.cn/fzyw/20260121/KV7VbdD6Yy.shtml"
ZHANGZHOU_2010 = "https://159sucan.com/ShowInfo.aspx?id=25686"
CHENGDU_2018 = "http://m.ship-bio.com/articles/2018-03-20/1200732.html"
GUANGZHOU_2018 = "http://hkwb.net/news/content/2018-01/11/content_3444361.htm"
SHANGHAI_2019 = "http://dzb.whb.cn/html/2019-01/28/content_750741.html"
CENTRAL_CAPITALS_2023 = "http://bbs.ng28sports-web.com/news/771f19399035.html"
XIANYANG_2023 = "http://m.86917.com/baoji/4214.html"
ANHUI_CITY_2017 = "http://m.sxsjbj.com/reports/2017-02/21/content_40327814_5.htm"
GUIYANG_2005 = "http://news.sina.com.cn/o/2005-03-02/12405245952s.shtml"
HENAN_2010 = "http://www.ttshopping.net/yilunfuxi/587392.html"
FUJIAN_2013 = "http://district.ce.cn/newarea/roll/201303/05/t20130305_720123.shtml"
BEIJING_2019 = "http://www.71.cn/2020/0112/1073264.shtml"
KEY_REGIONS_2020 = "http://athenaoem.com.cn/tech/2020-04/24/content_41134007.htm"
JIANGSU_GAS = "http://m.perth-seo.com/news/show.php?itemid=5069"
MAANSHAN_CHILDCARE = (
    "https://www.masys.gov.cn/xxgk/openness/detail/content/629479f4886688d64a8b4590.html"
)
ISSUE_11 = "issue 11 (a department's annex, quoted in the issue)"


def A(value, unit="%"):  # noqa: N802 - short constructors keep the table readable
    return {"op": "approx", "value": value, "unit": unit}


def GE(value, unit="%"):  # noqa: N802
    return {"op": "at_least", "value": value, "low": value, "unit": unit}


def LE(value, unit="%"):  # noqa: N802
    return {"op": "at_most", "value": value, "high": value, "unit": unit}


def EQ(value, unit="%"):  # noqa: N802
    return {"op": "equal", "value": value, "unit": unit}


def RANGE(low, high, unit="%"):  # noqa: N802
    return {"op": "range", "low": low, "high": high, "unit": unit}


def REL(ref, relation, value=None):  # noqa: N802
    return {"op": "relative", "ref": ref, "relation": relation, "value": value}


QUALITATIVE = {"op": "qualitative"}
SEVERAL = {"op": "qualitative", "uncertain": True}

PHRASINGS = [
    # ---- national government work reports ----
    ("国内生产总值增长", "5%左右", A(5), NATIONAL_2024),
    ("城镇新增就业", "1200万人以上", GE(1200, "万人"), NATIONAL_2024),
    ("城镇调查失业率", "5.5%左右", A(5.5), NATIONAL_2024),
    ("居民消费价格涨幅", "3%左右", A(3), NATIONAL_2024),
    ("居民收入增长", "居民收入增长和经济增长同步", REL("经济增长", "sync"), NATIONAL_2024),
    ("粮食产量", "1.3万亿斤以上", GE(1.3, "万亿斤"), NATIONAL_2024),
    ("单位国内生产总值能耗降低", "2.5%左右", A(2.5), NATIONAL_2024),
    ("居民消费价格涨幅", "2%左右", A(2), NATIONAL_2025),
    ("粮食产量", "1.4万亿斤左右", A(1.4, "万亿斤"), NATIONAL_2025),
    ("单位国内生产总值能耗降低", "3%左右", A(3), NATIONAL_2025),
    ("国内生产总值增长", "6.5%左右", A(6.5), NATIONAL_2018),
    ("城镇新增就业", "1100万人以上", GE(1100, "万人"), NATIONAL_2018),
    ("城镇调查失业率", "5.5%以内", LE(5.5), NATIONAL_2018),
    ("城镇登记失业率", "4.5%以内", LE(4.5), NATIONAL_2018),
    ("居民收入增长", "和经济增长基本同步", REL("经济增长", "sync"), NATIONAL_2018),
    ("单位国内生产总值能耗下降", "3%以上", GE(3), NATIONAL_2018),
    ("主要污染物排放量", "继续下降", QUALITATIVE, NATIONAL_2018),
    ("国内生产总值增长", "5.5%左右", A(5.5), NATIONAL_2022),
    ("城镇调查失业率", "控制在5.5%以内", LE(5.5), NATIONAL_2022),
    ("粮食产量", "保持在1.3万亿斤以上", GE(1.3, "万亿斤"), NATIONAL_2022),
    ("能耗强度", "能耗强度目标在“十四五”规划期内统筹考核", QUALITATIVE, NATIONAL_2022),
    ("居民收入增长", "与经济增长基本同步", REL("经济增长", "sync"), NATIONAL_2022),
    ("进出口", "促稳提质", QUALITATIVE, NATIONAL_2022),
    ("国际收支", "基本平衡", QUALITATIVE, NATIONAL_2022),
    ("单位国内生产总值能耗下降", "3.4%以上", GE(3.4), NATIONAL_2017),
    ("国内生产总值增长", "4.5%至5%", RANGE(4.5, 5), NATIONAL_2026),
    ("全社会研发经费投入", "年均增长7%以上", GE(7), NATIONAL_2026),
    ("居民消费价格升幅", "2%左右", A(2), NATIONAL_2026),
    ("国内生产总值增长", "7%左右", A(7), NATIONAL_2015),
    ("城镇新增就业", "1000万人以上", GE(1000, "万人"), NATIONAL_2015),
    ("进出口增长", "6%左右", A(6), NATIONAL_2015),
    ("居民收入增长", "与经济发展同步", REL("经济发展", "sync"), NATIONAL_2015),
    ("能耗强度下降", "3.1%以上", GE(3.1), NATIONAL_2015),
    ("城镇调查失业率", "全年控制在5.5%以内", LE(5.5), NATIONAL_2021),
    ("经济年均增长", "保持在6.5%以上", GE(6.5), NATIONAL_2016_FYP),
    ("全员劳动生产率", "从人均8.7万元提高到12万元以上", GE(12, "万元"), NATIONAL_2016_FYP),
    ("研发经费投入强度", "从2.1%提高到2.5%以上", GE(2.5), NATIONAL_2023_REVIEW),
    ("科技进步贡献率", "提高到60%以上", GE(60), NATIONAL_2023_REVIEW),
    ("常住人口城镇化率", "从60.2%提高到65.2%", GE(65.2), NATIONAL_2023_REVIEW),
    ("新产业新业态新模式增加值占比", "达到17%以上", GE(17), NATIONAL_2023_REVIEW),
    # ---- population plans: ‰, 亿, per 100 000, ages inside the phrase ----
    ("人口年均自然增长率", "控制在7.2‰以内", LE(7.2, "‰"), POPULATION_FYP12),
    ("全国总人口", "控制在13.9亿人以内", LE(13.9, "亿人"), POPULATION_FYP12),
    ("婴儿死亡率", "降到12‰", LE(12, "‰"), POPULATION_FYP12),
    ("孕产妇死亡率", "降到22/10万", LE(22, "/10万"), POPULATION_FYP12),
    (
        "国民平均受教育年限",
        "15岁以上国民平均受教育年限达到9.3年",
        GE(9.3, "年"),
        POPULATION_FYP12,
    ),
    ("人均预期寿命", "达到74.5岁", GE(74.5, "岁"), POPULATION_FYP12),
    ("出生人口性别比", "下降至115以下", LE(115, None), POPULATION_FYP12),
    ("年末总人口", "控制在1.01亿以内", LE(1.01, "亿"), HENAN_2010),
    ("人口出生率", "控制在12.65‰以内", LE(12.65, "‰"), HENAN_2010),
    ("人口自增率", "控制在6.5‰以内", LE(6.5, "‰"), HENAN_2010),
    ("人口出生率", "控制在12‰以内", LE(12, "‰"), GUIYANG_2005),
    ("生育政策符合率", "达到93.5%以上", GE(93.5), GUIYANG_2005),
    ("出生人口性别比", "控制在103—108/100", RANGE(103, 108, None), GUIYANG_2005),
    ("综合避孕及时率", "达到100%", GE(100), GUIYANG_2005),
    ("群众满意率", "达到90%以上", GE(90), GUIYANG_2005),
    ("总人口", "控制在3790万人以内", LE(3790, "万人"), FUJIAN_2013),
    ("人口自然增长率", "控制在8.1‰以内", LE(8.1, "‰"), FUJIAN_2013),
    ("出生人口性别比", "控制在115%以内", LE(115), FUJIAN_2013),
    # ---- environment: units the list did not know, numbers inside names ----
    ("细颗粒物年均浓度", "降至42微克/立方米", LE(42, "微克/立方米"), BEIJING_2019),
    ("PM2.5平均浓度", "PM2.5平均浓度同比下降4%", EQ(4), KEY_REGIONS_2020),
    ("重污染天数", "同比减少6%", EQ(6), KEY_REGIONS_2020),
    ("单位地区生产总值能耗、水耗", "分别下降4%和3%左右", SEVERAL, BEIJING_2019),
    ("天然气供应总量", "达到270亿方", GE(270, "亿方"), JIANGSU_GAS),
    ("托育服务", "可提供3岁以下婴幼儿托位446个", EQ(446, "个"), MAANSHAN_CHILDCARE),
    # ---- provincial capitals and cities ----
    ("地区生产总值增长", "5.5%左右，在实际工作中努力争取更好结果", A(5.5), FUZHOU_2026),
    ("规上工业增加值增长", "6.5%", EQ(6.5), FUZHOU_2026),
    ("地方一般公共预算收入增长", "2.5%", EQ(2.5), FUZHOU_2026),
    ("固定资产投资增速", "高于全省平均水平", REL("全省平均水平", "above"), FUZHOU_2026),
    ("社会消费品零售总额增长", "5.5%", EQ(5.5), FUZHOU_2026),
    ("出口总额增长", "4%", EQ(4), FUZHOU_2026),
    ("实际利用外资增长", "6%", EQ(6), FUZHOU_2026),
    (
        "城镇、农村居民人均可支配收入",
        "与经济增长基本保持同步",
        REL("经济增长", "sync"),
        FUZHOU_2026,
    ),
    ("单位地区生产总值二氧化碳排放降幅", "完成省下达目标", QUALITATIVE, FUZHOU_2026),
    ("地区生产总值增长", "13%", EQ(13), ZHANGZHOU_2010),
    ("地方级财政收入增长", "16%", EQ(16), ZHANGZHOU_2010),
    ("规模工业增加值增长", "18%", EQ(18), ZHANGZHOU_2010),
    ("农业总产值增长", "4.5%", EQ(4.5), ZHANGZHOU_2010),
    ("全社会固定资产投资增长", "30%", EQ(30), ZHANGZHOU_2010),
    ("居民消费价格总水平涨幅", "控制在4%左右", A(4), ZHANGZHOU_2010),
    ("城镇登记失业率", "控制在4.3%以内", LE(4.3), ZHANGZHOU_2010),
    ("城镇居民人均可支配收入", "实际增长8%", EQ(8), ZHANGZHOU_2010),
    ("节能减排指标", "控制在省政府下达的范围之内", QUALITATIVE, ZHANGZHOU_2010),
    ("地区生产总值增长", "7.5%", EQ(7.5), CHENGDU_2018),
    ("地方一般公共预算收入", "增速与经济增速同步", REL("经济增速", "sync"), CHENGDU_2018),
    ("城乡居民人均可支配收入", "分别增长8%、9%", SEVERAL, CHENGDU_2018),
    ("全社会研发投入增长", "12%", EQ(12), CHENGDU_2018),
    ("万元地区生产总值能耗", "进一步降低", QUALITATIVE, CHENGDU_2018),
    ("居民消费价格上涨", "控制在3%左右", A(3), CHENGDU_2018),
    ("城镇登记失业率", "控制在4%以内", LE(4), CHENGDU_2018),
    ("地区生产总值增长", "7.5%左右", A(7.5), GUANGZHOU_2018),
    ("固定资产投资增长", "11%左右", A(11), GUANGZHOU_2018),
    ("先进制造业增加值占制造业比重", "达到66%左右", A(66), GUANGZHOU_2018),
    ("研发经费支出占地区生产总值比重", "达到2.7%", GE(2.7), GUANGZHOU_2018),
    ("地方一般公共预算收入", "可比增长7.5%", EQ(7.5), GUANGZHOU_2018),
    ("全市生产总值增长", "6%-6.5%", RANGE(6, 6.5), SHANGHAI_2019),
    ("研发经费支出相当于全市生产总值的比例", "保持在4%左右", A(4), SHANGHAI_2019),
    ("城镇调查失业率和登记失业率", "稳定在4.3%左右", A(4.3), SHANGHAI_2019),
    ("居民消费价格指数", "与国家价格调控目标保持衔接", QUALITATIVE, SHANGHAI_2019),
    ("环保投入相当于全市生产总值的比例", "保持在3%左右", A(3), SHANGHAI_2019),
    ("地区生产总值增长", "6.5%以上", GE(6.5), CENTRAL_CAPITALS_2023),
    ("规模以上工业增加值增长", "8%以上", GE(8), CENTRAL_CAPITALS_2023),
    ("固定资产投资增长", "15%", EQ(15), CENTRAL_CAPITALS_2023),
    ("地区生产总值增长", "7%左右", A(7), CENTRAL_CAPITALS_2023),
    ("生产总值增长", "6%左右", A(6), XIANYANG_2023),
    ("一般公共预算收入增长", "4%左右", A(4), XIANYANG_2023),
    ("城乡居民人均可支配收入", "分别增长7%、8%左右", SEVERAL, XIANYANG_2023),
    ("粮食产量", "保持在180万吨以上", GE(180, "万吨"), XIANYANG_2023),
    ("规上工业增加值增长", "11%以上", GE(11), ANHUI_CITY_2017),
    (
        "财政收入和城乡居民人均可支配收入",
        "与地区生产总值同步增长",
        REL("地区生产总值", "sync"),
        ANHUI_CITY_2017,
    ),
    ("城镇登记失业率", "控制在4.4%以内", LE(4.4), ANHUI_CITY_2017),
    ("节能减排", "完成节能减排任务", QUALITATIVE, ANHUI_CITY_2017),
    # ---- classes the issue names ----
    (
        "城镇居民人均可支配收入增速",
        "高于全国平均水平0.5个百分点以上",
        {**REL("全国平均水平", "offset", 0.5), "at_least": True},
        ISSUE_11,
    ),
    ("单位地区生产总值能耗降低", "完成省定目标3.2%", EQ(3.2), ISSUE_11),
    ("单位地区生产总值能耗降低", "国家下达-5%", EQ(-5), ISSUE_11),
    ("城镇调查失业率", "约5.5%", A(5.5), ISSUE_11),
]
