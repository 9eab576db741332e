"""The whole site in memory: every village's records loaded, checked and cross-referenced.

`load_site` reads everything first and returns either a `Site` or the full list of problems;
nothing is rendered while data is still being read.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .data_files import saved_twice, skipped, unread_files
from .datasets import DATASETS, named
from .guard import Source
from .kinds import ListOf, Nested, Reference, fields_of, mask_record
from .problems import Problem
from .records import Dataset, parse_file
from .records.pledge import Pledge
from .schema import private_values, problem_at, public_texts
from .settings import Settings

PERSONAL_VALUES = "personal values"
"""The key `Village.personal_values` is kept under (`Village.remember`)."""

SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{0,39}")
"""A village folder's name: it becomes the village's section in every address."""


@dataclass
class Village:
    """One village and all its records. `slug` is '' when the site holds a single village."""

    slug: str
    records: dict[str, tuple] = field(default_factory=dict)
    """Every record of every dataset, including those not yet public, by dataset name."""
    _index: dict[str, dict] = field(default_factory=dict, repr=False)
    settings: Settings = field(default_factory=Settings)
    """The site's settings (masking rules, disclosure deadlines, site_url)."""
    content: Path | None = None
    """This village's folder of hand-written pages (stories, photos), when it has one."""
    docs: Path | None = None
    """The site's folder of hand-written pages (``content/``), where notices' attachments live."""
    root: Path | None = None
    """The repository's folder: file names in messages are relative to it."""
    memo: dict = field(default_factory=dict, repr=False)
    """Values computed once from the loaded records (indexes, groupings), by key."""

    def remember(self, key: str, compute):
        """`compute()` the first time `key` is asked for, the stored value afterwards."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def path(self, uri: str) -> str:
        """A site path inside this village's section."""
        return f"{self.slug}/{uri}" if self.slug else uri

    @property
    def profile(self):
        return self.records["village"][0]

    @property
    def members(self) -> dict:
        return self.by_id("members")

    @property
    def pledges(self) -> tuple[Pledge, ...]:
        return self.records["pledges"]

    def by_id(self, name: str) -> dict:
        """The records of a dataset by id (records are complete once loaded, so this is cached)."""
        if name not in self._index:
            self._index[name] = {r.id: r for r in self.records[name]}
        return self._index[name]

    def personal_values(self) -> tuple[str, list[tuple[str, Source]]]:
        """The public texts of the records (one text, a line each), and each value of a `Private`
        field with where it was written: what the guard looks for in the site's output."""

        def compute():
            records = [r for rs in self.records.values() for r in rs]
            texts = "\n".join(t for r in records for t in public_texts(r))
            return texts, [(v, Source(r.origin.file, n, f)) for r in records for v, f, n in private_values(r)]

        return self.remember(PERSONAL_VALUES, compute)

    @property
    def people(self) -> dict:
        """Everyone a record can name: Party members and local talents, by id."""
        return self.remember("people", lambda: {**self.by_id("members"), **self.by_id("talents")})

    def public(self, dataset: Dataset | str, today: date) -> list:
        """The records of a dataset (or dataset name) that the site may show on `today`, as it shows
        them that day (`Dataset.shown_as`: a pledge without its later steps), in the dataset's order.
        Pages, downloads, feed and search all take their records from here."""
        if isinstance(dataset, str):
            dataset = named(dataset)
        shown = [r for r in self.records[dataset.name] if dataset.shows(r, self, today)]
        if dataset.shown_as:
            shown = [dataset.shown_as(r, today) for r in shown]
        return sorted(shown, key=dataset.order)

    def public_pledges(self, today: date) -> list[Pledge]:
        """Pledges that may be shown on `today`, newest first."""
        return sorted(self.public("pledges", today), key=lambda p: (p.published, p.id), reverse=True)


@dataclass
class Site:
    """Everything the site shows, and the date it is built for."""

    villages: list[Village]
    today: date
    settings: Settings = field(default_factory=Settings)


def load_site(
    data_dir: Path,
    today: date,
    root: Path | None = None,
    settings: Settings | None = None,
    *,
    content_dir: Path | None = None,
    load: Callable[..., tuple[Village | None, list[Problem]]] | None = None,
) -> tuple[Site | None, list[Problem]]:
    """Read and check all data under `data_dir` (and stories under `content_dir`, by default
    ``content/``); return the site or every problem found. `load` stands in for `load_village`
    (a township build reuses villages loaded by its last build)."""
    root = root or data_dir.parent
    content_dir = content_dir or root / "content"
    settings = settings or Settings()
    folders = village_folders(data_dir)
    if not folders:
        return None, [
            Problem(
                _relative(data_dir / "village.yml", root),
                summary="找不到村庄概况文件",
                expected="数据文件夹里有 village.yml，或每个村一个子文件夹、各有 village.yml",
                hint="从示例仓库复制 data/village.yml 再修改。",
            )
        ]
    villages, problems = [], []
    for slug, folder in folders:
        if slug and not SLUG.fullmatch(slug):
            problems.append(
                Problem(
                    _relative(folder, root),
                    summary="村文件夹的名字不能用作网址",
                    expected="由字母、数字和短横线组成的名字，如 qinghe",
                    found=slug,
                    hint="文件夹名会成为这个村的网址，请改用拼音或字母，不要用汉字、空格或其他符号。",
                )
            )
            continue
        own = content_dir / slug if slug else content_dir  # a village's pages and attachments
        village, found = (load or load_village)(slug, folder, root, settings, own, docs=own)
        if village is not None:
            villages.append(village)
        problems += found
    if problems:
        return None, sorted(set(problems))
    return Site(villages, today, settings), []


def village_folders(data_dir: Path) -> list[tuple[str, Path]]:
    """(slug, folder) of each village: one ('', data_dir) when it holds village.yml itself."""
    if any((data_dir / name).exists() for name in ("village.yml", "village.yaml")):
        return [("", data_dir)]
    return (
        sorted((d.name, d) for d in data_dir.iterdir() if d.is_dir() and not d.name.startswith("."))
        if data_dir.is_dir()
        else []
    )


def load_village(
    slug: str,
    folder: Path,
    root: Path,
    settings: Settings | None = None,
    content: Path | None = None,
    *,
    docs: Path | None = None,
) -> tuple[Village | None, list[Problem]]:
    """Read every dataset of one village, then check ids, records and references across them.

    Personal values of name lists are masked here, before anything else sees the village.
    """
    settings = settings or Settings()
    village = Village(slug, settings=settings, content=content, docs=docs, root=root)
    problems: list[Problem] = []
    broken: set[str] = set()
    problems += unread_files(folder, root, [d for d in DATASETS if not d.in_content])
    for dataset in DATASETS:
        records, found = _load_dataset(dataset, content if dataset.in_content and content else folder, root)
        if found:
            broken.add(dataset.name)
        problems += found
        if "id" in {f.key for f in fields_of(dataset.record)}:
            records = _unique(records, dataset, problems)
        village.records[dataset.name] = tuple(records)
    for dataset in DATASETS:
        for record in village.records[dataset.name]:
            problems += record.check() if hasattr(record, "check") else []
            problems += _reference_problems(record, village, broken)
    if not problems:  # checks across records (a month's balances) only make sense once every record is sound
        problems += [p for d in DATASETS if d.check_all for p in d.check_all(village)]
    if problems:
        return None, problems
    for dataset in DATASETS:
        village.records[dataset.name] = tuple(mask_record(r, settings.masking) for r in village.records[dataset.name])
    village.memo.clear()
    village._index.clear()  # the indexes built while checking hold the records before masking
    return village, []


def _load_dataset(dataset: Dataset, folder: Path, root: Path) -> tuple[list, list[Problem]]:
    paths = sorted({p for pattern in dataset.patterns for p in folder.glob(pattern) if p.is_file() and not skipped(p)})
    outside = [p for p in paths if not p.resolve().is_relative_to(root.resolve())]
    if outside:
        return [], [
            Problem(
                f"{_relative(p.parent, root)}/{p.name}",
                summary="数据文件指向仓库以外的位置",
                expected="放在 data/ 里的普通文件",
                found=p.resolve().as_posix(),
                hint="不要用快捷方式（符号链接）引用仓库以外的文件；请把文件本身复制进 data/。",
            )
            for p in outside
        ]
    if not paths and dataset.required:
        return [], [
            Problem(
                _relative(folder / dataset.patterns[0], root),
                summary=f"缺少{dataset.title}文件",
                expected=f"{' 或 '.join(dataset.patterns)} 其中之一",
                hint="从示例仓库复制同名文件再修改。",
            )
        ]
    twice = saved_twice(dataset, paths, root)
    if twice:
        return [], twice
    records, problems = [], []
    for path in paths:
        found, more = _load_file(dataset, path, _relative(path, root))
        records += found
        problems += more
    return records, problems


def _load_file(dataset: Dataset, path: Path, file: str) -> tuple[list, list[Problem]]:
    return parse_file(dataset, path.read_bytes(), path.suffix.lower(), file)


def _unique(records: list, dataset: Dataset, problems: list[Problem]) -> list:
    """Records with distinct ids; a repeated id is a problem naming both places."""
    seen: dict = {}
    for record in records:
        first = seen.setdefault(record.id, record)
        if first is not record:
            problems.append(
                problem_at(
                    record,
                    "id",
                    summary=f"{dataset.title}的编号重复",
                    expected="每个编号只用一次",
                    found=record.id,
                    hint=f"{first.origin.file} 第 {first.origin.line_of('id')} 行已经用了这个编号；"
                    "请给其中一条换一个新编号。",
                )
            )
    return list(seen.values())


def _reference_problems(record, village: Village, broken: set[str]) -> list[Problem]:
    """Every `Reference` field of a record (nested ones included) must name an existing record.

    References into a dataset that had problems of its own are not checked, so that one broken
    row is reported once, not again by everything that refers to it.
    """
    problems = []
    for f in fields_of(type(record)):
        value = getattr(record, f.key)
        if isinstance(f.kind, Reference) and value is not None and not broken & set(f.kind.targets):
            targets = {k: v for name in f.kind.targets for k, v in village.by_id(name).items()}
            for one in value if isinstance(value, tuple) else (value,):
                if one not in targets:
                    problems.append(_unknown_reference(record, f, one, targets))
        elif isinstance(f.kind, Nested) and value is not None:
            problems += _reference_problems(value, village, broken)
        elif isinstance(f.kind, ListOf):
            for item in value:
                problems += _reference_problems(item, village, broken)
    return problems


def _unknown_reference(record, f, value: str, targets: dict) -> Problem:
    near = difflib.get_close_matches(value, list(targets), n=1, cutoff=0.6)
    hint = (
        f"是不是“{near[0]}”（{_title(targets[near[0]])}）？"
        if near
        else f"请先添加这条{f.kind.title}记录，或改正编号。"
    )
    return problem_at(
        record,
        f.key,
        summary=f"引用了不存在的{f.kind.title}",
        expected="或".join(named(name).title for name in f.kind.targets) + "里已有的编号",
        found=value,
        hint=hint,
    )


def _title(record) -> str:
    return getattr(record, "name", None) or getattr(record, "title", None) or record.id


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
