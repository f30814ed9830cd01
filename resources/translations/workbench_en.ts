<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>审核年度计划报告附件：指标执行、重大项目与汇总表。</source>
        <translation>Reviews the annexes of the yearly plan report: indicator performance, major projects and summary tables.</translation>
    </message>
    <message>
        <source>关于{app_name}</source>
        <translation>About {app_name}</translation>
    </message>
    <message>
        <source>&lt;p&gt;版本 {version}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Version {version}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;本程序随附的字体与程序库各有其许可证，见“许可证”页。Qt 与 Qt for Python（PySide6）按 GNU LGPL 第 3 版使用，未作修改。&lt;/p&gt;</source>
        <translation>&lt;p&gt;The font and libraries shipped with this program each have their own licence; see the “Licences” tab. Qt and Qt for Python (PySide6) are used unmodified under the GNU LGPL version 3.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licences</translation>
    </message>
    <message>
        <source>{name} {version}
许可证：{licence}</source>
        <translation>{name} {version}
Licence: {licence}</translation>
    </message>
    <message>
        <source>（该组件未随附许可证文本；许可证名称见上。）</source>
        <translation>(This component ships no licence text; its licence is named above.)</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <source>目标解析：</source>
        <translation>Target parsed as: </translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>保存图片…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <source>复制图片</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <source>此表没有可用的图表</source>
        <translation>No chart is available for this table</translation>
    </message>
    <message>
        <source>点击柱形或点可选中对应的行；在表格中选中行会突出显示其图形</source>
        <translation>Click a bar or point to select its row; rows selected in the table are highlighted in the chart</translation>
    </message>
    <message>
        <source>图表</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>保存图片</source>
        <translation>Save image</translation>
    </message>
    <message>
        <source>PNG 图片 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</source>
        <translation>PNG image (*.png);;SVG vector image (*.svg);;PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>已保存 {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>已复制图表，可直接粘贴到 WPS/Word/Excel</source>
        <translation>Chart copied; paste it into WPS/Word/Excel</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>审核意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>对“{row_name}”的意见（可多行）：</source>
        <translation>Comment on “{row_name}” (several lines allowed):</translation>
    </message>
    <message>
        <source>写下存疑或退回的理由…</source>
        <translation>Why is this doubtful or returned…</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{label}（旧）</source>
        <translation>{label} (old)</translation>
    </message>
    <message>
        <source>{label}（新）</source>
        <translation>{label} (new)</translation>
    </message>
    <message>
        <source>（已拒绝）</source>
        <translation> (rejected)</translation>
    </message>
    <message>
        <source>原值：{v}
新值：{v2}</source>
        <translation>Old value: {v}
New value: {v2}</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>比较：{other_name}</source>
        <translation>Compare: {other_name}</translation>
    </message>
    <message>
        <source>合并(&amp;M)</source>
        <translation>&amp;Merged</translation>
    </message>
    <message>
        <source>并排(&amp;S)</source>
        <translation>&amp;Side by side</translation>
    </message>
    <message>
        <source>指标对照(&amp;Y)</source>
        <translation>Indicators b&amp;y year</translation>
    </message>
    <message>
        <source>附件一与附件二逐项对照：上年目标、实际、下年目标、步长</source>
        <translation>Annex 1 beside Annex 2, item by item: last target, actual, next target, step</translation>
    </message>
    <message>
        <source>只看差异(&amp;D)</source>
        <translation>Only &amp;differences</translation>
    </message>
    <message>
        <source>当前文档：</source>
        <translation>Current document:</translation>
    </message>
    <message>
        <source>对比 {other_name}：</source>
        <translation>Compared with {other_name}:</translation>
    </message>
    <message>
        <source>采纳(&amp;A)</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>拒绝(&amp;R)</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <source>采纳本组(&amp;G)</source>
        <translation>Accept &amp;group</translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>拒绝本组</source>
        <translation>Reject group</translation>
    </message>
    <message>
        <source>全部拒绝</source>
        <translation>Reject all</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>对照表(&amp;W)…</source>
        <translation>Cross&amp;walk…</translation>
    </message>
    <message>
        <source>多年序列(&amp;N)…</source>
        <translation>&amp;Several years…</translation>
    </message>
    <message>
        <source>再选几个年度的计划文件，逐项看历年实际与下年目标</source>
        <translation>Choose plan files of other years to see each indicator&apos;s actuals and next target over the years</translation>
    </message>
    <message>
        <source>采纳</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>拒绝</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>只采纳当前单元格</source>
        <translation>Accept the current cell only</translation>
    </message>
    <message>
        <source>已拒绝 {n_rejected}</source>
        <translation>Rejected {n_rejected}</translation>
    </message>
    <message>
        <source>无法采纳</source>
        <translation>Cannot accept</translation>
    </message>
    <message>
        <source>当前文档为只读，或修改未通过校验</source>
        <translation>The current document is read-only, or the change did not pass validation</translation>
    </message>
</context>
<context>
    <name>CrosswalkEditor</name>
    <message>
        <source>板块/领域</source>
        <translation>Sector/field</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>对照表（更名与归并）</source>
        <translation>Crosswalk (renames and merges)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>原名称</source>
        <translation>Old name</translation>
    </message>
    <message>
        <source>新名称（空为无对应）</source>
        <translation>New name (empty: no counterpart)</translation>
    </message>
    <message>
        <source>添加/修改(&amp;A)</source>
        <translation>&amp;Add/change</translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <source>套用地区方案(&amp;P)</source>
        <translation>Apply regional &amp;profile</translation>
    </message>
    <message>
        <source>地区方案：</source>
        <translation>Regional profile:</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>打开计划文档或附件</source>
        <translation>Open a plan document or annex</translation>
    </message>
    <message>
        <source>正在打开“{name}”</source>
        <translation>Opening “{name}”</translation>
    </message>
    <message>
        <source>已取消打开“{name}”，当前文档未改动</source>
        <translation>Opening “{name}” was cancelled; the current document is unchanged</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>打开时发现</source>
        <translation>Found while opening</translation>
    </message>
    <message>
        <source>文件已被占用</source>
        <translation>File in use</translation>
    </message>
    <message>
        <source>“{name}”正由 {v} 编辑。
已以只读方式打开；可“另存为”保存自己的副本。</source>
        <translation>“{name}” is being edited by {v}.
It was opened read-only; use “Save as” to keep your own copy.</translation>
    </message>
    <message>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>读取时有 {n_warnings} 条提示，见“检查结果”面板</source>
        <translation>{n_warnings} notes while reading; see the Findings panel</translation>
    </message>
    <message>
        <source>无法打开示例</source>
        <translation>Cannot open the sample</translation>
    </message>
    <message>
        <source>文件已被修改</source>
        <translation>File was changed</translation>
    </message>
    <message>
        <source>“{name}”在打开后已被他人或其他程序修改。
仍要用当前内容覆盖它吗？（选“否”可另存为）</source>
        <translation>“{name}” was changed by someone else or another program after it was opened.
Overwrite it with the current content anyway? (Choose “No” to save as a new file)</translation>
    </message>
    <message>
        <source>另存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>计划文档 (*.xlsx)</source>
        <translation>Plan document (*.xlsx)</translation>
    </message>
    <message>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>保存失败</source>
        <translation>Saving failed</translation>
    </message>
    <message>
        <source>无法保存“{name}”：{v}。原文件未受影响。</source>
        <translation>Cannot save “{name}”: {v}. The original file is unchanged.</translation>
    </message>
    <message>
        <source>已保存到 {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>导出打印稿</source>
        <translation>Export print copy</translation>
    </message>
    <message>
        <source>导出附件</source>
        <translation>Export annex</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出“{name}”</source>
        <translation>Exporting “{name}”</translation>
    </message>
    <message>
        <source>已取消导出，未写出“{name}”</source>
        <translation>Export cancelled; “{name}” was not written</translation>
    </message>
    <message>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>无法写入“{name}”：{v}</source>
        <translation>Cannot write “{name}”: {v}</translation>
    </message>
    <message>
        <source>已导出 {name}：{v}</source>
        <translation>Exported {name}: {v}</translation>
    </message>
    <message>
        <source>完成情况已按执行数印出</source>
        <translation>Statuses printed from the figures</translation>
    </message>
    <message>
        <source>以下 {n} 个指标的原表完成情况与执行数不符，导出的附件已按推算结果印出：
{v}</source>
        <translation>The stated status of these {n} indicators contradicts their figures; the exported annex prints the status the figures give:
{v}</translation>
    </message>
    <message>
        <source>选择部门原表</source>
        <translation>Choose the department&apos;s original workbook</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx *.xlsm)</source>
        <translation>Excel workbook (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>写回原表（另存）</source>
        <translation>Write back to original (save as)</translation>
    </message>
    <message>
        <source>正在写回“{name}”</source>
        <translation>Writing back “{name}”</translation>
    </message>
    <message>
        <source>已取消写回，未写出“{name}”</source>
        <translation>Write-back cancelled; “{name}” was not written</translation>
    </message>
    <message>
        <source>写回失败</source>
        <translation>Write-back failed</translation>
    </message>
    <message>
        <source>；{n_skipped} 项未写回，见修订记录表</source>
        <translation>; {n_skipped} items not written back, see the revision log sheet</translation>
    </message>
    <message>
        <source>已按原表“{name}”写回 {written} 个单元格到 {name2}{extra}</source>
        <translation>Wrote {written} cells back following the original “{name}” to {name2}{extra}</translation>
    </message>
    <message>
        <source>当前文档有未保存的修改。是否保存？</source>
        <translation>The current document has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>尚未运行审核检查。按 F9（或“审核 → 运行审核检查”）检查合计、完成率、目标与单位；
打开文件时读到的提示也列在这里。</source>
        <translation>Checks have not been run yet. Press F9 (or Review → Run checks) to check totals, completion rates, targets and units;
notes found while opening the file are listed here too.</translation>
    </message>
    <message>
        <source>显示/隐藏“{v}”</source>
        <translation>Show/hide “{v}”</translation>
    </message>
    <message>
        <source>筛选检查结果…</source>
        <translation>Filter findings…</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>审核检查未发现问题。</source>
        <translation>The checks found no problems.</translation>
    </message>
</context>
<context>
    <name>GridEditing</name>
    <message>
        <source>已复制 {n_rows} 行 × {n_cols} 列</source>
        <translation>Copied {n_rows} rows × {n_cols} columns</translation>
    </message>
    <message>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>粘贴的内容比表格多出 {extra} 行，是否在表尾添加 {extra} 行？</source>
        <translation>The pasted block has {extra} more rows than the table. Add {extra} rows at the end?</translation>
    </message>
    <message>
        <source>所选单元格不可编辑（计算列）</source>
        <translation>The selected cells cannot be edited (computed columns)</translation>
    </message>
    <message>
        <source>已粘贴 {n_block} 行 × {n_columns} 列</source>
        <translation>Pasted {n_block} rows × {n_columns} columns</translation>
    </message>
    <message>
        <source>已向下填充 {n_cells} 个单元格</source>
        <translation>Filled down {n_cells} cells</translation>
    </message>
    <message>
        <source>已插入 1 行</source>
        <translation>Inserted 1 row</translation>
    </message>
    <message>
        <source>已删除 {n_keys} 行（可撤销）</source>
        <translation>Deleted {n_keys} rows (can be undone)</translation>
    </message>
</context>
<context>
    <name>GridView</name>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>粘贴(&amp;P)</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>向下填充(&amp;D)</source>
        <translation>Fill &amp;down</translation>
    </message>
    <message>
        <source>清除内容</source>
        <translation>Clear contents</translation>
    </message>
    <message>
        <source>在上方插入行(&amp;I)</source>
        <translation>&amp;Insert row above</translation>
    </message>
    <message>
        <source>删除行(&amp;R)</source>
        <translation>Delete &amp;rows</translation>
    </message>
    <message>
        <source>未修改：{reason}</source>
        <translation>Not changed: {reason}</translation>
    </message>
    <message>
        <source>求和：{v}&#x3000;平均值：{v2}&#x3000;计数：{count}</source>
        <translation>Sum: {v}  Average: {v2}  Count: {count}</translation>
    </message>
    <message>
        <source>计数：{count}</source>
        <translation>Count: {count}</translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>审核意见…</source>
        <translation>Review comment…</translation>
    </message>
    <message>
        <source>筛选…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <source>清除此列筛选</source>
        <translation>Clear this column&apos;s filter</translation>
    </message>
    <message>
        <source>清除全部筛选</source>
        <translation>Clear all filters</translation>
    </message>
    <message>
        <source>筛选后显示 {v} 行</source>
        <translation>{v} rows shown after filtering</translation>
    </message>
</context>
<context>
    <name>GroupPanel</name>
    <message>
        <source>完成投资（旧）</source>
        <translation>Completed (old)</translation>
    </message>
    <message>
        <source>年度计划投资（新）</source>
        <translation>Annual plan (new)</translation>
    </message>
    <message>
        <source>年度计划投资</source>
        <translation>Annual planned investment</translation>
    </message>
    <message>
        <source>完成投资</source>
        <translation>Completed investment</translation>
    </message>
    <message>
        <source>{label}（旧）</source>
        <translation>{label} (old)</translation>
    </message>
    <message>
        <source>{label}（新）</source>
        <translation>{label} (new)</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>行数 旧→新</source>
        <translation>Rows old→new</translation>
    </message>
    <message>
        <source>金额（旧）</source>
        <translation>Amount (old)</translation>
    </message>
    <message>
        <source>金额（新）</source>
        <translation>Amount (new)</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>（含原“{v}”）</source>
        <translation> (includes former “{v}”)</translation>
    </message>
    <message>
        <source>此表没有可汇总的金额</source>
        <translation>This table has no amounts to total</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>100 million yuan</translation>
    </message>
    <message>
        <source>按分组的变化</source>
        <translation>Change by group</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据表</source>
        <translation>Tables</translation>
    </message>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>检查结果</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>存疑/退回</source>
        <translation>Doubtful/returned</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>撤销 {undo_label}(&amp;U)</source>
        <translation>&amp;Undo {undo_label}</translation>
    </message>
    <message>
        <source>重做 {redo_label}(&amp;R)</source>
        <translation>&amp;Redo {redo_label}</translation>
    </message>
    <message>
        <source>示例（未保存）</source>
        <translation>Sample (not saved)</translation>
    </message>
    <message>
        <source>{name}（导入，未保存）</source>
        <translation>{name} (imported, not saved)</translation>
    </message>
    <message>
        <source>未命名</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>[只读] </source>
        <translation>[read-only] </translation>
    </message>
    <message>
        <source>只读：已审定版本</source>
        <translation>Read-only: approved version</translation>
    </message>
    <message>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>只读：{owner} 正在编辑</source>
        <translation>Read-only: {owner} is editing</translation>
    </message>
    <message>
        <source>，单位：{unit}</source>
        <translation>, unit: {unit}</translation>
    </message>
    <message>
        <source>（筛选后显示 {shown} 行）</source>
        <translation> ({shown} shown after filtering)</translation>
    </message>
    <message>
        <source>{title}&#x3000;共 {n_table} 行{filtered}{unit}</source>
        <translation>{title}  {n_table} rows{filtered}{unit}</translation>
    </message>
    <message>
        <source>未修改：{reason}</source>
        <translation>Not changed: {reason}</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>已重做</source>
        <translation>Redone</translation>
    </message>
    <message>
        <source>未找到“{text}”</source>
        <translation>“{text}” not found</translation>
    </message>
    <message>
        <source>正在运行审核检查</source>
        <translation>Running the checks</translation>
    </message>
    <message>
        <source>已取消审核检查</source>
        <translation>Checks cancelled</translation>
    </message>
    <message>
        <source>审核检查完成：{n_findings} 条结果</source>
        <translation>Checks finished: {n_findings} findings</translation>
    </message>
    <message>
        <source>图表 {v}</source>
        <translation>Chart {v}</translation>
    </message>
    <message>
        <source>已选中 {n_keys} 行</source>
        <translation>{n_keys} rows selected</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <source>文件为只读，不能修改</source>
        <translation>The file is read-only and cannot be changed</translation>
    </message>
    <message>
        <source>“审核”列用 Ctrl+1…4、右键菜单或右侧审核面板设置</source>
        <translation>Set the “Review” column with Ctrl+1…4, the context menu or the Review panel on the right</translation>
    </message>
    <message>
        <source>“判定依据”由目标和执行情况推算，不能直接修改；请改“目标”或“执行情况”</source>
        <translation>“Basis” is derived from the target and the performance and cannot be edited; change “Target” or “Performance” instead</translation>
    </message>
    <message>
        <source>“按项目明细汇总”各列由项目明细计算，不能直接修改；请改项目表中的行</source>
        <translation>The “Sum of project rows” columns are computed from the projects and cannot be edited; change the rows of the project table instead</translation>
    </message>
    <message>
        <source>“{label}”是计算列，不能直接修改</source>
        <translation>“{label}” is a computed column and cannot be edited</translation>
    </message>
    <message>
        <source>原表{effective}／推算{status}</source>
        <translation>Stated {effective} / derived {status}</translation>
    </message>
    <message>
        <source>{v}／算{v2}</source>
        <translation>{v} / computed {v2}</translation>
    </message>
    <message>
        <source>原表填报“{effective}”，按目标与执行情况推算为“{status}”：{reason}</source>
        <translation>The original states “{effective}”; from target and performance it is “{status}”: {reason}</translation>
    </message>
    <message>
        <source>原表完成率 {v}%，按完成投资÷年度计划应为 {v2}%</source>
        <translation>Stated completion rate {v}%; completed ÷ annual plan gives {v2}%</translation>
    </message>
    <message>
        <source>报告所列 {v}，按项目明细汇总为 {v2}</source>
        <translation>The report states {v}; the project rows add up to {v2}</translation>
    </message>
    <message>
        <source>来源：{origin}</source>
        <translation>Source: {origin}</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>原值：{original}（{user} 于 {v} 修改）</source>
        <translation>Original value: {original} (changed by {user} at {v})</translation>
    </message>
    <message>
        <source>原表未填完成率：按完成投资÷年度计划计算</source>
        <translation>The original gives no completion rate: computed as completed ÷ annual plan</translation>
    </message>
    <message>
        <source>解析：</source>
        <translation>Parsed as: </translation>
    </message>
    <message>
        <source>意见：{comment}</source>
        <translation>Comment: {comment}</translation>
    </message>
    <message>
        <source>{user} 于 {v} 标记</source>
        <translation>Marked by {user} on {v}</translation>
    </message>
    <message>
        <source>{label}（亿元）</source>
        <translation>{label} (¥100m)</translation>
    </message>
    <message>
        <source>新行</source>
        <translation>new row</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>未打开报告正文</source>
        <translation>No report text open</translation>
    </message>
    <message>
        <source>按当前表格生成的摘要（可复制到报告）：</source>
        <translation>Summary of the current table (can be copied into the report):</translation>
    </message>
    <message>
        <source>复制摘要</source>
        <translation>Copy summary</translation>
    </message>
    <message>
        <source>无法打开报告：{exc}</source>
        <translation>Cannot open the report: {exc}</translation>
    </message>
    <message>
        <source>核对意见（{n}）</source>
        <translation>Checks of the text ({n})</translation>
    </message>
    <message>
        <source>文中目标与附表（{n}）</source>
        <translation>Targets in the text against the annex ({n})</translation>
    </message>
    <message>
        <source>文中数字（{n}）</source>
        <translation>Figures in the text ({n})</translation>
    </message>
    <message>
        <source>第{line}行&#x3000;{v}：{raw}</source>
        <translation>Line {line}  {v}: {raw}</translation>
    </message>
    <message>
        <source>（未识别主语）</source>
        <translation>(subject not recognised)</translation>
    </message>
    <message>
        <source>未打开计划表</source>
        <translation>no plan open</translation>
    </message>
    <message>
        <source>&#x3000;{text}&#x3000;（未对应：{why}）</source>
        <translation>  {text}  (not matched: {why})</translation>
    </message>
    <message>
        <source>✗ {text}&#x3000;（{where}为 {shown}）</source>
        <translation>✗ {text}  ({where} is {shown})</translation>
    </message>
    <message>
        <source>{name}：{n_statements} 个数字，{matched} 个对应表中数字，{disagree} 个与表不一致，{own} 条其他审核意见</source>
        <translation>{name}: {n_statements} figures, {matched} match figures in the tables, {disagree} disagree with the tables, {own} other findings</translation>
    </message>
</context>
<context>
    <name>ReturnsView</name>
    <message>
        <source>部门返回</source>
        <translation>Department returns</translation>
    </message>
    <message>
        <source>单位 / 项目</source>
        <translation>Unit / project</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Original value</translation>
    </message>
    <message>
        <source>报送值</source>
        <translation>Returned value</translation>
    </message>
    <message>
        <source>核对</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>采纳所选(&amp;A)</source>
        <translation>&amp;Accept selected</translation>
    </message>
    <message>
        <source>拒绝所选(&amp;R)</source>
        <translation>&amp;Reject selected</translation>
    </message>
    <message>
        <source>全部采纳</source>
        <translation>Accept all</translation>
    </message>
    <message>
        <source>选中单位行即对该单位全部修改操作</source>
        <translation>Selecting a unit&apos;s row acts on all of that unit&apos;s changes</translation>
    </message>
    <message>
        <source>修改 {v}，新增 {v2}，删除 {v3}</source>
        <translation>changed {v}, added {v2}, removed {v3}</translation>
    </message>
    <message>
        <source>未填 {n_unfilled}</source>
        <translation>unfilled {n_unfilled}</translation>
    </message>
    <message>
        <source>问题 {n_problems}</source>
        <translation>problems {n_problems}</translation>
    </message>
    <message>
        <source>⚠ 问题</source>
        <translation>⚠ Problem</translation>
    </message>
    <message>
        <source>⚠ 疑似单位错误 {n}</source>
        <translation>⚠ Suspected unit errors: {n}</translation>
    </message>
    <message>
        <source>修改 {v}</source>
        <translation>Change {v}</translation>
    </message>
    <message>
        <source>新增项目</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>删除项目</source>
        <translation>Removed project</translation>
    </message>
    <message>
        <source>未返回</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <source>{unit}：{name} {field} {value}——{reason}</source>
        <translation>{unit}: {name} {field} {value} — {reason}</translation>
    </message>
    <message>
        <source>
……等 {n} 处</source>
        <translation>
… {n} in all</translation>
    </message>
    <message>
        <source>疑似单位错误</source>
        <translation>Suspected unit error</translation>
    </message>
    <message>
        <source>以下报送值疑似单位填错（如把万元填成亿元）：
{lines}

仍要采纳吗？</source>
        <translation>These returned values look entered in the wrong unit (e.g. 10,000 yuan where 100 million yuan is asked):
{lines}

Accept them anyway?</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>未选择行</source>
        <translation>No row selected</translation>
    </message>
    <message>
        <source>审核意见：</source>
        <translation>Review comment:</translation>
    </message>
    <message>
        <source>写下存疑或退回的理由…</source>
        <translation>Why is this doubtful or returned…</translation>
    </message>
    <message>
        <source>保存意见</source>
        <translation>Save comment</translation>
    </message>
    <message>
        <source>{source}：{effective}；推算：{derived}（不一致）</source>
        <translation>{source}: {effective}; derived: {derived} (disagree)</translation>
    </message>
    <message>
        <source>完成情况：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>{effective}（{source}）</source>
        <translation>{effective} ({source})</translation>
    </message>
    <message>
        <source>判定依据：</source>
        <translation>Basis:</translation>
    </message>
    <message>
        <source>判定方向：</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <source>判定容差：</source>
        <translation>Tolerance:</translation>
    </message>
    <message>
        <source>数据来源：</source>
        <translation>Data source:</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{label}原值：</source>
        <translation>{label} original value:</translation>
    </message>
    <message>
        <source>原表位置：</source>
        <translation>Original location:</translation>
    </message>
    <message>
        <source>{file} · {sheet} · 第 {source_row} 行</source>
        <translation>{file} · {sheet} · row {source_row}</translation>
    </message>
    <message>
        <source>按名称推断（{guessed}）</source>
        <translation>Inferred from the name ({guessed})</translation>
    </message>
    <message>
        <source>按计划容差（±{plan}）</source>
        <translation>Plan&apos;s tolerance (±{plan})</translation>
    </message>
    <message>
        <source>按计划容差</source>
        <translation>Plan&apos;s tolerance</translation>
    </message>
    <message>
        <source>以目标的单位计，如百分比类目标填 1 表示 ±1 个百分点；留空则按计划容差</source>
        <translation>In the target&apos;s unit: for a percentage target, 1 means ±1 percentage point; empty uses the plan&apos;s tolerance</translation>
    </message>
    <message>
        <source>容差不能为负数或百分数</source>
        <translation>A tolerance cannot be negative or a percentage</translation>
    </message>
    <message>
        <source>“{name}”的容差：{problem}</source>
        <translation>Tolerance of “{name}”: {problem}</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>{y}年</source>
        <translation>{y}</translation>
    </message>
    <message>
        <source>下年目标</source>
        <translation>Next target</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>走势</source>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>SeriesView</name>
    <message>
        <source>多年序列：{v}—{v2}年</source>
        <translation>Several years: {v}–{v2}</translation>
    </message>
    <message>
        <source>{n_frame} 项指标，{n_ordered} 个年度；{flagged} 项下年目标在近三年实际之外</source>
        <translation>{n_frame} indicators, {n_ordered} years; {flagged} next targets lie outside the last three years&apos; actuals</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>版本 {id}（{year}年 {label}）已审定（{who}，{when}），只读；可“另存为”文件或“保存到计划库”成为新版本后修改</source>
        <translation>Version {id} ({year} {label}) is approved ({who}, {when}) and read-only; use Save As for a file of your own, or Save to the plan archive for a new version, to change it</translation>
    </message>
    <message>
        <source>审定人未记录</source>
        <translation>approver not recorded</translation>
    </message>
    <message>
        <source>时间未记录</source>
        <translation>time not recorded</translation>
    </message>
    <message>
        <source>文件正由 {v} 编辑，当前为只读</source>
        <translation>The file is being edited by {v}; it is read-only now</translation>
    </message>
    <message>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
</context>
<context>
    <name>SheetViewer</name>
    <message>
        <source>“{file_name}”工作表“{sheet_name}”（普通表格，只读）</source>
        <translation>“{file_name}”, sheet “{sheet_name}” (plain table, read-only)</translation>
    </message>
    <message>
        <source>按原样显示单元格内容，不作为计划表读取，不能修改；可选中后复制（Ctrl+C）。</source>
        <translation>Cells are shown as written, not read as a plan table, and cannot be changed; select and copy with Ctrl+C.</translation>
    </message>
</context>
<context>
    <name>TableChooser</name>
    <message>
        <source>打开“{file_name}”：选择要打开的表</source>
        <translation>Open “{file_name}”: choose the table to open</translation>
    </message>
    <message>
        <source>找到 {n_tables} 个表</source>
        <translation>Found {n_tables} tables</translation>
    </message>
    <message>
        <source>；另有 {n_skipped} 个工作表未识别：</source>
        <translation>; {n_skipped} more sheets not recognised: </translation>
    </message>
    <message>
        <source>{sheet_name}（{v}，{n_table} 行）</source>
        <translation>{sheet_name} ({v}, {n_table} rows)</translation>
    </message>
    <message>
        <source>&#x3000;把握：{level}</source>
        <translation>  confidence: {level}</translation>
    </message>
    <message>
        <source>识别把握：{level}——{why}</source>
        <translation>Confidence: {level} — {why}</translation>
    </message>
    <message>
        <source>{name}（未识别为计划表）</source>
        <translation>{name} (not recognised as a plan table)</translation>
    </message>
    <message>
        <source>{reason}；可作为普通表格查看</source>
        <translation>{reason}; can be viewed as a plain table</translation>
    </message>
    <message>
        <source>作为普通表格查看（只读）(&amp;V)</source>
        <translation>&amp;View as a plain table (read-only)</translation>
    </message>
    <message>
        <source>按原样显示这张工作表的单元格，不作为计划表读取；可复制</source>
        <translation>Show this sheet&apos;s cells as written, without reading it as a plan table; copying is allowed</translation>
    </message>
    <message>
        <source>按指标表读取</source>
        <translation>Read as indicator table</translation>
    </message>
    <message>
        <source>按项目表读取</source>
        <translation>Read as project table</translation>
    </message>
    <message>
        <source>若识别的类型不对，可改按另一种表读取</source>
        <translation>If the detected kind is wrong, read it as the other kind</translation>
    </message>
    <message>
        <source>打开所选</source>
        <translation>Open selected</translation>
    </message>
    <message>
        <source>。若它不是计划表，请取消勾选，可作为普通表格查看</source>
        <translation>. If it is not a plan table, untick it; it can be viewed as a plain table</translation>
    </message>
    <message>
        <source>未识别为计划表：{reason}</source>
        <translation>Not recognised as a plan table: {reason}</translation>
    </message>
    <message>
        <source>未识别为计划表</source>
        <translation>Not recognised as a plan table</translation>
    </message>
</context>
<context>
    <name>TableNavigator</name>
    <message>
        <source>主要指标</source>
        <translation>Main indicators</translation>
    </message>
    <message>
        <source>重大建设项目</source>
        <translation>Major construction projects</translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation>Summary tables</translation>
    </message>
    <message>
        <source>{title}
共 {n_table} 行</source>
        <translation>{title}
{n_table} rows</translation>
    </message>
</context>
<context>
    <name>ToleranceDialog</name>
    <message>
        <source>计划属性：审核容差</source>
        <translation>Plan properties: review tolerances</translation>
    </message>
    <message>
        <source>“左右”类目标在容差内、以及略差于目标但在容差内的，判为“基本完成”。单行可在审核面板中另设本行容差。</source>
        <translation>An “about” target met within the tolerance, or missed by less than the tolerance, counts as “Mostly met”. A row can have its own tolerance in the review panel.</translation>
    </message>
    <message>
        <source> 个百分点</source>
        <translation> percentage points</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
</context>
<context>
    <name>TotalsBar</name>
    <message>
        <source>共 {shown} 项</source>
        <translation>{shown} items</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>TotalsModel</name>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>使用指南</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>未找到使用指南（应在：{path}）。</source>
        <translation>The user guide was not found (expected at: {path}).</translation>
    </message>
</context>
<context>
    <name>ValueFilterPopup</name>
    <message>
        <source>筛选“{title}”</source>
        <translation>Filter “{title}”</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>（全选）</source>
        <translation>(Select all)</translation>
    </message>
    <message>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>导出附件(&amp;E)…</source>
        <translation>&amp;Export annex…</translation>
    </message>
    <message>
        <source>写出标准版式的审核后附件</source>
        <translation>Write the reviewed annex in the standard layout</translation>
    </message>
    <message>
        <source>导出打印稿（无标记）(&amp;P)…</source>
        <translation>Export &amp;print copy (no marks)…</translation>
    </message>
    <message>
        <source>无底色、无批注的干净打印稿，可直接作附件</source>
        <translation>A clean print copy without fills or comments, ready to use as the annex</translation>
    </message>
    <message>
        <source>写回原表(&amp;W)…</source>
        <translation>&amp;Write back to original…</translation>
    </message>
    <message>
        <source>把修改写回部门报送的原表，保留原表版式</source>
        <translation>Write the changes back into the department&apos;s original workbook, keeping its layout</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>比较(&amp;C)…</source>
        <translation>&amp;Compare…</translation>
    </message>
    <message>
        <source>打开另一文件与当前文档比较，逐项采纳修订</source>
        <translation>Open another file, compare it with the current document and accept revisions item by item</translation>
    </message>
    <message>
        <source>年度对比(&amp;Y)</source>
        <translation>Compare &amp;years</translation>
    </message>
    <message>
        <source>本文档中上年与本年的同类表并排比较</source>
        <translation>Compare last year&apos;s and this year&apos;s table of the same kind in this document</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <source>查找下一个</source>
        <translation>Find next</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>运行审核检查(&amp;C)</source>
        <translation>Run &amp;checks</translation>
    </message>
    <message>
        <source>标记为{status}</source>
        <translation>Mark as {status}</translation>
    </message>
    <message>
        <source>审核意见(&amp;M)…</source>
        <translation>Co&amp;mment…</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>打开报告正文(&amp;T)…</source>
        <translation>Open report &amp;text…</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent files</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>新建图表窗口(&amp;G)</source>
        <translation>&amp;New chart window</translation>
    </message>
    <message>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用指南(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>常用</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>查找/筛选（Ctrl+F）</source>
        <translation>Find/filter (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>WindowPreferences</name>
    <message>
        <source>语言 / &amp;Language</source>
        <translation>&amp;Language / 语言</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>YearModel</name>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>上年目标</source>
        <translation>Last target</translation>
    </message>
    <message>
        <source>上年实际</source>
        <translation>Last actual</translation>
    </message>
    <message>
        <source>下年目标</source>
        <translation>Next target</translation>
    </message>
    <message>
        <source>步长</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>附件二上年数</source>
        <translation>Annex 2 base</translation>
    </message>
    <message>
        <source>衔接</source>
        <translation>Consistent</translation>
    </message>
    <message>
        <source>新增指标</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>不再列入</source>
        <translation>No longer listed</translation>
    </message>
    <message>
        <source>个百分点</source>
        <translation>percentage points</translation>
    </message>
    <message>
        <source>一致</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>不一致</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>_Reporter</name>
    <message>
        <source>日志无法写入：{error}

</source>
        <translation>The log could not be written: {error}

</translation>
    </message>
    <message>
        <source>之后又发生了错误，日志：{log}</source>
        <translation>Another error followed; log: {log}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>恢复未保存的工作</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <source>上次退出时有未保存的修改：
{v}

是否恢复？（选“否”将丢弃这些修改）</source>
        <translation>There were unsaved changes when the app last closed:
{v}

Recover them? (“No” discards these changes)</translation>
    </message>
    <message>
        <source>无法恢复</source>
        <translation>Cannot recover</translation>
    </message>
    <message>
        <source>已恢复上次未保存的修改，请及时保存</source>
        <translation>Recovered the unsaved changes of last time; please save them</translation>
    </message>
</context>
<context>
    <name>archive_dialog</name>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>计划库</source>
        <translation>Plan archive</translation>
    </message>
    <message>
        <source>保存到计划库</source>
        <translation>Save to the plan archive</translation>
    </message>
    <message>
        <source>如 报送稿、修订稿、审定稿</source>
        <translation>e.g. submitted, revised, approved</translation>
    </message>
    <message>
        <source>版本名称(&amp;L)：</source>
        <translation>Version &amp;label:</translation>
    </message>
    <message>
        <source>计划年度(&amp;Y)：</source>
        <translation>Plan &amp;year:</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>请先打开一个计划</source>
        <translation>Open a plan first</translation>
    </message>
    <message>
        <source>正在保存到计划库</source>
        <translation>Saving to the plan archive</translation>
    </message>
    <message>
        <source>已存入计划库：版本 {id}（{year}年 {label}）</source>
        <translation>Saved to the plan archive: version {id} ({year} {label})</translation>
    </message>
    <message>
        <source>已审定的版本</source>
        <translation>Approved version</translation>
    </message>
    <message>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>年度 / 版本</source>
        <translation>Year / version</translation>
    </message>
    <message>
        <source>版本名称</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>保存人</source>
        <translation>Saved by</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>审定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>打开(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>比较所选两个版本(&amp;C)</source>
        <translation>&amp;Compare the two selected versions</translation>
    </message>
    <message>
        <source>标为审定(&amp;A)</source>
        <translation>Mark &amp;approved</translation>
    </message>
    <message>
        <source>保存当前文档到计划库(&amp;S)…</source>
        <translation>&amp;Save the current document to the archive…</translation>
    </message>
    <message>
        <source>{server}（团队审核：打开的版本与团队同步）</source>
        <translation>{server} (team review: an opened version stays in sync with the team)</translation>
    </message>
    <message>
        <source>计划库：{where}</source>
        <translation>Plan archive: {where}</translation>
    </message>
    <message>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <source>版本 {id}</source>
        <translation>Version {id}</translation>
    </message>
    <message>
        <source>正在打开计划库中的版本</source>
        <translation>Opening the archived version</translation>
    </message>
    <message>
        <source>已打开计划库版本 {id}（{year}年 {label}）{approved}</source>
        <translation>Opened archived version {id} ({year} {label}){approved}</translation>
    </message>
    <message>
        <source>，已审定，只读</source>
        <translation>, approved, read-only</translation>
    </message>
    <message>
        <source>正在读取两个版本</source>
        <translation>Reading the two versions</translation>
    </message>
    <message>
        <source>版本 {id}（{year}年 {label}）</source>
        <translation>Version {id} ({year} {label})</translation>
    </message>
    <message>
        <source>标为审定</source>
        <translation>Mark approved</translation>
    </message>
    <message>
        <source>版本 {id} 标为审定后不能再改动。继续吗？</source>
        <translation>Once version {id} is marked approved it can no longer be changed. Continue?</translation>
    </message>
    <message>
        <source>计划库(&amp;K)…</source>
        <translation>Plan archi&amp;ve…</translation>
    </message>
    <message>
        <source>保存到计划库(&amp;V)…</source>
        <translation>Save to the plan archi&amp;ve…</translation>
    </message>
    <message>
        <source>连接计划库服务器(&amp;N)…</source>
        <translation>Co&amp;nnect to archive server…</translation>
    </message>
    <message>
        <source>打开团队共用的计划库，多人同时审核</source>
        <translation>Open the team&apos;s shared archive and review together</translation>
    </message>
</context>
<context>
    <name>archive_series</name>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>计划库中 {n} 个年度（{unit}）</source>
        <translation>{n} years in the plan archive ({unit})</translation>
    </message>
</context>
<context>
    <name>chart_panel</name>
    <message>
        <source>复位视图（回到最初的缩放）</source>
        <translation>Reset view (back to the original zoom)</translation>
    </message>
    <message>
        <source>后退到上一视图</source>
        <translation>Back to the previous view</translation>
    </message>
    <message>
        <source>前进到下一视图</source>
        <translation>Forward to the next view</translation>
    </message>
    <message>
        <source>平移：左键拖动移动，右键拖动缩放</source>
        <translation>Pan: drag with the left button to move, with the right button to zoom</translation>
    </message>
    <message>
        <source>框选放大：拖出矩形放大，右键框选缩小</source>
        <translation>Zoom to rectangle: drag to zoom in, drag with the right button to zoom out</translation>
    </message>
    <message>
        <source>调整图边距</source>
        <translation>Adjust margins</translation>
    </message>
    <message>
        <source>编辑坐标轴、标题与线条</source>
        <translation>Edit axes, titles and lines</translation>
    </message>
    <message>
        <source>保存图片（PNG/SVG/PDF）</source>
        <translation>Save image (PNG/SVG/PDF)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{prog}：用法错误：{message}</source>
        <translation>{prog}: usage error: {message}</translation>
    </message>
    <message>
        <source>读取一个表格（计划文档或附件），输出规范字段</source>
        <translation>Read one table (plan document or annex) and print its fields</translation>
    </message>
    <message>
        <source>计划文档或附件表格</source>
        <translation>plan document or annex workbook</translation>
    </message>
    <message>
        <source>工作表名称或表标识；缺省为找到的第一个表</source>
        <translation>sheet name or table id; default: the first table found</translation>
    </message>
    <message>
        <source>按指标表或项目表解读</source>
        <translation>read as an indicator or a project table</translation>
    </message>
    <message>
        <source>输出一个 JSON 文档</source>
        <translation>print one JSON document</translation>
    </message>
    <message>
        <source>读取一个表格，输出规范字段</source>
        <translation>read one table, print its canonical fields</translation>
    </message>
    <message>
        <source>{v}（工作表“{v2}”，{v3}，{v4} 行）</source>
        <translation>{v} (sheet “{v2}”, {v3}, {v4} rows)</translation>
    </message>
    <message>
        <source>单位：{v}</source>
        <translation>Unit: {v}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>&#x3000;｜明细合计：{computed}</source>
        <translation>  | sum of details: {computed}</translation>
    </message>
    <message>
        <source>&#x3000;≠ 与报告不符：{v}</source>
        <translation>  ≠ disagrees with the report: {v}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>警告：{warning}</source>
        <translation>Warning: {warning}</translation>
    </message>
    <message>
        <source>文件中的其他表：</source>
        <translation>Other tables in the file: </translation>
    </message>
    <message>
        <source>写出审核后的附件工作簿</source>
        <translation>write the reviewed annex workbook</translation>
    </message>
    <message>
        <source>写出审核后的附件工作簿（标准版式、修改标记、修订记录、审核意见）</source>
        <translation>Write the reviewed annex workbook (standard layout, change marks, revision log, review comments)</translation>
    </message>
    <message>
        <source>输出</source>
        <translation>OUTPUT</translation>
    </message>
    <message>
        <source>输出的 .xlsx 文件</source>
        <translation>the .xlsx file to write</translation>
    </message>
    <message>
        <source>把修改写回原表（保留原表版式），而不是生成标准附件</source>
        <translation>write the changes back into the original workbook (keeping its layout) instead of a standard annex</translation>
    </message>
    <message>
        <source>原表文件</source>
        <translation>ORIGINAL</translation>
    </message>
    <message>
        <source>写回时使用的原表；输入本身是部门原表时可省略（不会自动打开文档中记录的其他路径）</source>
        <translation>the original workbook for write-back; may be left out when the input is the department&apos;s original (other paths recorded in the document are never opened by themselves)</translation>
    </message>
    <message>
        <source>导出可复核副本：隐藏的文档数据保留来源路径、修改人和完整修订记录（缺省为分发版，不含这些）</source>
        <translation>export a reviewable copy: the hidden document data keeps source paths, editors and the full revision log (default: the copy for distribution, without these)</translation>
    </message>
    <message>
        <source>允许输出文件覆盖输入文件</source>
        <translation>allow the output to overwrite the input</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>FONT</translation>
    </message>
    <message>
        <source>标题与表头字体（如 方正小标宋简体）；缺省 黑体</source>
        <translation>font of titles and headers (e.g. 方正小标宋简体); default 黑体</translation>
    </message>
    <message>
        <source>表体字体；缺省 宋体</source>
        <translation>font of the table body; default 宋体</translation>
    </message>
    <message>
        <source>干净打印稿：无底色、无批注，不含修订记录、审核意见和工作台数据</source>
        <translation>clean print copy: no fills, no comments, without revision log, review comments or workbench data</translation>
    </message>
    <message>
        <source>完成情况与执行数不符、已按推算结果印出的 {n} 个指标：</source>
        <translation>{n} indicators whose stated status contradicts their figures, printed with the status the figures give:</translation>
    </message>
    <message>
        <source>输出路径是一个文件夹，请给出 .xlsx 文件名</source>
        <translation>the output path is a folder; give an .xlsx file name</translation>
    </message>
    <message>
        <source>输出文件夹不存在：{folder}</source>
        <translation>the output folder does not exist: {folder}</translation>
    </message>
    <message>
        <source>没有写入输出文件夹的权限：{folder}</source>
        <translation>no permission to write in the output folder: {folder}</translation>
    </message>
    <message>
        <source>输出文件正由 {v} 打开编辑，未覆盖；请另选文件名</source>
        <translation>the output file is open for editing by {v} and was not overwritten; choose another name</translation>
    </message>
    <message>
        <source>输出文件应为 .xlsx：{output}</source>
        <translation>the output file should be .xlsx: {output}</translation>
    </message>
    <message>
        <source>输出文件与输入文件相同；为避免覆盖原文件，请另选文件名，或加 --overwrite</source>
        <translation>the output file is the input file; choose another name so the original is not overwritten, or add --overwrite</translation>
    </message>
    <message>
        <source>（文档记录的来源文件名为“{recorded}”）</source>
        <translation> (the document records the source file name “{recorded}”)</translation>
    </message>
    <message>
        <source>写回需要用 --original 指定部门原表{hint}</source>
        <translation>write-back needs the department&apos;s original workbook given with --original{hint}</translation>
    </message>
    <message>
        <source>已按原表“{original}”写回 {written} 个单元格到 {output}</source>
        <translation>Wrote {written} cells back following the original “{original}” to {output}</translation>
    </message>
    <message>
        <source>
未写回：{s}</source>
        <translation>
Not written back: {s}</translation>
    </message>
    <message>
        <source>
已重算合计：{s}</source>
        <translation>
Total recomputed: {s}</translation>
    </message>
    <message>
        <source>
打开时重算：{s}</source>
        <translation>
Recomputed when opened: {s}</translation>
    </message>
    <message>
        <source>
小计与明细不符：{s}</source>
        <translation>
Subtotal disagrees with its details: {s}</translation>
    </message>
    <message>
        <source>已导出 {output}：</source>
        <translation>Exported {output}: </translation>
    </message>
    <message>
        <source>workbench：提示：文件“{v}”：{notice}</source>
        <translation>workbench: note: file “{v}”: {notice}</translation>
    </message>
    <message>
        <source>运行审核检查</source>
        <translation>run the review checks</translation>
    </message>
    <message>
        <source>对计划文档、附件和/或报告正文（.txt/.docx）运行审核检查</source>
        <translation>Run the checks on plan documents, annexes and/or the report text (.txt/.docx)</translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 有 --fail-on 所指级别（或更严重）的审核意见</source>
        <translation>exit codes: 0 done; 1 unusable input; 2 bad usage; 3 findings at the --fail-on level (or more severe)</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>file</translation>
    </message>
    <message>
        <source>计划文档、附件表格或报告正文</source>
        <translation>plan document, annex workbook or report text</translation>
    </message>
    <message>
        <source>逐条列出，不合并同类意见</source>
        <translation>list every finding, do not merge similar ones</translation>
    </message>
    <message>
        <source>百分点</source>
        <translation>POINTS</translation>
    </message>
    <message>
        <source>本次检查用的百分比类指标容差（个百分点），不改动文件；默认用文档的审核容差</source>
        <translation>tolerance for percentage indicators in this run (percentage points); the file is not changed; default: the document&apos;s tolerance</translation>
    </message>
    <message>
        <source>严重级别</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>有此级别或更严重的审核意见时以退出码 3 结束（error：仅错误；warning：错误或警告）</source>
        <translation>exit with code 3 when there are findings at this level or more severe (error: errors only; warning: errors or warnings)</translation>
    </message>
    <message>
        <source>显示本帮助并退出</source>
        <translation>show this help message and exit</translation>
    </message>
    <message>
        <source>显示版本号并退出</source>
        <translation>show the version number and exit</translation>
    </message>
    <message>
        <source>容差应为数值，而不是“{text}”</source>
        <translation>the tolerance must be a number, not “{text}”</translation>
    </message>
    <message>
        <source>容差应为不小于 0 的数，而不是“{text}”</source>
        <translation>the tolerance must be a number not below 0, not “{text}”</translation>
    </message>
    <message>
        <source>：</source>
        <translation>: </translation>
    </message>
    <message>
        <source>{v} 第{v2}行</source>
        <translation>{v} line {v2}</translation>
    </message>
    <message>
        <source>共 {n_findings} 条审核意见</source>
        <translation>{n_findings} findings</translation>
    </message>
    <message>
        <source>列出报告正文中引用的数字（.txt/.docx）</source>
        <translation>List the figures quoted in the report text (.txt/.docx)</translation>
    </message>
    <message>
        <source>报告正文（.txt 或 .docx）</source>
        <translation>report text (.txt or .docx)</translation>
    </message>
    <message>
        <source>比较两个计划文档或附件</source>
        <translation>compare two plan files or annexes</translation>
    </message>
    <message>
        <source>比较两个计划文档或附件（同一表的两个版本，或同一表的两个年度）</source>
        <translation>Compare two plan documents or annexes (two versions of a table, or two years of it)</translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 加 --fail-on change 且有修改、新增或删除的行</source>
        <translation>exit codes: 0 done; 1 unusable input; 2 bad usage; 3 with --fail-on change, rows were changed, added or removed</translation>
    </message>
    <message>
        <source>旧文件（当前计划、上年）</source>
        <translation>old file (current plan, last year)</translation>
    </message>
    <message>
        <source>旧文件</source>
        <translation>old</translation>
    </message>
    <message>
        <source>新文件</source>
        <translation>new</translation>
    </message>
    <message>
        <source>新文件（部门修订稿、本年）</source>
        <translation>new file (department&apos;s revision, this year)</translation>
    </message>
    <message>
        <source>表名</source>
        <translation>SHEET</translation>
    </message>
    <message>
        <source>两文件中要比较的工作表或表；缺省为旧文件的第一个表</source>
        <translation>sheet or table to compare in both files; default: the first table of the old file</translation>
    </message>
    <message>
        <source>新文件中的工作表（与 --sheet 不同名时）</source>
        <translation>sheet in the new file (when its name differs from --sheet)</translation>
    </message>
    <message>
        <source>列</source>
        <translation>COLUMN</translation>
    </message>
    <message>
        <source>配对所用的列（如 name 或 项目名称）；缺省为名称</source>
        <translation>column used to pair rows (e.g. name or 项目名称); default: the name</translation>
    </message>
    <message>
        <source>对照表文件</source>
        <translation>CROSSWALK</translation>
    </message>
    <message>
        <source>对照表 JSON：{&quot;sector&quot;: {旧: 新}, &quot;name&quot;: {旧: 新}}，新值 null 表示无对应</source>
        <translation>crosswalk JSON: {&quot;sector&quot;: {old: new}, &quot;name&quot;: {old: new}}; a new value of null means no counterpart</translation>
    </message>
    <message>
        <source>方案</source>
        <translation>PROFILE</translation>
    </message>
    <message>
        <source>内置的地区对照表方案（如 chongqing_2021_2022），与旧文件保存的对照表合用</source>
        <translation>a shipped regional crosswalk profile (e.g. chongqing_2021_2022), used together with the crosswalk the old file stored</translation>
    </message>
    <message>
        <source>得分</source>
        <translation>SCORE</translation>
    </message>
    <message>
        <source>相似名称得分不低于此值即视为同一行（缺省 0.85）；低于此值的只作建议列出</source>
        <translation>similar names scoring at least this are the same row (default 0.85); lower scores are only suggested</translation>
    </message>
    <message>
        <source>字段=数值</source>
        <translation>FIELD=VALUE</translation>
    </message>
    <message>
        <source>某字段的容差（同单位，如 annual_plan=0.01）；可重复</source>
        <translation>tolerance of a field (in its unit, e.g. annual_plan=0.01); may be repeated</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>CONDITION</translation>
    </message>
    <message>
        <source>change：有修改、新增或删除的行时以退出码 3 结束</source>
        <translation>change: exit with code 3 when rows were changed, added or removed</translation>
    </message>
    <message>
        <source>列出报告正文中引用的数字</source>
        <translation>list the figures a report&apos;s text quotes</translation>
    </message>
    <message>
        <source>报告</source>
        <translation>report</translation>
    </message>
    <message>
        <source>（={amount_yi:g}亿元）</source>
        <translation> (={amount_yi:g} × 100 million yuan)</translation>
    </message>
    <message>
        <source>{year}年 </source>
        <translation>{year} </translation>
    </message>
    <message>
        <source>第{line}行&#x3000;{year}{v}：{raw}{same}</source>
        <translation>Line {line}  {year}{v}: {raw}{same}</translation>
    </message>
    <message>
        <source>共 {n_statements} 个数字</source>
        <translation>{n_statements} figures</translation>
    </message>
    <message>
        <source>没有可与旧文件“{sheet_name}”比较的{kind}</source>
        <translation>no {kind} to compare with “{sheet_name}” of the old file</translation>
    </message>
    <message>
        <source>--accept 应在 0 到 1 之间，而不是 {accept}</source>
        <translation>--accept should be between 0 and 1, not {accept}</translation>
    </message>
    <message>
        <source>对照表文件不存在</source>
        <translation>the crosswalk file does not exist</translation>
    </message>
    <message>
        <source>{name} 工作表“{sheet_name}”</source>
        <translation>{name} sheet “{sheet_name}”</translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation>not enough disk space</translation>
    </message>
    <message>
        <source>磁盘配额已满</source>
        <translation>disk quota exceeded</translation>
    </message>
    <message>
        <source>没有权限</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>磁盘或文件夹是只读的</source>
        <translation>the disk or folder is read-only</translation>
    </message>
    <message>
        <source>文件或文件夹不存在</source>
        <translation>the file or folder does not exist</translation>
    </message>
    <message>
        <source>这是一个文件夹</source>
        <translation>this is a folder</translation>
    </message>
    <message>
        <source>文件名过长</source>
        <translation>the file name is too long</translation>
    </message>
    <message>
        <source>文件超过系统允许的大小（或磁盘已满）</source>
        <translation>the file exceeds the size the system allows (or the disk is full)</translation>
    </message>
    <message>
        <source>文件正被占用</source>
        <translation>the file is in use</translation>
    </message>
    <message>
        <source>文件“{v}”：</source>
        <translation>file “{v}”: </translation>
    </message>
    <message>
        <source>{where}{reason}，未能完成（原有文件未受影响）</source>
        <translation>{where}{reason}; not done (existing files are unchanged)</translation>
    </message>
    <message>
        <source>workbench：未知选项 {v}
{v2}</source>
        <translation>workbench: unknown option {v}
{v2}</translation>
    </message>
    <message>
        <source>没有“{name}”这个命令，是否要用 {v}？</source>
        <translation>there is no command “{name}”; did you mean {v}?</translation>
    </message>
    <message>
        <source>命令</source>
        <translation>commands</translation>
    </message>
    <message>
        <source>用法：workbench [文件…]    打开工作台（无文件时打开示例计划）</source>
        <translation>usage: workbench [FILE…]    open the workbench (the sample plan when no file is given)</translation>
    </message>
    <message>
        <source>命令：</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <source>workbench help 命令 或 workbench 命令 --help：该命令的用法；workbench --version：版本号</source>
        <translation>workbench help COMMAND or workbench COMMAND --help: that command&apos;s usage; workbench --version: the version</translation>
    </message>
    <message>
        <source>退出码：0 完成；1 输入无法使用；2 用法错误；3 check/diff 加 --fail-on 时发现所指的审核意见或修改</source>
        <translation>Exit codes: 0 done; 1 unusable input; 2 bad usage; 3 check/diff with --fail-on found the findings or changes it names</translation>
    </message>
    <message>
        <source>没有“{name}”这个命令</source>
        <translation>there is no command “{name}”</translation>
    </message>
    <message>
        <source>文件不存在（完整路径：{v}）</source>
        <translation>file not found (full path: {v})</translation>
    </message>
    <message>
        <source>workbench：没有可用的图形显示（未设置 DISPLAY）；无界面时请用 import/export/check 子命令</source>
        <translation>workbench: no graphical display available (DISPLAY is not set); without one, use the import/export/check subcommands</translation>
    </message>
    <message>
        <source>workbench：{problem}</source>
        <translation>workbench: {problem}</translation>
    </message>
    <message>
        <source>workbench：内存不足，已停止（文件可能过大或已损坏）</source>
        <translation>workbench: out of memory, stopped (the file may be too large or damaged)</translation>
    </message>
    <message>
        <source>workbench：处理时出错（{kind}：{v}）</source>
        <translation>workbench: error while processing ({kind}: {v})</translation>
    </message>
    <message>
        <source>截止日期应写作 YYYY-MM-DD（如 2022-01-15），而不是“{text}”</source>
        <translation>the deadline should be written YYYY-MM-DD (e.g. 2022-01-15), not “{text}”</translation>
    </message>
    <message>
        <source>生成部门填报工作簿</source>
        <translation>generate the departments&apos; collection workbooks</translation>
    </message>
    <message>
        <source>为每个责任单位（或领域）生成部门填报工作簿</source>
        <translation>Make a collection workbook for each responsible unit (or sector)</translation>
    </message>
    <message>
        <source>分组方式</source>
        <translation>grouping</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>output folder</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>DATE</translation>
    </message>
    <message>
        <source>填报截止日期 YYYY-MM-DD</source>
        <translation>deadline for returns, YYYY-MM-DD</translation>
    </message>
    <message>
        <source>{path}&#x3000;{unit}&#x3000;{rows} 行</source>
        <translation>{path}  {unit}  {rows} rows</translation>
    </message>
    <message>
        <source>共生成 {n_written} 个填报工作簿，位于 {output}</source>
        <translation>Made {n_written} collection workbooks in {output}</translation>
    </message>
    <message>
        <source>生成下一年计划框架</source>
        <translation>roll the plan forward into next year&apos;s</translation>
    </message>
    <message>
        <source>由本年计划生成下一年计划框架（上年结转）</source>
        <translation>Make next year&apos;s plan outline from this year&apos;s plan (carried forward)</translation>
    </message>
    <message>
        <source>计划文档</source>
        <translation>plan document</translation>
    </message>
    <message>
        <source>输出的计划文档 .xlsx</source>
        <translation>the plan document .xlsx to write</translation>
    </message>
    <message>
        <source>年份</source>
        <translation>YEAR</translation>
    </message>
    <message>
        <source>从哪一年结转（缺省为执行年度）</source>
        <translation>the year to carry forward from (default: the year of execution)</translation>
    </message>
    <message>
        <source>输出文件不能覆盖输入文件</source>
        <translation>the output file cannot overwrite the input file</translation>
    </message>
    <message>
        <source>已写入 {path}</source>
        <translation>Wrote {path}</translation>
    </message>
    <message>
        <source>读取部门返回的填报工作簿</source>
        <translation>read the collection workbooks departments returned</translation>
    </message>
    <message>
        <source>读取部门返回的填报工作簿，与发出的内容比较</source>
        <translation>Read the workbooks the departments returned and compare them with what was sent</translation>
    </message>
    <message>
        <source>生成填报表所用的计划文档</source>
        <translation>the plan document the collection workbooks were made from</translation>
    </message>
    <message>
        <source>计划</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>返回文件所在的文件夹</source>
        <translation>folder with the returned files</translation>
    </message>
    <message>
        <source>文件夹</source>
        <translation>FOLDER</translation>
    </message>
    <message>
        <source>分组方式（缺省按返回文件）</source>
        <translation>grouping (default: from the returned files)</translation>
    </message>
    <message>
        <source>复制示例计划</source>
        <translation>copy the sample plan</translation>
    </message>
    <message>
        <source>复制随程序提供的示例计划（重庆市 2021 年执行、2022 年计划），供命令行试用</source>
        <translation>Copy the sample plan shipped with the program (Chongqing, 2021 execution and 2022 plan) to try the command line</translation>
    </message>
    <message>
        <source>允许覆盖已存在的文件</source>
        <translation>allow overwriting an existing file</translation>
    </message>
    <message>
        <source>安装不完整，找不到示例计划（完整路径：{source}）</source>
        <translation>the installation is incomplete: the sample plan is missing (full path: {source})</translation>
    </message>
    <message>
        <source>这是一个文件夹，请给出文件名（完整路径：{full}）</source>
        <translation>this is a folder; give a file name (full path: {full})</translation>
    </message>
    <message>
        <source>文件已存在；要覆盖请加 --overwrite（完整路径：{full}）</source>
        <translation>the file exists; add --overwrite to replace it (full path: {full})</translation>
    </message>
    <message>
        <source>所在文件夹不存在（完整路径：{full}）</source>
        <translation>its folder does not exist (full path: {full})</translation>
    </message>
    <message>
        <source>无法写入：{v}（完整路径：{full}）</source>
        <translation>cannot write: {v} (full path: {full})</translation>
    </message>
    <message>
        <source>已复制示例计划到 {v}</source>
        <translation>Copied the sample plan to {v}</translation>
    </message>
    <message>
        <source>文件“{name}”</source>
        <translation>file “{name}”</translation>
    </message>
    <message>
        <source>工作表“{sheet}”</source>
        <translation>sheet “{sheet}”</translation>
    </message>
    <message>
        <source>单元格 {cell}</source>
        <translation>cell {cell}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{where}：{message}</source>
        <translation>{where}: {message}</translation>
    </message>
    <message>
        <source>--- 旧：{old_label}（{title}，{n_old} 行）</source>
        <translation>--- old: {old_label} ({title}, {n_old} rows)</translation>
    </message>
    <message>
        <source>+++ 新：{new_label}（{title}，{n_new} 行）</source>
        <translation>+++ new: {new_label} ({title}, {n_new} rows)</translation>
    </message>
    <message>
        <source>按“{v}”配对（规范化名称 + 对照表）</source>
        <translation>paired by “{v}” (normalised names + crosswalk)</translation>
    </message>
    <message>
        <source>~~~ 更名（{v}{score}）  {v2} → {v3}</source>
        <translation>~~~ renamed ({v}{score})  {v2} → {v3}</translation>
    </message>
    <message>
        <source>（对照表：无对应）</source>
        <translation> (crosswalk: no counterpart)</translation>
    </message>
    <message>
        <source>??? 建议配对 {score:g}（未采纳；--accept {score:g} 可采纳）  {v} ⇢ {v2}</source>
        <translation>??? suggested pair {score:g} (not accepted; --accept {score:g} accepts it)  {v} ⇢ {v2}</translation>
    </message>
    <message>
        <source>按“{v}”汇总（旧→新，只列有变化的组）：</source>
        <translation>Totals by &quot;{v}&quot; (old→new, changed groups only):</translation>
    </message>
    <message>
        <source>--- 旧：{old_label}</source>
        <translation>--- old: {old_label}</translation>
    </message>
    <message>
        <source>+++ 新：{new_label}</source>
        <translation>+++ new: {new_label}</translation>
    </message>
    <message>
        <source>逐表比较 {n} 个表：</source>
        <translation>Compared table by table, {n} tables:</translation>
    </message>
    <message>
        <source>=== 表 {n}/{total}：{names}（{n_old}→{n_new} 行）</source>
        <translation>=== Table {n}/{total}: {names} ({n_old}→{n_new} rows)</translation>
    </message>
    <message>
        <source>无变化</source>
        <translation>No change</translation>
    </message>
    <message>
        <source>--- 只在旧文件中的表：{name}</source>
        <translation>--- Table only in the old file: {name}</translation>
    </message>
    <message>
        <source>+++ 只在新文件中的表：{name}</source>
        <translation>+++ Table only in the new file: {name}</translation>
    </message>
    <message>
        <source>!!! {file}：{notice}</source>
        <translation>!!! {file}: {notice}</translation>
    </message>
    <message>
        <source>（含原“{v}”）</source>
        <translation> (includes former “{v}”)</translation>
    </message>
    <message>
        <source>新增 {added}，删除 {removed}，修改 {changed}</source>
        <translation>added {added}, removed {removed}, changed {changed}</translation>
    </message>
    <message>
        <source>  {group}{folded}：{count_old}→{count_new} 行</source>
        <translation>  {group}{folded}: {count_old}→{count_new} rows</translation>
    </message>
    <message>
        <source>（{moved}）</source>
        <translation> ({moved})</translation>
    </message>
    <message>
        <source>合计：</source>
        <translation>Total: </translation>
    </message>
    <message>
        <source>年度应为四位数字，而不是“{text}”</source>
        <translation>the year should be four digits, not “{text}”</translation>
    </message>
    <message>
        <source>版本编号应为数字，而不是“{text}”</source>
        <translation>the version id should be a number, not “{text}”</translation>
    </message>
    <message>
        <source>计划库：历年、各版本计划存于一个数据库</source>
        <translation>the plan archive: every year and version of the plan in one database</translation>
    </message>
    <message>
        <source>计划库：历年、各版本计划存于一个数据库（缺省为用户数据文件夹中的 SQLite 文件）</source>
        <translation>The plan archive: every year and version of the plan in one database (by default a SQLite file in the user data folder)</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>计划库：文件路径或地址（sqlite:///…、postgresql://…）；缺省依次取 WORKBENCH_DB、窗口中设置的计划库、用户数据文件夹中的计划库文件</source>
        <translation>archive: a file path or address (sqlite:///…, postgresql://…); otherwise WORKBENCH_DB, then the archive set in the window, then the archive file in the user&apos;s data folder</translation>
    </message>
    <message>
        <source>创建或升级计划库</source>
        <translation>create or upgrade the archive</translation>
    </message>
    <message>
        <source>存入一个文件，或一个文件夹中的历年附件</source>
        <translation>add a file, or a folder of past years&apos; annexes</translation>
    </message>
    <message>
        <source>计划文档、附件表格，或存放历年附件的文件夹</source>
        <translation>plan document, annex workbook, or a folder of past years&apos; annexes</translation>
    </message>
    <message>
        <source>计划年度；缺省从文件中读取</source>
        <translation>plan year; default: read from the file</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>YEAR</translation>
    </message>
    <message>
        <source>版本名称（报送稿、修订稿、审定稿…）</source>
        <translation>version label (submitted, revised, approved draft…)</translation>
    </message>
    <message>
        <source>版本名称</source>
        <translation>LABEL</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>note</translation>
    </message>
    <message>
        <source>列出版本</source>
        <translation>list the versions</translation>
    </message>
    <message>
        <source>只列出这一年度</source>
        <translation>only this year</translation>
    </message>
    <message>
        <source>一个版本的详情</source>
        <translation>details of one version</translation>
    </message>
    <message>
        <source>版本号</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>导出版本存入时的原文件</source>
        <translation>write the file a version was added from</translation>
    </message>
    <message>
        <source>输出文件</source>
        <translation>output file</translation>
    </message>
    <message>
        <source>比较两个版本</source>
        <translation>compare two versions</translation>
    </message>
    <message>
        <source>旧版本号</source>
        <translation>OLD_ID</translation>
    </message>
    <message>
        <source>新版本号</source>
        <translation>NEW_ID</translation>
    </message>
    <message>
        <source>要比较的表；缺省为两个版本共有的第一个表</source>
        <translation>table to compare; default: the first table both versions hold</translation>
    </message>
    <message>
        <source>一个指标历年的目标、实际与完成情况</source>
        <translation>an indicator&apos;s target, actual and status per year</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>indicator name</translation>
    </message>
    <message>
        <source>起始年度</source>
        <translation>first year</translation>
    </message>
    <message>
        <source>截止年度</source>
        <translation>last year</translation>
    </message>
    <message>
        <source>将版本标为审定（此后只读）</source>
        <translation>mark a version approved (read-only from then on)</translation>
    </message>
    <message>
        <source>&#x3000;审定</source>
        <translation>  approved</translation>
    </message>
    <message>
        <source>{id}&#x3000;{year}年&#x3000;{label}&#x3000;{name}&#x3000;{author}&#x3000;{created}{approved}</source>
        <translation>{id}  {year}  {label}  {name}  {author}  {created}{approved}</translation>
    </message>
    <message>
        <source>计划库已就绪：{where}（结构版本 {revision}，{n} 个版本）</source>
        <translation>Plan archive ready: {where} (schema {revision}, {n} versions)</translation>
    </message>
    <message>
        <source>存入文件夹时年度从各文件读取，不能用 --year</source>
        <translation>adding a folder reads each file&apos;s year; --year cannot be used</translation>
    </message>
    <message>
        <source>未存入：{file}：{reason}</source>
        <translation>not added: {file}: {reason}</translation>
    </message>
    <message>
        <source>存入 {n} 个版本，{m} 个文件未存入</source>
        <translation>added {n} versions, {m} files not added</translation>
    </message>
    <message>
        <source>已存入版本 {id}：{year}年 {label}（{name}）</source>
        <translation>Added version {id}: {year} {label} ({name})</translation>
    </message>
    <message>
        <source>计划库中还没有版本</source>
        <translation>The archive holds no versions yet</translation>
    </message>
    <message>
        <source>说明：{note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>SHA-256：{sha}</source>
        <translation>SHA-256: {sha}</translation>
    </message>
    <message>
        <source>  {title}（工作表“{sheet}”，{rows} 行）</source>
        <translation>  {title} (sheet “{sheet}”, {rows} rows)</translation>
    </message>
    <message>
        <source>修订记录 {n} 条</source>
        <translation>{n} changes in the change log</translation>
    </message>
    <message>
        <source>已导出版本 {id} 的原文件到 {output}</source>
        <translation>Wrote the file of version {id} to {output}</translation>
    </message>
    <message>
        <source>版本 {id}（{year}年 {label}）工作表“{sheet}”</source>
        <translation>version {id} ({year} {label}) sheet “{sheet}”</translation>
    </message>
    <message>
        <source>计划库中没有指标“{name}”</source>
        <translation>The archive has no indicator “{name}”</translation>
    </message>
    <message>
        <source>{name}（{unit}）</source>
        <translation>{name} ({unit})</translation>
    </message>
    <message>
        <source>{year}年&#x3000;目标 {target}&#x3000;实际 {actual}&#x3000;{status}&#x3000;（版本 {version} {label}）</source>
        <translation>{year}  target {target}  actual {actual}  {status}  (version {version} {label})</translation>
    </message>
    <message>
        <source>版本 {id} 已标为审定，此后只读</source>
        <translation>Version {id} is marked approved and read-only from now on</translation>
    </message>
    <message>
        <source>计划库“{where}”：{message}</source>
        <translation>plan archive “{where}”: {message}</translation>
    </message>
    <message>
        <source>团队审核：添加审核人或组长（服务器）</source>
        <translation>team review: add a reviewer or lead (server)</translation>
    </message>
    <message>
        <source>在服务器上添加一个审核人（需要有 CREATEROLE 权限的连接）</source>
        <translation>add a reviewer on the server (needs a connection with CREATEROLE)</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>组长（可分配、审定）</source>
        <translation>lead (may assign and approve)</translation>
    </message>
    <message>
        <source>从标准输入读取新用户的密码（一行）</source>
        <translation>read the new user&apos;s password from standard input (one line)</translation>
    </message>
    <message>
        <source>团队审核：把一个表（或其中一个板块、一行）分给审核人</source>
        <translation>team review: assign a table (or one sector or row of it) to a reviewer</translation>
    </message>
    <message>
        <source>表：编号、工作表名或标题</source>
        <translation>table: id, sheet name or title</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>只分配这一板块的行</source>
        <translation>assign only the rows of this sector</translation>
    </message>
    <message>
        <source>板块</source>
        <translation>sector</translation>
    </message>
    <message>
        <source>只分配这一行（名称或行键）</source>
        <translation>assign only this row (name or key)</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>审核人（服务器上的用户名）</source>
        <translation>reviewer (user name on the server)</translation>
    </message>
    <message>
        <source>团队审核：以当前用户标记一行的审核状态</source>
        <translation>team review: mark a row&apos;s review status as the connected user</translation>
    </message>
    <message>
        <source>行：名称或行键</source>
        <translation>row: name or key</translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>意见</source>
        <translation>comment</translation>
    </message>
    <message>
        <source>--password-stdin：标准输入中没有密码</source>
        <translation>--password-stdin: no password on standard input</translation>
    </message>
    <message>
        <source>组长</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>reviewer</translation>
    </message>
    <message>
        <source>已添加{kind}“{name}”</source>
        <translation>Added {kind} &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>（板块“{sector}”）</source>
        <translation> (sector &quot;{sector}&quot;)</translation>
    </message>
    <message>
        <source>（行“{row}”）</source>
        <translation> (row &quot;{row}&quot;)</translation>
    </message>
    <message>
        <source>版本 {id}：{part} 已分给“{role}”</source>
        <translation>Version {id}: {part} assigned to &quot;{role}&quot;</translation>
    </message>
    <message>
        <source>版本 {id}：{table}“{row}”标为{status}</source>
        <translation>Version {id}: {table} &quot;{row}&quot; marked {status}</translation>
    </message>
</context>
<context>
    <name>compare_view</name>
    <message>
        <source>选择要比较的文件</source>
        <translation>Choose the file to compare</translation>
    </message>
    <message>
        <source>正在读取“{name}”</source>
        <translation>Reading “{name}”</translation>
    </message>
    <message>
        <source>已取消比较</source>
        <translation>Comparison cancelled</translation>
    </message>
    <message>
        <source>无法比较</source>
        <translation>Cannot compare</translation>
    </message>
    <message>
        <source>文档中没有两个年度的同类表可比较</source>
        <translation>The document has no two years of the same kind of table to compare</translation>
    </message>
    <message>
        <source>本文档</source>
        <translation>This document</translation>
    </message>
    <message>
        <source>年度对比：{sheet_name} / {sheet_name2}</source>
        <translation>Year comparison: {sheet_name} / {sheet_name2}</translation>
    </message>
    <message>
        <source>选择其他年度的计划文件</source>
        <translation>Choose plan files of other years</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>至少需要两个年度的指标表</source>
        <translation>Indicator tables of at least two years are needed</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>读取</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>200以上</source>
        <translation>200 and over</translation>
    </message>
    <message>
        <source>{actual} &lt; {target}（差{gap}），未完成</source>
        <translation>{actual} &lt; {target} (short by {gap}): not met</translation>
    </message>
    <message>
        <source>{actual} &gt; {target}（超{gap}），未完成</source>
        <translation>{actual} &gt; {target} (over by {gap}): not met</translation>
    </message>
    <message>
        <source>{actual} ≤ {target}，完成</source>
        <translation>{actual} ≤ {target}: met</translation>
    </message>
    <message>
        <source>{actual} ≥ {target}，完成</source>
        <translation>{actual} ≥ {target}: met</translation>
    </message>
    <message>
        <source>{actual} 低于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成</source>
        <translation>{actual} is below {target} (short by {gap}, within the tolerance ±{tol}): on the wrong side of an “about” target, at best mostly met</translation>
    </message>
    <message>
        <source>{actual} 低于 {target}（差{gap}，超出容差±{tol}），未完成</source>
        <translation>{actual} is below {target} (short by {gap}, beyond the tolerance ±{tol}): not met</translation>
    </message>
    <message>
        <source>{actual} 在 {target} 内，完成</source>
        <translation>{actual} is within {target}: met</translation>
    </message>
    <message>
        <source>{actual} 接近 {target}（偏离{gap}），基本完成</source>
        <translation>{actual} is close to {target} (off by {gap}): mostly met</translation>
    </message>
    <message>
        <source>{actual} 略低于 {target}（差{gap}），基本完成</source>
        <translation>{actual} is just below {target} (short by {gap}): mostly met</translation>
    </message>
    <message>
        <source>{actual} 略高于 {target}（超{gap}），基本完成</source>
        <translation>{actual} is just above {target} (over by {gap}): mostly met</translation>
    </message>
    <message>
        <source>{actual} 超出 {target}（偏离{gap}），未完成</source>
        <translation>{actual} is outside {target} (off by {gap}): not met</translation>
    </message>
    <message>
        <source>{actual} 高于 {target}（差{gap}，在容差±{tol}内）：“左右”目标在不利一侧，最多基本完成</source>
        <translation>{actual} is above {target} (over by {gap}, within the tolerance ±{tol}): on the wrong side of an “about” target, at best mostly met</translation>
    </message>
    <message>
        <source>{actual} 高于 {target}（差{gap}，超出容差±{tol}），未完成</source>
        <translation>{actual} is above {target} (over by {gap}, beyond the tolerance ±{tol}): not met</translation>
    </message>
    <message>
        <source>{earlier}年完成投资与{later}年计划投资（按板块对应）</source>
        <translation>{earlier} completed and {later} planned investment (sectors matched)</translation>
    </message>
    <message>
        <source>{note}，不足以判断，需人工判定</source>
        <translation>{note}; not enough to judge, needs review</translation>
    </message>
    <message>
        <source>{note}，可能未达到目标，需人工判定</source>
        <translation>{note}; the target may not have been reached, needs review</translation>
    </message>
    <message>
        <source>{note}：{reason}</source>
        <translation>{note}: {reason}</translation>
    </message>
    <message>
        <source>{n} 个项目无完成率</source>
        <translation>{n} projects have no completion rate</translation>
    </message>
    <message>
        <source>{n}个</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n}亿元</source>
        <translation>{n} (100 million yuan)</translation>
    </message>
    <message>
        <source>{old}（今{new}）</source>
        <translation>{old} (now {new})</translation>
    </message>
    <message>
        <source>{ref}（基本同步，容差±{tol}）</source>
        <translation>{ref} (in step, tolerance ±{tol})</translation>
    </message>
    <message>
        <source>{target}左右</source>
        <translation>about {target}</translation>
    </message>
    <message>
        <source>{target}左右（容差±{tol}）</source>
        <translation>about {target} (tolerance ±{tol})</translation>
    </message>
    <message>
        <source>{target}（以上）</source>
        <translation>{target} (or more)</translation>
    </message>
    <message>
        <source>{target}（左右）</source>
        <translation>{target} (about)</translation>
    </message>
    <message>
        <source>{why}，需人工判定</source>
        <translation>{why}; needs review</translation>
    </message>
    <message>
        <source>{year}年{series}</source>
        <translation>{year} {series}</translation>
    </message>
    <message>
        <source>{year}年实际</source>
        <translation>{year} actual</translation>
    </message>
    <message>
        <source>{year}年年度计划投资</source>
        <translation>{year} annual planned investment</translation>
    </message>
    <message>
        <source>{year}年执行</source>
        <translation>{year} performance</translation>
    </message>
    <message>
        <source>{year}年按投资来源的计划与完成投资</source>
        <translation>{year} planned and completed investment by funding source</translation>
    </message>
    <message>
        <source>{year}年按板块的计划与完成投资</source>
        <translation>{year} planned and completed investment by sector</translation>
    </message>
    <message>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <source>{year}年目标与执行（水平值指标）</source>
        <translation>{year} targets and performance (level indicators)</translation>
    </message>
    <message>
        <source>{year}年目标与执行（百分比指标）</source>
        <translation>{year} targets and performance (percentage indicators)</translation>
    </message>
    <message>
        <source>{year}年项目完成率分布</source>
        <translation>{year} distribution of project completion rates</translation>
    </message>
    <message>
        <source>“{group}”{column}：报告为 {stated}，按项目明细为 {computed}</source>
        <translation>“{group}” {column}: reported {stated}, the project details give {computed}</translation>
    </message>
    <message>
        <source>“{label}”{column} 为 {stated}，明细合计为 {computed}</source>
        <translation>“{label}” {column} is {stated}, its details add up to {computed}</translation>
    </message>
    <message>
        <source>“{label}”注明 {stated} 个，明细有 {computed} 个</source>
        <translation>“{label}” states {stated} items, its details list {computed}</translation>
    </message>
    <message>
        <source>“{name}”{later}年表的{base_label} {base} 与{earlier}年表的执行 {actual} 不一致</source>
        <translation>“{name}”: the {later} table&apos;s {base_label} {base} differs from the {earlier} table&apos;s performance {actual}</translation>
    </message>
    <message>
        <source>“{name}”填报为“{stated}”，按目标推算为“{derived}”（{reason}）</source>
        <translation>“{name}” is reported as “{stated}”, the target gives “{derived}” ({reason})</translation>
    </message>
    <message>
        <source>“{name}”完成投资 {done} 亿元超过总投资 {total} 亿元</source>
        <translation>“{name}”: completed investment {done} exceeds the total investment {total} (100 million yuan)</translation>
    </message>
    <message>
        <source>“{name}”完成率 {rate}% 与 完成投资/年度计划 = {expected}% 不符</source>
        <translation>“{name}”: completion rate {rate}% does not match completed / annual plan = {expected}%</translation>
    </message>
    <message>
        <source>“{name}”年度计划投资 {plan} 亿元超过总投资 {total} 亿元</source>
        <translation>“{name}”: annual planned investment {plan} exceeds the total investment {total} (100 million yuan)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>上年结转</source>
        <translation>Carried forward</translation>
    </message>
    <message>
        <source>两年板块名称一致</source>
        <translation>The two years&apos; sectors have the same names</translation>
    </message>
    <message>
        <source>个</source>
        <translation>count</translation>
    </message>
    <message>
        <source>中</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>亿元</source>
        <translation>100 million yuan</translation>
    </message>
    <message>
        <source>低</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>分组</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>删除行</source>
        <translation>Row deleted</translation>
    </message>
    <message>
        <source>判定容差</source>
        <translation>Tolerance</translation>
    </message>
    <message>
        <source>区县</source>
        <translation>District/county</translation>
    </message>
    <message>
        <source>区间</source>
        <translation>Within a range</translation>
    </message>
    <message>
        <source>区间上限{high}</source>
        <translation>the range&apos;s upper limit {high}</translation>
    </message>
    <message>
        <source>区间下限{low}</source>
        <translation>the range&apos;s lower limit {low}</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>原表</source>
        <translation>as stated</translation>
    </message>
    <message>
        <source>各分组 {column} 之和 {parts} 与合计 {total} 不符</source>
        <translation>The groups&apos; {column} add up to {parts}, the total says {total}</translation>
    </message>
    <message>
        <source>各指标单位不同，仅看相对位置</source>
        <translation>The indicators have different units: compare positions only</translation>
    </message>
    <message>
        <source>同名</source>
        <translation>Same name</translation>
    </message>
    <message>
        <source>同比：各板块投资（上年与本年）</source>
        <translation>Year on year: investment by sector (last year and this year)</translation>
    </message>
    <message>
        <source>同比：指标（上年与本年）</source>
        <translation>Year on year: indicators (last year and this year)</translation>
    </message>
    <message>
        <source>基期/上年实际</source>
        <translation>Base / last actual</translation>
    </message>
    <message>
        <source>基本完成</source>
        <translation>Mostly met</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>存疑</source>
        <translation>Doubtful</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>完成情况</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>完成投资</source>
        <translation>Completed investment</translation>
    </message>
    <message>
        <source>完成率</source>
        <translation>Completion rate</translation>
    </message>
    <message>
        <source>完成率（%）</source>
        <translation>Completion rate (%)</translation>
    </message>
    <message>
        <source>定性目标“{target}”，需人工判定</source>
        <translation>Qualitative target “{target}”: needs review</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>审核修订</source>
        <translation>Review revision</translation>
    </message>
    <message>
        <source>审核判定</source>
        <translation>Review verdict</translation>
    </message>
    <message>
        <source>审核容差</source>
        <translation>Review tolerances</translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>对照表</source>
        <translation>Crosswalk</translation>
    </message>
    <message>
        <source>属性</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>属性“{text}”不是约束性/预期性，已留空并记入备注</source>
        <translation>The attribute “{text}” is neither binding nor expected: left blank, the text kept in the notes</translation>
    </message>
    <message>
        <source>已审</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>年度计划</source>
        <translation>Annual plan</translation>
    </message>
    <message>
        <source>年度计划投资</source>
        <translation>Annual planned investment</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>建议配对</source>
        <translation>Suggested pair</translation>
    </message>
    <message>
        <source>建设性质</source>
        <translation>Construction type</translation>
    </message>
    <message>
        <source>建设性质“{text}”无法识别，已留空并记入备注</source>
        <translation>The construction type “{text}” is not recognised: left blank, the text kept in the notes</translation>
    </message>
    <message>
        <source>待人工判定</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>待审</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>总投资</source>
        <translation>Total investment</translation>
    </message>
    <message>
        <source>总量类指标容差（占目标的比例）</source>
        <translation>Tolerance for level indicators (share of the target)</translation>
    </message>
    <message>
        <source>执行</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>执行/完成</source>
        <translation>Performance/completed</translation>
    </message>
    <message>
        <source>执行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>执行数“{words}”的单位与目标（{unit}）不同</source>
        <translation>The actual “{words}” has a unit other than the target&apos;s ({unit})</translation>
    </message>
    <message>
        <source>执行数为文字“{words}”，需人工判定</source>
        <translation>The actual is text (“{words}”): needs review</translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按{value}计</source>
        <translation>The actual reads “{words}”, taken as {value}</translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按不低于{value}计</source>
        <translation>The actual reads “{words}”, taken as at least {value}</translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按增长0计</source>
        <translation>The actual reads “{words}”, taken as 0 growth</translation>
    </message>
    <message>
        <source>执行数写作“{words}”，按略低于{value}计</source>
        <translation>The actual reads “{words}”, taken as just under {value}</translation>
    </message>
    <message>
        <source>批注</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>投资来源</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>投资（亿元）</source>
        <translation>Investment (100 million yuan)</translation>
    </message>
    <message>
        <source>报告原文</source>
        <translation>Report text</translation>
    </message>
    <message>
        <source>报告所列</source>
        <translation>As reported</translation>
    </message>
    <message>
        <source>指标名称</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>指标表</source>
        <translation>indicator table</translation>
    </message>
    <message>
        <source>指标：目标与执行（水平值指标）</source>
        <translation>Indicators: target and performance (levels)</translation>
    </message>
    <message>
        <source>指标：目标与执行（百分比指标）</source>
        <translation>Indicators: target and performance (percentages)</translation>
    </message>
    <message>
        <source>按年份排列的统计数据，没有目标可比，不判定完成情况</source>
        <translation>Statistics by year: there is no target to judge against</translation>
    </message>
    <message>
        <source>按项目明细汇总</source>
        <translation>Sum of project rows</translation>
    </message>
    <message>
        <source>推算</source>
        <translation>derived</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>插入行</source>
        <translation>Row inserted</translation>
    </message>
    <message>
        <source>文档中没有相邻年份的项目表</source>
        <translation>The document has no project table of the adjacent year</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>无法归类的行“{text}”，已作为表注保留</source>
        <translation>A row that fits no part of the table (“{text}”) is kept as a table note</translation>
    </message>
    <message>
        <source>无目标</source>
        <translation>No target</translation>
    </message>
    <message>
        <source>无目标、无执行数</source>
        <translation>No target and no actual</translation>
    </message>
    <message>
        <source>暂无执行数</source>
        <translation>No actual yet</translation>
    </message>
    <message>
        <source>暂无数据</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>未变</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>未设定目标，需人工判定</source>
        <translation>No target set: needs review</translation>
    </message>
    <message>
        <source>板块/领域</source>
        <translation>Sector/field</translation>
    </message>
    <message>
        <source>板块经对照表对应：{names}</source>
        <translation>Sectors matched through the crosswalk: {names}</translation>
    </message>
    <message>
        <source>此图需要指标表</source>
        <translation>This chart needs an indicator table</translation>
    </message>
    <message>
        <source>此图需要项目表</source>
        <translation>This chart needs a project table</translation>
    </message>
    <message>
        <source>汇总表</source>
        <translation>summary table</translation>
    </message>
    <message>
        <source>测算</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <source>百分比指标：{base_year}年实际与{label}</source>
        <translation>Percentage indicators: {base_year} actual and {label}</translation>
    </message>
    <message>
        <source>百分比类指标容差（百分点）</source>
        <translation>Tolerance for percentage indicators (percentage points)</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>目标解析</source>
        <translation>Target parsed</translation>
    </message>
    <message>
        <source>相似名称</source>
        <translation>Similar name</translation>
    </message>
    <message>
        <source>相对目标（参照{ref}），缺参照值，需人工判定</source>
        <translation>Relative target (against {ref}) without the reference figure: needs review</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>约束性</source>
        <translation>Binding</translation>
    </message>
    <message>
        <source>统计局</source>
        <translation>Statistics bureau</translation>
    </message>
    <message>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>责任单位/业主</source>
        <translation>Responsible unit/owner</translation>
    </message>
    <message>
        <source>越低越好</source>
        <translation>Lower is better</translation>
    </message>
    <message>
        <source>越高越好</source>
        <translation>Higher is better</translation>
    </message>
    <message>
        <source>退回</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>部门报送</source>
        <translation>Department return</translation>
    </message>
    <message>
        <source>重名配对</source>
        <translation>Paired among duplicates</translation>
    </message>
    <message>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>降低类指标的目标写作负数（{target}），执行数为正数（{actual}），无法确定是降低还是上升，需人工判定</source>
        <translation>A reduction target written as a negative number ({target}) with a positive actual ({actual}): a cut or a rise cannot be told, needs review</translation>
    </message>
    <message>
        <source>项目个数</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>项目表</source>
        <translation>project table</translation>
    </message>
    <message>
        <source>项目：完成率分布</source>
        <translation>Projects: distribution of completion rates</translation>
    </message>
    <message>
        <source>项目：按投资来源的计划与完成投资</source>
        <translation>Projects: planned and completed investment by funding source</translation>
    </message>
    <message>
        <source>项目：按板块的计划与完成投资</source>
        <translation>Projects: planned and completed investment by sector</translation>
    </message>
    <message>
        <source>预期性</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>预计</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>颜色表示完成情况；定性目标只画执行数</source>
        <translation>Colour shows the status; qualitative targets show only the actual</translation>
    </message>
    <message>
        <source>高</source>
        <translation>High</translation>
    </message>
</context>
<context>
    <name>crash_report</name>
    <message>
        <source>程序出错</source>
        <translation>Program error</translation>
    </message>
    <message>
        <source>无法在 {folder} 新建日志文件</source>
        <translation>Cannot create a log file in {folder}</translation>
    </message>
    <message>
        <source>详细信息已写入日志文件：
{log}

请把这个文件发给技术支持。</source>
        <translation>The details were written to the log file:
{log}

Please send this file to technical support.</translation>
    </message>
    <message>
        <source>日志文件无法写入（见下方详细信息）。</source>
        <translation>The log file could not be written (see the details below).</translation>
    </message>
    <message>
        <source>程序遇到了意外错误：
{what}

{where}
打开的文档已尽量自动保存，下次启动时可恢复。</source>
        <translation>The program met an unexpected error:
{what}

{where}
The open document was saved automatically as far as possible and can be recovered at the next start.</translation>
    </message>
</context>
<context>
    <name>dialog_buttons</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>generate_actions</name>
    <message>
        <source>按责任单位</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <source>按领域</source>
        <translation>By sector</translation>
    </message>
    <message>
        <source>请先打开一个计划</source>
        <translation>Open a plan first</translation>
    </message>
    <message>
        <source>无法生成下年计划</source>
        <translation>Cannot make next year&apos;s plan</translation>
    </message>
    <message>
        <source>生成部门填报表</source>
        <translation>Make collection workbooks</translation>
    </message>
    <message>
        <source>分组方式：</source>
        <translation>Grouping:</translation>
    </message>
    <message>
        <source>填报截止日期（YYYY-MM-DD）：</source>
        <translation>Deadline for returns (YYYY-MM-DD):</translation>
    </message>
    <message>
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
    <message>
        <source>选择填报表输出文件夹</source>
        <translation>Choose the output folder for the collection workbooks</translation>
    </message>
    <message>
        <source>无法生成填报表</source>
        <translation>Cannot make the collection workbooks</translation>
    </message>
    <message>
        <source>已生成 {n_written} 个部门填报表，位于 {folder}</source>
        <translation>Made {n_written} collection workbooks in {folder}</translation>
    </message>
    <message>
        <source>请先打开生成填报表所用的计划</source>
        <translation>Open the plan the collection workbooks were made from first</translation>
    </message>
    <message>
        <source>选择部门返回文件所在的文件夹</source>
        <translation>Choose the folder with the departments&apos; returned files</translation>
    </message>
    <message>
        <source>无法读取返回文件</source>
        <translation>Cannot read the returned files</translation>
    </message>
    <message>
        <source>生成下年计划(&amp;N)</source>
        <translation>Make &amp;next year&apos;s plan</translation>
    </message>
    <message>
        <source>生成部门填报表(&amp;T)…</source>
        <translation>Make collec&amp;tion workbooks…</translation>
    </message>
    <message>
        <source>读取部门返回(&amp;B)…</source>
        <translation>&amp;Read department returns…</translation>
    </message>
</context>
<context>
    <name>long_task</name>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在取消：{label}…</source>
        <translation>Cancelling: {label}…</translation>
    </message>
    <message>
        <source>{label}…{detail}
已用 {seconds:.0f} 秒</source>
        <translation>{label}…{detail}
{seconds:.0f} s elapsed</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>计划文档与表格 (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;所有文件 (*)</source>
        <translation>Plan documents and tables (*.xlsx *.xlsm *.xltx *.xls *.ods *.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>计划审核工作台</source>
        <translation>Plan Workbench</translation>
    </message>
</context>
<context>
    <name>plan_properties</name>
    <message>
        <source>请先打开一个计划</source>
        <translation>Open a plan first</translation>
    </message>
    <message>
        <source>审核容差已设为：百分比类 ±{percent:g} 个百分点，总量类 ±{level:g}%</source>
        <translation>Review tolerances set: percentages ±{percent:g} points, levels ±{level:g}%</translation>
    </message>
    <message>
        <source>计划属性（审核容差）(&amp;T)…</source>
        <translation>Plan properties (review &amp;tolerances)…</translation>
    </message>
    <message>
        <source>设定整个计划判定完成情况的容差（计划属性）</source>
        <translation>Set the tolerances the whole plan&apos;s statuses are judged with (plan properties)</translation>
    </message>
</context>
<context>
    <name>report_panel</name>
    <message>
        <source>打开报告正文</source>
        <translation>Open report text</translation>
    </message>
    <message>
        <source>报告正文 (*.txt *.docx);;所有文件 (*)</source>
        <translation>Report text (*.txt *.docx);;All files (*)</translation>
    </message>
    <message>
        <source>报告正文</source>
        <translation>Report text</translation>
    </message>
</context>
<context>
    <name>table_model</name>
    <message>
        <source>审核</source>
        <translation>Review</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>判定依据</source>
        <translation>Basis</translation>
    </message>
</context>
<context>
    <name>team_connect</name>
    <message>
        <source>本机没有可用的密码保管库，密码未保存，下次连接需重新输入</source>
        <translation>No password store is available on this computer; the password was not saved and must be typed next time</translation>
    </message>
    <message>
        <source>连接计划库服务器</source>
        <translation>Connect to archive server</translation>
    </message>
    <message>
        <source>服务器名称或地址，如 db.fgw.local</source>
        <translation>Server name or address, e.g. db.fgw.local</translation>
    </message>
    <message>
        <source>数据库用户名（每位审核人一个）</source>
        <translation>Database user name (one per reviewer)</translation>
    </message>
    <message>
        <source>留空则使用已保存的密码或 pgpass 文件</source>
        <translation>Leave empty to use the saved password or the pgpass file</translation>
    </message>
    <message>
        <source>prefer：服务器支持时加密连接；require 及以上：必须加密</source>
        <translation>prefer: encrypt when the server supports it; require and above: encryption required</translation>
    </message>
    <message>
        <source>记住密码（保存在本机系统的密码保管库中）</source>
        <translation>Remember password (in this computer&apos;s password store)</translation>
    </message>
    <message>
        <source>服务器(&amp;H)：</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>端口(&amp;P)：</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>数据库(&amp;D)：</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <source>密码(&amp;W)：</source>
        <translation>Pass&amp;word:</translation>
    </message>
    <message>
        <source>加密方式(&amp;S)：</source>
        <translation>&amp;SSL mode:</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>请填写服务器、数据库和用户名</source>
        <translation>Please fill in the server, database and user name</translation>
    </message>
    <message>
        <source>正在连接 {server}</source>
        <translation>Connecting to {server}</translation>
    </message>
    <message>
        <source>已取消连接</source>
        <translation>Connection cancelled</translation>
    </message>
    <message>
        <source>无法连接 {server}：{problem}</source>
        <translation>Cannot connect to {server}: {problem}</translation>
    </message>
    <message>
        <source>记住密码</source>
        <translation>Remember password</translation>
    </message>
    <message>
        <source>已连接计划库服务器 {server}</source>
        <translation>Connected to archive server {server}</translation>
    </message>
</context>
<context>
    <name>team_live</name>
    <message>
        <source>服务器拒绝了修改</source>
        <translation>The server refused changes</translation>
    </message>
    <message>
        <source>计划库服务器仍连不上，已停止自动重连；点击状态栏的“离线”可再试</source>
        <translation>The archive server is still unreachable; automatic reconnecting has stopped. Click &quot;Offline&quot; in the status bar to try again</translation>
    </message>
    <message>
        <source>团队审核：{server}，版本 {id}</source>
        <translation>Team review: {server}, version {id}</translation>
    </message>
    <message>
        <source>正在打开团队审核的版本 {id}</source>
        <translation>Opening version {id} for team review</translation>
    </message>
    <message>
        <source>已取消打开</source>
        <translation>Opening cancelled</translation>
    </message>
    <message>
        <source>无法打开团队审核</source>
        <translation>Cannot open the team review</translation>
    </message>
    <message>
        <source>已打开版本 {id}（{year}年 {label}），与团队同步审核</source>
        <translation>Opened version {id} ({year} {label}), reviewed together with the team</translation>
    </message>
</context>
<context>
    <name>team_progress</name>
    <message>
        <source>团队审核进度：{counts}</source>
        <translation>Team review progress: {counts}</translation>
    </message>
    <message>
        <source>{who}：{counts}</source>
        <translation>{who}: {counts}</translation>
    </message>
</context>
<context>
    <name>team_reconcile</name>
    <message>
        <source>审核状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <source>审核意见</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>处理冲突</source>
        <translation>Resolve conflicts</translation>
    </message>
    <message>
        <source>表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>原值</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>对方的</source>
        <translation>Theirs</translation>
    </message>
    <message>
        <source>采用</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>全部采用我的(&amp;M)</source>
        <translation>Keep all &amp;mine</translation>
    </message>
    <message>
        <source>全部采用对方的(&amp;T)</source>
        <translation>Keep all &amp;theirs</translation>
    </message>
    <message>
        <source>{who} 于 {at}</source>
        <translation>{who}, {at}</translation>
    </message>
    <message>
        <source>他人</source>
        <translation>someone else</translation>
    </message>
    <message>
        <source>{n} 处修改与他人的修改冲突：请逐条选择保留哪一方的值。</source>
        <translation>{n} of your changes conflict with a colleague&apos;s: choose, line by line, whose value stays.</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
</context>
<context>
    <name>team_status</name>
    <message>
        <source>在线 · 待同步 {n} 项</source>
        <translation>Online · {n} to send</translation>
    </message>
    <message>
        <source>在线 · 团队审核</source>
        <translation>Online · team review</translation>
    </message>
    <message>
        <source>离线 · 待同步 {n} 项</source>
        <translation>Offline · {n} to send</translation>
    </message>
    <message>
        <source>冲突 {n} 项</source>
        <translation>{n} conflicts</translation>
    </message>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>处理冲突(&amp;C)…</source>
        <translation>Resolve &amp;conflicts…</translation>
    </message>
    <message>
        <source>退出团队审核(&amp;L)</source>
        <translation>&amp;Leave team review</translation>
    </message>
    <message>
        <source>他人的标记和修改会在几秒内显示在表格中</source>
        <translation>Colleagues&apos; marks and edits appear in the grid within seconds</translation>
    </message>
    <message>
        <source>连不上服务器：修改保存在本机，恢复连接后按顺序发送</source>
        <translation>Server unreachable: changes are kept on this computer and sent in order when the connection returns</translation>
    </message>
    <message>
        <source>重新连接并同步(&amp;S)</source>
        <translation>Reconnect and &amp;sync</translation>
    </message>
</context>
</TS>
