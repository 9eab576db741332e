"""How long the guard takes to read office documents (attachments), in seconds per MB.

Makes a masked name list of ROWS rows the way a clerk does: an HTML table turned into PDF and
DOCX by LibreOffice Writer, and a CSV turned into XLSX by LibreOffice Calc (``soffice`` must be
installed: ``apt-get install libreoffice-writer libreoffice-calc``). Then times
`guard.scan_documents` over each file, as the plugin runs it after every build, and prints the
time per MB of the file and per page (PDF).

    python benchmarks/attachment_scan.py [ROWS]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.guard import scan_documents  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"


def rows(count: int) -> list[tuple[str, str, str, str, str]]:
    """Masked rows of a 低保 list: name, ID, phone, group, amount."""
    return [
        (
            f"{SURNAMES[n % len(SURNAMES)]}*{'明芳华强'[n % 4]}",
            f"369901********{n % 10000:04d}",
            f"138****{n % 10000:04d}",
            f"第{n % 9 + 1}组",
            f"{400 + n % 300}",
        )
        for n in range(count)
    ]


def make_files(folder: Path, count: int) -> list[Path]:
    """The same list as PDF, DOCX (from HTML) and XLSX (from CSV), made by LibreOffice."""
    table = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in rows(count))
    (folder / "list.html").write_text(
        '<!doctype html><html lang="zh"><meta charset="utf-8"><body><h1>低保对象名单（已遮挡）</h1>'
        f'<table border="1"><tr><th>姓名</th><th>身份证号</th><th>电话</th><th>小组</th><th>金额</th></tr>{table}'
        "</table></body></html>",
        encoding="utf-8",
    )
    (folder / "list.csv").write_text(
        "姓名,身份证号,电话,小组,金额\n" + "".join(",".join(row) + "\n" for row in rows(count)), encoding="utf-8"
    )

    def soffice(source: str, infilter: str, target: str) -> None:
        command = ["soffice", "--headless", f"--infilter={infilter}", "--convert-to", target, "--outdir", str(folder)]
        subprocess.run([*command, str(folder / source)], check=True, capture_output=True)

    soffice("list.html", "HTML (StarWriter)", "pdf:writer_pdf_Export")
    soffice("list.html", "HTML (StarWriter)", "docx:MS Word 2007 XML")
    soffice("list.csv", "CSV:44,34,76,1", "xlsx:Calc MS Excel 2007 XML")
    return [folder / name for name in ("list.pdf", "list.docx", "list.xlsx")]


def main(count: int = 2000, rounds: int = 3) -> None:
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed to make the documents: apt-get install libreoffice-writer")
    with tempfile.TemporaryDirectory() as work:
        files = make_files(Path(work), count)
        for file in files:
            site = Path(work) / f"site-{file.suffix[1:]}"
            site.mkdir()
            shutil.copyfile(file, site / file.name)
            best, cpu = float("inf"), float("inf")
            for _ in range(rounds):
                start, start_cpu = time.perf_counter(), time.process_time()
                [scan] = scan_documents(site)
                best, cpu = min(best, time.perf_counter() - start), min(cpu, time.process_time() - start_cpu)
            assert scan.checkable and not scan.numbers, scan
            size = file.stat().st_size / 1e6
            pages = ""
            if file.suffix == ".pdf":
                from pypdf import PdfReader

                count_pages = len(PdfReader(file).pages)
                pages = f", {count_pages} pages = {cpu / count_pages * 1000:.0f} ms CPU a page"
            print(
                f"{file.suffix[1:].upper()}: {count} rows, {size:.2f} MB: scan {best:.2f} s wall, {cpu:.2f} s CPU "
                f"(best of {rounds}) = {cpu / size:.2f} s CPU per MB of file{pages}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
