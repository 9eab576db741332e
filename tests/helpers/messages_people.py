"""Message cases for the people side (talents, training, mentoring, points, wishes, 五个好, stories):
the valid files, data file, text, exact messages, and how to write them."""

from __future__ import annotations

TALENTS_CSV = """\
编号,姓名,村民小组,人才类型,专长,党员编号
T001,丙三,第一组,生产能手,油茶嫁接,
"""

TRAINING_CSV = """\
人员编号,日期,培训内容,学时
M001,2026-03-01,党务培训,8
T001,2026-04-01,油茶技术,6
"""

MENTORING_YML = """\
- id: JD-2025-01
  kind: 2+1
  members: M001、M002
  talent: T001
  start: 2025-03-01
  end: 2027-02-28
  goals: 学会油茶嫁接，向党组织靠拢
  entries:
    - date: 2025-05-01
      text: 第一次现场教学
"""

RULES_YML = """\
- year: 2026
  base: 40
  daily_weight: 80
  evaluation_weight: 20
  items:
    - {code: A1, name: 参加“三会一课”, part: 日常, points: 2, cap: 16}
    - {code: E1, name: 民主评议“好”, part: 评议, points: 20, cap: 20}
"""

POINTS_CSV = """\
党员编号,日期,事项编号,说明
M001,2026-03-05,A1,3月党员大会
M002,2026-03-05,A1,
"""

WISHES_YML = """\
- id: W2026-01
  kind: 微心愿
  content: 想要一副老花镜
  asker: 第一组老人 丙*三
  asked: 2026-03-01
  assigned: 2026-03-03
  member: M002
  taken: 2026-03-04
  done: 2026-03-10
  outcome: 老花镜已送到
"""

FIVE_GOODS_YML = """\
- year: 2025
  date: 2026-01-20
  by: 试验镇党委
  ratings:
    - {criterion: 领导班子好, rating: 好, basis: 班子团结}
    - {criterion: 党员干部队伍好, rating: 较好, basis: 学习到位}
    - {criterion: 工作机制好, rating: 好, basis: 按月公开}
    - {criterion: 小康建设业绩好, rating: 好, basis: 集体收入增加}
    - {criterion: 农民群众反映好, rating: 好, basis: 满意度95%}
"""

STORY_MD = """\
---
title: 修路的故事
slug: 2026-road
date: 2026-05-01
kind: 典型个人
people: M001
tags: 修路、为民办实事
summary: 甲一带头修好村道。
---

# 修路的故事

正文。
"""

VALID = {
    "../content/cases/2026-road.md": STORY_MD,
    "five_goods.yml": FIVE_GOODS_YML,
    "wishes.yml": WISHES_YML,
    "talents.csv": TALENTS_CSV,
    "training.csv": TRAINING_CSV,
    "mentoring.yml": MENTORING_YML,
    "points/rules.yml": RULES_YML,
    "points/2026.csv": POINTS_CSV,
}

CASES = {
    "talent_id_is_a_member_id": (
        "talents.csv",
        TALENTS_CSV + "M002,丁四,第二组,能工巧匠,木工,\n",
        [
            "data/talents.csv 第 3 行，字段「编号」：人才编号与党员编号重复。应为：党员名册里没有用过的编号；实际为：“M002”。"
            "提示：人才编号建议以 T 开头，如 T001。"
        ],
    ),
    "talent_names_unknown_member": (
        "talents.csv",
        TALENTS_CSV.replace("油茶嫁接,", "油茶嫁接,M009"),
        [
            "data/talents.csv 第 2 行，字段「党员编号」：引用了不存在的党员。应为：党员名册里已有的编号；实际为：“M009”。"
            "提示：是不是“M002”（乙二）？"
        ],
    ),
    "training_names_unknown_person": (
        "training.csv",
        TRAINING_CSV.replace("T001", "T002"),
        [
            "data/training.csv 第 3 行，字段「人员编号」：引用了不存在的党员或人才。应为：党员名册或乡土人才里已有的编号；"
            "实际为：“T002”。提示：是不是“T001”（丙三）？"
        ],
    ),
    "training_hours_not_a_number": (
        "training.csv",
        TRAINING_CSV.replace(",8", ",八"),
        [
            "data/training.csv 第 2 行，字段「学时」：不是整数。应为：1 到 200 之间的整数；实际为：“八”。"
            "提示：只写阿拉伯数字，不要带单位或小数点。"
        ],
    ),
    "pair_names_unknown_member": (
        "mentoring.yml",
        MENTORING_YML.replace("M001、M002", "M001、M003"),
        [
            "data/mentoring.yml 第 3 行，字段「members（党员编号）」：引用了不存在的党员。应为：党员名册里已有的编号；"
            "实际为：“M003”。提示：是不是“M002”（乙二）？"
        ],
    ),
    "pair_names_unknown_talent": (
        "mentoring.yml",
        MENTORING_YML.replace("talent: T001", "talent: X999"),
        [
            "data/mentoring.yml 第 4 行，字段「talent（人才编号）」：引用了不存在的乡土人才。应为：乡土人才里已有的编号；"
            "实际为：“X999”。提示：请先添加这条乡土人才记录，或改正编号。"
        ],
    ),
    "pair_members_do_not_fit_kind": (
        "mentoring.yml",
        MENTORING_YML.replace("members: M001、M002", "members: M001"),
        [
            "data/mentoring.yml 第 3 行，字段「members（党员编号）」：党员人数与结对方式不符。"
            "应为：“2+1”（两名党员帮带一名乡土人才）写 2 名党员的编号；实际为：“M001”。"
            "提示：“2+1”写两名党员，“1+1”写一名党员；人才编号写在 talent 字段。"
        ],
    ),
    "pair_2_plus_1_period_not_two_years": (
        "mentoring.yml",
        MENTORING_YML.replace("end: 2027-02-28", "end: 2026-02-28"),
        [
            "data/mentoring.yml 第 6 行，字段「end（结束日期）」：“2+1”结对的期限不是两年。"
            "应为：2027-01-29 至 2027-04-01 之间（开始后两年）；实际为：“2026-02-28”。"
            "提示：“2+1”结对为期两年；提前结束的，结束日期照写，在帮带成效里说明。"
        ],
    ),
    "pair_1_plus_1_period_too_long": (
        "mentoring.yml",
        MENTORING_YML.replace("kind: 2+1", "kind: 1+1")
        .replace("M001、M002", "M002")
        .replace("end: 2027-02-28", "end: 2027-06-30"),
        [
            "data/mentoring.yml 第 6 行，字段「end（结束日期）」：“1+1”结对的期限超过两年。应为：不晚于 2027-03-01；"
            "实际为：“2027-06-30”。提示：期满后还要继续的，另建一张新的责任卡。"
        ],
    ),
    "pair_ends_before_it_starts": (
        "mentoring.yml",
        MENTORING_YML.replace("end: 2027-02-28", "end: 2025-01-31"),
        [
            "data/mentoring.yml 第 6 行，字段「end（结束日期）」：结束日期不晚于开始日期。应为：晚于 2025-03-01；"
            "实际为：“2025-01-31”。提示：核对结对的开始和结束日期。",
            "data/mentoring.yml 第 9 行，字段「date（日期）」：帮带记录的日期不在结对期限内。应为：2025-03-01 至 2025-01-31 之间；"
            "实际为：“2025-05-01”。提示：核对日期，或先修改结对的开始、结束日期。",
        ],
    ),
    "pair_entry_outside_period": (
        "mentoring.yml",
        MENTORING_YML.replace("date: 2025-05-01", "date: 2024-12-01"),
        [
            "data/mentoring.yml 第 9 行，字段「date（日期）」：帮带记录的日期不在结对期限内。应为：2025-03-01 至 2027-02-28 之间；"
            "实际为：“2024-12-01”。提示：核对日期，或先修改结对的开始、结束日期。"
        ],
    ),
    "pair_mentors_a_talent_who_is_already_a_member": (
        "talents.csv",
        TALENTS_CSV.replace("油茶嫁接,", "油茶嫁接,M002"),
        [
            "data/mentoring.yml 第 3 行，字段「members（党员编号）」：同一个人既是帮带党员又是被帮带的人才。"
            "应为：另一名党员的编号；实际为：“M002”。提示：一对结对里的人不能重复。",
            "data/mentoring.yml 第 4 行，字段「talent（人才编号）」：“2+1”帮带的人才在结对开始时已经是党员。"
            "应为：入党年份晚于 2025 年的人才；实际为：“T001”。提示：丙三已于 2010 年入党（M002）；“2+1”是帮带人才向党组织靠拢。",
        ],
    ),
    "points_typed_score_is_refused": (
        "points/2026.csv",
        POINTS_CSV.replace("说明", "得分").replace("3月党员大会", "95"),
        [
            "data/points/2026.csv 第 1 行，字段「得分」：未知字段。应为：以下字段之一：党员编号、日期、事项编号、说明。"
            "提示：请删除这个字段，或检查拼写。"
        ],
    ),
    "points_year_without_rules": (
        "points/2026.csv",
        POINTS_CSV.replace("2026-03-05,A1,3月", "2025-03-05,A1,3月"),
        [
            "data/points/2026.csv 第 2 行，字段「日期」：2025 年没有积分规则。应为：已有积分规则的年份：2026；实际为：“2025-03-05”。"
            "提示：先在 points/rules.yml 里写上这一年的积分规则。"
        ],
    ),
    "points_unknown_item": (
        "points/2026.csv",
        POINTS_CSV.replace("M002,2026-03-05,A1", "M002,2026-03-05,B9"),
        [
            "data/points/2026.csv 第 3 行，字段「事项编号」：2026 年的积分规则里没有这个事项。应为：以下编号之一：A1、E1；"
            "实际为：“B9”。提示：核对事项编号；新事项要先写进积分规则。"
        ],
    ),
    "points_weights_do_not_add_up": (
        "points/rules.yml",
        RULES_YML.replace("evaluation_weight: 20", "evaluation_weight: 30"),
        [
            "data/points/rules.yml 第 4 行，字段「evaluation_weight（评议满分）」：两部分满分之和不是 100。"
            "应为：日常满分 + 评议满分 = 100；实际为：“80 + 30”。提示：例如 日常 80 分、评议 20 分。"
        ],
    ),
    "points_base_above_daily_weight": (
        "points/rules.yml",
        RULES_YML.replace("base: 40", "base: 90"),
        [
            "data/points/rules.yml 第 2 行，字段「base（基础分）」：基础分超过日常满分。应为：不超过 80；实际为：“90”。"
            "提示：基础分是日常部分的起点。"
        ],
    ),
    "points_duplicate_item_code": (
        "points/rules.yml",
        RULES_YML.replace("code: E1", "code: A1"),
        [
            "data/points/rules.yml 第 7 行，字段「code（事项编号）」：事项编号重复。应为：同一年的每个事项编号只用一次；"
            "实际为：“A1”。提示：给其中一个事项换一个编号。"
        ],
    ),
    "points_two_rules_for_one_year": (
        "points/rules.yml",
        RULES_YML + RULES_YML,
        [
            "data/points/rules.yml 第 8 行，字段「year（年度）」：同一年写了两套积分规则。应为：每年一套；实际为：“2026”。"
            "提示：第 1 行已经写了这一年的规则；请合并成一套。"
        ],
    ),
    "wish_asker_full_name": (
        "wishes.yml",
        WISHES_YML.replace("第一组老人 丙*三", "丙小三"),
        [
            "data/wishes.yml 第 4 行，字段「asker（点单人）」：点单人写了完整姓名。"
            "应为：隐去名字的写法，如 刘*英，或身份描述，如 第三组独居老人；实际为：“丙小三”。"
            "提示：网站只公开点单人的公开写法；完整姓名留在村里的登记本上。"
        ],
    ),
    "wish_steps_out_of_order": (
        "wishes.yml",
        WISHES_YML.replace("taken: 2026-03-04", "taken: 2026-03-02"),
        [
            "data/wishes.yml 第 8 行，字段「taken（接单日期）」：日期早于上一步。应为：不早于派单日期 2026-03-03；"
            "实际为：“2026-03-02”。提示：按 点单 → 派单 → 接单 → 完成 的顺序，日期不能倒退。"
        ],
    ),
    "wish_taken_without_member": (
        "wishes.yml",
        WISHES_YML.replace("  member: M002\n", ""),
        [
            "data/wishes.yml 第 6 行，字段「assigned（派单日期）」：派单或接单了，却没写接单党员。"
            "应为：在 member 里写上接单党员的编号。提示：例如 member: M004"
        ],
    ),
    "wish_done_without_outcome": (
        "wishes.yml",
        WISHES_YML.replace("  outcome: 老花镜已送到\n", ""),
        [
            "data/wishes.yml 第 9 行，字段「done（完成日期）」：完成了却没写办理结果。应为：在 outcome 里写办成了什么。"
            "提示：例如 outcome: 已换好路灯灯泡3个。"
        ],
    ),
    "wish_photo_missing": (
        "wishes.yml",
        WISHES_YML + "  photo: W2026-01.jpg\n",
        [
            "data/wishes.yml 第 11 行，字段「photo（照片）」：找不到照片文件。应为：content/wishes/ 文件夹里的一个文件名，如 W2026-01.jpg；"
            "实际为：“W2026-01.jpg”。提示：把照片放进 content/wishes/ 文件夹，文件名只用字母、数字、短横线和扩展名。"
        ],
    ),
    "wish_photo_is_a_web_address": (
        "wishes.yml",
        WISHES_YML + "  photo: https://example.org/a.jpg\n",
        [
            "data/wishes.yml 第 11 行，字段「photo（照片）」：找不到照片文件。应为：content/wishes/ 文件夹里的一个文件名，如 W2026-01.jpg；"
            "实际为：“https://example.org/a.jpg”。提示：把照片放进 content/wishes/ 文件夹，文件名只用字母、数字、短横线和扩展名。"
        ],
    ),
    "wish_done_without_taken": (
        "wishes.yml",
        WISHES_YML.replace("  taken: 2026-03-04\n", ""),
        [
            "data/wishes.yml 第 8 行，字段「done（完成日期）」：没有接单日期，却填了完成日期。应为：先写接单日期；"
            "实际为：“2026-03-10”。提示：由哪位党员哪天接的单，都要公开。"
        ],
    ),
    "five_goods_criterion_missing": (
        "five_goods.yml",
        FIVE_GOODS_YML.replace("    - {criterion: 工作机制好, rating: 好, basis: 按月公开}\n", ""),
        [
            "data/five_goods.yml 第 4 行，字段「ratings（评定）」：缺少标准的评定。"
            "应为：五项标准各一条：领导班子好、党员干部队伍好、工作机制好、小康建设业绩好、农民群众反映好；"
            "实际为：“缺少 工作机制好”。提示：每项标准都要写等次和依据。"
        ],
    ),
    "five_goods_criterion_twice": (
        "five_goods.yml",
        FIVE_GOODS_YML.replace("criterion: 工作机制好", "criterion: 领导班子好"),
        [
            "data/five_goods.yml 第 4 行，字段「ratings（评定）」：缺少标准的评定。"
            "应为：五项标准各一条：领导班子好、党员干部队伍好、工作机制好、小康建设业绩好、农民群众反映好；"
            "实际为：“缺少 工作机制好”。提示：每项标准都要写等次和依据。",
            "data/five_goods.yml 第 7 行，字段「criterion（标准）」：同一项标准评了两次。应为：五项标准各评一次；"
            "实际为：“领导班子好”。提示：删除重复的一条，或改成缺少的那一项。",
        ],
    ),
    "five_goods_bad_rating": (
        "five_goods.yml",
        FIVE_GOODS_YML.replace("rating: 较好", "rating: 优秀"),
        [
            "data/five_goods.yml 第 6 行，字段「rating（等次）」：不在可选范围内。应为：以下之一：好 / 较好 / 一般 / 差；"
            "实际为：“优秀”。提示：请从列出的选项中选一个，原样照抄。"
        ],
    ),
    "five_goods_year_twice": (
        "five_goods.yml",
        FIVE_GOODS_YML + FIVE_GOODS_YML,
        [
            "data/five_goods.yml 第 10 行，字段「year（年度）」：同一年度评定了两次。应为：每年一条；实际为：“2025”。"
            "提示：第 1 行已经有这一年的评定。"
        ],
    ),
    "story_slug_is_not_the_file_name": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("slug: 2026-road", "slug: 2026-village-road"),
        [
            "content/cases/2026-road.md 第 3 行，字段「slug（网址名）」：网址名与文件名不一致。应为：文件名为 2026-village-road.md；"
            "实际为：“2026-road.md”。提示：把文件改名为 2026-village-road.md，或把网址名改成与文件名相同（只用字母、数字和短横线）。"
        ],
    ),
    "story_slug_in_chinese": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("slug: 2026-road", "slug: 修路的故事"),
        [
            "content/cases/2026-road.md 第 3 行，字段「slug（网址名）」：编号格式不对。应为：由字母、数字和短横线组成的编号，"
            "如 2025-tea-road；实际为：“修路的故事”。提示：编号会成为网址的一部分，只能用字母、数字和短横线，不能有空格或汉字。"
        ],
    ),
    "story_without_slug": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("slug: 2026-road\n", ""),
        [
            "content/cases/2026-road.md 第 2 行，字段「slug（网址名）」：缺少必填字段。应为：由字母、数字和短横线组成的编号，"
            "如 2025-tea-road。提示：在这条记录里加上一行：slug: 2025-tea-road"
        ],
    ),
    "story_names_unknown_person": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("people: M001", "people: M009"),
        [
            "content/cases/2026-road.md 第 6 行，字段「people（人物）」：引用了不存在的党员或人才。应为：党员名册或乡土人才里已有的编号；"
            "实际为：“M009”。提示：是不是“M002”（乙二）？"
        ],
    ),
    "story_of_one_person_names_two": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("people: M001", "people: M001、T001"),
        [
            "content/cases/2026-road.md 第 6 行，字段「people（人物）」：典型个人应写一个人。应为：一名党员或人才的编号；"
            "实际为：“M001、T001”。提示：写多个人的请把类别改为 典型群体。"
        ],
    ),
    "story_of_one_person_names_nobody": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("people: M001", "people:"),
        [
            "content/cases/2026-road.md 第 6 行，字段「people（人物）」：典型个人应写一个人。应为：一名党员或人才的编号；"
            "实际为：空白。提示：写上故事里这个人的编号，如 M004 或 T001。"
        ],
    ),
    "story_without_front_matter": (
        "../content/cases/2026-road.md",
        "# 修路的故事\n\n正文。\n",
        [
            "content/cases/2026-road.md 第 1 行：缺少文件头。应为：第一行是 ---，接着写标题、日期等字段，再以 --- 结束；"
            "实际为：“# 修路的故事”。提示：从示例故事复制文件头再修改。"
        ],
    ),
    "story_bad_kind": (
        "../content/cases/2026-road.md",
        STORY_MD.replace("kind: 典型个人", "kind: 先进个人"),
        [
            "content/cases/2026-road.md 第 5 行，字段「kind（类别）」：不在可选范围内。应为：以下之一：典型个人 / 典型群体 / 典型案例；"
            "实际为：“先进个人”。提示：是不是“典型个人”？"
        ],
    ),
}


def write(village, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = village / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
