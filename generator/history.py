"""Change history of every record, read from the git history of the data folder at build time.

A fixed number of git processes per build, whatever the number of files or commits: after two
`git rev-parse` (where is the repository, is it shallow, has it commits), one `git log` lists every
commit (first parent only: what landed on the branch the site is built from) with the blobs of
the data files it changed, one `git cat-file --batch` returns those blobs. Each version of a file
is parsed with the same readers and schemas as the current data; records are matched by id and
compared field by field. Records without ids (ledger rows, name list entries) belong to the page
of another record (`Dataset.part_of`: a month, a list); that record's history also lists the rows
added, removed or altered, paired as the dataset says (by voucher number, by content). Dates are the
commits' dates in China (UTC+8), so the same repository gives the same history on every machine.

History never shows what the current site hides: versions the build would refuse, fields the site
never publishes (`Private`), list items dated after the build date, a record before its publication
day; personal values of name lists are masked with the site's rules in every version, and a value
a later version masked, or a public phone number since replaced, is shown as hidden.

A record's history starts when it was first public: changes made while it was a draft are never
shown. Without a usable history (no git, a downloaded zip, a shallow clone) the build still works
and the pages say why the history is unavailable.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path, PurePosixPath

import yaml

from .build_date import CHINA
from .datasets import DATASETS
from .kinds import ListOf, Nested, Phone, Reference, fields_of, mask_record, yuan
from .model import village_folders
from .periods import day_label
from .readers import Mapping, Sequence
from .records import Dataset, Part, parse_file
from .schema import label, parse_record, public_fields
from .settings import Settings

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
class RowChange:
    """One row of a record's page (a ledger row, a list entry) added, removed or altered."""

    label: str
    """收支明细 for a row added or removed; 凭证号 记-02 for a row altered."""
    old: str | None
    """The row as published before, in one line; None when added."""
    new: str | None
    """The row as published now, in one line; None when removed."""
    fields: tuple[FieldChange, ...] = ()
    """What changed in a row altered."""

    @property
    def rewrite(self) -> bool:
        return self.old is not None


@dataclass(frozen=True)
class Change:
    """What changed in a record on one day: its own fields, and the rows its page shows."""

    day: date
    fields: tuple[FieldChange, ...]
    rows: tuple[RowChange, ...] = ()

    @property
    def rewrite(self) -> bool:
        return any(f.rewrite for f in self.fields) or any(r.rewrite for r in self.rows)


@dataclass(frozen=True)
class RecordHistory:
    """When a record was first public on the site, and each later change, oldest first."""

    first: date
    changes: tuple[Change, ...] = ()
    matching: str = ""
    """How the rows of its page are paired across versions (`Part.matching`), when it has rows."""

    @property
    def rewritten(self) -> bool:
        """True when something already published was changed or removed after publication."""
        return any(c.rewrite for c in self.changes)

    def rewritten_since(self, day: date) -> bool:
        """True when something already published was changed or removed on or after `day` (a 公示's start)."""
        return any(c.rewrite for c in self.changes if c.day >= day)


@dataclass
class History:
    """The history of every record of a build, or why there is none."""

    available: bool
    reason: str = ""
    """Why the history is unavailable, in Chinese (empty when available)."""
    records: dict[tuple[str, str, str], RecordHistory] = field(default_factory=dict)
    """By (village slug, dataset name, record id); single-record datasets use id ''."""

    def of(self, slug: str, dataset: str, record_id: object) -> RecordHistory | None:
        """A record's history; None when it was never committed while public."""
        return self.records.get((slug, dataset, str(record_id)))


def unavailable(reason: str) -> History:
    return History(False, reason)


def collect(data_dir: Path, today: date, settings: Settings | None = None) -> History:
    """The history of every record under `data_dir`, from the repository that holds it.

    `settings` give the masking rules applied to every version (the site's, by default).
    """
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
    owners = _Owners(data_dir, Path(top), (settings or Settings()).masking)
    profiles = _profiles(data_dir, Path(top))
    try:
        commits = _commits(data_dir)
        wanted = {
            (sha, path) for _, _, changed in commits for path, sha in changed if owners.get(path) and sha != NO_BLOB
        }
        named = {sha for _, _, changed in commits for path, sha in changed if path in profiles and sha != NO_BLOB}
        blobs = _blobs(
            data_dir, {sha for sha, path in wanted if _version_key(sha, path, owners) not in _VERSIONS} | named
        )
    except subprocess.CalledProcessError as error:
        return unavailable(f"读取 git 历史出错（{_first_line(error.stderr)}）")
    commits = _from_own_start(commits, owners, profiles, blobs)
    timelines = _timelines(commits, owners, blobs)
    records = {}
    for key, timeline in sorted(timelines.items()):
        found = record_history(timeline, _DATASET[key[1]], today, _PARTS.get(key[1]))
        if found:
            records[key] = found
    return History(True, records=records)


_DATASET = {d.name: d for d in DATASETS}
_PARTS = {d.part_of.dataset: d for d in DATASETS if d.part_of}
"""The dataset whose records are rows of another dataset's record pages, by that dataset's name."""


def identified(dataset: Dataset) -> bool:
    """True when each record of the dataset has a page of its own: one record per file, or an id."""
    return dataset.single or any(f.key == "id" for f in fields_of(dataset.record)) or hasattr(dataset.record, "id")


def has_history(dataset: Dataset) -> bool:
    """True when the dataset's records have a history: records with pages, or rows of one."""
    return not dataset.in_content and (identified(dataset) or dataset.part_of is not None)


def _family(dataset: Dataset) -> Dataset:
    """The dataset whose record pages show these records: its own, or the one it is part of."""
    return _DATASET[dataset.part_of.dataset] if dataset.part_of else dataset


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


def _profiles(data_dir: Path, top: Path) -> dict[str, tuple[str, object]]:
    """Each village's profile file, by its path from the repository top: (village slug, the
    village's name as the profile now says it; None when it cannot be read)."""
    found = {}
    for slug, folder in village_folders(data_dir):
        for name in ("village.yml", "village.yaml"):
            path = folder / name
            if path.is_file():
                found[path.resolve().relative_to(top.resolve()).as_posix()] = (slug, _village_name(path.read_bytes()))
    return found


def _village_name(data: bytes) -> object:
    """The ``name`` of a profile version, read leniently (a broken version names nobody)."""
    try:
        profile = yaml.safe_load(data.decode("utf-8-sig"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    return profile.get("name") if isinstance(profile, dict) else None


def _from_own_start(commits, owners, profiles, blobs):
    """The commits as each village's own history sees them: from the commit where its profile
    took the name it has now, so a repository copied from another village (the demo) and then
    filled with this village's data never shows the other village's records as this one's
    history. The starting commit carries the village's files as they were then.
    """
    starts: dict[str, int] = {}
    for index, (_, _, changed) in enumerate(commits):
        for path, sha in changed:
            if path in profiles:
                slug, name = profiles[path]
                was = _village_name(blobs[sha]) if sha != NO_BLOB else None
                if name is None or was != name:
                    starts[slug] = len(commits)  # another village (or none): nothing of it counts
                elif starts.get(slug) == len(commits):
                    starts[slug] = index
    if not starts:
        return commits
    latest: dict[str, str] = {}
    result = []
    for index, (sha, day, changed) in enumerate(commits):
        for path, blob in changed:
            latest[path] = blob
        kept = [(p, b) for p, b in changed if not owners.get(p) or index >= starts.get(owners.get(p)[0], 0)]
        for slug in [slug for slug, start in starts.items() if start == index]:
            carried = {p for p, _ in kept}
            kept += [
                (p, b)
                for p, b in sorted(latest.items())
                if p not in carried and b != NO_BLOB and owners.get(p) and owners.get(p)[0] == slug
            ]
        result.append((sha, day, kept))
    return result


class _Owners:
    """Which (village slug, dataset) a data file belongs to, by its path from the repository top.

    Paths are matched against the datasets' patterns inside each current village folder, so a
    file that no longer exists still counts while its path would belong to a dataset.
    """

    def __init__(self, data_dir: Path, top: Path, masking: dict):
        self.masking = tuple(sorted(masking.items()))
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
                    if not has_history(dataset):
                        continue  # rows no page shows one by one (points, training hours)
                    if any(
                        len(inner.parts) == len(PurePosixPath(p).parts) and inner.match(p) for p in dataset.patterns
                    ):
                        return slug, dataset
        return None


def _timelines(commits, owners, blobs) -> dict[tuple[str, str, str], list[tuple[date, tuple]]]:
    """Every record's successive versions: (day, (record or None when removed, rows its page shows)),
    oldest first. Rows (`Dataset.part_of`) are in file and line order."""
    files: dict[str, list] = {}
    current: dict[tuple[str, str, str], tuple] = {}
    timelines = defaultdict(list)
    for _, day, changed in commits:
        touched = set()
        for path, sha in changed:
            owner = owners.get(path)
            if owner is None:
                continue
            slug, dataset = owner
            touched.add((slug, _family(dataset).name))
            if sha == NO_BLOB:
                files.pop(path, None)
                continue
            records = _version(sha, path, owners, blobs)
            if records is not None:  # a broken version is skipped: its fix shows as one change
                files[path] = records
        for slug, family in sorted(touched):
            state: dict[str, object] = {}
            rows: dict[str, list] = defaultdict(list)
            for path in sorted(files):
                owner_slug, dataset = owners.get(path)
                if owner_slug != slug:
                    continue
                if dataset.name == family:
                    for record in files[path]:
                        state.setdefault(_key(record), record)
                elif dataset.part_of and dataset.part_of.dataset == family:
                    for record in files[path]:
                        rows[dataset.part_of.owner(record)].append(record)
            keys = {k for k in current if k[:2] == (slug, family)} | {(slug, family, i) for i in state}
            for key in keys:
                version = (state.get(key[2]), tuple(rows.get(key[2], ())))
                if version != current.get(key):
                    timelines[key].append((day, version))
                    current[key] = version
    return timelines


def _key(record) -> str:
    """A record's key in the history: its id, or '' for a dataset of one record per file."""
    return str(getattr(record, "id", ""))


_VERSIONS: dict[tuple, list | None] = {}
"""Parsed file versions by (blob, dataset, suffix, masking rules), kept for the process: `mkdocs
serve` rebuilds parse only the versions committed since the last build."""


def _version_key(sha: str, path: str, owners: _Owners) -> tuple:
    owner = owners.get(path)
    assert owner is not None, "only files of a dataset are read"
    return sha, owner[1].name, PurePosixPath(path).suffix.lower(), owners.masking


def _version(sha: str, path: str, owners: _Owners, blobs: dict[str, bytes]) -> list | None:
    """The records of one committed file version as the site shows them (masked), or None when
    that version had problems: the build refuses it, so it was never published."""
    key = _version_key(sha, path, owners)
    if key not in _VERSIONS:
        owner = owners.get(path)
        assert owner is not None, "only files of a dataset are read"
        records, problems = parse_file(owner[1], blobs[sha], key[2], path, _PARSE)
        rules = dict(owners.masking)
        _VERSIONS[key] = None if problems else [mask_record(r, rules) for r in records]
    return _VERSIONS[key]


class _MemoisedParse:
    """`parse_record` and the record's own `check`, remembering each raw record it has seen: most
    records are the same in consecutive versions of a file, only their lines move (and lines do
    not matter here)."""

    def __init__(self):
        self.seen: dict = {}

    def __call__(self, record: type, raw, file: str, line: int):
        key = (record, _frozen(raw))
        if key not in self.seen:
            parsed, problems = parse_record(record, raw, file, line)
            if parsed is not None and hasattr(parsed, "check"):
                problems = [*problems, *parsed.check()]
            self.seen[key] = parsed, problems
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


def record_history(
    timeline: list[tuple[date, tuple]], dataset: Dataset, today: date, rows: Dataset | None = None
) -> RecordHistory | None:
    """First publication and later changes of one record, from its versions.

    Versions the site would not show (drafts, removed) are skipped, so nothing from before
    publication leaks, and each version is compared as the site shows it on `today`
    (`Dataset.shown_as`: a step dated later is not shown in the history either). Several commits
    on one day count as one change. A record published on a later day than its commit (a 晒诺 date
    in the future) counts from that day. `rows` is the dataset whose records are rows of this
    record's page (`Dataset.part_of`): rows added, removed or altered are changes too.
    """
    by_day: dict[date, tuple] = {}
    for day, version in timeline:
        by_day[day] = version
    part = rows.part_of if rows else None
    first: date | None = None
    shown: tuple = (None, ())
    changes = []
    for day, (record, parts) in by_day.items():
        if record is None or not dataset.public(record, today):
            continue
        record = dataset.shown_as(record, today) if dataset.shown_as else as_of(record, today)
        if first is None:
            since = published_on(dataset, record)
            first, shown = max(day, since or day), (record, parts)
            continue
        if day > first:
            found = diff(shown[0], record)
            moved = diff_rows(shown[1], parts, part, rows.record) if rows and part else []
            if found or moved:
                changes.append(Change(day, tuple(found), tuple(moved)))
        shown = (record, parts)
    if first is None:
        return None
    return RecordHistory(first, tuple(changes), part.matching if part else "")


def published_on(dataset: Dataset, record) -> date | None:
    """The day a record's 公示 begins: the dataset's rule, or the record's `published` date."""
    if dataset.published_on:
        return dataset.published_on(record)
    published = getattr(record, "published", None)
    return published if isinstance(published, date) else None


def as_of(record, today: date):
    """The record as its page shows it on `today`: items of its lists dated later are left out
    (a decision's steps, a project's progress, a mentoring pair's entries)."""
    changes = {}
    for f in fields_of(type(record)):
        if isinstance(f.kind, ListOf):
            items = getattr(record, f.key)
            kept = tuple(i for i in items if not isinstance(getattr(i, "date", None), date) or i.date <= today)
            if len(kept) != len(items):
                changes[f.key] = kept
    return dataclasses.replace(record, **changes) if changes else record


def diff(old, new, prefix: str = "") -> list[FieldChange]:
    """Field-by-field differences between two versions of a record (nested groups and lists too),
    over the fields the site publishes."""
    found = []
    for f in public_fields(type(new)):
        a, b = getattr(old, f.key), getattr(new, f.key)
        if a == b:
            continue
        name = prefix + f.label
        if isinstance(f.kind, ListOf):
            for i in range(max(len(a), len(b))):
                x, y = (a[i] if i < len(a) else None), (b[i] if i < len(b) else None)
                if x is None or y is None:
                    found.append(FieldChange(name, summary(x, old=True), summary(y)))
                elif x != y:
                    found += diff(x, y, f"{name}第{i + 1}条的")
        elif isinstance(f.kind, Nested) and a is not None and b is not None:
            found += diff(a, b, f"{name}的")
        elif isinstance(f.kind, Nested):
            found.append(FieldChange(name, summary(a, old=True), summary(b)))
        elif (isinstance(f.kind, Phone) and a is not None) or masks(a, b):
            found.append(FieldChange(name, HIDDEN, _value(b)))
        elif isinstance(a, str) and isinstance(b, str) and ("\n\n" in a or "\n\n" in b):
            found += _paragraphs(name, a, b)
        else:
            found.append(FieldChange(name, _value(a), _value(b)))
    return found


HIDDEN = "（已隐去）"
"""Shown instead of a value that a later version masked, or a public phone number since replaced:
the history must not undo the masking, nor keep publishing a number the village took down."""


def masks(old, new) -> bool:
    """True when `new` is `old` with characters masked by *, as in 张三明 → 张*明."""
    if not (isinstance(old, str) and isinstance(new, str)) or "*" not in new or "*" in old:
        return False
    kept = [re.escape(part) for part in re.split(r"\*+", new)]
    return re.fullmatch(".+".join(kept), old) is not None


def _paragraphs(name: str, old: str, new: str) -> list[FieldChange]:
    """A long text's changes paragraph by paragraph (正文第2段 由 … 改为 …), not the whole text twice."""
    a, b = old.split("\n\n"), new.split("\n\n")
    found = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            found += [FieldChange(f"{name}第{j1 + k + 1}段", a[i1 + k], b[j1 + k]) for k in range(i2 - i1)]
            continue
        found += [FieldChange(f"{name}原第{i + 1}段", a[i], None) for i in range(i1, i2)]
        found += [FieldChange(f"{name}第{j + 1}段", None, b[j]) for j in range(j1, j2)]
    return found


def diff_rows(old: tuple, new: tuple, part: Part, record: type) -> list[RowChange]:
    """Rows added, removed or altered between two versions of a page's rows.

    Rows with the same published content are the same row. Of the others, a removed row and an
    added row with the same `part.key` (voucher number) are one row altered, paired in order;
    the rest are removed or added.
    """
    removed, added = _unmatched(old, new), _unmatched(new, old)
    changes = []
    key = part.key or ""
    for row in removed:
        twin = next((r for r in added if getattr(r, key) == getattr(row, key)), None) if key else None
        if twin is None:
            changes.append(RowChange(part.label, row_text(row, part, old=True), None))
            continue
        added.remove(twin)
        found = diff(row, twin)
        changes.append(
            RowChange(
                f"{label(record, key)} {getattr(row, key)}",
                row_text(row, part, old=True),
                row_text(twin, part),
                tuple(f for f in found if f.label != label(record, key)),
            )
        )
    changes += [RowChange(part.label, None, row_text(row, part)) for row in added]
    return changes


def _unmatched(rows: tuple, others: tuple) -> list:
    """The rows of `rows` with no row of the same published content in `others` (counted, in order)."""
    pool = Counter(_content(r) for r in others)
    left = []
    for row in rows:
        content = _content(row)
        if pool[content]:
            pool[content] -= 1
        else:
            left.append(row)
    return left


def _content(row) -> tuple:
    return tuple(getattr(row, f.key) for f in public_fields(type(row)))


def row_text(row, part: Part, old: bool = False) -> str:
    """A row in one line with its labels (日期 2026年3月5日，凭证号 记-02，…，支出 200.50), leaving
    out the reference to the page's own record."""
    shown = []
    for f in public_fields(type(row)):
        value = getattr(row, f.key)
        if value in (None, "", ()) or (isinstance(f.kind, Reference) and part.dataset in f.kind.targets):
            continue
        shown.append(f"{f.label} {HIDDEN if old and isinstance(f.kind, Phone) else _plain(value)}")
    return "，".join(shown)


def summary(record, old: bool = False) -> str | None:
    """A list item or group in one line: its filled-in values, separated by ，. `old`: a version
    no longer published, whose phone numbers are left out."""
    if record is None:
        return None
    values = [getattr(record, f.key) for f in public_fields(type(record)) if not (old and isinstance(f.kind, Phone))]
    return "，".join(_plain(v) for v in values if v not in (None, ()) and not isinstance(v, tuple))


def _value(value):
    """A field's value as the history shows it: amounts as on the pages (1,000.00)."""
    return yuan(value) if isinstance(value, Decimal) else value


def _plain(value) -> str:
    if isinstance(value, date):
        return day_label(value)
    if isinstance(value, Decimal):
        return yuan(value)
    return str(value)
