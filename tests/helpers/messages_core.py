"""Message cases for the village profile, members and pledges: data file, text, exact messages."""

from __future__ import annotations

from . import MEMBERS_CSV, PLEDGES_YML

CASES = {
    "yaml_syntax": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("content: 修好村道", 'content: 修好村道: "x'),
        [
            'data/pledges/2026.yml 第 4 行：YAML 格式错误：这一行有多余的冒号。应为：合法的 YAML；实际为：“content: 修好村道: "x”。'
            '提示：值里含有“: ”时，把整个值用引号括起来，如 content: "时间: 三月"。'
        ],
    ),
    "yaml_tab_indent": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("  member: M001", "\tmember: M001"),
        [
            "data/pledges/2026.yml 第 2 行：YAML 格式错误：含有不能出现在这里的字符（常见的是 Tab 缩进）。应为：合法的 YAML；"
            "实际为：“member: M001”。提示：缩进只用空格，不用 Tab 键。"
        ],
    ),
    "yaml_unclosed_quote": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("content: 修好村道", 'content: "修好村道'),
        [
            "data/pledges/2026.yml 第 11 行：YAML 格式错误：引号或括号没有成对。应为：合法的 YAML。提示：检查这一行及以下的引号是否成对。"
        ],
    ),
    "empty_file": (
        "pledges/2026.yml",
        "\n# 还没有写\n",
        ["data/pledges/2026.yml：文件是空的。应为：YAML 格式的数据。提示：写入数据，或删除这个文件。"],
    ),
    "missing_required_field": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("  target_date: 2026-12-31\n", ""),
        [
            "data/pledges/2026.yml 第 1 行，字段「target_date（承诺完成时限）」：缺少必填字段。应为：日期，如 2025-03-05。"
            "提示：在这条记录里加上一行：target_date: 2025-03-05"
        ],
    ),
    "unknown_field": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("target_date", "traget_date"),
        [
            "data/pledges/2026.yml 第 5 行，字段「traget_date」：未知字段。应为：以下字段之一：id、member、category、content、"
            "measures、target_date、drafted、reviews、published、progress、completed、evaluation、points。"
            "提示：是不是想写“target_date”（承诺完成时限）？"
        ],
    ),
    "unknown_column": (
        "members.csv",
        MEMBERS_CSV.replace("党员类别", "党员类型"),
        [
            "data/members.csv 第 1 行，字段「党员类别」：缺少必填的列。应为：表头里有“党员类别”这一列。提示：在表头加一列“党员类别”：正式党员 或 预备党员。",
            "data/members.csv 第 1 行，字段「党员类型」：未知字段。应为：以下字段之一：编号、姓名、党支部、职务、入党年份、党员类别、双带类型、"
            "村民小组、专长、荣誉。提示：是不是想写“党员类别”（membership）？",
        ],
    ),
    "wrong_type": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("  reviews:\n    - date: 2026-01-10\n      outcome: 通过\n", "  reviews: 通过\n"),
        [
            "data/pledges/2026.yml 第 7 行，字段「reviews（审诺记录）」：类型不对。应为：一个列表，每一项以“- ”开头；实际为：“通过”。"
            "提示：每一项另起一行，以“- ”开头。"
        ],
    ),
    "bad_date": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("2026-12-31", "2026-13-01"),
        [
            "data/pledges/2026.yml 第 5 行，字段「target_date（承诺完成时限）」：日期不存在。应为：日期，如 2025-03-05；实际为：“2026-13-01”。"
            "提示：检查月份（1–12）和这个月的天数。"
        ],
    ),
    "unreadable_date": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("drafted: 2026-01-05", "drafted: 元月五号"),
        [
            "data/pledges/2026.yml 第 6 行，字段「drafted（定诺日期）」：日期无法识别。应为：日期，如 2025-03-05；实际为：“元月五号”。"
            "提示：写成 年-月-日，如 2025-03-05。"
        ],
    ),
    "dates_out_of_order": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("published: 2026-01-12", "published: 2026-01-08"),
        [
            "data/pledges/2026.yml 第 10 行，字段「published（晒诺日期）」：日期早于上一步。应为：不早于审诺日期 2026-01-10；实际为：“2026-01-08”。"
            "提示：承诺的步骤按 定诺 → 审诺 → 晒诺 → 践诺 → 完成 → 评诺 的顺序，日期不能倒退；请核对日期。"
        ],
    ),
    "duplicate_id": (
        "pledges/2026.yml",
        PLEDGES_YML + PLEDGES_YML,
        [
            "data/pledges/2026.yml 第 11 行，字段「id（编号）」：公开承诺的编号重复。应为：每个编号只用一次；实际为：“2026-001”。"
            "提示：data/pledges/2026.yml 第 1 行已经用了这个编号；请给其中一条换一个新编号。"
        ],
    ),
    "duplicate_member_row": (
        "members.csv",
        MEMBERS_CSV.replace("M002", "M001"),
        [
            "data/members.csv 第 3 行，字段「编号」：党员名册的编号重复。应为：每个编号只用一次；实际为：“M001”。"
            "提示：data/members.csv 第 2 行已经用了这个编号；请给其中一条换一个新编号。"
        ],
    ),
    "unknown_member": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("member: M001", "member: M010"),
        [
            "data/pledges/2026.yml 第 2 行，字段「member（党员编号）」：引用了不存在的党员。应为：党员名册里已有的编号；"
            "实际为：“M010”。提示：是不是“M002”（乙二）？"
        ],
    ),
    "value_outside_list": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("category: 为民办实事", "category: 为民办事"),
        [
            "data/pledges/2026.yml 第 3 行，字段「category（类别）」：不在可选范围内。应为：以下之一：学习 / 工作 / 自律 / 服务 / 帮带 / 为民办实事；"
            "实际为：“为民办事”。提示：是不是“为民办实事”？"
        ],
    ),
    "csv_bad_year": (
        "members.csv",
        MEMBERS_CSV.replace("1998", "一九九八"),
        [
            "data/members.csv 第 2 行，字段「入党年份」：不是四位数字的年份。应为：1921 到 2100 之间的四位年份，如 2008；实际为：“一九九八”。"
            "提示：只写阿拉伯数字，不要带单位或小数点。"
        ],
    ),
    "personal_number_in_text": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("content: 修好村道", "content: 修好村道，有事联系13812345678"),
        [
            "data/pledges/2026.yml 第 4 行，字段「content（承诺内容）」：疑似包含手机号（138****5678），公开数据里不能出现。"
            "应为：不含身份证号、手机号、银行卡号的文字；实际为：“修好村道，有事联系138****5678”。"
            "提示：请删除这个号码；确需公开的办公电话写在村庄概况的电话字段里。"
        ],
    ),
    "published_without_approval": (
        "pledges/2026.yml",
        PLEDGES_YML.replace("outcome: 通过", "outcome: 退回"),
        [
            "data/pledges/2026.yml 第 10 行，字段「published（晒诺日期）」：没有审核通过的记录，却填了晒诺日期。"
            "应为：先在 reviews 里记下“通过”的审核，再填晒诺日期；实际为：“2026-01-12”。提示：未经支部审核通过的承诺不能公开。"
        ],
    ),
    "empty_village_file": (
        "village.yml",
        "",
        ["data/village.yml：文件是空的。应为：YAML 格式的数据。提示：写入数据，或删除这个文件。"],
    ),
}
