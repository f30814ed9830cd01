<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>审核年度计划报告附件：指标执行、重大项目与汇总表。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于{app_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;版本 {version}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;本程序随附的字体与程序库各有其许可证，见“许可证”页。Qt 与 Qt for Python（PySide6）按 GNU LGPL 第 3 版使用，未作修改。&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>许可证</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} {version}
许可证：{licence}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（该组件未随附许可证文本；许可证名称见上。）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>目标解析：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>保存图片…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此表没有可用的图表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>点击柱形或点可选中对应的行；在表格中选中行会突出显示其图形</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存图片</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已复制图表，可直接粘贴到 WPS/Word/Excel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对“{row_name}”的意见（可多行）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写下存疑或退回的理由…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}（旧）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}（新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已拒绝）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原值：{v}
新值：{v2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>比较：{other_name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合并(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>并排(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标对照(&amp;Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件一与附件二逐项对照：上年目标、实际、下年目标、步长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只看差异(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前文档：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对比 {other_name}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采纳(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采纳本组(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝本组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表(&amp;W)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>多年序列(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>再选几个年度的计划文件，逐项看历年实际与下年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采纳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只采纳当前单元格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已拒绝 {n_rejected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法采纳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前文档为只读，或修改未通过校验</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrosswalkEditor</name>
    <message>
        <source>板块/领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表（更名与归并）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新名称（空为无对应）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>添加/修改(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>套用地区方案(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地区方案：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>打开计划文档或附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打开“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消打开“{name}”，当前文档未改动</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开时发现</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件已被占用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”正由 {v} 编辑。
已以只读方式打开；可“另存为”保存自己的副本。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>他人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取时有 {n_warnings} 条提示，见“检查结果”面板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开示例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件已被修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”在打开后已被他人或其他程序修改。
仍要用当前内容覆盖它吗？（选“否”可另存为）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划文档 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法保存“{name}”：{v}。原文件未受影响。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出打印稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在导出“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消导出，未写出“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法写入“{name}”：{v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {name}：{v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成情况已按执行数印出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下 {n} 个指标的原表完成情况与执行数不符，导出的附件已按推算结果印出：
{v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择部门原表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写回原表（另存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在写回“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消写回，未写出“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写回失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；{n_skipped} 项未写回，见修订记录表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按原表“{name}”写回 {written} 个单元格到 {name2}{extra}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>当前文档有未保存的修改。是否保存？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>尚未运行审核检查。按 F9（或“审核 → 运行审核检查”）检查合计、完成率、目标与单位；
打开文件时读到的提示也列在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示/隐藏“{v}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选检查结果…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核检查未发现问题。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridEditing</name>
    <message>
        <source>已复制 {n_rows} 行 × {n_cols} 列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴的内容比表格多出 {extra} 行，是否在表尾添加 {extra} 行？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所选单元格不可编辑（计算列）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已粘贴 {n_block} 行 × {n_columns} 列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已向下填充 {n_cells} 个单元格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已插入 1 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已删除 {n_keys} 行（可撤销）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>复制(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>向下填充(&amp;D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在上方插入行(&amp;I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除行(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未修改：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>求和：{v}&#x3000;平均值：{v2}&#x3000;计数：{count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计数：{count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核意见…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除此列筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除全部筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>筛选后显示 {v} 行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <source>完成投资（旧）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度计划投资（新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度计划投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}（旧）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}（新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行数 旧→新</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额（旧）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>金额（新）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（含原“{v}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此表没有可汇总的金额</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按分组的变化</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存疑/退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销 {undo_label}(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重做 {redo_label}(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>示例（未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（导入，未保存）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未命名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[只读] </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只读：已审定版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>他人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只读：{owner} 正在编辑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，单位：{unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（筛选后显示 {shown} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}&#x3000;共 {n_table} 行{filtered}{unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未修改：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已重做</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在运行审核检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消审核检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核检查完成：{n_findings} 条结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>图表 {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已选中 {n_keys} 行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>文件为只读，不能修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“审核”列用 Ctrl+1…4、右键菜单或右侧审核面板设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“判定依据”由目标和执行情况推算，不能直接修改；请改“目标”或“执行情况”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“按项目明细汇总”各列由项目明细计算，不能直接修改；请改项目表中的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}”是计算列，不能直接修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表{effective}／推算{status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v}／算{v2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表填报“{effective}”，按目标与执行情况推算为“{status}”：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表完成率 {v}%，按完成投资÷年度计划应为 {v2}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告所列 {v}，按项目明细汇总为 {v2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>来源：{origin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原值：{original}（{user} 于 {v} 修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表未填完成率：按完成投资÷年度计划计算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>解析：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意见：{comment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} 于 {v} 标记</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}（亿元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>未打开报告正文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按当前表格生成的摘要（可复制到报告）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制摘要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开报告：{exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核对意见（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文中目标与附表（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文中数字（{n}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{line}行&#x3000;{v}：{raw}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（未识别主语）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未打开计划表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;{text}&#x3000;（未对应：{why}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ {text}&#x3000;（{where}为 {shown}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}：{n_statements} 个数字，{matched} 个对应表中数字，{disagree} 个与表不一致，{own} 条其他审核意见</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <source>部门返回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位 / 项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报送值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>核对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采纳所选(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>拒绝所选(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选中单位行即对该单位全部修改操作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {v}，新增 {v2}，删除 {v3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未填 {n_unfilled}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>问题 {n_problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ 问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ 疑似单位错误 {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改 {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未返回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unit}：{name} {field} {value}——{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
……等 {n} 处</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>疑似单位错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下报送值疑似单位填错（如把万元填成亿元）：
{lines}

仍要采纳吗？</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>未选择行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核意见：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写下存疑或退回的理由…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}：{effective}；推算：{derived}（不一致）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成情况：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{effective}（{source}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判定依据：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判定方向：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判定容差：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据来源：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}原值：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表位置：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} · {sheet} · 第 {source_row} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按名称推断（{guessed}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按计划容差（±{plan}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按计划容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以目标的单位计，如百分比类目标填 1 表示 ±1 个百分点；留空则按计划容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容差不能为负数或百分数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”的容差：{problem}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>指标名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{y}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>走势</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeriesView</name>
    <message>
        <source>多年序列：{v}—{v2}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n_frame} 项指标，{n_ordered} 个年度；{flagged} 项下年目标在近三年实际之外</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>版本 {id}（{year}年 {label}）已审定（{who}，{when}），只读；可“另存为”文件或“保存到计划库”成为新版本后修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审定人未记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间未记录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件正由 {v} 编辑，当前为只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>他人</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetViewer</name>
    <message>
        <source>“{file_name}”工作表“{sheet_name}”（普通表格，只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按原样显示单元格内容，不作为计划表读取，不能修改；可选中后复制（Ctrl+C）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableChooser</name>
    <message>
        <source>打开“{file_name}”：选择要打开的表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>找到 {n_tables} 个表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；另有 {n_skipped} 个工作表未识别：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{sheet_name}（{v}，{n_table} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;把握：{level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>识别把握：{level}——{why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（未识别为计划表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason}；可作为普通表格查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>作为普通表格查看（只读）(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按原样显示这张工作表的单元格，不作为计划表读取；可复制</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按指标表读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按项目表读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>若识别的类型不对，可改按另一种表读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开所选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>。若它不是计划表，请取消勾选，可作为普通表格查看</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未识别为计划表：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未识别为计划表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TableNavigator</name>
    <message>
        <source>主要指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重大建设项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}
共 {n_table} 行</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToleranceDialog</name>
    <message>
        <source>计划属性：审核容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“左右”类目标在容差内、以及略差于目标但在容差内的，判为“基本完成”。单行可在审核面板中另设本行容差。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> 个百分点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <source>共 {shown} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>合计</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>使用指南</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未找到使用指南（应在：{path}）。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ValueFilterPopup</name>
    <message>
        <source>筛选“{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>搜索</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（全选）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空白）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>打开(&amp;O)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出附件(&amp;E)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写出标准版式的审核后附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出打印稿（无标记）(&amp;P)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无底色、无批注的干净打印稿，可直接作附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写回原表(&amp;W)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把修改写回部门报送的原表，保留原表版式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比较(&amp;C)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开另一文件与当前文档比较，逐项采纳修订</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度对比(&amp;Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本文档中上年与本年的同类表并排比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>运行审核检查(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标记为{status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核意见(&amp;M)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开报告正文(&amp;T)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新建图表窗口(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>使用指南(&amp;G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>常用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>查找/筛选（Ctrl+F）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowPreferences</name>
    <message>
        <source>语言 / &amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（无）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YearModel</name>
    <message>
        <source>状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上年实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>下年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>步长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>附件二上年数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>衔接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增指标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不再列入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个百分点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>不一致</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Reporter</name>
    <message>
        <source>日志无法写入：{error}

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>之后又发生了错误，日志：{log}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>恢复未保存的工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上次退出时有未保存的修改：
{v}

是否恢复？（选“否”将丢弃这些修改）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已恢复上次未保存的修改，请及时保存</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archive_dialog</name>
    <message>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存到计划库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>如 报送稿、修订稿、审定稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本名称(&amp;L)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划年度(&amp;Y)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先打开一个计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在保存到计划库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已存入计划库：版本 {id}（{year}年 {label}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已审定的版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度 / 版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比较所选两个版本(&amp;C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标为审定(&amp;A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存当前文档到计划库(&amp;S)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{server}（团队审核：打开的版本与团队同步）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库：{where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打开计划库中的版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已打开计划库版本 {id}（{year}年 {label}）{approved}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，已审定，只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取两个版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id}（{year}年 {label}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标为审定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id} 标为审定后不能再改动。继续吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库(&amp;K)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存到计划库(&amp;V)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连接计划库服务器(&amp;N)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>打开团队共用的计划库，多人同时审核</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>archive_series</name>
    <message>
        <source>实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库中 {n} 个年度（{unit}）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>chart_panel</name>
    <message>
        <source>复位视图（回到最初的缩放）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>后退到上一视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>前进到下一视图</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>平移：左键拖动移动，右键拖动缩放</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>框选放大：拖出矩形放大，右键框选缩小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>调整图边距</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>编辑坐标轴、标题与线条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>保存图片（PNG/SVG/PDF）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{prog}：用法错误：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取一个表格（计划文档或附件），输出规范字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划文档或附件表格</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表名称或表标识；缺省为找到的第一个表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按指标表或项目表解读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出一个 JSON 文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取一个表格，输出规范字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v}（工作表“{v2}”，{v3}，{v4} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位：{v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;｜明细合计：{computed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;≠ 与报告不符：{v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>警告：{warning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件中的其他表：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写出审核后的附件工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写出审核后的附件工作簿（标准版式、修改标记、修订记录、审核意见）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出的 .xlsx 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>把修改写回原表（保留原表版式），而不是生成标准附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写回时使用的原表；输入本身是部门原表时可省略（不会自动打开文档中记录的其他路径）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出可复核副本：隐藏的文档数据保留来源路径、修改人和完整修订记录（缺省为分发版，不含这些）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>允许输出文件覆盖输入文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>标题与表头字体（如 方正小标宋简体）；缺省 黑体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表体字体；缺省 宋体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>干净打印稿：无底色、无批注，不含修订记录、审核意见和工作台数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成情况与执行数不符、已按推算结果印出的 {n} 个指标：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出路径是一个文件夹，请给出 .xlsx 文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件夹不存在：{folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有写入输出文件夹的权限：{folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件正由 {v} 打开编辑，未覆盖；请另选文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件应为 .xlsx：{output}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件与输入文件相同；为避免覆盖原文件，请另选文件名，或加 --overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（文档记录的来源文件名为“{recorded}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>写回需要用 --original 指定部门原表{hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已按原表“{original}”写回 {written} 个单元格到 {output}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
未写回：{s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
已重算合计：{s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
打开时重算：{s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
小计与明细不符：{s}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出 {output}：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：提示：文件“{v}”：{notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>运行审核检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对计划文档、附件和/或报告正文（.txt/.docx）运行审核检查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 有 --fail-on 所指级别（或更严重）的审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划文档、附件表格或报告正文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逐条列出，不合并同类意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>百分点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本次检查用的百分比类指标容差（个百分点），不改动文件；默认用文档的审核容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>严重级别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有此级别或更严重的审核意见时以退出码 3 结束（error：仅错误；warning：错误或警告）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示本帮助并退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>显示版本号并退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容差应为数值，而不是“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>容差应为不小于 0 的数，而不是“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{v} 第{v2}行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n_findings} 条审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列出报告正文中引用的数字（.txt/.docx）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告正文（.txt 或 .docx）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比较两个计划文档或附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比较两个计划文档或附件（同一表的两个版本，或同一表的两个年度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 加 --fail-on change 且有修改、新增或删除的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>旧文件（当前计划、上年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>旧文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新文件（部门修订稿、本年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两文件中要比较的工作表或表；缺省为旧文件的第一个表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新文件中的工作表（与 --sheet 不同名时）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>配对所用的列（如 name 或 项目名称）；缺省为名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表 JSON：{&quot;sector&quot;: {旧: 新}, &quot;name&quot;: {旧: 新}}，新值 null 表示无对应</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方案</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>内置的地区对照表方案（如 chongqing_2021_2022），与旧文件保存的对照表合用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>得分</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相似名称得分不低于此值即视为同一行（缺省 0.85）；低于此值的只作建议列出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字段=数值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>某字段的容差（同单位，如 annual_plan=0.01）；可重复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>条件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change：有修改、新增或删除的行时以退出码 3 结束</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列出报告正文中引用的数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（={amount_yi:g}亿元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年 </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第{line}行&#x3000;{year}{v}：{raw}{same}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共 {n_statements} 个数字</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有可与旧文件“{sheet_name}”比较的{kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--accept 应在 0 到 1 之间，而不是 {accept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表文件不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} 工作表“{sheet_name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>磁盘配额已满</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有权限</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>磁盘或文件夹是只读的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是一个文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件名过长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件超过系统允许的大小（或磁盘已满）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件正被占用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{v}”：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}{reason}，未能完成（原有文件未受影响）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：未知选项 {v}
{v2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有“{name}”这个命令，是否要用 {v}？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>命令</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用法：workbench [文件…]    打开工作台（无文件时打开示例计划）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>命令：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench help 命令 或 workbench 命令 --help：该命令的用法；workbench --version：版本号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 check/diff 加 --fail-on 时发现所指的审核意见或修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有“{name}”这个命令</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件不存在（完整路径：{v}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：没有可用的图形显示（未设置 DISPLAY）；无界面时请用 import/export/check 子命令</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：{problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：内存不足，已停止（文件可能过大或已损坏）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workbench：处理时出错（{kind}：{v}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止日期应写作 YYYY-MM-DD（如 2022-01-15），而不是“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成部门填报工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>为每个责任单位（或领域）生成部门填报工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分组方式</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填报截止日期 YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}&#x3000;{unit}&#x3000;{rows} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>共生成 {n_written} 个填报工作簿，位于 {output}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成下一年计划框架</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>由本年计划生成下一年计划框架（上年结转）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出的计划文档 .xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年份</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从哪一年结转（缺省为执行年度）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件不能覆盖输入文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已写入 {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取部门返回的填报工作簿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取部门返回的填报工作簿，与发出的内容比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成填报表所用的计划文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>返回文件所在的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分组方式（缺省按返回文件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制示例计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>复制随程序提供的示例计划（重庆市 2021 年执行、2022 年计划），供命令行试用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>允许覆盖已存在的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>安装不完整，找不到示例计划（完整路径：{source}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>这是一个文件夹，请给出文件名（完整路径：{full}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件已存在；要覆盖请加 --overwrite（完整路径：{full}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所在文件夹不存在（完整路径：{full}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法写入：{v}（完整路径：{full}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已复制示例计划到 {v}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文件“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>工作表“{sheet}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单元格 {cell}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>，</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--- 旧：{old_label}（{title}，{n_old} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+++ 新：{new_label}（{title}，{n_new} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按“{v}”配对（规范化名称 + 对照表）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~~~ 更名（{v}{score}）  {v2} → {v3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（对照表：无对应）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>??? 建议配对 {score:g}（未采纳；--accept {score:g} 可采纳）  {v} ⇢ {v2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按“{v}”汇总（旧→新，只列有变化的组）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--- 旧：{old_label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+++ 新：{new_label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>逐表比较 {n} 个表：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>=== 表 {n}/{total}：{names}（{n_old}→{n_new} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无变化</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--- 只在旧文件中的表：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+++ 只在新文件中的表：{name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>!!! {file}：{notice}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（含原“{v}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增 {added}，删除 {removed}，修改 {changed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {group}{folded}：{count_old}→{count_new} 行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（{moved}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>合计：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度应为四位数字，而不是“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本编号应为数字，而不是“{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库：历年、各版本计划存于一个数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库：历年、各版本计划存于一个数据库（缺省为用户数据文件夹中的 SQLite 文件）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库：文件路径或地址（sqlite:///…、postgresql://…）；缺省依次取 WORKBENCH_DB、窗口中设置的计划库、用户数据文件夹中的计划库文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>创建或升级计划库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存入一个文件，或一个文件夹中的历年附件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划文档、附件表格，或存放历年附件的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划年度；缺省从文件中读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本名称（报送稿、修订稿、审定稿…）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>列出版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只列出这一年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一个版本的详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>导出版本存入时的原文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>比较两个版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>旧版本号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新版本号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>要比较的表；缺省为两个版本共有的第一个表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>一个指标历年的目标、实际与完成情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>起始年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>截止年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>将版本标为审定（此后只读）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&#x3000;审定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{id}&#x3000;{year}年&#x3000;{label}&#x3000;{name}&#x3000;{author}&#x3000;{created}{approved}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库已就绪：{where}（结构版本 {revision}，{n} 个版本）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存入文件夹时年度从各文件读取，不能用 --year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未存入：{file}：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存入 {n} 个版本，{m} 个文件未存入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已存入版本 {id}：{year}年 {label}（{name}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库中还没有版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>说明：{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256：{sha}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  {title}（工作表“{sheet}”，{rows} 行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修订记录 {n} 条</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已导出版本 {id} 的原文件到 {output}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id}（{year}年 {label}）工作表“{sheet}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库中没有指标“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}（{unit}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年&#x3000;目标 {target}&#x3000;实际 {actual}&#x3000;{status}&#x3000;（版本 {version} {label}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id} 已标为审定，此后只读</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库“{where}”：{message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队审核：添加审核人或组长（服务器）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在服务器上添加一个审核人（需要有 CREATEROLE 权限的连接）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组长（可分配、审定）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>从标准输入读取新用户的密码（一行）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队审核：把一个表（或其中一个板块、一行）分给审核人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表：编号、工作表名或标题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只分配这一板块的行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>板块</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>只分配这一行（名称或行键）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核人（服务器上的用户名）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队审核：以当前用户标记一行的审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行：名称或行键</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password-stdin：标准输入中没有密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>组长</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已添加{kind}“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（板块“{sector}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（行“{row}”）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id}：{part} 已分给“{role}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>版本 {id}：{table}“{row}”标为{status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>compare_view</name>
    <message>
        <source>选择要比较的文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在读取“{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文档中没有两个年度的同类表可比较</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度对比：{sheet_name} / {sheet_name2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择其他年度的计划文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>至少需要两个年度的指标表</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>读取</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>200以上</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} &lt; {target}（差{gap}），未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} &gt; {target}（超{gap}），未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} ≤ {target}，完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} ≥ {target}，完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 低于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 低于 {target}（差{gap}，超出容差±{tol}），未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 在 {target} 内，完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 接近 {target}（偏离{gap}），基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 略低于 {target}（差{gap}），基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 略高于 {target}（超{gap}），基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 超出 {target}（偏离{gap}），未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 高于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{actual} 高于 {target}（差{gap}，超出容差±{tol}），未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{earlier}年完成投资与{later}年计划投资（按板块对应）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{note}，不足以判断，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{note}，可能未达到目标，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{note}：{reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 个项目无完成率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n}亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{old}（今{new}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ref}（基本同步，容差±{tol}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target}左右</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target}左右（容差±{tol}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target}（以上）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{target}（左右）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why}，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年{series}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年年度计划投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年执行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年按投资来源的计划与完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年按板块的计划与完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年目标与执行（水平值指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年目标与执行（百分比指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{year}年项目完成率分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{group}”{column}：报告为 {stated}，按项目明细为 {computed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}”{column} 为 {stated}，明细合计为 {computed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{label}”注明 {stated} 个，明细有 {computed} 个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”{later}年表的{base_label} {base} 与{earlier}年表的执行 {actual} 不一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”填报为“{stated}”，按目标推算为“{derived}”（{reason}）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”完成投资 {done} 亿元超过总投资 {total} 亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”完成率 {rate}% 与 完成投资/年度计划 = {expected}% 不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}”年度计划投资 {plan} 亿元超过总投资 {total} 亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>、</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上年结转</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>两年板块名称一致</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>个</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>亿元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>低</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分组</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>删除行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判定容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区间上限{high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>区间下限{low}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各分组 {column} 之和 {parts} 与合计 {total} 不符</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>各指标单位不同，仅看相对位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同比：各板块投资（上年与本年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>同比：指标（上年与本年）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基期/上年实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>基本完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存疑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成率</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>完成率（%）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>定性目标“{target}”，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>实际</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核修订</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核容差</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对照表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>属性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>属性“{text}”不是约束性/预期性，已留空并记入备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度计划投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>序号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建议配对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建设性质</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>建设性质“{text}”无法识别，已留空并记入备注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>待审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>总量类指标容差（占目标的比例）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行/完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数“{words}”的单位与目标（{unit}）不同</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数为文字“{words}”，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按{value}计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按不低于{value}计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按增长0计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按略低于{value}计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>批注</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>投资来源</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>投资（亿元）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告原文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告所列</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标：目标与执行（水平值指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>指标：目标与执行（百分比指标）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按年份排列的统计数据，没有目标可比，不判定完成情况</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按项目明细汇总</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>推算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>提示</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>插入行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>文档中没有相邻年份的项目表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>新增</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>方向</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法归类的行“{text}”，已作为表注保留</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无目标、无执行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无执行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未变</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未设定目标，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>板块/领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>板块经对照表对应：{names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此图需要指标表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>此图需要项目表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>测算</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>百分比指标：{base_year}年实际与{label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>百分比类指标容差（百分点）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目标</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>目标解析</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相似名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>相对目标（参照{ref}），缺参照值，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>示例</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>约束性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>统计局</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>警告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>责任单位/业主</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>越低越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退回</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>部门报送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重名配对</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>错误</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>降低类指标的目标写作负数（{target}），执行数为正数（{actual}），无法确定是降低还是上升，需人工判定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目个数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目：完成率分布</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目：按投资来源的计划与完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>项目：按板块的计划与完成投资</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预期性</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>预计</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>颜色表示完成情况；定性目标只画执行数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>高</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash_report</name>
    <message>
        <source>程序出错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法在 {folder} 新建日志文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>详细信息已写入日志文件：
{log}

请把这个文件发给技术支持。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日志文件无法写入（见下方详细信息）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>程序遇到了意外错误：
{what}

{where}
打开的文档已尽量自动保存，下次启动时可恢复。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog_buttons</name>
    <message>
        <source>确定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>generate_actions</name>
    <message>
        <source>按责任单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按领域</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先打开一个计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法生成下年计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成部门填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>分组方式：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>填报截止日期（YYYY-MM-DD）：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>日期无效</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择填报表输出文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法生成填报表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已生成 {n_written} 个部门填报表，位于 {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请先打开生成填报表所用的计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>选择部门返回文件所在的文件夹</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法读取返回文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成下年计划(&amp;N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>生成部门填报表(&amp;T)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>读取部门返回(&amp;B)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>long_task</name>
    <message>
        <source>请稍候</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在取消：{label}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}…{detail}
已用 {seconds:.0f} 秒</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划审核工作台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>plan_properties</name>
    <message>
        <source>请先打开一个计划</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核容差已设为：百分比类 ±{percent:g} 个百分点，总量类 ±{level:g}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划属性（审核容差）(&amp;T)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>设定整个计划判定完成情况的容差（计划属性）</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>report_panel</name>
    <message>
        <source>打开报告正文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告正文 (*.txt *.docx);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告正文</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>table_model</name>
    <message>
        <source>审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>判定依据</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team_connect</name>
    <message>
        <source>本机没有可用的密码保管库，密码未保存，下次连接需重新输入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连接计划库服务器</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器名称或地址，如 db.fgw.local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库用户名（每位审核人一个）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>留空则使用已保存的密码或 pgpass 文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefer：服务器支持时加密连接；require 及以上：必须加密</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记住密码（保存在本机系统的密码保管库中）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>服务器(&amp;H)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>端口(&amp;P)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>数据库(&amp;D)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>密码(&amp;W)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>加密方式(&amp;S)：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请填写服务器、数据库和用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在连接 {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消连接</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法连接 {server}：{problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>记住密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已连接计划库服务器 {server}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team_live</name>
    <message>
        <source>服务器拒绝了修改</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>计划库服务器仍连不上，已停止自动重连；点击状态栏的“离线”可再试</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>团队审核：{server}，版本 {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正在打开团队审核的版本 {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已取消打开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>无法打开团队审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已打开版本 {id}（{year}年 {label}），与团队同步审核</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team_progress</name>
    <message>
        <source>团队审核进度：{counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}：{counts}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team_reconcile</name>
    <message>
        <source>审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（空）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>原值</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>我的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>对方的</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>采用</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部采用我的(&amp;M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>全部采用对方的(&amp;T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} 于 {at}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>他人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} 处修改与他人的修改冲突：请逐条选择保留哪一方的值。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>team_status</name>
    <message>
        <source>在线 · 待同步 {n} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>在线 · 团队审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>离线 · 待同步 {n} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>冲突 {n} 项</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>处理冲突(&amp;C)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>退出团队审核(&amp;L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>他人的标记和修改会在几秒内显示在表格中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>连不上服务器：修改保存在本机，恢复连接后按顺序发送</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>重新连接并同步(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
