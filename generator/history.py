"""Change history of every record, read from the git history of the data folder at build time.

A fixed number of git processes per build, whatever the number of files or commits: after two
`git rev-parse` (where is the repository, is it shallow, has it commits), one `git log` lists every
commit (first parent only: what landed on the branch the site is built from) with the blobs of
the data files it changed, one `git cat-file --batch` returns those blobs. Each version of a file
is parsed with the same readers and schemas as the current data; records are matched by id and
compared field by field. Dates are the commits' dates in China (UTC+8), so the same repository
gives the same history on every machine.

A record's history starts when it was first public: changes made while it was a draft are never
shown. Without a usable history (no git, a downloaded zip, a shallow clone) the build still works
and the pages say why the history is unavailable.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from .build_date import CHINA
from .datasets import DATASETS
from .kinds import ListOf, Nested, fields_of
from .model import village_folders
from .periods import day_label
from .readers import Mapping, Sequence
from .records import Dataset, parse_file
from .schema import parse_record

NO_BLOB = "0" * 40


@dataclass(frozen=True)
class FieldChange:
    """One field's change, with values as shown on the page (a date, text, or None for empty)."""

    label: str
    """The field's Chinese label; inside a list or group: ``践诺记录第2条的进展``."""
    old: object
    new: object

    @property
    def rewrite(self) -> bool:
        """True when a value already published was changed or removed (not just added)."""
        return self.old is not None


@dataclass(frozen=True)
class Change:
    """What changed in a record on one day."""

    day: date
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RecordHistory:
    """When a record was first public on the site, and each later change, oldest first."""

    first: date
    changes: tuple[Change, ...] = ()

    @property
    def rewritten(self) -> bool:
        """True when something already published was changed or removed after publication."""
        return any(f.rewrite for c in self.changes for f in c.fields)


@dataclass
class History:
    """The history of every record of a build, or why there is none."""

    available: bool
    reason: str = ""
    """Why the history is unavailable, in Chinese (empty when available)."""
    records: dict[tuple[str, str, str], RecordHistory] = field(default_factory=dict)
    """By (village slug, dataset name, record id); single-record datasets use id ''."""

    def of(self, slug: str, dataset: str, record_id: str) -> RecordHistory | None:
        """A record's history; None when it was never committed while public."""
        return self.records.get((slug, dataset, record_id))


def unavailable(reason: str) -> History:
    return History(False, reason)


def collect(data_dir: Path, today: date) -> History:
    """The history of every record under `data_dir`, from the repository that holds it."""
    if not data_dir.is_dir():
        return unavailable("找不到数据文件夹")
    try:
        top, shallow = _git(data_dir, "rev-parse", "--show-toplevel", "--is-shallow-repository").decode().splitlines()
    except FileNotFoundError:
        return unavailable("生成网站的电脑上没有安装 git")
    except subprocess.CalledProcessError as error:
        if b"not a git repository" in error.stderr:
            return unavailable("数据文件夹不在 git 仓库里（例如从压缩包解压的副本）")
        return unavailable(f"git 无法读取这个仓库（{_first_line(error.stderr)}）")
    if shallow.strip() == "true":
        return unavailable("仓库是只含最近提交的浅克隆；请用完整克隆生成网站（GitHub Actions 设 fetch-depth: 0）")
    try:
        _git(data_dir, "rev-parse", "--verify", "--quiet", "HEAD")
    except subprocess.CalledProcessError:
        return History(True)  # a new repository without commits: nothing has a history yet
    owners = _Owners(data_dir, Path(top))
    try:
        commits = _commits(data_dir)
        wanted = {
            (sha, path) for _, _, changed in commits for path, sha in changed if owners.get(path) and sha != NO_BLOB
        }
        blobs = _blobs(data_dir, {sha for sha, path in wanted if _version_key(sha, path, owners) not in _VERSIONS})
    except subprocess.CalledProcessError as error:
        return unavailable(f"读取 git 历史出错（{_first_line(error.stderr)}）")
    timelines = _timelines(commits, owners, blobs)
    records = {}
    for key, timeline in sorted(timelines.items()):
        found = record_history(timeline, next(d for d in DATASETS if d.name == key[1]), today)
        if found:
            records[key] = found
    return History(True, records=records)


# --- reading git -------------------------------------------------------------------------------


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """A git command's output; English messages (LC_ALL=C) so that failures can be told apart."""
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args],
        cwd=cwd,
        input=stdin,
        env={**os.environ, "LC_ALL": "C"},
        capture_output=True,
        check=True,
    ).stdout


def _first_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").strip().splitlines()
    return lines[0][:100] if lines else "没有说明"


def _commits(data_dir: Path) -> list[tuple[str, date, list[tuple[str, str]]]]:
    """(commit, day, [(path from the top, new blob)]) for each commit touching the data, oldest first."""
    out = _git(
        data_dir,
        "log",
        "--first-parent",
        "-m",
        "--reverse",
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "-z",
        "--format=%x01%H %ct",
        "--",
        ".",
    )
    commits = []
    for chunk in out.decode("utf-8", errors="replace").split("\x01")[1:]:
        header, _, rest = chunk.partition("\0")
        sha, stamp = header.split()
        parts = rest.lstrip("\n").split("\0")
        changed = [
            (path, meta.split()[3])
            for meta, path in zip(parts[0::2], parts[1::2], strict=False)
            if meta.startswith(":")
        ]
        commits.append((sha, datetime.fromtimestamp(int(stamp), CHINA).date(), changed))
    return commits


def _blobs(data_dir: Path, shas: set[str]) -> dict[str, bytes]:
    """The contents of many blobs from one `git cat-file --batch`."""
    order = sorted(shas)
    out = _git(data_dir, "cat-file", "--batch", stdin="".join(s + "\n" for s in order).encode())
    blobs, position = {}, 0
    for sha in order:
        end = out.index(b"\n", position)
        size = int(out[position:end].split()[2])
        blobs[sha] = out[end + 1 : end + 1 + size]
        position = end + 1 + size + 1
    return blobs


class _Owners:
    """Which (village slug, dataset) a data file belongs to, by its path from the repository top.

    Paths are matched against the datasets' patterns inside each current village folder, so a
    file that no longer exists still counts while its path would belong to a dataset.
    """

    def __init__(self, data_dir: Path, top: Path):
        self.folders = [
            (slug, PurePosixPath(folder.resolve().relative_to(top.resolve()).as_posix()))
            for slug, folder in village_folders(data_dir)
        ]
        self.cache: dict[str, tuple[str, Dataset] | None] = {}

    def get(self, path: str) -> tuple[str, Dataset] | None:
        if path not in self.cache:
            self.cache[path] = self._owner(PurePosixPath(path))
        return self.cache[path]

    def _owner(self, path: PurePosixPath) -> tuple[str, Dataset] | None:
        for slug, folder in self.folders:
            if folder in path.parents:
                inner = path.relative_to(folder)
                for dataset in DATASETS:
                    if "id" not in {f.key for f in fields_of(dataset.record)}:
                        continue  # rows without ids (ledgers, name lists) have no per-record history
                    if any(
                        len(inner.parts) == len(PurePosixPath(p).parts) and inner.match(p) for p in dataset.patterns
                    ):
                        return slug, dataset
        return None


def _timelines(commits, owners, blobs) -> dict[tuple[str, str, str], list[tuple[date, object]]]:
    """Every record's successive versions: (day, record or None when removed), oldest first."""
    files: dict[str, list] = {}
    current: dict[tuple[str, str, str], object] = {}
    timelines = defaultdict(list)
    for _, day, changed in commits:
        touched = set()
        for path, sha in changed:
            owner = owners.get(path)
            if owner is None:
                continue
            slug, dataset = owner
            touched.add((slug, dataset))
            if sha == NO_BLOB:
                files.pop(path, None)
                continue
            records = _version(sha, path, owners, blobs)
            if records is not None:  # a broken version is skipped: its fix shows as one change
                files[path] = records
        for slug, dataset in touched:
            state: dict = {}
            for path, records in files.items():
                if owners.get(path) == (slug, dataset):
                    for record in records:
                        state.setdefault(getattr(record, "id", ""), record)
            keys = {k for k in current if k[:2] == (slug, dataset.name)} | {(slug, dataset.name, i) for i in state}
            for key in keys:
                version = state.get(key[2])
                if version != current.get(key):
                    timelines[key].append((day, version))
                    current[key] = version
    return timelines


_VERSIONS: dict[tuple[str, str, str], list | None] = {}
"""Parsed file versions by (blob, dataset, suffix), kept for the process: `mkdocs serve`
rebuilds parse only the versions committed since the last build."""


def _version_key(sha: str, path: str, owners: _Owners) -> tuple[str, str, str]:
    owner = owners.get(path)
    assert owner is not None, "only files of a dataset are read"
    return sha, owner[1].name, PurePosixPath(path).suffix.lower()


def _version(sha: str, path: str, owners: _Owners, blobs: dict[str, bytes]) -> list | None:
    """The records of one committed file version, or None when that version had problems."""
    key = _version_key(sha, path, owners)
    if key not in _VERSIONS:
        owner = owners.get(path)
        assert owner is not None, "only files of a dataset are read"
        records, problems = parse_file(owner[1], blobs[sha], key[2], path, _PARSE)
        _VERSIONS[key] = None if problems else records
    return _VERSIONS[key]


class _MemoisedParse:
    """`parse_record` remembering each raw record it has seen: most records are the same in
    consecutive versions of a file, only their lines move (and lines do not matter here)."""

    def __init__(self):
        self.seen: dict = {}

    def __call__(self, record: type, raw, file: str, line: int):
        key = (record, _frozen(raw))
        if key not in self.seen:
            self.seen[key] = parse_record(record, raw, file, line)
        return self.seen[key]


_PARSE = _MemoisedParse()


def _frozen(raw):
    """Located raw values as a hashable value, without their lines."""
    if isinstance(raw, Mapping):
        return tuple((k, _frozen(v)) for k, v in raw.items())
    if isinstance(raw, Sequence):
        return ("[", *(_frozen(v) for v in raw))
    return raw


# --- from versions to a history ----------------------------------------------------------------


def record_history(timeline: list[tuple[date, object]], dataset: Dataset, today: date) -> RecordHistory | None:
    """First publication and later changes of one record, from its versions.

    Versions the site would not show (drafts, removed) are skipped, so nothing from before
    publication leaks, and each version is compared as the site shows it on `today`
    (`Dataset.shown_as`: a step dated later is not shown in the history either). Several commits on one day count as one change. A record published on a
    later day than its commit (a 晒诺 date in the future) counts from that day.
    """
    by_day: dict[date, object] = {}
    for day, version in timeline:
        by_day[day] = version
    first, shown, changes = None, None, []
    for day, version in by_day.items():
        if version is None or not dataset.public(version, today):
            continue
        if dataset.shown_as:
            version = dataset.shown_as(version, today)
        if first is None:
            since = dataset.published_on(version) if dataset.published_on else None
            first, shown = max(day, since or day), version
            continue
        found = diff(shown, version) if day > first else ()
        if found:
            changes.append(Change(day, tuple(found)))
        shown = version
    return RecordHistory(first, tuple(changes)) if first else None


def diff(old, new, prefix: str = "") -> list[FieldChange]:
    """Field-by-field differences between two versions of a record (nested groups and lists too)."""
    found = []
    for f in fields_of(type(new)):
        a, b = getattr(old, f.key), getattr(new, f.key)
        if a == b:
            continue
        name = prefix + f.label
        if isinstance(f.kind, ListOf):
            for i in range(max(len(a), len(b))):
                x, y = (a[i] if i < len(a) else None), (b[i] if i < len(b) else None)
                if x is None or y is None:
                    found.append(FieldChange(name, summary(x), summary(y)))
                elif x != y:
                    found += diff(x, y, f"{name}第{i + 1}条的")
        elif isinstance(f.kind, Nested) and a is not None and b is not None:
            found += diff(a, b, f"{name}的")
        elif masks(a, b):
            found.append(FieldChange(name, HIDDEN, b))
        else:
            found.append(
                FieldChange(
                    name,
                    summary(a) if isinstance(f.kind, Nested) else a,
                    summary(b) if isinstance(f.kind, Nested) else b,
                )
            )
    return found


HIDDEN = "（已隐去）"
"""Shown instead of a value that a later version masked: the history must not undo the masking."""


def masks(old, new) -> bool:
    """True when `new` is `old` with characters masked by *, as in 张三明 → 张*明."""
    if not (isinstance(old, str) and isinstance(new, str)) or "*" not in new or "*" in old:
        return False
    kept = [re.escape(part) for part in re.split(r"\*+", new)]
    return re.fullmatch(".+".join(kept), old) is not None


def summary(record) -> str | None:
    """A list item or group in one line: its filled-in values, separated by ，."""
    if record is None:
        return None
    values = [getattr(record, f.key) for f in fields_of(type(record))]
    return "，".join(_plain(v) for v in values if v not in (None, ()) and not isinstance(v, tuple))


def _plain(value) -> str:
    if isinstance(value, date):
        return day_label(value)
    return str(value)
