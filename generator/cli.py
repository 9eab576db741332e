"""`cunwu` commands for clerks: thin wrappers over the core, messages in Chinese."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .blank import blank
from .build_date import BuildDateError, build_date
from .core import check
from .datasets import DATASETS
from .township import PROFILE as TOWNSHIP
from .problems import report
from .publish import KEEP, PublishError, publish, rollback


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cunwu", description="村务公开站的数据工具")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")
    checker = commands.add_parser("check", help="检查 data/ 里的数据，不生成网站")
    checker.add_argument("data", nargs="?", default="data", help="数据文件夹（默认 data）")
    checker.add_argument("--date", help="按哪一天推算状态，如 2025-06-30（默认今天）")
    maker = commands.add_parser("new", help="生成一类数据的空白模板（带下一个空编号）")
    maker.add_argument("type", help="数据类型：" + "、".join(f"{d.name}（{d.title}）" for d in DATASETS))
    maker.add_argument("--data", default="data", help="数据文件夹，用来推算下一个编号（默认 data）")
    maker.add_argument("--out", default=".", help="模板写到哪个文件夹（默认当前文件夹）")
    maker.add_argument("--date", help="模板里的日期，如 2025-06-30（默认今天）")
    publisher = commands.add_parser("publish", help="把生成好的网站（site/）整体换到网站服务器的文件夹里")
    publisher.add_argument("folder", help="网站服务器使用的文件夹；服务器的根目录应设为其中的 current")
    publisher.add_argument("--site", default="site", help="mkdocs build 生成的网站文件夹（默认 site）")
    publisher.add_argument("--rollback", action="store_true", help="退回上一次发布的版本")
    publisher.add_argument("--keep", type=int, default=KEEP, help=f"保留最近几个版本（默认 {KEEP}，至少 1）")
    args = parser.parse_args(argv)
    try:
        if args.command == "publish":
            return run_publish(Path(args.folder), Path(args.site), args.rollback, max(1, args.keep))
        if args.command == "new":
            return run_new(args.type, Path(args.data), Path(args.out), args.date)
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
        print(
            f"检查通过：{village.profile.name}，{len(village.members)} 名党员，"
            f"{len(village.pledges)} 条承诺（{today.isoformat()} 可公开 {len(pledges)} 条）。"
        )
        others = [
            f"{d.title} {len(village.records[d.name])} 条"
            for d in DATASETS
            if d.name not in ("village", "members", "pledges") and village.records[d.name]
        ]
        if others:
            print("　　另有 " + "，".join(others) + "。")
    return 0


def run_new(name: str, data_dir: Path, out: Path, pinned: str | None) -> int:
    """Write the blank files of one dataset into `out`, never over an existing file."""
    dataset = next((d for d in (*DATASETS, TOWNSHIP) if name in (d.name, d.title)), None)
    if dataset is None:
        known = "、".join(f"{d.name}（{d.title}）" for d in DATASETS)
        print(f"没有“{name}”这类数据。可以生成的有：{known}。", file=sys.stderr)
        return 1
    made = blank(dataset, data_dir, build_date(pinned))
    clashes = [file_name for file_name in made.files if (out / file_name).exists()]
    if clashes:
        print(f"{out / clashes[0]} 已经存在，没有覆盖。请先改名或删除它，或用 --out 指定别的文件夹。", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for file_name, content in made.files.items():
        (out / file_name).write_bytes(content)
        print(f"已生成 {out / file_name}")
    if made.new_id:
        print(f"新记录的编号：{made.new_id}（按 {data_dir} 里已有的编号推算）。")
    folder = "content" if dataset.in_content else data_dir
    print(f"填好后放进 {' 或 '.join(f'{folder}/{p}' for p in dataset.patterns)}，再运行 cunwu check 检查。")
    return 0


def run_publish(folder: Path, site_dir: Path, back: bool, keep: int) -> int:
    """Publish `site_dir` into `folder` (or roll back), saying what is served now."""
    try:
        release = rollback(folder) if back else publish(site_dir, folder, keep)
    except PublishError as error:
        print(str(error), file=sys.stderr)
        return 1
    what = "已退回到" if back else "已发布"
    print(f"{what}版本 {release.name}：{folder / 'current'} 现在指向 {release}。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
