"""The whole site in memory: every village's records loaded, checked and cross-referenced.

`load_site` reads everything first and returns either a `Site` or the full list of problems;
nothing is rendered while data is still being read.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from .problems import Problem
from .readers import Mapping, Read, Sequence
from .readers.csv_reader import read_csv
from .readers.yaml_reader import read_yaml
from .records.member import Member
from .records.pledge import Pledge, Status
from .records.village import Village as Profile
from .schema import fields_of, parse_record, unknown_field

READERS = {".yml": read_yaml, ".yaml": read_yaml, ".csv": read_csv}


@dataclass(frozen=True)
class Dataset:
    """A kind of record and where a village keeps it."""

    name: str
    """English name, used for download file names."""
    title: str
    """Chinese title."""
    record: type
    patterns: tuple[str, ...]
    """Glob patterns under the village's data folder."""
    shown: Callable[["Village", date], list]
    """The records of a village that the site shows on a given day, in a stable order."""
    single: bool = False
    """True when a file holds one record (a mapping) rather than a list or table of records."""
    required: bool = True


DATASETS = (
    Dataset("village", "村庄概况", Profile, ("village.yml", "village.yaml"),
            lambda v, today: [v.profile], single=True),
    Dataset("members", "党员名册", Member, ("members.csv", "members.yml", "members.yaml"),
            lambda v, today: sorted(v.members.values(), key=lambda m: m.id)),
    Dataset("pledges", "公开承诺", Pledge, ("pledges/*.yml", "pledges/*.yaml"),
            lambda v, today: sorted(v.public_pledges(today), key=lambda p: p.id), required=False),
)


@dataclass
class Village:
    """One village: its profile and records. `slug` is '' when the site holds a single village."""

    slug: str
    profile: Profile
    members: dict[str, Member]
    pledges: tuple[Pledge, ...]

    def path(self, uri: str) -> str:
        """A site path inside this village's section."""
        return f"{self.slug}/{uri}" if self.slug else uri

    def public_pledges(self, today: date) -> list[Pledge]:
        """Pledges that may be shown on `today`, newest first."""
        shown = [p for p in self.pledges if p.is_public(today)]
        return sorted(shown, key=lambda p: (p.published, p.id), reverse=True)


@dataclass
class Site:
    """Everything the site shows, and the date it is built for."""

    villages: list[Village]
    today: date


def load_site(data_dir: Path, today: date, root: Path | None = None) -> tuple[Site | None, list[Problem]]:
    """Read and check all data under `data_dir`; return the site or every problem found."""
    root = root or data_dir.parent
    if (data_dir / "village.yml").exists() or (data_dir / "village.yaml").exists():
        folders = [("", data_dir)]
    else:
        folders = sorted((d.name, d) for d in data_dir.iterdir() if d.is_dir()) if data_dir.is_dir() else []
    if not folders:
        return None, [Problem(_shown(data_dir / "village.yml", root), summary="找不到村庄概况文件",
                              expected="数据文件夹里有 village.yml，或每个村一个子文件夹、各有 village.yml",
                              hint="从示例仓库复制 data/village.yml 再修改。")]
    villages, problems = [], []
    for slug, folder in folders:
        village, found = load_village(slug, folder, root)
        villages.append(village)
        problems += found
    if problems:
        return None, sorted(set(problems))
    return Site(villages, today), []


def load_village(slug: str, folder: Path, root: Path) -> tuple[Village | None, list[Problem]]:
    """Read every dataset of one village, then check ids and references across them."""
    records, problems, complete = {}, [], {}
    for dataset in DATASETS:
        records[dataset.name], found = _load_dataset(dataset, folder, root)
        complete[dataset.name] = not found
        problems += found
    members_complete = complete["members"]  # else a broken row would also make its pledges "unknown"
    members = _unique(records["members"], "党员", problems)
    pledges = _unique(records["pledges"], "承诺", problems)
    for pledge in pledges.values():
        problems += pledge.check()
        if members_complete and pledge.member not in members:
            problems.append(_unknown_reference(pledge, members))
    profile = records["village"][0] if records["village"] else None
    if problems or profile is None:
        return None, problems
    return Village(slug, profile, members, tuple(pledges.values())), []


def _load_dataset(dataset: Dataset, folder: Path, root: Path) -> tuple[list, list[Problem]]:
    paths = sorted({p for pattern in dataset.patterns for p in folder.glob(pattern) if p.is_file()})
    if not paths and dataset.required:
        return [], [Problem(_shown(folder / dataset.patterns[0], root), summary=f"缺少{dataset.title}文件",
                            expected=f"{' 或 '.join(dataset.patterns)} 其中之一",
                            hint="从示例仓库复制同名文件再修改。")]
    records, problems = [], []
    for path in paths:
        found, more = _load_file(dataset, path, _shown(path, root))
        records += found
        problems += more
    return records, problems


def _load_file(dataset: Dataset, path: Path, file: str) -> tuple[list, list[Problem]]:
    read: Read = READERS[path.suffix.lower()](path.read_bytes(), file)
    if read.problems:
        return [], read.problems
    if dataset.single:
        record, problems = parse_record(dataset.record, read.value, file)
        return ([record] if record else []), problems
    if not isinstance(read.value, Sequence):
        return [], [Problem(file, getattr(read.value, "line", 1), summary="类型不对：文件应是一个列表",
                            expected="每条记录以“- ”开头", found="一组字段" if isinstance(read.value, Mapping) else str(read.value),
                            hint="在每条记录的第一个字段前加“- ”，并把后面的字段对齐。")]
    header_problems = _column_problems(dataset.record, read.value, file) if path.suffix == ".csv" else []
    if header_problems:
        return [], header_problems
    records, problems = [], []
    for item in read.value:
        record, found = parse_record(dataset.record, item, file, getattr(item, "line", read.value.line))
        problems += found
        if record:
            records.append(record)
    return records, problems


def _column_problems(record: type, rows: Sequence, file: str) -> list[Problem]:
    """A table's missing or unknown columns, reported once on the header row."""
    if not rows:
        return []
    header = set(rows[0])
    problems = []
    for f in fields_of(record):
        if f.required and f.key not in header and f.label not in header:
            problems.append(Problem(file, rows.line, f.label, summary="缺少必填的列", expected=f"表头里有“{f.label}”这一列",
                                    hint=f"在表头加一列“{f.label}”：{f.doc}"))
    known = {f.key for f in fields_of(record)} | {f.label for f in fields_of(record)}
    problems += [unknown_field(record, h, rows.line, file) for h in rows[0] if h not in known]
    return problems


def _unique(records: list, what: str, problems: list[Problem]) -> dict:
    """Records by id; a second record with the same id is a problem naming both places."""
    seen: dict = {}
    for record in records:
        first = seen.get(record.id)
        if first is None:
            seen[record.id] = record
            continue
        problems.append(Problem(record.origin.file, record.origin.line_of("id"), record.origin.name_of(type(record), "id"),
                                summary=f"{what}编号重复", expected="每个编号只用一次",
                                found=record.id,
                                hint=f"{first.origin.file} 第 {first.origin.line_of('id')} 行已经用了这个编号；请给其中一条换一个新编号。"))
    return seen


def _unknown_reference(pledge: Pledge, members: dict) -> Problem:
    near = difflib.get_close_matches(pledge.member, list(members), n=1, cutoff=0.6)
    hint = f"是不是“{near[0]}”（{members[near[0]].name}）？" if near else "请先在党员名册里添加这名党员，或改正编号。"
    return Problem(pledge.origin.file, pledge.origin.line_of("member"), pledge.origin.name_of(Pledge, "member"),
                   summary="引用了不存在的党员", expected="党员名册（members.csv）里已有的编号",
                   found=pledge.member, hint=hint)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


__all__ = ["DATASETS", "Dataset", "Site", "Status", "Village", "load_site"]
