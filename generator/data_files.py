"""Which files of a village's data folder are read, and what a table's merged cells may stand for.

Nothing in the data folder is ignored silently: a file no dataset reads (a WPS ``.et`` workbook, a
Word file, a CSV saved under a name no dataset uses) is refused by name, and so is one table saved
twice in two formats (``members.csv`` beside ``members.xlsx``), which would count every row twice.
Hidden files and the lock files Excel and LibreOffice leave beside an open workbook are skipped.

A cell merged down over several rows gives its value to each row it covers (`readers.grid`);
that is what a clerk means by one date or one handler for several vouchers, but never by an
amount (it would be counted, or published, once per row), an id or a person's name or number.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .problems import Problem
from .records import Dataset

WORKBOOKS = {".et", ".ett", ".xlsm", ".xlsb", ".xlt", ".xltx", ".numbers", ".gnumeric", ".fods", ".wps", ".txt", ".tsv"}
"""Files a spreadsheet program writes that no reader takes: they must be saved as .xlsx."""


def skipped(path: Path) -> bool:
    """Hidden files, and the lock files of an open workbook (``~$名单.xlsx``, ``.~lock.名单.xlsx#``)."""
    return path.name.startswith((".", "~$")) or path.name.lower().startswith("readme")


def unread_files(folder: Path, root: Path, datasets: list[Dataset]) -> list[Problem]:
    """A problem for every file under `folder` that no dataset reads."""
    if not folder.is_dir():
        return []
    patterns = [PurePosixPath(p) for d in datasets for p in d.patterns]
    problems = []
    for path in sorted(folder.rglob("*")):
        inner = PurePosixPath(path.relative_to(folder).as_posix())
        if not path.is_file() or any(skipped(Path(part)) for part in inner.parts):
            continue
        if any(len(inner.parts) == len(p.parts) and inner.match(str(p)) for p in patterns):
            continue
        if _inside_another_village(folder, inner):
            continue
        near = [str(p) for p in patterns if len(p.parts) == len(inner.parts) and p.parts[:-1] == inner.parts[:-1]]
        problems.append(_unread(_shown(path, root), path.suffix.lower(), near))
    return problems


def _inside_another_village(folder: Path, inner: PurePosixPath) -> bool:
    """A file in a village's own sub-folder of a many-village data folder belongs to that village."""
    top = folder / inner.parts[0]
    return len(inner.parts) > 1 and top.is_dir() and any((top / n).exists() for n in ("village.yml", "village.yaml"))


def _unread(file: str, suffix: str, near: list[str]) -> Problem:
    if suffix in WORKBOOKS:
        hint = "用 WPS 或 Excel 打开它，“另存为”→“Excel 工作簿（*.xlsx）”，再删除这个文件。"
    elif suffix in (".doc", ".docx", ".pdf", ".jpg", ".jpeg", ".png"):
        hint = "公告的附件放在 content/attachments/ 里，在公告的“附件”里写上它的路径；数据文件夹只放数据。"
    else:
        hint = "改成网站读取的文件名，或把它移出 data/ 文件夹。"
    return Problem(
        file,
        summary="网站不读取这个文件，里面的内容不会出现在网站上",
        expected=f"这个文件夹里网站读取的文件：{'、'.join(near)}" if near else "数据文件夹里只放网站读取的文件",
        found=file.rsplit("/", 1)[-1],
        hint=hint,
    )


def saved_twice(dataset: Dataset, paths: list[Path], root: Path) -> list[Problem]:
    """One problem for each table or list saved under the same name in two formats."""
    by_stem: dict[tuple[Path, str], list[Path]] = {}
    for path in paths:
        by_stem.setdefault((path.parent, path.stem), []).append(path)
    problems = []
    for same in by_stem.values():
        if len(same) > 1:
            names = [_shown(p, root) for p in same]
            files = "、".join(n.rsplit("/", 1)[-1] for n in names)
            problems.append(
                Problem(
                    names[0],
                    summary=f"同一份{dataset.title}存成了 {len(same)} 个文件：{files}",
                    expected="只有一个文件",
                    hint="只保留正在用的那个文件，删除其他的；网站会把每个文件都读一遍，同一批记录会算两次。",
                )
            )
    return problems


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
