"""Safe publishing: a build writes into a staging folder next to ``site/`` and replaces it only
when everything succeeded, so a failed or interrupted build leaves the previous site as it was.

The staging folder is a sibling of the site folder (same file system), so publishing is two
renames: the old site to a backup name, the new one into place; then the backup is removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING = ".{name}.building-"
BACKUP = ".{name}.previous-"


def staging_dir(site_dir: Path) -> Path:
    """A new, empty staging folder beside `site_dir`; stale ones from killed builds are removed."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for stale in site_dir.parent.glob(STAGING.format(name=site_dir.name) + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    restore_backup(site_dir)
    staging = Path(tempfile.mkdtemp(prefix=STAGING.format(name=site_dir.name), dir=site_dir.parent))
    staging.chmod(folder_mode())  # mkdtemp makes it 0700: a web server running as another user could not read it
    return staging


def folder_mode() -> int:
    """The mode a new folder gets from the umask (0755 under the usual 022), as `mkdir` gives it."""
    return 0o777 & ~_umask()


def file_mode() -> int:
    """The mode a new file gets from the umask (0644 under the usual 022)."""
    return 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; it is put back at once
    os.umask(mask)
    return mask


def publish(staging: Path, site_dir: Path) -> None:
    """Put `staging` in the place of `site_dir`."""
    site_dir = site_dir.resolve()
    backup = Path(tempfile.mkdtemp(prefix=BACKUP.format(name=site_dir.name), dir=site_dir.parent))
    try:
        if site_dir.exists():
            os.replace(site_dir, backup / site_dir.name)
    except OSError:  # site/ is a mount point or in use: it cannot be renamed away
        shutil.rmtree(backup, ignore_errors=True)
        return _replace_contents(staging, site_dir)
    os.replace(staging, site_dir)
    shutil.rmtree(backup, ignore_errors=True)


def _replace_contents(staging: Path, site_dir: Path) -> None:
    """The fallback for a site folder that cannot be renamed: empty it, then move the new files in.

    Not atomic, but it still happens only after the whole build succeeded.
    """
    for child in site_dir.iterdir():
        shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
    for child in staging.iterdir():
        shutil.move(str(child), str(site_dir / child.name))
    shutil.rmtree(staging, ignore_errors=True)


def discard(staging: Path | None) -> None:
    """Remove a staging folder after a failed build."""
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)


def restore_backup(site_dir: Path) -> None:
    """If a build was killed between its two renames, put the previous site back."""
    for backup in sorted(site_dir.parent.glob(BACKUP.format(name=site_dir.name) + "*")):
        kept = backup / site_dir.name
        if kept.exists() and not site_dir.exists():
            os.replace(kept, site_dir)
        shutil.rmtree(backup, ignore_errors=True)
