"""Message cases for finance, affairs and name lists: data file, text, exact messages."""

from __future__ import annotations

from .affairs import (
    DECISIONS_YML,
    LEDGER_CSV,
    LIST_CSV,
    LISTS_YML,
    NOTICES_YML,
    PERIODS_YML,
    PROJECTS_YML,
)

CASES = {
    "ledger_income_and_expense": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace(",,200.50,", ",5.00,200.50,"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「收入/支出」：一行只能是一笔收入或一笔支出。应为：“收入”和“支出”两栏恰好填一栏；实际为：“收入 5.00，支出 200.50”。提示：收入和支出分成两行写；没有发生额的行请删除。"
        ],
    ),
    "ledger_neither": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace(",,200.50,", ",,,"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「收入/支出」：一行只能是一笔收入或一笔支出。应为：“收入”和“支出”两栏恰好填一栏；实际为：“两栏都空”。提示：收入和支出分成两行写；没有发生额的行请删除。"
        ],
    ),
    "period_does_not_reconcile": (
        "ledgers/periods.yml",
        PERIODS_YML.replace("999.50", "990.50"),
        [
            "data/ledgers/periods.yml 第 3 行，字段「期末余额」：2026-03 的收支对不上：期末余额比算出的少 9.00 元。应为：期初 500.00 + 收入 1,000.00 − 支出 500.50 = 999.50；实际为：“990.50”。提示：核对这个月的明细是否漏记、重记，或余额是否抄错。"
        ],
    ),
    "opening_not_last_closing": (
        "ledgers/periods.yml",
        PERIODS_YML + "- 期间: 2026-04\n  期初余额: 1000.00\n  期末余额: 1000.00\n  公布日期: 2026-05-05\n",
        [
            "data/ledgers/periods.yml 第 6 行，字段「期初余额」：期初余额与上月期末余额不一致：比上月期末余额多 0.50 元。应为：2026-03 的期末余额 999.50；实际为：“1,000.00”。提示：本月期初余额应照抄上月期末余额。"
        ],
    ),
    "quarter_months_do_not_chain": (
        "ledgers/periods.yml",
        PERIODS_YML + "- 期间: 2026-01\n  期初余额: 400.00\n  期末余额: 400.00\n  公布日期: 2026-02-05\n",
        [
            "data/ledgers/periods.yml 第 2 行，字段「期初余额」：2026年第一季度的各月接不上：2026-03 的期初余额比 2026-01 的期末余额多 100.00 元。"
            "应为：2026-01 的期末余额 400.00；实际为：“500.00”。提示：季度账由各月连起来：中间的月份没有登记时，"
            "2026-03 的期初余额应照抄 2026-01 的期末余额；或者在 ledgers/periods.yml 里补上中间的月份。"
        ],
    ),
    "month_without_period": (
        "ledgers/2026-03.csv",
        LEDGER_CSV + "2026-04-01,记-01,管理费用,电费,,50.00,甲一,乙二,\n",
        [
            "data/ledgers/2026-03.csv 第 5 行，字段「日期」：2026-04 还没有登记期初、期末余额。应为：ledgers/periods.yml 里有期间 2026-04；实际为：“2026-04-01”。提示：在 ledgers/periods.yml 里加上 2026-04 的期初余额、期末余额和公布日期。"
        ],
    ),
    "ledger_total_row": (
        "ledgers/2026-03.csv",
        LEDGER_CSV + ',,,本月合计,"1,000.00",500.50,,,\n',
        [
            "data/ledgers/2026-03.csv 第 5 行，字段「摘要」：这一行是合计或余额行，不是一笔收支。应为：每行一笔有日期、凭证号的收支；"
            "实际为：“本月合计”。提示：删除这一行：每月的合计由网站算出，期初、期末余额写在 ledgers/periods.yml 里。"
        ],
    ),
    "ledger_carried_forward_row": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace(
            "日期,凭证号,科目,摘要,收入,支出,经手人,审批人,项目编号\n",
            "日期,凭证号,科目,摘要,收入,支出,经手人,审批人,项目编号\n2026-03-01,,,上月结转,500.00,,,,\n",
        ),
        [
            "data/ledgers/2026-03.csv 第 2 行，字段「摘要」：这一行是合计或余额行，不是一笔收支。应为：每行一笔有日期、凭证号的收支；"
            "实际为：“上月结转”。提示：删除这一行：每月的合计由网站算出，期初、期末余额写在 ledgers/periods.yml 里。"
        ],
    ),
    "period_format": (
        "ledgers/periods.yml",
        PERIODS_YML.replace("期间: 2026-03", "期间: 2026-3"),
        [
            "data/ledgers/periods.yml 第 1 行，字段「期间」：期间格式不对。应为：年-月，如 2026-03；实际为：“2026-3”。提示：月份写两位数字：2026年3月 写作 2026-03。"
        ],
    ),
    "amount_three_decimals": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("200.50", "200.505"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「支出」：金额超过两位小数。应为：精确到分的金额，如 1234.50；实际为：“200.505”。提示：金额最多写到分（两位小数）；如果“.”是千位分隔符，请改用“,”或直接去掉。"
        ],
    ),
    "amount_thousands_dot": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace('"1,000.00"', '"1.000,00"'),
        [
            "data/ledgers/2026-03.csv 第 2 行，字段「收入」：金额里的逗号像是小数点。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“1.000,00”。提示：小数点请用“.”，如 1234.50；千位分隔符用“,”。"
        ],
    ),
    "amount_bad_grouping": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace('"1,000.00"', '"10,00,0"'),
        [
            "data/ledgers/2026-03.csv 第 2 行，字段「收入」：金额里的千位分隔符位置不对。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“10,00,0”。提示：逗号只能每三位一个，如 1,234.50；不确定时直接去掉逗号。"
        ],
    ),
    "amount_capitals": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace('"1,000.00"', "壹仟元整"),
        [
            "data/ledgers/2026-03.csv 第 2 行，字段「收入」：金额用了大写数字。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“壹仟元整”。提示：请改用阿拉伯数字，如 壹仟元 写作 1000。"
        ],
    ),
    "amount_brackets": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("200.50", "(200.50)"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「支出」：金额写在括号里，看不出是收入还是支出。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“(200.50)”。提示：支出写在“支出”一栏，不要用括号表示负数。"
        ],
    ),
    "amount_negative": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("200.50", "-200.50"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「支出」：金额不能是负数。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“-200.50”。提示：收入和支出都写正数；冲销请另起一行写在相反的一栏，并在摘要里注明。"
        ],
    ),
    "amount_words": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("200.50", "约两百元"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「支出」：不是金额。应为：金额（元），如 1234.50、1,234.50元、1.2万；实际为：“约两百元”。提示：只写数字，可带“元”“万元”或“￥”，如 1,234.50元。"
        ],
    ),
    "scientific_in_csv": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("200.50", "2.0E+3"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「支出」：数字被 Excel 显示成了科学计数法，后几位可能已经丢失。应为：完整写出的数字或号码；实际为：“2.0E+3”。提示：在 Excel 里把这一列的单元格格式设为“文本”，重新输入完整的号码或金额，再另存；已经变成科学计数法的号码无法恢复。"
        ],
    ),
    "date_serial_in_csv": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("2026-03-05", "46086"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「日期」：这是 Excel 的日期序号，不是日期。应为：日期，如 2025-03-05；实际为：“46086”。提示：它多半是 2026年3月5日；请在 Excel 里把这一列设为“日期”格式后重新导出。"
        ],
    ),
    "date_us_order": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("2026-03-05", "3/5/2026"),
        [
            "data/ledgers/2026-03.csv 第 3 行，字段「日期」：日期无法识别。应为：日期，如 2025-03-05；实际为：“3/5/2026”。提示：写成 年-月-日，如 2025-03-05。"
        ],
    ),
    "unknown_project": (
        "ledgers/2026-03.csv",
        LEDGER_CSV.replace("XM-01\n2026-03-05", "XM-02\n2026-03-05"),
        [
            "data/ledgers/2026-03.csv 第 2 行，字段「项目编号」：引用了不存在的项目。应为：村级项目里已有的编号；实际为：“XM-02”。提示：是不是“XM-01”（村道硬化）？"
        ],
    ),
    "notice_without_period": (
        "notices/2026.yml",
        NOTICES_YML.replace("  start: 2026-11-10\n", ""),
        [
            "data/notices/2026.yml 第 1 行，字段「start（公示开始）」：公示缺少公示期。应为：公示开始和公示结束两个日期。提示：公示期一般不少于 5 天，如 start: 2026-03-05、end: 2026-03-11。"
        ],
    ),
    "notice_end_before_start": (
        "notices/2026.yml",
        NOTICES_YML.replace("end: 2026-11-16", "end: 2026-11-01"),
        [
            "data/notices/2026.yml 第 7 行，字段「end（公示结束）」：公示结束早于公示开始。应为：不早于 2026-11-10；实际为：“2026-11-01”。提示：请核对公示期。"
        ],
    ),
    "notice_html": (
        "notices/2026.yml",
        NOTICES_YML.replace("拟确定低保对象 2 户。", "拟确定<script>alert(1)</script>"),
        [
            "data/notices/2026.yml 第 8 行，字段「body（正文）」：正文里有 HTML 标签。应为：Markdown 格式的正文，可分段、列表、加粗；实际为：“拟确定<script>alert(1)</script> - 第一户 - 第二户”。提示：只用 Markdown：空一行分段，“- ”开头写列表，**加粗**。"
        ],
    ),
    "notice_foreign_image": (
        "notices/2026.yml",
        NOTICES_YML.replace("拟确定低保对象 2 户。", "![图](http://example.com/a.png)"),
        [
            "data/notices/2026.yml 第 8 行，字段「body（正文）」：正文里有外部图片或不安全的链接。应为：Markdown 格式的正文，可分段、列表、加粗；实际为：“![图](http://example.com/a.png) - 第一户 - 第…”。提示：图片放进 content/ 文件夹后用相对路径引用；链接只用 http、https。"
        ],
    ),
    "notice_phone_in_body": (
        "notices/2026.yml",
        NOTICES_YML.replace("拟确定低保对象 2 户。", "联系人电话13812345678"),
        [
            "data/notices/2026.yml 第 8 行，字段「body（正文）」：疑似包含手机号（138****5678），公开数据里不能出现。应为：不含身份证号、手机号、银行卡号的文字；实际为：“联系人电话138****5678 - 第一户 - 第二户”。提示：请删除这个号码；确需公开的办公电话写在村庄概况的电话字段里。"
        ],
    ),
    "votes_above_attendance": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("agreed: 6", "agreed: 7"),
        [
            "data/decisions/2026.yml 第 8 行，字段「赞成/反对/弃权」：表决票数多于实到人数。应为：赞成、反对、弃权合计不超过实到人数 7；实际为：“8”。提示：核对表决记录。"
        ],
    ),
    "attendance_above_members": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("present: 7", "present: 8"),
        [
            "data/decisions/2026.yml 第 11 行，字段「present（实到人数）」：实到人数多于应到人数。应为：不超过应到人数 7；实际为：“8”。提示：核对会议签到表。"
        ],
    ),
    "attendance_without_members": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("      members: 7\n", ""),
        [
            "data/decisions/2026.yml 第 10 行，字段「present（实到人数）」：写了实到人数，却没写应到人数。应为：同时写应到人数；实际为：“7”。提示：应到人数是这个组织的总人数，如 党员 46 人。"
        ],
    ),
    "votes_without_attendance": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("      present: 7\n", ""),
        [
            "data/decisions/2026.yml 第 8 行，字段「agreed（赞成）」：写了表决票数，却没写实到人数。应为：同时写实到人数。提示：表决票数不能多于到会人数，所以要写实到人数。"
        ],
    ),
    "party_meeting_above_register": (
        "decisions/2026.yml",
        DECISIONS_YML + "    - step: 党员大会审议\n      date: 2026-01-12\n      members: 3\n      present: 2\n",
        [
            "data/decisions/2026.yml 第 16 行，字段「members（应到人数）」：党员大会的应到人数多于党员名册里的人数。应为：不超过党员名册里的 2 人；"
            "实际为：“3”。提示：核对应到人数；如果名册不全，请先补全党员名册。"
        ],
    ),
    "step_twice": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("step: 两委会商议", "step: 党支部提议"),
        [
            "data/decisions/2026.yml 第 8 行，字段「step（步骤）」：同一步骤写了两次。应为：每个步骤只写一次；实际为：“党支部提议”。提示：第 6 行已经写了这一步；同一步开了两次会请合并，在说明里写清楚。"
        ],
    ),
    "step_unknown": (
        "decisions/2026.yml",
        DECISIONS_YML.replace("step: 两委会商议", "step: 两委会议"),
        [
            "data/decisions/2026.yml 第 8 行，字段「step（步骤）」：不在可选范围内。应为：以下之一：党支部提议 / 两委会商议 / 党员大会审议 / 村民(代表)会议决议 / 决议公开 / 实施结果公开；实际为：“两委会议”。提示：是不是“两委会商议”？"
        ],
    ),
    "progress_backwards": (
        "projects/2026.yml",
        PROJECTS_YML + "    - date: 2026-03-25\n      percent: 30\n      text: 返工\n",
        [
            "data/projects/2026.yml 第 12 行，字段「进度」：进度记录的日期或完成比例倒退了。应为：日期不早于 2026-03-20，比例不低于 40%；实际为：“2026-03-25 30%”。提示：按日期先后写，比例只增不减。"
        ],
    ),
    "accepted_before_started": (
        "projects/2026.yml",
        PROJECTS_YML.replace("  started: 2026-03-01\n", "  started: 2026-03-01\n  accepted: 2026-02-01\n"),
        [
            "data/projects/2026.yml 第 8 行，字段「accepted（验收日期）」：验收日期早于开工日期。应为：不早于 2026-03-01；实际为：“2026-02-01”。提示：请核对日期。"
        ],
    ),
    "unknown_decision": (
        "projects/2026.yml",
        PROJECTS_YML.replace("decision: JC-01", "decision: JC-09"),
        [
            "data/projects/2026.yml 第 5 行，字段「decision（决策编号）」：引用了不存在的四议两公开决策。应为：四议两公开里已有的编号；实际为：“JC-09”。提示：是不是“JC-01”（村道硬化）？"
        ],
    ),
    "list_end_before_start": (
        "lists/lists.yml",
        LISTS_YML.replace("end: 2026-11-16", "end: 2026-11-01"),
        [
            "data/lists/lists.yml 第 6 行，字段「end（公示结束）」：公示结束早于公示开始。应为：不早于 2026-11-10；实际为：“2026-11-01”。提示：请核对公示期。"
        ],
    ),
    "list_bad_id_number": (
        "lists/MD-01.csv",
        LIST_CSV.replace("11010519491231002X", "110105194912310021"),
        [
            "data/lists/MD-01.csv 第 2 行，字段「身份证号」：身份证号不对（位数或校验码有误）。应为：18 位身份证号；实际为：“110***********0021”。提示：检查位数（18 位）和最后一位校验码；最后一位是 X 时写大写 X。"
        ],
    ),
    "list_phone_in_note": (
        "lists/MD-01.csv",
        LIST_CSV.replace(",因病", ",因病，电话13912345678"),
        [
            "data/lists/MD-01.csv 第 2 行，字段「备注」：疑似包含手机号（139****5678），公开数据里不能出现。应为：不含身份证号、手机号、银行卡号的文字；实际为：“因病，电话139****5678”。提示：请删除这个号码；确需公开的办公电话写在村庄概况的电话字段里。"
        ],
    ),
    "list_id_in_unmasked_column": (
        "lists/MD-01.csv",
        LIST_CSV.replace(
            "名单编号,姓名,身份证号,联系电话,银行账号,金额,备注",
            "名单编号,姓名,身份证号,联系电话,银行账号,金额,身份证号码",
        ),
        [
            "data/lists/MD-01.csv 第 1 行，字段「身份证号码」：未知字段。应为：以下字段之一：名单编号、姓名、身份证号、联系电话、银行账号、村民小组、住址、家庭人口、项目、金额、备注。提示：是不是想写“身份证号”（id_number）？"
        ],
    ),
    "list_id_number_in_name": (
        "lists/MD-01.csv",
        LIST_CSV.replace("MD-01,张三明,", "MD-01,张三明11010519491231002X,"),
        [
            "data/lists/MD-01.csv 第 2 行，字段「姓名」：姓名一栏里有数字。应为：姓名；实际为：“张三明110***********002X”。提示：姓名一栏只写姓名；号码请写在对应的列里。"
        ],
    ),
    "list_id_scientific": (
        "lists/MD-01.csv",
        LIST_CSV.replace("11010519491231002X", "1.10105E+17"),
        [
            "data/lists/MD-01.csv 第 2 行，字段「身份证号」：数字被 Excel 显示成了科学计数法，后几位可能已经丢失。应为：完整写出的数字或号码；实际为：“1.10105E+17”。提示：在 Excel 里把这一列的单元格格式设为“文本”，重新输入完整的号码或金额，再另存；已经变成科学计数法的号码无法恢复。"
        ],
    ),
    "list_phone_lost_zero": (
        "lists/MD-01.csv",
        LIST_CSV.replace("0794-6000002", "7946000002"),
        [
            "data/lists/MD-01.csv 第 3 行，字段「联系电话」：电话号码不对。应为：11 位手机号或固定电话；实际为：“794***0002”。提示：手机号写 11 位数字，固定电话写 区号-号码（区号以 0 开头）；Excel 会去掉开头的 0，请把这一列设为“文本”格式后重新输入。"
        ],
    ),
    "list_unknown_list": (
        "lists/MD-01.csv",
        LIST_CSV.replace("MD-01,李四", "MD-02,李四"),
        [
            "data/lists/MD-01.csv 第 3 行，字段「名单编号」：引用了不存在的名单。应为：名单公示里已有的编号；实际为：“MD-02”。提示：是不是“MD-01”（低保对象名单）？"
        ],
    ),
    "list_bank_typo": (
        "lists/MD-01.csv",
        LIST_CSV.replace("6228480402564890018", "6228480402564890019"),
        [
            "data/lists/MD-01.csv 第 2 行，字段「银行账号」：银行账号不对。应为：16 到 19 位银行卡号或账号；实际为：“622************0019”。提示：只写数字，检查是否少了或多了一位。"
        ],
    ),
}
