"""Ledger figures: synthetic ledgers of 10 years × 200 rows a month, as CSV and as XLSX.

Prints the load time per 10,000 rows (read + parse, CSV and XLSX separately), the time to load
and check the whole village, to generate every page, and the full `mkdocs build` — next to the
spine's floor (the same generated pages as plain Markdown files, built without the plugin, as in
benchmarks/spine.py) and to a build of the spine's data alone. Run from the repository root:

    python benchmarks/ledgers.py [--years 10] [--rows 200]

Figures, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from spine import _plain_copy  # noqa: E402

from generator.core import generate  # noqa: E402
from generator.datasets import named as dataset  # noqa: E402
from generator.model import _load_dataset, load_site  # noqa: E402

TODAY = date(2036, 11, 15)
HEADER = ["日期", "凭证号", "科目", "摘要", "收入", "支出", "经手人", "审批人", "项目编号"]
ACCOUNTS = [
    ("经营收入", "income"),
    ("补助收入", "income"),
    ("其他收入", "income"),
    ("管理费用", "expense"),
    ("公益支出", "expense"),
    ("经营支出", "expense"),
    ("其他支出", "expense"),
]


def months(years: int) -> list[tuple[int, int]]:
    return [(2026 + i // 12, i % 12 + 1) for i in range(years * 12)]


def month_rows(year: int, month: int, count: int, rng: random.Random) -> list[list]:
    rows = []
    for n in range(count):
        account, side = rng.choice(ACCOUNTS)
        amount = Decimal(rng.randint(100, 500_000)).scaleb(-2)
        rows.append(
            [
                date(year, month, 1 + n % 28),
                f"记-{n + 1:03d}",
                account,
                f"第{n + 1}笔{account}",
                amount if side == "income" else None,
                amount if side == "expense" else None,
                "邱明远",
                "周建国",
                None,
            ]
        )
    return sorted(rows, key=lambda r: r[0])


def write_ledgers(folder: Path, years: int, per_month: int, kind: str) -> int:
    """Monthly ledger files of one kind (csv or xlsx) and a reconciled periods.yml; returns the row count."""
    rng, balance, total = random.Random(4), Decimal("100000.00"), 0
    folder.mkdir(parents=True, exist_ok=True)
    periods = []
    for year, month in months(years):
        rows = month_rows(year, month, per_month, rng)
        total += len(rows)
        income = sum((r[4] for r in rows if r[4] is not None), Decimal("0.00"))
        expense = sum((r[5] for r in rows if r[5] is not None), Decimal("0.00"))
        periods.append(
            f"- 期间: {year}-{month:02d}\n  期初余额: {balance}\n  期末余额: {balance + income - expense}\n"
            f"  公布日期: {year + month // 12}-{month % 12 + 1:02d}-05\n"
        )
        balance += income - expense
        name = folder / f"{year}-{month:02d}.{kind}"
        if kind == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(HEADER)
            writer.writerows([[v if v is not None else "" for v in r] for r in rows])
            name.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
        else:
            book = openpyxl.Workbook()
            sheet = book.active
            sheet.append([f"青禾村{year}年{month}月收支明细账"])
            sheet.merge_cells("A1:I1")
            sheet.append(HEADER)
            for r in rows:
                sheet.append(
                    [
                        r[0],
                        r[1],
                        r[2],
                        r[3],
                        float(r[4]) if r[4] else None,
                        float(r[5]) if r[5] else None,
                        r[6],
                        r[7],
                        r[8],
                    ]
                )
            book.save(name)
    (folder / "periods.yml").write_text("".join(periods), encoding="utf-8")
    return total


def project(kind: str | None, years: int, per_month: int, base: Path) -> tuple[Path, int]:
    """A copy of the demo project; with `kind`, its ledgers replaced by synthetic ones; without,
    the spine's data only (village, members, pledges: the floor)."""
    target = base / (kind or "demo")
    shutil.copytree(
        ROOT,
        target,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "site", "tests", "*.egg-info", "benchmarks", ".pytest_cache", ".hypothesis"
        ),
    )
    rows = 0
    if kind:
        shutil.rmtree(target / "data" / "ledgers")
        for projects in (target / "data" / "projects").glob("*.yml"):
            projects.unlink()  # synthetic rows name no project; the demo decisions stay
        rows = write_ledgers(target / "data" / "ledgers", years, per_month, kind)
    else:
        for folder in ("ledgers", "notices", "decisions", "projects", "lists"):
            shutil.rmtree(target / "data" / folder, ignore_errors=True)
    return target, rows


class Timing:
    """Wall-clock and CPU seconds of one action (CPU time is steadier on a shared machine)."""

    def __init__(self, action, children: bool = False):
        who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
        cpu = lambda: sum(getattr(resource.getrusage(who), f) for f in ("ru_utime", "ru_stime"))  # noqa: E731
        start, start_cpu = time.perf_counter(), cpu()
        self.value = action()
        self.wall, self.cpu = time.perf_counter() - start, cpu() - start_cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f} s ({self.cpu:.2f} s CPU)"

    def per(self, rows: int) -> str:
        return f"{self.wall / rows * 10_000:.2f} s ({self.cpu / rows * 10_000:.2f} s CPU) per 10,000 rows"


def mkdocs_build(target: Path) -> Timing:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "2110233600"}  # 2036-11-15
    timing = Timing(
        lambda: subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "-q",
                "-f",
                str(target / "mkdocs.yml"),
                "-d",
                str(target / "site"),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=target,
        ),
        children=True,
    )
    if timing.value.returncode:
        raise SystemExit(timing.value.stderr)
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--rows", type=int, default=200, help="rows a month")
    parser.add_argument("--no-build", action="store_true", help="skip the mkdocs builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for kind in ("csv", "xlsx"):
            target, rows = project(kind, args.years, args.rows, base)
            data = target / "data"
            load = Timing(lambda data=data, target=target: _load_dataset(dataset("ledger"), data, target))
            records, problems = load.value
            assert not problems and len(records) == rows, problems[:3]
            print(
                f"{kind}: {rows} rows in {len(list((data / 'ledgers').glob('*.' + kind)))} files; "
                f"read + parse {load} = {load.per(rows)}"
            )
            check = Timing(lambda data=data, target=target: load_site(data, TODAY, target))
            assert not check.value[1], check.value[1][:3]
            render = Timing(lambda data=data, target=target: generate(data, TODAY, target / "site_overrides", target))
            pages = sum(1 for uri in render.value.files if uri.endswith(".md"))
            print(
                f"{kind}: load and check the village {check}; generate {len(render.value.files)} files "
                f"({pages} pages) {render}"
            )
            if not args.no_build and kind == "csv":
                print(f"{kind}: mkdocs build {mkdocs_build(target)}")
                floor = _plain_copy(target, render.value.files)
                print(
                    f"{kind}: floor, the same pages as plain Markdown built without the plugin: "
                    f"mkdocs build {mkdocs_build(floor)}"
                )
        if not args.no_build:
            demo, _ = project(None, 0, 0, base)
            print(f"the spine's data alone (village, members, pledges): mkdocs build {mkdocs_build(demo)}")
        print(
            f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores"
        )


if __name__ == "__main__":
    main()
