"""`cunwu` commands for clerks: thin wrappers over the core, messages in Chinese."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .argparse_zh import chinese
from .blank import blank
from .build_date import BuildDateError, build_date
from .core import check
from .datasets import DATASETS
from .problems import report
from .publish import KEEP, PublishError, publish, rollback
from .starter import QUESTIONS, InitError, answers, checklist, environment, make
from .township import PROFILE as TOWNSHIP


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] in (["build"], ["serve"]) and not _township_part(argv) and argv[1:] not in (["-h"], ["--help"]):
        return run_mkdocs(argv[0], argv[1:])  # every option is mkdocs's (argparse would take -a as its own)
    with chinese():
        args = parser().parse_args(argv)
    try:
        if args.command == "init":
            return run_init(Path(args.folder), vars(args))
        if args.command == "build":
            return run_build(Path(args.config_file), args.village, args.shard, Path(args.out), args.jobs)
        if args.command == "assemble":
            return run_assemble(Path(args.config_file), [Path(p) for p in args.parts])
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


def parser() -> argparse.ArgumentParser:
    """The commands and their options, every word a clerk reads in Chinese (see argparse_zh)."""
    with chinese():
        main_parser = argparse.ArgumentParser(prog="cunwu", description="村务公开站的数据工具")
        commands = main_parser.add_subparsers(dest="command", required=True, metavar="命令")
        starter = commands.add_parser("init", help="为一个村新建网站仓库（不带示例数据），会逐项询问村名等信息")
        starter.add_argument("folder", metavar="新文件夹", help="新网站放在哪个文件夹，如 ../dashan")
        for q in QUESTIONS:
            starter.add_argument(f"--{q.option.replace('_', '-')}", dest=q.option, metavar="…", help=q.prompt)
        checker = commands.add_parser("check", help="检查 data/ 里的数据，不生成网站")
        checker.add_argument("data", nargs="?", default="data", metavar="数据文件夹", help="默认 data")
        checker.add_argument("--date", metavar="日期", help="按哪一天推算状态，如 2025-06-30（默认今天）")
        maker = commands.add_parser("new", help="生成一类数据的空白模板（带下一个空编号）")
        maker.add_argument(
            "type", metavar="类型", help="数据类型：" + "、".join(f"{d.name}（{d.title}）" for d in DATASETS)
        )
        maker.add_argument(
            "--data", default="data", metavar="文件夹", help="数据文件夹，用来推算下一个编号（默认 data）"
        )
        maker.add_argument("--out", default=".", metavar="文件夹", help="模板写到哪个文件夹（默认当前文件夹）")
        maker.add_argument("--date", metavar="日期", help="模板里的日期，如 2025-06-30（默认今天）")
        for name, what in (("build", "检查数据并生成网站到 site/"), ("serve", "在本机预览网站，改了数据自动刷新")):
            runner = commands.add_parser(name, help=f"{what}（即 mkdocs {name}，不显示与村务无关的提示）")
            if name == "build":  # a township's villages can also be built apart, then assembled
                runner.add_argument(
                    "--village",
                    action="append",
                    default=[],
                    metavar="村文件夹",
                    help="乡镇网站：只生成这个村（可写多次）",
                )
                runner.add_argument("--shard", metavar="K/N", help="乡镇网站：把所有村按文件夹名分成 N 份，生成第 K 份")
                runner.add_argument(
                    "--out",
                    default="parts",
                    metavar="文件夹",
                    help="与 --village/--shard 同用：结果放在哪里（默认 parts）",
                )
                runner.add_argument(
                    "-f", "--config-file", default="mkdocs.yml", metavar="文件", help="网站配置文件（默认 mkdocs.yml）"
                )
                runner.add_argument(
                    "--jobs",
                    type=int,
                    default=os.cpu_count() or 1,
                    metavar="个数",
                    help="同时生成几个村（默认为处理器核数）",
                )
            runner.add_argument("options", nargs=argparse.REMAINDER, metavar="…", help=f"交给 mkdocs {name} 的选项")
        assembler = commands.add_parser(
            "assemble", help="乡镇网站：收下各台机器用 build --shard 生成的村，再运行 mkdocs build"
        )
        assembler.add_argument(
            "parts", nargs="+", metavar="文件夹", help="cunwu build --out 生成的文件夹（可以有多个）"
        )
        assembler.add_argument(
            "-f", "--config-file", default="mkdocs.yml", metavar="文件", help="网站配置文件（默认 mkdocs.yml）"
        )
        publisher = commands.add_parser("publish", help="把生成好的网站（site/）整体换到网站服务器的文件夹里")
        publisher.add_argument(
            "folder", metavar="发布文件夹", help="网站服务器使用的文件夹；服务器的根目录应设为其中的 current"
        )
        publisher.add_argument(
            "--site", default="site", metavar="文件夹", help="mkdocs build 生成的网站文件夹（默认 site）"
        )
        publisher.add_argument("--rollback", action="store_true", help="退回上一次发布的版本")
        publisher.add_argument(
            "--keep", type=int, default=KEEP, metavar="个数", help=f"保留最近几个版本（默认 {KEEP}，至少 1）"
        )
    return main_parser


def _township_part(argv: list[str]) -> bool:
    """`cunwu build --village …` or `--shard …`: some villages of a township, not a whole `mkdocs build`."""
    return argv[:1] == ["build"] and any(a.split("=")[0] in ("--village", "--shard") for a in argv[1:])


def run_mkdocs(command: str, options: list[str]) -> int:
    """`mkdocs build|serve` with Material's end-of-life notice turned off: it concerns the
    site's maintainers (see README), not a clerk."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run([sys.executable, "-m", "mkdocs", command, *options], env=environment).returncode
    except KeyboardInterrupt:  # Ctrl-C ends `serve`: mkdocs has already said goodbye
        return 0


def run_init(folder: Path, given: dict) -> int:
    """Make a new village repository, then say what to fill in first."""
    try:
        answered = answers(given)
        notes = make(folder, answered, build_date(None), environment())
    except InitError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(checklist(folder, answered))
    for note in notes:
        print(note)
    return 0


def run_check(data_dir: Path, pinned: str | None) -> int:
    today = build_date(pinned)
    site, problems = check(data_dir, today, Path.cwd())
    if problems or site is None:
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
    print(f"填好后放进 {' 或 '.join(f'{folder}/{p}' for p in dataset.patterns)}，再运行 .venv/bin/cunwu check 检查。")
    return 0


def run_build(config_file: Path, villages: list[str], shard: str | None, out: Path, jobs: int) -> int:
    """Build some villages of a township into `out` (one folder and one .inputs file per village)."""
    from mkdocs.config import load_config

    from . import township_build
    from .model import village_folders

    config = load_config(str(config_file))
    plugin = config.plugins["cunwu"].config
    data_dir = config_file.parent / plugin.data_dir
    known = [slug for slug, _ in village_folders(data_dir) if slug]
    if not known:
        print(
            f"{data_dir} 不是乡镇的数据文件夹（每个村一个子文件夹）；一个村的网站请直接运行 mkdocs build。",
            file=sys.stderr,
        )
        return 1
    unknown = [v for v in villages if v not in known]
    if unknown:
        print(f"没有这个村的文件夹：{'、'.join(unknown)}。{data_dir} 里有：{'、'.join(known)}。", file=sys.stderr)
        return 1
    try:
        chosen = sorted(set(villages) | set(township_build.shard(known, shard) if shard else []))
    except ValueError:
        print(f"--shard 应写成 K/N（1 ≤ K ≤ N），如 2/4；现在是 {shard}。", file=sys.stderr)
        return 1
    if not chosen:
        print("请用 --village 或 --shard 指定要生成的村。", file=sys.stderr)
        return 1
    jobs_list = township_build.jobs_from_config(config, build_date(plugin.build_date), chosen, out.resolve())
    failed = [r for r in township_build.build_all(jobs_list, max(1, jobs)) if r.errors]
    for result in failed:
        print(f"【{result.slug}】没有生成成功：\n" + "\n".join(result.errors), file=sys.stderr)
    if failed:
        return 1
    print(f"已生成 {len(chosen)} 个村（{'、'.join(chosen)}）到 {out}。")
    return 0


def run_assemble(config_file: Path, parts: list[Path]) -> int:
    """Put village outputs built elsewhere where `mkdocs build` reuses them."""
    from . import township_build

    missing = [p for p in parts if not p.is_dir()]
    if missing:
        print(f"找不到文件夹：{'、'.join(map(str, missing))}。", file=sys.stderr)
        return 1
    moved = township_build.assemble(parts, config_file.parent / township_build.CACHE)
    print(
        f"收下 {len(moved)} 个村（{'、'.join(moved) or '无'}）。现在运行 mkdocs build：输入没有变化的村直接沿用，"
        "其余的村会重新生成。"
    )
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
