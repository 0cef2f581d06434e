<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Renshe Desk</source>
        <translation>关于人社办案台</translation>
    </message>
    <message>
        <source>Renshe Desk</source>
        <translation>人社办案台</translation>
    </message>
    <message>
        <source>(no database open)</source>
        <translation>（未打开数据库）</translation>
    </message>
    <message>
        <source>%1 (%2) — licence: %3</source>
        <translation>%1（%2）— 许可：%3</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Runtime:</source>
        <translation>运行环境：</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Bureau and remedies</source>
        <translation>机关与救济</translation>
    </message>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>Sites and exchange</source>
        <translation>站点与交换</translation>
    </message>
    <message>
        <source>Your account has no administration rights.</source>
        <translation>您的账号没有系统管理权限。</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <source>Password of %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>数据库无法打开。</translation>
    </message>
</context>
<context>
    <name>ApplicationForm</name>
    <message>
        <source>New mediation application</source>
        <translation>新调解申请</translation>
    </message>
    <message>
        <source>Receive an arbitration application</source>
        <translation>接收仲裁申请</translation>
    </message>
    <message>
        <source>Applicant (worker):</source>
        <translation>申请人（劳动者）：</translation>
    </message>
    <message>
        <source>Respondent (employer):</source>
        <translation>被申请人（用人单位）：</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>收件日期：</translation>
    </message>
    <message>
        <source>Matter in dispute:</source>
        <translation>争议事项：</translation>
    </message>
    <message>
        <source>Cause:</source>
        <translation>案由：</translation>
    </message>
    <message>
        <source>Collective dispute (10 or more workers)</source>
        <translation>集体劳动争议（劳动者10人以上）</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>程序：</translation>
    </message>
    <message>
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <source>Online (互联网+调解)</source>
        <translation>互联网+调解</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>书面申请</translation>
    </message>
    <message>
        <source>Oral (recorded on the spot)</source>
        <translation>口头申请（当场记录）</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Application:</source>
        <translation>申请方式：</translation>
    </message>
    <message>
        <source>Oral record:</source>
        <translation>口头申请笔录：</translation>
    </message>
    <message>
        <source>Mediation centre:</source>
        <translation>调解组织：</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Add a claim</source>
        <translation>增加请求</translation>
    </message>
    <message>
        <source>Claims, item by item:</source>
        <translation>仲裁请求（逐项填写）：</translation>
    </message>
</context>
<context>
    <name>ArbitrationWindow</name>
    <message>
        <source>Search by case number or party name</source>
        <translation>按案号或当事人名称查找</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Pending (not closed)</source>
        <translation>未结案件</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>不限日期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅显示已逾期</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Procedure:</source>
        <translation>程序：</translation>
    </message>
    <message>
        <source>Arbitrator:</source>
        <translation>仲裁员：</translation>
    </message>
    <message>
        <source>Receive an application</source>
        <translation>接收仲裁申请</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载导入模板</translation>
    </message>
    <message>
        <source>Deadline calculator…</source>
        <translation>期限计算器…</translation>
    </message>
    <message>
        <source>Minimum wage…</source>
        <translation>最低工资标准…</translation>
    </message>
    <message>
        <source>Hearing rooms…</source>
        <translation>仲裁庭登记…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>共%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Docket</source>
        <translation>案件登记簿</translation>
    </message>
    <message>
        <source>Hearing calendar</source>
        <translation>开庭排期</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Claimed (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>最近期限</translation>
    </message>
    <message>
        <source>Arbitrator</source>
        <translation>首席仲裁员</translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <source>Export the docket to Excel</source>
        <translation>导出案件登记簿到Excel</translation>
    </message>
    <message>
        <source>docket</source>
        <translation>仲裁案件登记簿</translation>
    </message>
    <message>
        <source>Exported %1 cases to %2.</source>
        <translation>已导出%1件案件到%2。</translation>
    </message>
    <message>
        <source>Exporting the docket</source>
        <translation>正在导出案件登记簿</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>docket template</source>
        <translation>仲裁案件导入模板</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <source>Import a docket from Excel</source>
        <translation>从Excel导入仲裁案件</translation>
    </message>
    <message>
        <source>Importing the docket</source>
        <translation>正在导入仲裁案件</translation>
    </message>
    <message>
        <source>Import finished: %1 imported, %2 refused.</source>
        <translation>导入完成：导入%1件，拒绝%2行。</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <source>Today&apos;s desk</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉受理</translation>
    </message>
    <message>
        <source>Arbitration</source>
        <translation>仲裁案件</translation>
    </message>
    <message>
        <source>Mediation</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人库</translation>
    </message>
    <message>
        <source>Construction projects</source>
        <translation>在建项目</translation>
    </message>
    <message>
        <source>Enforcement staff</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Training and exams</source>
        <translation>培训考试</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计报表</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AuditLogTab</name>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>批量导入</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Viewed in full</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Log re-hashed</source>
        <translation>日志重新计算</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Check that no entry of the log and no audited record was altered outside the program.</source>
        <translation>检查操作日志的每一条记录和被记录的数据是否在程序之外被改动过。</translation>
    </message>
    <message>
        <source>anchor written down earlier (optional)</source>
        <translation>先前记下的校验锚点（可不填）</translation>
    </message>
    <message>
        <source>An anchor (SEQ:HASH) from an earlier verification: the log must still match it.</source>
        <translation>先前校验时记下的锚点（序号:哈希）：日志必须仍与之相符。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Login name: %1</source>
        <translation>登录名：%1</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>计算机</translation>
    </message>
    <message>
        <source>Record id: %1</source>
        <translation>记录编号：%1</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>{count} records, nos. {first}–{last}</source>
        <translation>{count}条记录，编号{first}–{last}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Verifying the audit log</source>
        <translation>正在校验操作日志</translation>
    </message>
    <message>
        <source>The log is intact: {entries} entries and {records} records checked. Anchor {anchor}: write it down away from this computer; given back later in the anchor field (or to audit verify --anchor), it shows whether the whole log was ever rewritten.</source>
        <translation>操作日志完整：已校验 {entries} 条日志和 {records} 条记录。校验锚点 {anchor}：请记在本机以外（纸上或另一台电脑）；日后填入右下的校验锚点框再校验（或用 audit verify --anchor），可以看出整条日志是否被改写过。</translation>
    </message>
    <message>
        <source>The log has been tampered with: {first}.</source>
        <translation>操作日志已被篡改：{first}。</translation>
    </message>
    <message>
        <source>The log has been tampered with: {first}. {count} problems found in all.</source>
        <translation>操作日志已被篡改：{first}。共发现 {count} 处问题。</translation>
    </message>
    <message>
        <source>Verify the audit log</source>
        <translation>校验操作日志</translation>
    </message>
    <message>
        <source>Recorded as found</source>
        <translation>原有数据登记</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <source>A backup is made automatically on the first start of each day, before every upgrade and before every restore. Daily backups are kept for the last 7 days, 4 weeks and 12 months; the others are kept until you delete them. Every backup is checked when it is made.</source>
        <translation>每天第一次启动程序时、每次升级前和每次恢复前都会自动备份。每日自动备份保留最近7天、4周和12个月各一份；其他备份一直保留，直到您删除。每份备份在生成时都会校验。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up to a folder…</source>
        <translation>备份到文件夹…</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Back up to which folder?</source>
        <translation>备份到哪个文件夹？</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>恢复哪个备份？</translation>
    </message>
    <message>
        <source>Backups (*.db *.bak *.dump);;All files (*)</source>
        <translation>备份文件 (*.db *.bak *.dump);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>校验通过</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>文件已不在</translation>
    </message>
    <message>
        <source>daily (automatic)</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backing up the database</source>
        <translation>正在备份数据库</translation>
    </message>
    <message>
        <source>Backup written and checked: %1</source>
        <translation>备份已写出并校验通过：%1</translation>
    </message>
    <message>
        <source>The backup %1 was written but did not pass its check: %2</source>
        <translation>备份 %1 已写出，但未通过校验：%2</translation>
    </message>
    <message>
        <source>Replace the database with the backup %1?

Changes made since that backup are lost. The database as it is now is kept beside it. The program closes afterwards and must be started again.</source>
        <translation>用备份 %1 替换当前数据库吗？

该备份之后所做的修改将丢失。当前数据库会保留在原位置旁边。恢复后程序将关闭，需要重新启动。</translation>
    </message>
    <message>
        <source>Restoring the database</source>
        <translation>正在恢复数据库</translation>
    </message>
    <message>
        <source>Restored. The replaced database is kept as %1.</source>
        <translation>已恢复。被替换的数据库保存为 %1。</translation>
    </message>
    <message>
        <source>The database has been restored. The replaced database is kept as %1.

The program will now close; please start it again.</source>
        <translation>数据库已恢复。被替换的数据库保存为 %1。

程序现在将关闭，请重新启动。</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Steps</source>
        <translation>办案步骤</translation>
    </message>
    <message>
        <source>What must happen</source>
        <translation>应办事项</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起算日</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限届满日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>请求金额</translation>
    </message>
    <message>
        <source>Awarded</source>
        <translation>裁决金额</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>终局</translation>
    </message>
    <message>
        <source>Correct the category…</source>
        <translation>更正类别…</translation>
    </message>
    <message>
        <source>Deadlines (derived from the events)</source>
        <translation>期限（由办案事件自动推算）</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>仲裁请求</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>办案经过</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>文书…</translation>
    </message>
    <message>
        <source>Application received %1 (no case number yet)</source>
        <translation>%1收件（尚未编案号）</translation>
    </message>
    <message>
        <source>Status: %1 · Procedure: %2 · Applicant: %3 · Respondent: %4 · Claimed: %5 yuan · Tribunal: %6</source>
        <translation>状态：%1 · 程序：%2 · 申请人：%3 · 被申请人：%4 · 请求金额：%5元 · 仲裁庭：%6</translation>
    </message>
    <message>
        <source> (party&apos;s period)</source>
        <translation>（当事人期限）</translation>
    </message>
    <message>
        <source>Select a deadline to see how it was computed.</source>
        <translation>选中一项期限，查看其计算过程。</translation>
    </message>
    <message>
        <source>final</source>
        <translation>终局</translation>
    </message>
    <message>
        <source>not final</source>
        <translation>非终局</translation>
    </message>
    <message>
        <source>No document fits the case yet.</source>
        <translation>案件尚未进行到可制作文书的阶段。</translation>
    </message>
    <message>
        <source>A claim recorded under the wrong category, corrected before the award (with the reason).</source>
        <translation>登记错了类别的仲裁请求，可在裁决前更正（须写明理由）。</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>已登记：%1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>upheld</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>partly upheld</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>裁决结果：</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>New certificate</source>
        <translation>添加执法证</translation>
    </message>
    <message>
        <source>Edit certificate</source>
        <translation>修改执法证</translation>
    </message>
    <message>
        <source>Certificate type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>e.g. the provincial government</source>
        <translation>如：某省人民政府</translation>
    </message>
    <message>
        <source>Issuing authority</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Enforcement category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>“Expired” follows from the dates; a warning shows %1 days before the expiry date.</source>
        <translation>“过期”由有效期自动判断；到期前%1天起提醒。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Record a check: %1</source>
        <translation>登记检查：%1</translation>
    </message>
    <message>
        <source>e.g. 王强、李娜 (two officers)</source>
        <translation>如：王强、李娜（两名执法人员）</translation>
    </message>
    <message>
        <source>Check date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The %1 checklist</source>
        <translation>%1年度检查清单</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Evidence / finding</source>
        <translation>检查情况/佐证</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Check all shown</source>
        <translation>全选（显示的）</translation>
    </message>
    <message>
        <source>Uncheck all</source>
        <translation>全不选</translation>
    </message>
    <message numerus="yes">
        <source>%n checked</source>
        <translation>
            <numerusform>已选 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckingDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChecklistDialog</name>
    <message>
        <source>Six-system checklist</source>
        <translation>“6项制度”检查清单</translation>
    </message>
    <message>
        <source>Each year has its own list; a new year starts from the latest list. Items used by a recorded check can be renamed but not removed.</source>
        <translation>每个年度有各自的清单，新年度沿用最近一个年度的清单。已被检查记录使用的项目可以改名，不能删除。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>增加项目</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Used by a recorded check: it can be renamed, not removed.</source>
        <translation>已被检查记录使用：可以改名，不能删除。</translation>
    </message>
</context>
<context>
    <name>ComplaintCaseActions</name>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ComplaintCaseDocuments</name>
    <message>
        <source>Save the document as PDF</source>
        <translation>将文书保存为PDF</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Attach an evidence file</source>
        <translation>附加证据文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a checked copy</source>
        <translation>另存校验后的副本</translation>
    </message>
    <message>
        <source>SHA-256 checked: %1</source>
        <translation>SHA-256校验一致：%1</translation>
    </message>
</context>
<context>
    <name>ComplaintCasePage</name>
    <message>
        <source>Acceptance</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Plan and payments</source>
        <translation>支付计划与支付</translation>
    </message>
    <message>
        <source>Notice, defence and hearing</source>
        <translation>告知申辩与听证</translation>
    </message>
    <message>
        <source>Legal review and decision</source>
        <translation>法制审核与决定</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Documents and evidence</source>
        <translation>文书与证据</translation>
    </message>
    <message>
        <source>History</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Accepted and opened as case %1 on %2.</source>
        <translation>已受理并立案：立案号%1，%2。</translation>
    </message>
    <message>
        <source>Closed on %1: %2</source>
        <translation>%1结案：%2</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>立案号</translation>
    </message>
    <message>
        <source>received</source>
        <translation>接收于</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>被投诉单位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Owed %1 · planned %2 · recovered %3 · outstanding %4 (yuan)</source>
        <translation>欠薪 %1 · 计划 %2 · 已追回 %3 · 尚欠 %4（元）</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付清</translation>
    </message>
    <message>
        <source>to pay</source>
        <translation>待支付</translation>
    </message>
    <message>
        <source>still owed</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>主办</translation>
    </message>
    <message>
        <source>waived</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>hearing offered</source>
        <translation>已告知听证</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>Penalty decision</source>
        <translation>行政处罚决定</translation>
    </message>
    <message>
        <source>Handling decision</source>
        <translation>行政处理决定</translation>
    </message>
    <message>
        <source>%1 %2 issued on %3</source>
        <translation>%3作出%1 %2</translation>
    </message>
    <message>
        <source>, fine %1 yuan</source>
        <translation>，罚款%1元</translation>
    </message>
    <message>
        <source>, ordered to pay %1 yuan</source>
        <translation>，责令支付%1元</translation>
    </message>
    <message>
        <source>no labour-inspection certificate</source>
        <translation>无劳动保障监察执法证</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>not valid today</source>
        <translation>今日证件无效</translation>
    </message>
</context>
<context>
    <name>ComplaintCaseTabs</name>
    <message>
        <source>Ground, destination or what must be corrected</source>
        <translation>理由、去向或需补正的内容</translation>
    </message>
    <message>
        <source>Accept and open the case</source>
        <translation>受理并立案</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Redirect</source>
        <translation>告知/转送</translation>
    </message>
    <message>
        <source>Ask for correction</source>
        <translation>通知补正</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>补正完毕</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划支付</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Ground / to</source>
        <translation>理由/去向</translation>
    </message>
    <message>
        <source>Workers concerned</source>
        <translation>涉及劳动者</translation>
    </message>
    <message>
        <source>Assign the checked officers</source>
        <translation>指派勾选的执法人员</translation>
    </message>
    <message>
        <source>Handling officers (at least two, valid certificates)</source>
        <translation>承办执法人员（至少两名，执法证有效）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>延期</translation>
    </message>
    <message>
        <source>Order rectification</source>
        <translation>责令限期改正</translation>
    </message>
    <message>
        <source>Rectified</source>
        <translation>已改正</translation>
    </message>
    <message>
        <source>Not rectified</source>
        <translation>逾期未改正</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>移送</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>调查措施</translation>
    </message>
    <message>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <source>Disposal</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>working days, approved by</source>
        <translation>个工作日，批准人</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延长调查期限</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>改正期限</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>限期改正</translation>
    </message>
    <message>
        <source>Transfer to</source>
        <translation>移送至</translation>
    </message>
    <message>
        <source>Add instalment</source>
        <translation>添加分期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid towards it</source>
        <translation>已付</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>bank transfer, cash…</source>
        <translation>银行转账、现金……</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>登记支付</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>Payment plan (one plan per case)</source>
        <translation>支付计划（一案一策）</translation>
    </message>
    <message>
        <source>due</source>
        <translation>应付日期</translation>
    </message>
    <message>
        <source>Payments made</source>
        <translation>已支付</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Complainant told of the result</source>
        <translation>已告知投诉人处理结果</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>How</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Intended measure, its facts, reasons and basis</source>
        <translation>拟作出的处理或处罚内容及其事实、理由、依据</translation>
    </message>
    <message>
        <source>Another penalty of art 63 (suspension, licence …)</source>
        <translation>属第六十三条所列其他处罚（责令停产停业、吊销许可证等）</translation>
    </message>
    <message>
        <source>Complex or serious case (collective discussion)</source>
        <translation>情节复杂或者重大（须集体讨论）</translation>
    </message>
    <message>
        <source>Record the prior notice</source>
        <translation>登记事先告知书</translation>
    </message>
    <message>
        <source>Who received it</source>
        <translation>签收人</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签收</translation>
    </message>
    <message>
        <source>If not signed: why (refused, witnesses …)</source>
        <translation>未签收的原因（拒收、见证人等）</translation>
    </message>
    <message>
        <source>Record service</source>
        <translation>登记送达</translation>
    </message>
    <message>
        <source>Waived in writing</source>
        <translation>书面放弃</translation>
    </message>
    <message>
        <source>What the party stated</source>
        <translation>当事人陈述、申辩的内容</translation>
    </message>
    <message>
        <source>Hearing waived in writing</source>
        <translation>书面放弃听证</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>登记听证申请</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Time (0930)</source>
        <translation>时间（0930）</translation>
    </message>
    <message>
        <source>Designated host</source>
        <translation>指定主持人</translation>
    </message>
    <message>
        <source>Record the hearing notice</source>
        <translation>登记听证通知</translation>
    </message>
    <message>
        <source>Host (not an investigator) and clerk</source>
        <translation>主持人（非本案调查人员）及记录人</translation>
    </message>
    <message>
        <source>What the hearing record says</source>
        <translation>听证笔录要点</translation>
    </message>
    <message>
        <source>Record the hearing</source>
        <translation>登记听证</translation>
    </message>
    <message>
        <source>Responsible persons present</source>
        <translation>参加讨论的负责人</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>讨论结论</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Service method</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>受送达人</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签收</translation>
    </message>
    <message>
        <source>Prior notice (Administrative Penalty Law art. 44; Several Provisions art. 34)</source>
        <translation>事先告知（《行政处罚法》第四十四条；《若干规定》第三十四条）</translation>
    </message>
    <message>
        <source>fine (yuan)</source>
        <translation>罚款（元）</translation>
    </message>
    <message>
        <source>Service of documents</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>Defence, hearing, collective discussion</source>
        <translation>陈述申辩、听证、集体讨论</translation>
    </message>
    <message>
        <source>Defence</source>
        <translation>陈述申辩</translation>
    </message>
    <message>
        <source>Hearing request</source>
        <translation>听证申请</translation>
    </message>
    <message>
        <source>Hearing notice</source>
        <translation>听证通知</translation>
    </message>
    <message>
        <source>hearing on</source>
        <translation>听证日期</translation>
    </message>
    <message>
        <source>Hearing held</source>
        <translation>举行听证</translation>
    </message>
    <message>
        <source>Collective discussion</source>
        <translation>集体讨论</translation>
    </message>
    <message>
        <source>Record the legal review</source>
        <translation>登记法制审核意见</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>意见内容</translation>
    </message>
    <message>
        <source>To be published</source>
        <translation>需要执法公示</translation>
    </message>
    <message>
        <source>Facts found and the evidence</source>
        <translation>认定的违法事实及证据</translation>
    </message>
    <message>
        <source>Articles applied, e.g. Labour Security Supervision Regulations art. 26</source>
        <translation>适用的法律条款，如《劳动保障监察条例》第二十六条</translation>
    </message>
    <message>
        <source>Issue the decision</source>
        <translation>作出决定</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公示</translation>
    </message>
    <message>
        <source>Legal review — a reviewer with the legal qualification</source>
        <translation>法制审核（审核人须具有法律职业资格）</translation>
    </message>
    <message>
        <source>Decision / opinion</source>
        <translation>决定类型/意见</translation>
    </message>
    <message>
        <source>Facts found</source>
        <translation>违法事实</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Fine (yuan)</source>
        <translation>罚款金额（元）</translation>
    </message>
    <message>
        <source>Amount ordered to be paid (yuan)</source>
        <translation>责令支付金额（元）</translation>
    </message>
    <message>
        <source>Other penalty (if any)</source>
        <translation>其他处罚（如有）</translation>
    </message>
    <message>
        <source>Besides the fine, e.g. 警告</source>
        <translation>罚款以外的处罚，如警告</translation>
    </message>
    <message>
        <source>Ordered to</source>
        <translation>责令事项</translation>
    </message>
    <message>
        <source>What the employer must do, and by when</source>
        <translation>用人单位应当履行的事项及期限</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>附加日期</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256校验值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>What the file shows</source>
        <translation>文件内容说明</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Check and save a copy</source>
        <translation>校验并另存</translation>
    </message>
    <message>
        <source>All complaints of this employer</source>
        <translation>该单位的全部投诉</translation>
    </message>
    <message>
        <source>All complaints of this project</source>
        <translation>该项目的全部投诉</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Evidence and process records (stored by SHA-256)</source>
        <translation>证据与全过程记录（按SHA-256保存）</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ComplaintGroupView</name>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>%1 — %2 complaints (%3 open), %4 workers; owed %5, recovered %6, outstanding %7 yuan</source>
        <translation>%1 — 投诉%2件（未办结%3件），涉及劳动者%4人；欠薪%5元，已追回%6元，尚欠%7元</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>Last paid</source>
        <translation>最近支付日期</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintsWindow</name>
    <message>
        <source>Search by number, employer, worker name or ID number</source>
        <translation>按编号、单位、劳动者姓名或身份证号查找</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收日期</translation>
    </message>
    <message>
        <source>Register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <source>By employer</source>
        <translation>按单位查看</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>导出投诉列表</translation>
    </message>
    <message>
        <source>Export recovery ledger</source>
        <translation>导出追欠台账</translation>
    </message>
    <message>
        <source>Import ledger</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>登记号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>被投诉单位</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Paid between</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>支付方式</translation>
    </message>
    <message numerus="yes">
        <source>%n payments</source>
        <translation>
            <numerusform>共%n笔</numerusform>
        </translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>支付记录</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠薪金额</translation>
    </message>
    <message>
        <source>All projects</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>在建项目</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>尚欠</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Workers (recovery ledger)</source>
        <translation>劳动者（追欠台账）</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message numerus="yes">
        <source>%n complaints</source>
        <translation>
            <numerusform>共%n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Registered %1.</source>
        <translation>已登记%1。</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉列表</translation>
    </message>
    <message>
        <source>wage recovery ledger</source>
        <translation>追欠台账</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到Excel</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出%1行到%2。</translation>
    </message>
    <message>
        <source>Exporting to Excel</source>
        <translation>正在导出到Excel</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>complaints ledger template</source>
        <translation>投诉台账模板</translation>
    </message>
    <message>
        <source>Template saved to %1.</source>
        <translation>模板已保存到%1。</translation>
    </message>
    <message>
        <source>Import a complaints ledger</source>
        <translation>导入投诉台账</translation>
    </message>
    <message>
        <source>Importing complaints</source>
        <translation>正在导入投诉</translation>
    </message>
    <message>
        <source>Import finished: %1 imported, %2 refused.</source>
        <translation>导入完成：导入%1行，未导入%2行。</translation>
    </message>
</context>
<context>
    <name>ConfirmDelete</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <source>Apply the choices</source>
        <translation>按所选处理</translation>
    </message>
    <message>
        <source>No conflicts: every record agrees with the other sites.</source>
        <translation>没有冲突：所有记录与其他站点一致。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>本站点</translation>
    </message>
    <message>
        <source>%1 #%2 was deleted at %3 but changed here since they last agreed. Choose whether the record is kept, with this site&apos;s changes, or deleted.</source>
        <translation>%1 #%2 自上次交换后在%3被删除，本站点却修改过。请选择保留该记录（含本站点的修改）还是删除。</translation>
    </message>
    <message>
        <source>This site: changed by %1 at %2.  %3: deleted by %4 at %5.</source>
        <translation>本站点：%1 于 %2 修改。%3：%4 于 %5 删除。</translation>
    </message>
    <message>
        <source>%1 #%2 was deleted here but changed at %3 since they last agreed. Choose whether the record is kept, with %3&apos;s changes, or deleted.</source>
        <translation>%1 #%2 自上次交换后已在本站点删除，%3却修改过。请选择保留该记录（含%3的修改）还是删除。</translation>
    </message>
    <message>
        <source>This site: deleted by %1 at %2.  %3: changed by %4 at %5.</source>
        <translation>本站点：%1 于 %2 删除。%3：%4 于 %5 修改。</translation>
    </message>
    <message>
        <source>%1 #%2 was changed here and at %3 since they last agreed. Choose, field by field, which value to keep.</source>
        <translation>%1 #%2 自上次交换后在本站点和%3都被修改过。请逐个字段选择保留哪一方的值。</translation>
    </message>
    <message>
        <source>This site: last changed by %1 at %2.  %3: changed by %4 at %5.</source>
        <translation>本站点：%1 于 %2 最后修改。%3：%4 于 %5 修改。</translation>
    </message>
    <message>
        <source>kept (changed)</source>
        <translation>保留（已修改）</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>The whole record</source>
        <translation>整条记录</translation>
    </message>
    <message>
        <source>this site&apos;s</source>
        <translation>本站点的</translation>
    </message>
    <message>
        <source>the other site&apos;s</source>
        <translation>对方站点的</translation>
    </message>
    <message>
        <source>Settled; the result goes to %1 with the next bundle.</source>
        <translation>已处理；结果将随下一个交换包发给%1。</translation>
    </message>
</context>
<context>
    <name>ConflictMarks</name>
    <message>
        <source>Changed here and at another site: both versions are kept until settled under Administration → Sites and exchange → Conflicts</source>
        <translation>本站与其他站点都修改过此记录：两个版本均已保留，请在“系统管理 → 站点与交换 → 冲突处理”中处理</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Database connection</source>
        <translation>数据库连接</translation>
    </message>
    <message>
        <source>Local database on this PC (SQLite)</source>
        <translation>本机数据库（SQLite）</translation>
    </message>
    <message>
        <source>Connect to a server (PostgreSQL)</source>
        <translation>连接服务器（PostgreSQL）</translation>
    </message>
    <message>
        <source>Remember the password (in the system keyring)</source>
        <translation>记住密码（保存在系统密钥环中）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>TLS (sslmode)</source>
        <translation>加密传输（sslmode）</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>请填写服务器的主机名或地址。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Testing the connection</source>
        <translation>正在测试连接</translation>
    </message>
    <message>
        <source>Connected: %1 (schema %2).</source>
        <translation>连接成功：%1（数据库结构版本 %2）。</translation>
    </message>
    <message>
        <source>No keyring on this PC: the password will be asked at each start.</source>
        <translation>本机没有系统密钥环，每次启动时将询问密码。</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <source>This desk works on: %1</source>
        <translation>本办案台使用的数据库：%1</translation>
    </message>
    <message>
        <source>Change the database connection…</source>
        <translation>更改数据库连接…</translation>
    </message>
    <message>
        <source>Saved. The new connection is used from the next start.</source>
        <translation>已保存，下次启动时使用新的连接。</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>The database is damaged and cannot be opened.</source>
        <translation>数据库文件已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The newest backup that passed its check is from %1 (%2).</source>
        <translation>最近一份校验通过的备份生成于 %1（%2）。</translation>
    </message>
    <message>
        <source>Restoring it loses the changes made since then. The damaged file is kept beside the database.</source>
        <translation>恢复这份备份会丢失此后所做的修改。损坏的文件会保留在数据库旁边。</translation>
    </message>
    <message>
        <source>Restore this backup and continue</source>
        <translation>恢复此备份并继续</translation>
    </message>
    <message>
        <source>No backup that passed its check was found. Please ask your administrator for help.</source>
        <translation>没有找到校验通过的备份。请联系系统管理员。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restoring the database</source>
        <translation>正在恢复数据库</translation>
    </message>
</context>
<context>
    <name>DeadlineCalculator</name>
    <message>
        <source>Deadline calculator</source>
        <translation>期限计算器</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>期限规则：</translation>
    </message>
    <message>
        <source>Counted from:</source>
        <translation>起算事件：</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>起算日期：</translation>
    </message>
    <message>
        <source>Approved extension:</source>
        <translation>经批准延长：</translation>
    </message>
    <message>
        <source>Days not counted (suspension, public notice):</source>
        <translation>不计入期间的天数（中止、公告）：</translation>
    </message>
    <message>
        <source>Latest: %1</source>
        <translation>最迟：%1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>届满日：%1</translation>
    </message>
    <message>
        <source>Basis:</source>
        <translation>依据：</translation>
    </message>
</context>
<context>
    <name>DeskWindow</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>When</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>届满日</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>What must happen</source>
        <translation>应办事项</translation>
    </message>
    <message>
        <source>Overdue: %1 · Due today: %2 · Within 3 working days: %3</source>
        <translation>已逾期：%1 · 今日到期：%2 · 3个工作日内到期：%3</translation>
    </message>
    <message>
        <source>Today is %1; three working days run to %2.</source>
        <translation>今天是%1；3个工作日计至%2。</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Discard what you have typed?</source>
        <translation>放弃已填写的内容吗？</translation>
    </message>
    <message>
        <source>It has not been saved.</source>
        <translation>这些内容尚未保存。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存为PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>打开PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>文书：</translation>
    </message>
    <message>
        <source>Text (edit before printing; a blank line separates paragraphs):</source>
        <translation>正文（打印前可修改；空一行分段）：</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存为PDF</translation>
    </message>
    <message>
        <source>Saved %1 (%2 page(s)).</source>
        <translation>已保存：%1（共%2页）。</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成PDF…</translation>
    </message>
</context>
<context>
    <name>EditRolesDialog</name>
    <message>
        <source>Roles of {username}</source>
        <translation>{username} 的角色</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Renshe Desk</source>
        <translation>人社办案台</translation>
    </message>
</context>
<context>
    <name>ExamForm</name>
    <message>
        <source>New exam</source>
        <translation>新增考试</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Full mark</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>考试名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>合格分数线</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>应参考</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>实际参考</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>缺考原因</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Everyone required</source>
        <translation>全部应参考</translation>
    </message>
    <message>
        <source>Everyone required sat</source>
        <translation>应参考人员全部参考</translation>
    </message>
    <message>
        <source>Results (tick who was required and who sat; type the scores)</source>
        <translation>成绩（勾选应参考和实际参考人员，填写成绩）</translation>
    </message>
    <message>
        <source> (left)</source>
        <translation>（已离岗）</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺考</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Required %1, sat %2, passed %3 — participation rate %4, pass rate %5</source>
        <translation>应参考 %1 人，实际参考 %2 人，合格 %3 人 —— 参考率 %4，合格率 %5</translation>
    </message>
</context>
<context>
    <name>ExamsTab</name>
    <message>
        <source>Search by exam title</source>
        <translation>按考试名称查找</translation>
    </message>
    <message>
        <source>New exam</source>
        <translation>新增考试</translation>
    </message>
    <message numerus="yes">
        <source>%n exams</source>
        <translation>
            <numerusform>共 %n 场考试</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>考试名称</translation>
    </message>
    <message>
        <source>Pass / full mark</source>
        <translation>合格线/满分</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>应参考</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>实际参考</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Participation rate</source>
        <translation>参考率</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Saved “%1”: participation rate %2, pass rate %3.</source>
        <translation>已保存“%1”：参考率 %2，合格率 %3。</translation>
    </message>
    <message>
        <source>Delete the exam “%1” and its results?</source>
        <translation>删除考试“%1”及其全部成绩？</translation>
    </message>
</context>
<context>
    <name>ExceptHook</name>
    <message>
        <source>Renshe Desk — unexpected error</source>
        <translation>人社办案台 — 意外错误</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Your saved data is safe; the unfinished action was not saved.
Please tell the administrator; the details are in the log file.</source>
        <translation>程序发生了意外错误。已保存的数据不受影响，未完成的操作没有保存。
请告知系统管理员，详细信息已记入日志文件。</translation>
    </message>
</context>
<context>
    <name>ExportChoiceDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Masked (ID numbers and phones partly hidden)</source>
        <translation>脱敏（身份证号、电话部分隐藏）</translation>
    </message>
    <message>
        <source>In full (recorded in the audit log)</source>
        <translation>完整信息（记入操作日志）</translation>
    </message>
    <message>
        <source>Reason for exporting in full</source>
        <translation>完整导出的原因</translation>
    </message>
    <message>
        <source>How should personal data appear in the file?</source>
        <translation>导出文件中的个人信息如何显示？</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Import this file once more?</source>
        <translation>确定要再次导入该文件吗？</translation>
    </message>
    <message>
        <source>File imported before</source>
        <translation>该文件已导入过</translation>
    </message>
    <message>
        <source>Template saved to %1.</source>
        <translation>模板已保存到 %1。</translation>
    </message>
    <message>
        <source>Writing the import template</source>
        <translation>正在生成导入模板</translation>
    </message>
    <message>
        <source>Import finished: %1 imported, %2 refused.</source>
        <translation>导入完成：导入 %1 行，拒绝 %2 行。</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何数据。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Renshe Desk</source>
        <translation>人社办案台</translation>
    </message>
    <message>
        <source>%1 is a database file. The program never opens a database file directly; copies of the database are made under System administration → Backup and restore.</source>
        <translation>%1 是数据库文件。本程序从不直接打开数据库文件；数据库的副本请在“系统管理 → 备份与恢复”中制作。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Create the system administrator</source>
        <translation>创建系统管理员</translation>
    </message>
    <message>
        <source>This database has no accounts yet. The first account is the system administrator, who then creates the other users and gives them roles.</source>
        <translation>该数据库还没有用户账号。第一个账号为系统管理员，由其创建其他用户并分配角色。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Creating the administrator</source>
        <translation>正在创建系统管理员</translation>
    </message>
</context>
<context>
    <name>FollowRecord</name>
    <message>
        <source>%1 changed this case at %2. Your entries are kept; saving shows you the new values first.</source>
        <translation>%1已于%2修改本案。您的输入仍保留；保存时会先显示修改后的内容。</translation>
    </message>
    <message>
        <source>%1 changed this case at %2; the page shows what is saved now.</source>
        <translation>%1已于%2修改本案，页面已显示最新保存的内容。</translation>
    </message>
</context>
<context>
    <name>HearingRoomsDialog</name>
    <message>
        <source>Hearing rooms</source>
        <translation>仲裁庭登记</translation>
    </message>
    <message>
        <source>One room a line, as the scheduling form offers them:</source>
        <translation>每行一个仲裁庭，排期时从中选择：</translation>
    </message>
</context>
<context>
    <name>HearingWeek</name>
    <message>
        <source>Previous week or month</source>
        <translation>上一周或上个月</translation>
    </message>
    <message>
        <source>Next week or month</source>
        <translation>下一周或下个月</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Go to a date</source>
        <translation>跳到日期</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周视图</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月视图</translation>
    </message>
    <message>
        <source>All arbitrators</source>
        <translation>全部仲裁员</translation>
    </message>
    <message>
        <source>Week of %1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>%1, month %2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Clash: %1 overlaps %2</source>
        <translation>冲突：%1 与 %2 时间重叠</translation>
    </message>
    <message>
        <source>%1 hearings shown in red clash with another in the same room or with the same person.</source>
        <translation>红色标出的%1场开庭与同一仲裁庭或同一人员的其他开庭时间冲突。</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <source>Click a weekday to make it a statutory holiday (red), a Saturday or Sunday to make it a swapped working day (blue); click again to undo.</source>
        <translation>单击工作日设为法定节假日（红色），单击星期六或星期日设为调休上班日（蓝色）；再次单击取消。</translation>
    </message>
    <message>
        <source>Save the schedule</source>
        <translation>保存节假日安排</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Statutory holidays (one date a line)</source>
        <translation>法定节假日（每行一个日期）</translation>
    </message>
    <message>
        <source>Swapped working days, Saturdays or Sundays worked</source>
        <translation>调休上班日（需上班的星期六、星期日）</translation>
    </message>
    <message>
        <source>The official schedule of %1 ships with the program and is shown read-only.</source>
        <translation>%1年的国务院节假日安排已随程序提供，此处只读显示。</translation>
    </message>
    <message>
        <source>Deadlines in %1 are computed on the schedule below.</source>
        <translation>%1年的期限按下列节假日安排计算。</translation>
    </message>
    <message>
        <source>No holiday schedule for %1 yet: its deadlines count weekends only and are flagged until the State Council&apos;s notice is entered here.</source>
        <translation>尚未录入%1年的节假日安排：该年的期限只按周末计算，并标注“节假日安排未导入”，请在此录入国务院办公厅的通知。</translation>
    </message>
    <message>
        <source>Saved: %1 holidays and %2 swapped working days for %3.</source>
        <translation>已保存%3年的节假日安排：法定节假日%1天，调休上班日%2天。</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>%1 rows read: %2 imported, %3 refused.</source>
        <translation>共读取 %1 行：导入 %2 行，拒绝 %3 行。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Refused rows (nothing of them was saved):</source>
        <translation>未导入的行（这些行的内容均未保存）：</translation>
    </message>
    <message>
        <source>… and %1 more refused rows.</source>
        <translation>……另有 %1 行未导入。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Register this complaint anyway?</source>
        <translation>仍要登记这件投诉吗？</translation>
    </message>
    <message>
        <source>Register a complaint or report</source>
        <translation>投诉/举报登记</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>Add employer</source>
        <translation>添加单位</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Add worker</source>
        <translation>添加劳动者</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>劳动者</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Owed (yuan)</source>
        <translation>欠薪金额（元）</translation>
    </message>
    <message>
        <source>Migrant</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Kind / channel</source>
        <translation>类别/来源</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Employers complained of</source>
        <translation>被投诉单位</translation>
    </message>
    <message>
        <source>Employer name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Credit code (optional)</source>
        <translation>统一社会信用代码（可不填）</translation>
    </message>
    <message>
        <source>or from the register</source>
        <translation>或从当事人库选择</translation>
    </message>
    <message>
        <source>Construction project</source>
        <translation>在建项目</translation>
    </message>
    <message>
        <source>Workers concerned</source>
        <translation>涉及劳动者</translation>
    </message>
    <message>
        <source>Matters</source>
        <translation>投诉事项</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求事项</translation>
    </message>
    <message>
        <source>Evidence received</source>
        <translation>收到的证据材料</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Enter the amount owed to %1.</source>
        <translation>请填写欠付%1的金额。</translation>
    </message>
    <message>
        <source>%1 workers, %2 yuan owed in all.</source>
        <translation>共%1人，欠薪合计%2元。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Renshe Desk — sign in</source>
        <translation>人社办案台 — 登录</translation>
    </message>
    <message>
        <source>Renshe Desk</source>
        <translation>人社办案台</translation>
    </message>
    <message>
        <source>Sign in with your user name and password.</source>
        <translation>请输入用户名和密码登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>正在登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Renshe Desk</source>
        <translation>人社办案台</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Renshe Desk</source>
        <translation>关于人社办案台(&amp;A)</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>当前用户：%1</translation>
    </message>
    <message>
        <source>Login name: %1</source>
        <translation>登录名：%1</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Your account has no access to any area.</source>
        <translation>您的账号没有可以使用的功能。</translation>
    </message>
    <message>
        <source>set-up (no accounts yet)</source>
        <translation>初始设置（尚无用户账号）</translation>
    </message>
    <message>
        <source>read-only (not signed in)</source>
        <translation>只读（未登录）</translation>
    </message>
    <message>
        <source>server %1</source>
        <translation>服务器 %1</translation>
    </message>
</context>
<context>
    <name>MediationWindow</name>
    <message>
        <source>Search by case number or party name</source>
        <translation>按案号或当事人名称查找</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新调解申请</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>文书…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到申请</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被申请人</translation>
    </message>
    <message>
        <source>Requested (yuan)</source>
        <translation>请求金额（元）</translation>
    </message>
    <message>
        <source>15-day limit</source>
        <translation>15日期限</translation>
    </message>
    <message>
        <source>Choose a case in the list.</source>
        <translation>请在列表中选择案件。</translation>
    </message>
    <message>
        <source>Application of %1</source>
        <translation>%1的调解申请</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Applicant: %1 · Respondent: %2</source>
        <translation>申请人：%1 · 被申请人：%2</translation>
    </message>
    <message>
        <source>Channel: %1 · Centre: %2</source>
        <translation>渠道：%1 · 调解组织：%2</translation>
    </message>
    <message>
        <source>Requested: %1 yuan · Agreed: %2 · Paid: %3</source>
        <translation>请求金额：%1元 · 协议金额：%2 · 已履行：%3</translation>
    </message>
    <message>
        <source>Transferred to arbitration: %1</source>
        <translation>已转仲裁：%1</translation>
    </message>
    <message>
        <source>application no. %1</source>
        <translation>仲裁申请第%1号</translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation>办理经过：</translation>
    </message>
    <message>
        <source>15-day mediation period: %1 — %2</source>
        <translation>15日调解期限：%1 — %2</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Recorded: %1</source>
        <translation>已登记：%1</translation>
    </message>
</context>
<context>
    <name>MinimumWageDialog</name>
    <message>
        <source>Minimum wage</source>
        <translation>月最低工资标准</translation>
    </message>
    <message>
        <source>Effective from (YYYY-MM-DD)</source>
        <translation>执行日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Monthly (yuan)</source>
        <translation>月最低工资（元）</translation>
    </message>
    <message>
        <source>Add a row</source>
        <translation>增加一行</translation>
    </message>
    <message>
        <source>District tier:</source>
        <translation>地区类别：</translation>
    </message>
    <message>
        <source>The award uses the standard in force on the award date: an item is final when it is at most 12 months of it.</source>
        <translation>裁决时适用裁决作出之日执行的标准：单项裁决金额不超过其12个月金额的，为终局裁决事项。</translation>
    </message>
</context>
<context>
    <name>MoneyEdit</name>
    <message>
        <source>yuan, e.g. 1,250,000.00</source>
        <translation>单位：元，如 1,250,000.00</translation>
    </message>
</context>
<context>
    <name>NarrowDialog</name>
    <message>
        <source>What goes to %1</source>
        <translation>发往%1的内容</translation>
    </message>
    <message>
        <source>Unticked: nothing of it is sent to %1 of its own accord. A record that another one sent refers to still goes with it.</source>
        <translation>未勾选的数据不再主动发往%1；但已发送的记录所引用的记录仍会随之发送。</translation>
    </message>
</context>
<context>
    <name>NewAccountFields</name>
    <message>
        <source>letters, digits, . - _</source>
        <translation>字母、数字、. - _</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
</context>
<context>
    <name>OfficerForm</name>
    <message>
        <source>Officer</source>
        <translation>人员信息</translation>
    </message>
    <message>
        <source>optional; 18 characters</source>
        <translation>选填，18位</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Holds the legal professional qualification</source>
        <translation>具有法律职业资格</translation>
    </message>
    <message>
        <source>certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>On the roster (in post)</source>
        <translation>在编（列入执法人员名册）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Post and rank</source>
        <translation>职务/职级</translation>
    </message>
    <message>
        <source>Staffing type</source>
        <translation>编制类型</translation>
    </message>
    <message>
        <source>Qualification no.</source>
        <translation>资格证书编号</translation>
    </message>
    <message>
        <source>Enforcement certificates</source>
        <translation>执法证件</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add certificate</source>
        <translation>添加执法证</translation>
    </message>
    <message>
        <source>Edit certificate</source>
        <translation>修改执法证</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>年审日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record annual review</source>
        <translation>登记年审</translation>
    </message>
    <message>
        <source>Delete review</source>
        <translation>删除年审</translation>
    </message>
    <message>
        <source>Annual reviews of the selected certificate</source>
        <translation>所选证件的年度验审</translation>
    </message>
    <message>
        <source>New officer</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message>
        <source>%1 (expires in %2 days)</source>
        <translation>%1（%2天后到期）</translation>
    </message>
</context>
<context>
    <name>OrganisationTab</name>
    <message>
        <source>District</source>
        <translation>区（县）</translation>
    </message>
    <message>
        <source>Bureau</source>
        <translation>人社局名称</translation>
    </message>
    <message>
        <source>Arbitration commission</source>
        <translation>劳动人事争议仲裁委员会</translation>
    </message>
    <message>
        <source>Inspection brigade</source>
        <translation>劳动保障监察机构</translation>
    </message>
    <message>
        <source>Administrative review authority</source>
        <translation>行政复议机关</translation>
    </message>
    <message>
        <source>Court for administrative suits</source>
        <translation>行政诉讼管辖法院</translation>
    </message>
    <message>
        <source>Names printed on the documents</source>
        <translation>文书使用的名称</translation>
    </message>
    <message>
        <source>Fines that must offer a hearing (a large amount, by local rule)</source>
        <translation>应当告知听证的罚款数额（较大数额，按本地规定）</translation>
    </message>
    <message>
        <source>Natural person, from (yuan)</source>
        <translation>对公民，自（元）</translation>
    </message>
    <message>
        <source>Organisation, from (yuan)</source>
        <translation>对法人或者其他组织，自（元）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>A decision&apos;s remedy clause will read:</source>
        <translation>决定书的救济途径条款将为：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <source> (year)</source>
        <translation>年</translation>
    </message>
    <message>
        <source>The year whose figures are shown</source>
        <translation>显示哪一年的数据</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Workers whose wages were recovered</source>
        <translation>追回工资人数</translation>
    </message>
    <message>
        <source>Wages recovered (10,000 yuan)</source>
        <translation>追回工资（万元）</translation>
    </message>
    <message>
        <source>Arbitration applications received</source>
        <translation>仲裁案件接收</translation>
    </message>
    <message>
        <source>Arbitration cases pending</source>
        <translation>仲裁待处理</translation>
    </message>
    <message>
        <source>Online mediations handled</source>
        <translation>“互联网+调解”处理</translation>
    </message>
    <message>
        <source>Staff holding certificates</source>
        <translation>持执法证人员</translation>
    </message>
    <message>
        <source>Six-system compliance rate</source>
        <translation>“6项制度”综合达标率</translation>
    </message>
    <message>
        <source>Complaints per month</source>
        <translation>各月投诉举报（件）</translation>
    </message>
    <message>
        <source>Wages recovered per month (10,000 yuan)</source>
        <translation>各月追回工资（万元）</translation>
    </message>
    <message>
        <source>Arbitration received and closed per month</source>
        <translation>各月仲裁接收与结案（件）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Computing the year&apos;s figures</source>
        <translation>正在计算年度数据</translation>
    </message>
    <message>
        <source>%1: 1 January to %2</source>
        <translation>%1年1月1日至%2</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>追回工资</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>PartiesWindow</name>
    <message>
        <source>Search by name, ID number or credit code</source>
        <translation>按姓名/名称、身份证号或统一社会信用代码搜索</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>People</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Employers</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增个人</translation>
    </message>
    <message>
        <source>New employer</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称/姓名</translation>
    </message>
    <message>
        <source>ID number / credit code</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message numerus="yes">
        <source>%n parties</source>
        <translation>
            <numerusform>共 %n 个当事人</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Export parties to Excel</source>
        <translation>导出当事人到Excel</translation>
    </message>
    <message>
        <source>parties</source>
        <translation>当事人库</translation>
    </message>
    <message>
        <source>Exporting parties to Excel</source>
        <translation>正在导出当事人到Excel</translation>
    </message>
    <message>
        <source>Print the register to PDF</source>
        <translation>将当事人库输出为PDF</translation>
    </message>
    <message>
        <source>Register of parties</source>
        <translation>当事人名册</translation>
    </message>
    <message>
        <source>Printing the register to PDF</source>
        <translation>正在输出PDF</translation>
    </message>
    <message>
        <source>Printing the register</source>
        <translation>正在打印当事人名册</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>parties import template</source>
        <translation>当事人导入模板</translation>
    </message>
    <message>
        <source>Import parties from Excel</source>
        <translation>从Excel导入当事人</translation>
    </message>
    <message>
        <source>Importing parties</source>
        <translation>正在导入当事人</translation>
    </message>
</context>
<context>
    <name>PartyForm</name>
    <message>
        <source>New person</source>
        <translation>新增个人</translation>
    </message>
    <message>
        <source>New employer</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Edit party: %1</source>
        <translation>修改当事人：%1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>18 characters; the last may be X</source>
        <translation>18位，最后一位可以是X</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>from the ID number</source>
        <translation>由身份证号得出</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Migrant worker</source>
        <translation>是否农民工</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18位</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Employer type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Registered address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>PartyLabels</name>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Private non-enterprise unit</source>
        <translation>民办非企业单位</translation>
    </message>
    <message>
        <source>Government or public institution</source>
        <translation>机关事业单位</translation>
    </message>
    <message>
        <source>Unlicensed or licence revoked</source>
        <translation>无营业执照或被吊销</translation>
    </message>
    <message>
        <source>Individual contractor (gang master)</source>
        <translation>个人承包经营者（包工头）</translation>
    </message>
</context>
<context>
    <name>PartyPicker</name>
    <message>
        <source>Type a name or credit code</source>
        <translation>输入名称或信用代码</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>No employer found</source>
        <translation>当事人库中未找到该单位</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%2 / %3）</translation>
    </message>
    <message>
        <source>%1 (%2 done)</source>
        <translation>%1（已完成 %2）</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>New project</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Edit project: %1</source>
        <translation>修改项目：%1</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目情况</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>项目地点</translation>
    </message>
    <message>
        <source>Construction permit no.</source>
        <translation>施工许可证号</translation>
    </message>
    <message>
        <source>Contract value (yuan)</source>
        <translation>合同价款（元）</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工日期</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>实际竣工日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>项目状态</translation>
    </message>
    <message>
        <source>On the real-name management platform</source>
        <translation>已纳入实名制管理平台</translation>
    </message>
    <message>
        <source>Developer and contractors</source>
        <translation>参建单位</translation>
    </message>
    <message>
        <source>Developer (建设单位)</source>
        <translation>建设单位</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>施工总承包单位</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Subcontractors</source>
        <translation>分包单位</translation>
    </message>
    <message>
        <source>Wage payment</source>
        <translation>工资支付</translation>
    </message>
    <message>
        <source>Wage manager (劳资专管员)</source>
        <translation>劳资专管员</translation>
    </message>
    <message>
        <source>Wage manager&apos;s phone</source>
        <translation>劳资专管员电话</translation>
    </message>
    <message>
        <source>Wage account bank</source>
        <translation>工资专用账户开户行</translation>
    </message>
    <message>
        <source>Wage account number</source>
        <translation>工资专用账户账号</translation>
    </message>
    <message>
        <source>Wage guarantee</source>
        <translation>工资保证金形式</translation>
    </message>
    <message>
        <source>Guarantee amount (yuan)</source>
        <translation>保证金金额（元）</translation>
    </message>
    <message>
        <source>Guarantee date</source>
        <translation>保证金存储/开具日期</translation>
    </message>
</context>
<context>
    <name>ProjectLabels</name>
    <message>
        <source>Under way</source>
        <translation>在建</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>停工</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>落实</translation>
    </message>
    <message>
        <source>Not in force</source>
        <translation>未落实</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Wage deposit</source>
        <translation>工资保证金</translation>
    </message>
    <message>
        <source>Bank guarantee</source>
        <translation>银行保函</translation>
    </message>
    <message>
        <source>Guarantee insurance</source>
        <translation>工程保证保险</translation>
    </message>
    <message>
        <source>Subcontractor</source>
        <translation>专业分包</translation>
    </message>
    <message>
        <source>Labour subcontractor</source>
        <translation>劳务分包</translation>
    </message>
</context>
<context>
    <name>ProjectsWindow</name>
    <message>
        <source>Record rectification</source>
        <translation>登记整改</translation>
    </message>
    <message>
        <source>Items of the selected check</source>
        <translation>所选检查的各项落实情况</translation>
    </message>
    <message>
        <source>The six wage-payment systems: compliance</source>
        <translation>农民工工资支付“6项制度”落实情况</translation>
    </message>
    <message>
        <source>Item rate</source>
        <translation>综合达标率（按项）</translation>
    </message>
    <message>
        <source>Project rate</source>
        <translation>项目达标率（按项目）</translation>
    </message>
    <message>
        <source>= items in force / applicable items (not applicable excluded)</source>
        <translation>= 落实项 / 适用项（不适用的不计入）</translation>
    </message>
    <message>
        <source>= projects with every applicable item in force / projects checked</source>
        <translation>= 适用项全部落实的项目数 / 已检查项目数</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>统计日</translation>
    </message>
    <message>
        <source>%1 in force of %2 applicable items</source>
        <translation>适用项 %2 项，落实 %1 项</translation>
    </message>
    <message>
        <source>%1 of %2 projects with every applicable item in force</source>
        <translation>已检查 %2 个项目，全部落实 %1 个</translation>
    </message>
    <message>
        <source>Under way: %1 (on the real-name platform: %2) · checked: %3</source>
        <translation>在建项目 %1 个（纳入实名制平台 %2 个）· 已检查 %3 个</translation>
    </message>
    <message>
        <source>Overdue rectifications today: %1</source>
        <translation>今日逾期未整改：%1 项</translation>
    </message>
    <message>
        <source>Search by project name, location or permit number</source>
        <translation>按项目名称、地点或施工许可证号查找</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Overdue rectifications only</source>
        <translation>只看逾期未整改</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Record a check</source>
        <translation>登记检查</translation>
    </message>
    <message>
        <source>Checklist…</source>
        <translation>检查清单…</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>General contractor</source>
        <translation>施工总承包单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Planned completion</source>
        <translation>计划竣工</translation>
    </message>
    <message>
        <source>Latest check</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <source>Overdue rectifications</source>
        <translation>逾期整改</translation>
    </message>
    <message>
        <source>Rectification deadline passed, not yet put right</source>
        <translation>已过整改期限，尚未整改</translation>
    </message>
    <message>
        <source>Real-name platform</source>
        <translation>实名制平台</translation>
    </message>
    <message>
        <source>Wage manager</source>
        <translation>劳资专管员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Wage account</source>
        <translation>工资专户</translation>
    </message>
    <message>
        <source>Contract value (yuan)</source>
        <translation>合同价款（元）</translation>
    </message>
    <message>
        <source>Check date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>In force / applicable</source>
        <translation>落实/适用</translation>
    </message>
    <message>
        <source>Awaiting rectification</source>
        <translation>待整改</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>落实情况</translation>
    </message>
    <message>
        <source>Rectify by</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <source>Evidence / finding</source>
        <translation>检查情况/佐证</translation>
    </message>
    <message numerus="yes">
        <source>%n projects</source>
        <translation>
            <numerusform>共 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>Checks: select a project</source>
        <translation>检查记录：请先选择项目</translation>
    </message>
    <message>
        <source>Checks of %1</source>
        <translation>%1 的检查记录</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存：%1。</translation>
    </message>
    <message>
        <source>Check of %1 recorded: item rate %2.</source>
        <translation>已登记%1的检查，综合达标率 %2。</translation>
    </message>
    <message>
        <source>Checklist saved.</source>
        <translation>检查清单已保存。</translation>
    </message>
    <message>
        <source>Rectification of %1 recorded.</source>
        <translation>已登记“%1”的整改。</translation>
    </message>
    <message>
        <source>Exporting projects to Excel</source>
        <translation>正在导出在建项目Excel</translation>
    </message>
    <message>
        <source>Printing the compliance report</source>
        <translation>正在生成落实情况表PDF</translation>
    </message>
    <message>
        <source>Export projects to Excel</source>
        <translation>导出在建项目到Excel</translation>
    </message>
    <message>
        <source>projects</source>
        <translation>在建项目</translation>
    </message>
    <message>
        <source>Print the compliance report to PDF</source>
        <translation>将“6项制度”落实情况表导出为PDF</translation>
    </message>
    <message>
        <source>six-system compliance</source>
        <translation>6项制度落实情况表</translation>
    </message>
    <message>
        <source>Exported %1 projects (item rate %2) to %3.</source>
        <translation>已导出 %1 个项目（综合达标率 %2）到 %3。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was saved.</source>
        <translation>已取消，未保存任何文件。</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RectificationDialog</name>
    <message>
        <source>Record the rectification</source>
        <translation>登记整改</translation>
    </message>
    <message>
        <source>e.g. notice board put up, photo on file</source>
        <translation>如：已设置维权告示牌，照片存档</translation>
    </message>
    <message>
        <source>%1 — to be put right by %2</source>
        <translation>%1 —— 整改期限 %2</translation>
    </message>
    <message>
        <source>Rectified on</source>
        <translation>整改完成日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>整改佐证</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Yearly rule-of-law figures</source>
        <translation>年度法治建设数据</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New password for {username}</source>
        <translation>为 {username} 设置新密码</translation>
    </message>
    <message>
        <source>Give the user the new password in person; it also lifts a lock-out.</source>
        <translation>请当面将新密码告知该用户；重置密码同时解除锁定。</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>至少 %n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>RevealReasonDialog</name>
    <message>
        <source>Show personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <source>e.g. checking the complainant&apos;s identity for case intake</source>
        <translation>例如：受理登记时核实投诉人身份</translation>
    </message>
    <message>
        <source>Why do you need to see the full %1? The reason is recorded in the audit log.</source>
        <translation>请说明查看完整%1的原因，原因将记入操作日志。</translation>
    </message>
</context>
<context>
    <name>RevealsMaskedFields</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full value (asks for a reason, recorded in the audit log)</source>
        <translation>显示完整内容（需填写原因，记入操作日志）</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Record an annual review</source>
        <translation>登记年度验审</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>年审日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RoleChecks</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>SessionForm</name>
    <message>
        <source>New study or training session</source>
        <translation>新增学习培训</translation>
    </message>
    <message>
        <source>Study or training session</source>
        <translation>学习培训</translation>
    </message>
    <message>
        <source>e.g. 2 or 1.5</source>
        <translation>如 2 或 1.5</translation>
    </message>
    <message>
        <source>Study of law (counts as rule-of-law study)</source>
        <translation>专题学法（计入学法次数）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Attendees (from the staff roster)</source>
        <translation>参加人员（从执法人员名册中勾选）</translation>
    </message>
    <message>
        <source> (no longer on the roster)</source>
        <translation>（已不在名册中）</translation>
    </message>
</context>
<context>
    <name>SessionsTab</name>
    <message>
        <source>Search by topic or organiser</source>
        <translation>按主题或组织单位查找</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>新增学习培训</translation>
    </message>
    <message numerus="yes">
        <source>%n sessions</source>
        <translation>
            <numerusform>共 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>组织单位</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Law study</source>
        <translation>专题学法</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Saved “%1” (%2 attendees).</source>
        <translation>已保存“%1”（%2人参加）。</translation>
    </message>
    <message>
        <source>Delete the session “%1”?</source>
        <translation>删除学习培训“%1”？</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>SitesTab</name>
    <message>
        <source>The issuing body that opens this site&apos;s case numbers (a township&apos;s short name). A township&apos;s must differ from the district&apos;s.</source>
        <translation>本站点案号中的机关简称（如甲镇劳人调字〔2024〕第1号中的“甲镇”）。乡镇站点的简称不能与区局相同。</translation>
    </message>
    <message>
        <source>Set up this site</source>
        <translation>设置本站点</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Issuing body:</source>
        <translation>机关简称：</translation>
    </message>
    <message>
        <source>Export public key…</source>
        <translation>导出公钥…</translation>
    </message>
    <message>
        <source>Trust a site&apos;s key file…</source>
        <translation>信任站点公钥文件…</translation>
    </message>
    <message>
        <source>This site</source>
        <translation>本站点</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Last sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>对方已确认</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>待处理冲突</translation>
    </message>
    <message>
        <source>Held bundles</source>
        <translation>暂存的交换包</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>导出交换包…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>导入交换包…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>冲突处理…</translation>
    </message>
    <message>
        <source>What goes to this site…</source>
        <translation>发往该站点的内容…</translation>
    </message>
    <message>
        <source>Trusted sites and exchange</source>
        <translation>受信任站点与交换</translation>
    </message>
    <message>
        <source>This installation is not a site yet. Give its code, name and kind.</source>
        <translation>本机尚未设置为站点。请填写代码、名称和类型。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>This site is set up. Fingerprint: %1</source>
        <translation>站点已设置。指纹：%1</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>导出公钥</translation>
    </message>
    <message>
        <source>Public key saved to %1. Fingerprint: %2</source>
        <translation>公钥已保存到%1。指纹：%2</translation>
    </message>
    <message>
        <source>Trust a site&apos;s key file</source>
        <translation>信任站点公钥文件</translation>
    </message>
    <message>
        <source>Trusted %1 %2. Compare its fingerprint by telephone: %3</source>
        <translation>已信任%1 %2。请与对方电话核对指纹：%3</translation>
    </message>
    <message>
        <source>Choose the site to send the bundle to.</source>
        <translation>请选择交换包的接收站点。</translation>
    </message>
    <message>
        <source>Where to save the bundle (the USB stick)</source>
        <translation>交换包保存位置（U盘）</translation>
    </message>
    <message>
        <source>Exporting the bundle</source>
        <translation>正在导出交换包</translation>
    </message>
    <message>
        <source>Bundle %1 for %2 saved: %3 records, %4 files → %5</source>
        <translation>已导出发给%2的第%1号交换包：%3条记录，%4个文件 → %5</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入交换包</translation>
    </message>
    <message>
        <source>Importing the bundle</source>
        <translation>正在导入交换包</translation>
    </message>
    <message>
        <source>Bundle %1 from %2 is held: bundle %3 has not been imported yet. Import it, and this one is applied right after.</source>
        <translation>来自%2的第%1号交换包已暂存：第%3号交换包尚未导入。导入第%3号后，本包随即自动应用。</translation>
    </message>
    <message>
        <source>Bundle %1 from %2 was imported before; nothing changed.</source>
        <translation>来自%2的第%1号交换包已导入过，未作改动。</translation>
    </message>
    <message>
        <source>Bundle %1 from %2 imported: %3 new, %4 updated, %5 conflicts. %6</source>
        <translation>已导入来自%2的第%1号交换包：新增%3条，更新%4条，冲突%5条。%6</translation>
    </message>
    <message>
        <source>Then held bundle %1: %2 new, %3 updated, %4 conflicts.</source>
        <translation>随后应用了暂存的第%1号交换包：新增%2条，更新%3条，冲突%4条。</translation>
    </message>
    <message>
        <source>Choose the site first.</source>
        <translation>请先选择站点。</translation>
    </message>
</context>
<context>
    <name>StaffLabels</name>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>Not yet valid</source>
        <translation>未生效</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>无证</translation>
    </message>
    <message>
        <source>Administrative enforcement certificate</source>
        <translation>行政执法证</translation>
    </message>
    <message>
        <source>Labour inspection certificate</source>
        <translation>劳动保障监察证</translation>
    </message>
    <message>
        <source>Enforcement supervision certificate</source>
        <translation>执法监督证</translation>
    </message>
    <message>
        <source>Civil service post</source>
        <translation>行政编制</translation>
    </message>
    <message>
        <source>Managed as civil service</source>
        <translation>参公</translation>
    </message>
    <message>
        <source>Public institution post</source>
        <translation>事业编制</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
</context>
<context>
    <name>StaffWindow</name>
    <message>
        <source>Search by name or certificate number</source>
        <translation>按姓名或证件编号查找</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Valid on the date</source>
        <translation>当日持有效证件</translation>
    </message>
    <message>
        <source>Expiring within %1 days</source>
        <translation>%1天内到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Without a valid certificate</source>
        <translation>无有效证件</translation>
    </message>
    <message>
        <source>The status, the highlight and the filter apply to this date</source>
        <translation>状态、提醒底色和筛选均以此日期为准</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>New officer</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Print public roster (PDF)</source>
        <translation>打印公示名单(PDF)</translation>
    </message>
    <message>
        <source>Print preview of the public roster</source>
        <translation>公示名册打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Download template</source>
        <translation>下载模板</translation>
    </message>
    <message>
        <source>Amber: expires within %1 days · red: expired</source>
        <translation>黄色：%1天内到期 · 红色：已过期</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职务/职级</translation>
    </message>
    <message>
        <source>Legal qual.</source>
        <translation>法律职业资格</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>执法类别</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在编</translation>
    </message>
    <message>
        <source>%1, %2 days left</source>
        <translation>%1，剩%2天</translation>
    </message>
    <message numerus="yes">
        <source>%n officers</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1 (not in the current filter).</source>
        <translation>已保存 %1（不在当前筛选结果中）。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Export the roster to Excel</source>
        <translation>导出执法人员名册到Excel</translation>
    </message>
    <message>
        <source>enforcement staff</source>
        <translation>执法人员名册</translation>
    </message>
    <message>
        <source>Exporting the roster to Excel</source>
        <translation>正在导出执法人员名册</translation>
    </message>
    <message>
        <source>Print the public roster to PDF</source>
        <translation>打印执法人员公示名单</translation>
    </message>
    <message>
        <source>public roster of enforcement staff</source>
        <translation>行政执法人员公示名单</translation>
    </message>
    <message>
        <source>Printing the public roster</source>
        <translation>正在生成公示名单</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>staff roster import template</source>
        <translation>执法人员导入模板</translation>
    </message>
    <message>
        <source>Import the roster from Excel</source>
        <translation>从Excel导入执法人员</translation>
    </message>
    <message>
        <source>Importing the roster</source>
        <translation>正在导入执法人员</translation>
    </message>
</context>
<context>
    <name>StaleSave</name>
    <message>
        <source>Your entries are still in the form.</source>
        <translation>您的输入仍保留在表单中。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Saved now: %1</source>
        <translation>现已保存的内容：%1</translation>
    </message>
    <message>
        <source>The page now shows what is saved. Your entries are kept: check them and confirm again.</source>
        <translation>页面已显示已保存的最新内容，您填写的内容仍保留，请核对后再次确认。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>%1 is not a time of day (e.g. 09:30 or 0930).</source>
        <translation>“%1”不是有效的时间（例如 09:30 或 0930）。</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <source>Set target</source>
        <translation>设定</translation>
    </message>
    <message>
        <source>How the pass rate is counted, here, in the exports and in the yearly report</source>
        <translation>合格率的计算口径（本页、导出和年度报告均按此计算）</translation>
    </message>
    <message>
        <source>Pass rate = passed ÷ sat</source>
        <translation>合格率＝合格人数÷实际参考人数</translation>
    </message>
    <message>
        <source>Pass rate = passed ÷ required</source>
        <translation>合格率＝合格人数÷应参考人数</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Yearly hours target per person:</source>
        <translation>年度人均学时目标：</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Of which law study</source>
        <translation>其中专题学法</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试名称</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>应参考</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>实际参考</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Participation rate</source>
        <translation>参考率</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>Study and training sessions</source>
        <translation>学习培训</translation>
    </message>
    <message>
        <source>Hours per person (those behind the target highlighted)</source>
        <translation>个人学时（未达标者以底色标出）</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>%1: %2 sessions; %3 hours per person on average, %4 of %5 people reached the target (%6); exams: participation rate %7, pass rate %8.</source>
        <translation>%1年：学习培训 %2 次；人均 %3 学时，%5 人中 %4 人达到学时目标（%6）；考试参考率 %7，合格率 %8。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>reached</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 short</source>
        <translation>差%1学时</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年合计</translation>
    </message>
    <message>
        <source>Hours target saved.</source>
        <translation>学时目标已保存。</translation>
    </message>
    <message>
        <source>Pass rate basis saved.</source>
        <translation>合格率口径已保存。</translation>
    </message>
    <message>
        <source>Export the year&apos;s summary to Excel</source>
        <translation>导出年度汇总到Excel</translation>
    </message>
    <message>
        <source>training summary %1</source>
        <translation>%1年度学习培训和考试情况</translation>
    </message>
    <message>
        <source>Exporting the year&apos;s summary</source>
        <translation>正在导出年度汇总</translation>
    </message>
    <message>
        <source>Export the year&apos;s summary to PDF</source>
        <translation>导出年度汇总为PDF</translation>
    </message>
    <message>
        <source>Printing the year&apos;s summary</source>
        <translation>正在生成年度汇总PDF</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>TrainingLabels</name>
    <message>
        <source>Party group central study</source>
        <translation>党组中心组学习</translation>
    </message>
    <message>
        <source>Whole-bureau study</source>
        <translation>全局集中学习</translation>
    </message>
    <message>
        <source>Party branch study</source>
        <translation>党支部学习</translation>
    </message>
    <message>
        <source>Special training</source>
        <translation>专题培训</translation>
    </message>
    <message>
        <source>Law popularisation activity</source>
        <translation>普法宣传活动</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TrainingListTab</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TrainingWindow</name>
    <message>
        <source>Study and training</source>
        <translation>学习培训</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Year summary</source>
        <translation>年度汇总</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <source>Change roles</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Filter users</source>
        <translation>筛选用户</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Permissions by role (read-only)</source>
        <translation>各角色权限（只读）</translation>
    </message>
    <message>
        <source>This is the table the program enforces; a user may do what any of their roles may.</source>
        <translation>程序按此表执行权限检查；用户可以做其任一角色允许的操作。</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>YearlyPanel</name>
    <message>
        <source>Date range</source>
        <translation>按日期范围</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <source>Click to list the records counted</source>
        <translation>点击查看计入该数的记录</translation>
    </message>
    <message>
        <source>Arbitration reconciliations</source>
        <translation>仲裁数据核对</translation>
    </message>
    <message>
        <source>Complaints per month</source>
        <translation>各月投诉举报（件）</translation>
    </message>
    <message>
        <source>Wages recovered per month (10,000 yuan)</source>
        <translation>各月追回工资（万元）</translation>
    </message>
    <message>
        <source>Arbitration per month</source>
        <translation>各月仲裁接收与结案（件）</translation>
    </message>
    <message>
        <source>Click a figure to list the records it counts.</source>
        <translation>点击任一数字，查看计入该数的记录。</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Records counted</source>
        <translation>统计明细</translation>
    </message>
    <message>
        <source>Complaints and leads received (all channels)</source>
        <translation>各渠道投诉举报（含线索）</translation>
    </message>
    <message>
        <source>Workers whose wages were recovered</source>
        <translation>追回工资人数</translation>
    </message>
    <message>
        <source>Wages recovered</source>
        <translation>追回工资金额</translation>
    </message>
    <message>
        <source>Construction projects under way</source>
        <translation>在建工程项目</translation>
    </message>
    <message>
        <source>Of which on the real-name platform</source>
        <translation>其中纳入实名制平台</translation>
    </message>
    <message>
        <source>Six-system compliance rate (items)</source>
        <translation>“6项制度”综合达标率</translation>
    </message>
    <message>
        <source>Projects with every item in force</source>
        <translation>项目达标率</translation>
    </message>
    <message>
        <source>Applications received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>Amount in dispute</source>
        <translation>涉案金额</translation>
    </message>
    <message>
        <source>Closed by award or mediation</source>
        <translation>裁决和调解结案</translation>
    </message>
    <message>
        <source>Closed (all methods)</source>
        <translation>结案（全部方式）</translation>
    </message>
    <message>
        <source>Pending at the end</source>
        <translation>期末待处理</translation>
    </message>
    <message>
        <source>Online mediation handled</source>
        <translation>“互联网+调解”处理</translation>
    </message>
    <message>
        <source>Of which successful</source>
        <translation>其中调解成功</translation>
    </message>
    <message>
        <source>Staff holding enforcement certificates</source>
        <translation>具有执法资格证人员</translation>
    </message>
    <message>
        <source>Party group study sessions</source>
        <translation>党组中心组学习</translation>
    </message>
    <message>
        <source>Whole-bureau study sessions</source>
        <translation>全局集中学习</translation>
    </message>
    <message>
        <source>Party branch study sessions</source>
        <translation>党支部学习</translation>
    </message>
    <message>
        <source>Special training sessions</source>
        <translation>专题培训</translation>
    </message>
    <message>
        <source>Exam participation rate</source>
        <translation>考试参考率</translation>
    </message>
    <message>
        <source>Exam pass rate</source>
        <translation>考试合格率</translation>
    </message>
    <message>
        <source> persons</source>
        <translation>人</translation>
    </message>
    <message>
        <source> cases</source>
        <translation>件</translation>
    </message>
    <message>
        <source> times</source>
        <translation>次</translation>
    </message>
    <message>
        <source> projects</source>
        <translation>个</translation>
    </message>
    <message>
        <source> ×10,000 yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>Labour inspection and wage recovery</source>
        <translation>劳动保障监察与追欠</translation>
    </message>
    <message>
        <source>Construction projects</source>
        <translation>在建工程项目</translation>
    </message>
    <message>
        <source>Labour-dispute arbitration</source>
        <translation>劳动人事争议仲裁</translation>
    </message>
    <message>
        <source>Township mediation</source>
        <translation>乡镇（街道）调解</translation>
    </message>
    <message>
        <source>Staff, study and exams</source>
        <translation>执法人员与学法考试</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name or title</source>
        <translation>名称／当事人</translation>
    </message>
    <message>
        <source>Date counted</source>
        <translation>统计日期</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Computing the year&apos;s figures</source>
        <translation>正在计算年度数据</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1: ✓ holds (%2)</source>
        <translation>%1：✓ 相符（%2）</translation>
    </message>
    <message>
        <source>%1: differs by %2 (%3)</source>
        <translation>%1：不相符，相差%2（%3）</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉举报</translation>
    </message>
    <message>
        <source>Wages</source>
        <translation>追回工资</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Figures computed from the records.</source>
        <translation>数据已按业务记录统计。</translation>
    </message>
    <message>
        <source>%1: %2 records</source>
        <translation>%1：共%2条记录</translation>
    </message>
    <message>
        <source>rule-of-law figures %1</source>
        <translation>法治建设数据%1</translation>
    </message>
    <message>
        <source>Export the yearly report to PDF</source>
        <translation>导出年度统计报告（PDF）</translation>
    </message>
    <message>
        <source>Printing the yearly report</source>
        <translation>正在生成年度统计报告</translation>
    </message>
    <message>
        <source>Export the yearly report to Excel</source>
        <translation>导出年度统计数据（Excel）</translation>
    </message>
    <message>
        <source>Exporting the yearly report</source>
        <translation>正在导出年度统计数据</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到%1。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>_ServiceDialog</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
</context>
</TS>
