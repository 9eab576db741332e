"""`cunwu` commands for clerks: thin wrappers over the core, messages in Chinese."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build_date import BuildDateError, build_date
from .core import check
from .datasets import DATASETS
from .problems import report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cunwu", description="村务公开站的数据工具")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    checker = commands.add_parser("check", help="检查 data/ 里的数据，不生成网站")
    checker.add_argument("data", nargs="?", default="data", help="数据文件夹（默认 data）")
    checker.add_argument("--date", help="按哪一天推算状态，如 2025-06-30（默认今天）")
    args = parser.parse_args(argv)
    try:
        return run_check(Path(args.data), args.date)
    except BuildDateError as error:
        print(error, file=sys.stderr)
        return 2
    except Exception as error:  # never a traceback for a clerk
        if os.environ.get("CUNWU_DEBUG"):
            raise
        print(f"程序内部错误（{type(error).__name__}: {error}）。请把这段文字发给网站维护者。", file=sys.stderr)
        return 2


def run_check(data_dir: Path, pinned: str | None) -> int:
    today = build_date(pinned)
    site, problems = check(data_dir, today, Path.cwd())
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    for village in site.villages:
        pledges = village.public_pledges(today)
        print(f"检查通过：{village.profile.name}，{len(village.members)} 名党员，"
              f"{len(village.pledges)} 条承诺（{today.isoformat()} 可公开 {len(pledges)} 条）。")
        others = [f"{d.title} {len(village.records[d.name])} 条" for d in DATASETS
                  if d.name not in ("village", "members", "pledges") and village.records[d.name]]
        if others:
            print("其他数据：" + "、".join(others) + "。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
