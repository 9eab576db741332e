"""`cunwu publish <folder>`: put a built site in place atomically, keeping earlier versions.

Layout of the published folder (point the web server's root at ``<folder>/current``)::

    <folder>/current -> .releases/20261127-081500     a symbolic link, switched atomically
    <folder>/.releases/20261127-081500/               one complete copy of site/ per publication

A new version is copied into ``.releases/<stamp>.partial`` and renamed when complete; only then
does ``current`` switch to it, by renaming a new link over the old one (atomic on POSIX file
systems). A copy that fails or is interrupted leaves ``current`` untouched. `rollback` points
``current`` at the release before it. The newest `KEEP` releases (and the current one) are kept.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime, timezone
from pathlib import Path

from .staging import file_mode, folder_mode

RELEASES = ".releases"
CURRENT = "current"
PARTIAL = ".partial"
KEEP = 3

_copy_file = shutil.copy2
"""Copies one file (a seam for the test that interrupts a copy half-way)."""


class PublishError(Exception):
    """A publication that did not happen, with a Chinese message; the served version is unchanged."""


def publish(site_dir: Path, folder: Path, keep: int = KEEP, now: datetime | None = None) -> Path:
    """Copy `site_dir` into a new release under `folder`, then switch ``current`` to it."""
    if not (site_dir / "index.html").is_file():
        raise PublishError(f"{site_dir} 里没有 index.html：请先运行 mkdocs build 生成网站，再发布。")
    _check_current(folder)
    releases = folder / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    _remove_partials(releases)
    release = _new_release(releases, now or datetime.now(timezone.utc))
    partial = release.with_name(release.name + PARTIAL)
    try:
        shutil.copytree(site_dir, partial, copy_function=_copy_file, symlinks=False)
        _make_readable(partial)
    except Exception as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise PublishError(
            f"复制网站文件时出错（{type(error).__name__}: {error}），没有发布；网站仍是原来的版本。"
        ) from None
    partial.rename(release)
    _point_current(folder, release)
    _prune(releases, keep, release)
    return release


def _make_readable(release: Path) -> None:
    """Modes from the umask, not from site/ (a site built by an older version was 0700): the web
    server usually runs as another user (Debian's www-data) and must read every file."""
    release.chmod(folder_mode())
    for folder, names, files in os.walk(release):
        for name in names:
            (Path(folder) / name).chmod(folder_mode())
        for name in files:
            (Path(folder) / name).chmod(file_mode())


def rollback(folder: Path) -> Path:
    """Point ``current`` at the release published before the current one."""
    _check_current(folder)
    releases = list_releases(folder)
    now = current(folder)
    earlier = [r for r in releases if now is None or r.name < now.name]
    if not earlier:
        raise PublishError(f"{folder} 里没有比当前更早的版本，无法回退。")
    _point_current(folder, earlier[-1])
    return earlier[-1]


def list_releases(folder: Path) -> list[Path]:
    """Complete releases, oldest first."""
    releases = folder / RELEASES
    if not releases.is_dir():
        return []
    return sorted((p for p in releases.iterdir() if p.is_dir() and not p.name.endswith(PARTIAL)), key=lambda p: p.name)


def current(folder: Path) -> Path | None:
    """The release ``current`` points at, or None before the first publication."""
    link = folder / CURRENT
    return (folder / os.readlink(link)) if link.is_symlink() else None


def _check_current(folder: Path) -> None:
    link = folder / CURRENT
    if link.exists() and not link.is_symlink():
        raise PublishError(
            f"{link} 是普通文件夹，不是发布用的链接。请把它移走，并把网站服务器的根目录设为 {link}；"
            "cunwu publish 会在那里建立指向最新版本的链接。"
        )


def _new_release(releases: Path, now: datetime) -> Path:
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%d-%H%M%S")
    release, n = releases / stamp, 1
    while release.exists() or release.with_name(release.name + PARTIAL).exists():
        n += 1
        release = releases / f"{stamp}-{n}"
    return release


def _point_current(folder: Path, release: Path) -> None:
    """Switch ``current`` to `release` with one rename: a reader sees the old or the new version."""
    temporary = folder / f".{CURRENT}-{os.getpid()}.tmp"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(release.relative_to(folder), temporary, target_is_directory=True)
    os.replace(temporary, folder / CURRENT)


def _remove_partials(releases: Path) -> None:
    """Leftovers of a copy that was killed half-way (they were never served)."""
    for stale in releases.glob("*" + PARTIAL):
        shutil.rmtree(stale, ignore_errors=True)


def _prune(releases: Path, keep: int, served: Path) -> None:
    complete = sorted(
        (p for p in releases.iterdir() if p.is_dir() and not p.name.endswith(PARTIAL)), key=lambda p: p.name
    )
    for old in complete[:-keep] if keep > 0 else complete:
        if old != served:
            shutil.rmtree(old)
