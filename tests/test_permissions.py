"""Built and published files are readable by a web server running as another user: their modes
come from the umask, as `mkdir` and `mkdocs build` give them, never from a private temporary folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import publish, staging


@pytest.fixture
def umask():
    """Set the process umask for one test, then put the previous one back."""
    previous = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(previous)


def modes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): stat.S_IMODE(p.stat().st_mode) for p in [folder, *folder.rglob("*")]}


@pytest.mark.parametrize(("mask", "folder_mode"), [(0o022, 0o755), (0o027, 0o750), (0o002, 0o775)])
def test_the_staging_folder_follows_the_umask(tmp_path, umask, mask, folder_mode):
    umask(mask)
    building = staging.staging_dir(tmp_path / "site")
    assert stat.S_IMODE(building.stat().st_mode) == folder_mode
    (building / "index.html").write_text("<h1>新</h1>", encoding="utf-8")
    staging.publish(building, tmp_path / "site")
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == folder_mode


def test_a_published_release_is_world_readable_even_from_a_private_site_folder(tmp_path, umask):
    umask(0o022)
    site = tmp_path / "site"
    (site / "members").mkdir(parents=True)
    (site / "index.html").write_text("<h1>首页</h1>", encoding="utf-8")
    (site / "members" / "M001.html").write_text("<h1>甲一</h1>", encoding="utf-8")
    for path in (site / "index.html", site / "members" / "M001.html"):
        path.chmod(0o600)
    for folder in (site / "members", site):
        folder.chmod(0o700)  # as a build made before the staging folder followed the umask
    release = publish.publish(site, tmp_path / "www")
    assert modes(release) == {".": 0o755, "index.html": 0o644, "members": 0o755, "members/M001.html": 0o644}
