"""The guard reads the text of the office documents a site publishes (attachments, downloads).

The fixtures in fixtures/attachments/ were made by LibreOffice and Chromium (make.sh there):
a PDF with a text layer holding an ID number fails the build naming the file and the page that
links it; a scanned (image-only) PDF is not checkable, which fails a strict build unless a
person has checked it (``checked_scans``); a clean PDF passes.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import mkdocs_build, new_project, snapshot
from pypdf import PdfReader

from generator.documents import read_document
from generator.guard import DocumentScan, document_problems, linking_pages, scan_documents, unchecked_documents

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "attachments"
ID_NUMBER = "11010519491231002X"
MOBILE = "13912345678"
EXPECTED = "应为：公开的附件里没有身份证号、手机号、银行卡号。"
HINT = (
    "提示：请在原文件里把这些号码遮挡（如身份证号只留前 6 位和后 4 位）后重新导出，"
    "或删除这个附件和指向它的链接。网站没有更新。"
)


def numbers(path: Path) -> set[str]:
    """The personal numbers the guard finds in one document."""
    site = path.parent
    return {number for scan in scan_documents(site) if scan.output == path.name for _, number, _ in scan.numbers}


@pytest.mark.parametrize(
    ("name", "expected"), [("leaking.pdf", {ID_NUMBER, MOBILE}), ("leaking.docx", {ID_NUMBER, MOBILE})]
)
def test_numbers_in_documents_written_by_libreoffice_are_found(name, expected):
    assert numbers(FIXTURES / name) >= expected


def test_a_mobile_number_in_a_numeric_spreadsheet_cell_is_found():
    """Calc stores 13912345678 typed into a cell as a number, not as text."""
    assert numbers(FIXTURES / "leaking.xlsx") == {MOBILE}


def test_a_pdf_number_is_reported_with_its_page():
    scan = next(s for s in scan_documents(FIXTURES) if s.output == "leaking.pdf")
    assert ("身份证号", ID_NUMBER, 1) in scan.numbers


def test_clean_and_scanned_pdfs_hold_no_number_and_only_the_scan_is_not_checkable():
    scans = {s.output: s for s in scan_documents(FIXTURES)}
    assert (scans["clean.pdf"].numbers, scans["clean.pdf"].checkable) == ((), True)
    assert (scans["scanned.pdf"].numbers, scans["scanned.pdf"].scanned_pages) == ((), (1,))
    assert scans["scanned.pdf"].checkable is False
    assert "低保对象名单（已遮挡）" in "".join(p.text for p in read_document(FIXTURES / "clean.pdf").pages)


def test_a_number_split_into_runs_of_a_word_paragraph_is_found(tmp_path):
    """Word splits a paragraph's text into runs where formatting or editing changed; a number
    typed in two goes is stored in two runs. A deleted (tracked) number is still in the file."""
    runs = "".join(f"<w:r><w:t>{part}</w:t></w:r>" for part in ("电话 139", "1234", "5678"))
    deleted = f"<w:del><w:r><w:delText>{ID_NUMBER}</w:delText></w:r></w:del>"
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p>{runs}</w:p><w:p>{deleted}</w:p></w:body></w:document>"
    )
    with zipfile.ZipFile(tmp_path / "split.docx", "w") as archive:
        archive.writestr("word/document.xml", document)
    assert numbers(tmp_path / "split.docx") == {MOBILE, ID_NUMBER}


def test_cells_of_a_sheet_are_not_joined_into_one_number(tmp_path):
    """Two numeric cells side by side (1391234 and 5678) are two numbers, not a mobile."""
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        '<c r="A1"><v>1391234</v></c><c r="B1"><v>5678</v></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(tmp_path / "cells.xlsx", "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    assert numbers(tmp_path / "cells.xlsx") == set()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4\nnot really", "文件已损坏或格式不对，无法读取其中的文字"),
        ("broken.docx", b"PK\x03\x04 not really", "文件已损坏或格式不对，无法读取其中的文字"),
        ("broken.xlsx", b"", "文件已损坏或格式不对，无法读取其中的文字"),
    ],
)
def test_a_damaged_document_is_not_checkable(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    assert scan_documents(tmp_path) == [DocumentScan(name, unreadable=reason)]


def test_messages_name_the_file_the_numbers_and_the_linking_pages(tmp_path):
    (tmp_path / "attachments").mkdir()
    shutil.copyfile(FIXTURES / "leaking.pdf", tmp_path / "attachments" / "名单.pdf")
    shutil.copyfile(FIXTURES / "scanned.pdf", tmp_path / "attachments" / "扫描件.pdf")
    (tmp_path / "notices").mkdir()
    (tmp_path / "notices" / "GS-1.html").write_text(
        '<a href="../attachments/%E5%90%8D%E5%8D%95.pdf">名单</a> '
        '<a href="../attachments/扫描件.pdf#page=1">扫描件</a>',
        encoding="utf-8",
    )
    (tmp_path / "index.html").write_text('<a href="https://example.org/attachments/名单.pdf">x</a>', encoding="utf-8")
    scans = scan_documents(tmp_path)
    links = linking_pages(tmp_path, {s.output for s in scans})
    assert links == {"attachments/名单.pdf": ["notices/GS-1.html"], "attachments/扫描件.pdf": ["notices/GS-1.html"]}
    sources = {"attachments/名单.pdf": "content/attachments/名单.pdf"}
    [problem] = document_problems(scans, links, sources, "site")
    assert str(problem) == (
        "content/attachments/名单.pdf：附件里有疑似个人信息：身份证号（110***********002X）在第 1 页、"
        "手机号（139****5678）在第 1 页；链接它的页面：site/notices/GS-1.html。" + EXPECTED + HINT
    )
    assert unchecked_documents(scans, links, sources, "site") == [
        "site/attachments/扫描件.pdf：无法检查附件里有没有身份证号、手机号、银行卡号：第 1 页是图片（扫描件），"
        "没有可读的文字；链接它的页面：site/notices/GS-1.html。请只公开已经遮挡个人号码的版本（先遮挡再扫描），"
        "并由人核对；核对过的扫描件列入 mkdocs.yml 里 cunwu 的 checked_scans（如 - attachments/扫描件.pdf）。"
    ]


DEMO_ATTACHMENT = "attachments/2026-低保对象名单-遮挡.pdf"
"""The demo's masked attachment to its 低保 notice (GS-2026-05)."""


def attach(project: Path, fixture: str) -> None:
    """Put a fixture in place of the demo notice's attachment, as a clerk replaces a file."""
    shutil.copyfile(FIXTURES / fixture, project / "content" / DEMO_ATTACHMENT)


@pytest.mark.site
def test_a_pdf_holding_an_id_number_stops_the_build(tmp_path):
    project = new_project(tmp_path)
    attach(project, "leaking.pdf")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("上一版网站", encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert (
        "content/attachments/2026-低保对象名单-遮挡.pdf：附件里有疑似个人信息："
        "身份证号（110***********002X）在第 1 页、手机号（139****5678）在第 1 页；"
        "链接它的页面：site/notices/GS-2026-05.html、site/print/notices/GS-2026-05.html。" + EXPECTED + HINT
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == {"index.html": "上一版网站".encode()}, "the previous site stays"


@pytest.mark.site
def test_a_scanned_pdf_is_not_checkable_until_a_person_has_checked_it(tmp_path):
    project = new_project(tmp_path)
    attach(project, "scanned.pdf")
    result = mkdocs_build(project)
    assert result.returncode != 0, "an unchecked scan stops a strict build"
    assert (
        "WARNING -  content/attachments/2026-低保对象名单-遮挡.pdf：无法检查附件里有没有身份证号、手机号、银行卡号："
        "第 1 页是图片（扫描件），没有可读的文字；链接它的页面：site/notices/GS-2026-05.html、"
        "site/print/notices/GS-2026-05.html。请只公开已经遮挡个人号码的版本（先遮挡再扫描），并由人核对；"
        "核对过的扫描件列入 mkdocs.yml 里 cunwu 的 checked_scans（如 - attachments/2026-低保对象名单-遮挡.pdf）。"
    ) in result.stderr
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      data_dir: data\n",
            "      data_dir: data\n      checked_scans: [attachments/2026-低保对象名单-遮挡.pdf]\n",
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    checked = "attachments/2026-低保对象名单-遮挡.pdf 列在 checked_scans 里（已由人核对遮挡），没有检查其中的图片。"
    assert checked in result.stderr
    assert (project / "site" / "attachments" / "2026-低保对象名单-遮挡.pdf").read_bytes() == (
        FIXTURES / "scanned.pdf"
    ).read_bytes()


def test_the_fixtures_are_what_their_names_say():
    """make.sh wrote them with LibreOffice: each says so in its own metadata."""
    for name in ("clean.pdf", "leaking.pdf", "scanned.pdf"):
        assert PdfReader(FIXTURES / name).metadata.producer.startswith("LibreOffice"), name
    for name in ("leaking.docx", "leaking.xlsx"):
        with zipfile.ZipFile(io.BytesIO((FIXTURES / name).read_bytes())) as archive:
            assert b"LibreOffice" in archive.read("docProps/app.xml"), name


@pytest.mark.site
def test_a_clean_pdf_passes_and_the_log_counts_it(tmp_path):
    project = new_project(tmp_path)
    attach(project, "clean.pdf")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    assert "个人信息检查读了 1 个文档（PDF、Word、Excel 等附件和下载文件）。" in result.stderr
