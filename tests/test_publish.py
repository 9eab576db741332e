"""`cunwu publish`: atomic switch to a complete copy, the previous version kept for rollback."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator import publish as pub
from generator.cli import main


def built_site(root: Path, version: str, pages: int = 20) -> Path:
    site = root / f"site-{version}"
    (site / "pledges").mkdir(parents=True)
    (site / "index.html").write_text(f"<h1>{version}</h1>", encoding="utf-8")
    for n in range(pages):
        (site / "pledges" / f"{n:03d}.html").write_text(f"{version} {n}", encoding="utf-8")
    return site


def at(minute: int) -> datetime:
    return datetime(2026, 11, 27, 8, minute, tzinfo=timezone.utc)


def served(folder: Path, name: str = "index.html") -> str:
    return (folder / "current" / name).read_text(encoding="utf-8")


def test_publish_switches_current_to_a_complete_copy(tmp_path):
    folder = tmp_path / "www"
    release = pub.publish(built_site(tmp_path, "v1"), folder, now=at(0))
    assert (folder / "current").is_symlink() and release.name == "20261127-080000"
    assert served(folder) == "<h1>v1</h1>" and served(folder, "pledges/019.html") == "v1 19"
    pub.publish(built_site(tmp_path, "v2"), folder, now=at(1))
    assert served(folder) == "<h1>v2</h1>"
    assert [r.name for r in pub.list_releases(folder)] == ["20261127-080000", "20261127-080100"]


def test_an_interrupted_copy_leaves_the_previous_version_served(tmp_path, monkeypatch):
    folder = tmp_path / "www"
    pub.publish(built_site(tmp_path, "v1"), folder, now=at(0))
    copied = []

    def failing_copy(source, target, **kwargs):
        if len(copied) == 7:
            raise OSError(28, "No space left on device")
        copied.append(source)
        return pub.shutil.copy2(source, target, **kwargs)

    monkeypatch.setattr(pub, "_copy_file", failing_copy)
    with pytest.raises(pub.PublishError, match="没有发布；网站仍是原来的版本"):
        pub.publish(built_site(tmp_path, "v2"), folder, now=at(1))
    assert len(copied) == 7
    assert served(folder) == "<h1>v1</h1>" and served(folder, "pledges/005.html") == "v1 5"
    assert [p.name for p in (folder / ".releases").iterdir()] == ["20261127-080000"]


def test_a_killed_copy_is_never_served_and_is_cleaned_up_next_time(tmp_path):
    folder = tmp_path / "www"
    pub.publish(built_site(tmp_path, "v1"), folder, now=at(0))
    stale = folder / ".releases" / "20261127-080100.partial"
    (stale / "pledges").mkdir(parents=True)
    (stale / "index.html").write_text("half", encoding="utf-8")
    assert served(folder) == "<h1>v1</h1>"
    assert [r.name for r in pub.list_releases(folder)] == ["20261127-080000"]
    pub.publish(built_site(tmp_path, "v2"), folder, now=at(2))
    assert not stale.exists() and served(folder) == "<h1>v2</h1>"


def test_rollback_and_old_releases_are_pruned(tmp_path):
    folder = tmp_path / "www"
    for minute, version in enumerate(["v1", "v2", "v3", "v4"]):
        pub.publish(built_site(tmp_path, version), folder, keep=3, now=at(minute))
    assert [r.name[-4:] for r in pub.list_releases(folder)] == ["0100", "0200", "0300"]
    assert pub.rollback(folder).name == "20261127-080200" and served(folder) == "<h1>v3</h1>"
    assert pub.rollback(folder).name == "20261127-080100" and served(folder) == "<h1>v2</h1>"
    with pytest.raises(pub.PublishError, match="没有比当前更早的版本"):
        pub.rollback(folder)


def test_same_second_publications_get_distinct_releases(tmp_path):
    folder = tmp_path / "www"
    first = pub.publish(built_site(tmp_path, "v1"), folder, now=at(0))
    second = pub.publish(built_site(tmp_path, "v2"), folder, now=at(0))
    assert first != second and served(folder) == "<h1>v2</h1>"


def test_cli_publishes_refuses_a_missing_build_and_rolls_back(tmp_path, capsys):
    folder = tmp_path / "www"
    assert main(["publish", str(folder), "--site", str(built_site(tmp_path, "v1"))]) == 0
    assert main(["publish", str(folder), "--site", str(built_site(tmp_path, "v2"))]) == 0
    assert "已发布版本" in capsys.readouterr().out and served(folder) == "<h1>v2</h1>"
    assert main(["publish", str(folder), "--site", str(tmp_path / "nothing")]) == 1
    assert "里没有 index.html：请先运行 mkdocs build 生成网站，再发布。" in capsys.readouterr().err
    assert main(["publish", str(folder), "--rollback"]) == 0
    assert "已退回到版本" in capsys.readouterr().out and served(folder) == "<h1>v1</h1>"


def test_a_real_folder_named_current_is_not_replaced(tmp_path):
    folder = tmp_path / "www"
    (folder / "current").mkdir(parents=True)
    (folder / "current" / "index.html").write_text("old site", encoding="utf-8")
    with pytest.raises(pub.PublishError, match="是普通文件夹"):
        pub.publish(built_site(tmp_path, "v1"), folder)
    assert (folder / "current" / "index.html").read_text(encoding="utf-8") == "old site"
