"""Every file of a village's data folder is read or refused by name; a table saved twice is refused;
the workbook `cunwu new` writes is read once filled in."""

from __future__ import annotations

import io

import openpyxl
from helpers import TODAY
from helpers.affairs import write_affairs

from generator.blank import blank
from generator.datasets import named as dataset
from generator.model import load_site


def problems_of(village) -> list[str]:
    return [str(p) for p in load_site(village / "data", TODAY, village)[1]]


def test_the_members_workbook_of_cunwu_new_is_read_in_place_of_the_csv(village):
    files = blank(dataset("members"), village / "data", TODAY).files
    book = openpyxl.load_workbook(io.BytesIO(files["members-M003.xlsx"]))
    sheet = book["数据"]
    for column, value in enumerate(["M001", "甲一", "试验村党支部", "党支部书记", "1998", "正式党员"], start=1):
        sheet.cell(2, column).value = value
    sheet.append(["M002", "乙二", "试验村党支部", None, "2010", "正式党员", "创业致富"])
    book.save(village / "data" / "members.xlsx")
    (village / "data" / "members.csv").unlink()
    site, problems = load_site(village / "data", TODAY, village)
    assert problems == []
    assert [(m.id, m.name, m.joined, m.origin.file) for m in site.villages[0].records["members"]] == [
        ("M001", "甲一", 1998, "data/members.xlsx"),
        ("M002", "乙二", 2010, "data/members.xlsx"),
    ]


def test_a_file_no_dataset_reads_is_refused_by_name(village):
    write_affairs(village)
    (village / "data" / "lists" / "低保名单.et").write_bytes(b"WPS")
    (village / "data" / "notices" / "说明.docx").write_bytes(b"PK")
    assert problems_of(village) == [
        "data/lists/低保名单.et：网站不读取这个文件，里面的内容不会出现在网站上。"
        "应为：这个文件夹里网站读取的文件：lists/*.yml、lists/*.yaml、lists/*.csv、lists/*.xlsx、lists/*.xls、lists/*.ods；"
        "实际为：“低保名单.et”。提示：用 WPS 或 Excel 打开它，“另存为”→“Excel 工作簿（*.xlsx）”，再删除这个文件。",
        "data/notices/说明.docx：网站不读取这个文件，里面的内容不会出现在网站上。"
        "应为：这个文件夹里网站读取的文件：notices/*.yml、notices/*.yaml；实际为：“说明.docx”。"
        "提示：公告的附件放在 content/attachments/ 里，在公告的“附件”里写上它的路径；数据文件夹只放数据。",
    ]


def test_lock_files_of_an_open_workbook_and_hidden_files_are_skipped(village):
    write_affairs(village)
    (village / "data" / "lists" / "~$MD-01.xlsx").write_bytes(b"\x05owner")
    (village / "data" / "lists" / ".~lock.MD-01.xlsx#").write_text("lock")
    (village / "data" / ".DS_Store").write_bytes(b"\0")
    assert problems_of(village) == []


def test_one_ledger_saved_as_csv_and_as_xlsx_is_refused_once(village):
    write_affairs(village)
    book = openpyxl.Workbook()
    book.active.append(["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人", "审批人"])
    book.save(village / "data" / "ledgers" / "2026-03.xlsx")
    assert problems_of(village) == [
        "data/ledgers/2026-03.csv：同一份财务收支明细存成了 2 个文件：2026-03.csv、2026-03.xlsx。应为：只有一个文件。"
        "提示：只保留正在用的那个文件，删除其他的；网站会把每个文件都读一遍，同一批记录会算两次。"
    ]
