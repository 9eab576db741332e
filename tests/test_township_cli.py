"""`cunwu build` and `cunwu assemble`: a township's villages built on several machines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import ROOT

from generator import township_build
from generator.cli import main


@pytest.fixture
def township(tmp_path: Path, monkeypatch) -> Path:
    """A project whose data/ holds two village folders (their contents do not matter here)."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", tmp_path / "site_overrides")
    (tmp_path / "content").mkdir()
    for slug in ("baishi", "qinghe"):
        (tmp_path / "data" / slug).mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_build_names_an_unknown_village_and_the_known_ones(township, capsys):
    assert main(["build", "--village", "hongling"]) == 1
    assert capsys.readouterr().err == "没有这个村的文件夹：hongling。data 里有：baishi、qinghe。\n"


def test_build_refuses_a_shard_outside_its_count(township, capsys):
    assert main(["build", "--shard", "3/2"]) == 1
    assert capsys.readouterr().err == "--shard 应写成 K/N（1 ≤ K ≤ N），如 2/4；现在是 3/2。\n"


def test_build_says_a_single_village_needs_no_township_build(village, monkeypatch, capsys):
    shutil.copy(ROOT / "mkdocs.yml", village / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", village / "site_overrides")
    (village / "content").mkdir()
    monkeypatch.chdir(village)
    assert main(["build", "--village", "x"]) == 1
    assert capsys.readouterr().err == (
        "data 不是乡镇的数据文件夹（每个村一个子文件夹）；一个村的网站请直接运行 mkdocs build。\n"
    )


def test_shards_cover_every_village_once():
    slugs = [f"v{i:02d}" for i in range(11)]
    parts = [township_build.shard(slugs, f"{k}/4") for k in range(1, 5)]
    assert sorted(s for part in parts for s in part) == slugs
    assert parts[0] == ["v00", "v04", "v08"]


def test_assemble_moves_parts_into_the_cache_replacing_older_outputs(township, capsys):
    cache = township / township_build.CACHE
    (cache / "qinghe").mkdir(parents=True)
    (cache / "qinghe" / "old.html").write_text("old")
    (cache / "qinghe.inputs").write_text("old-key")
    for runner, slug in (("runner-1", "qinghe"), ("runner-2", "baishi")):
        part = township / "parts" / runner
        (part / slug).mkdir(parents=True)
        (part / slug / "index.html").write_text(slug)
        (part / f"{slug}.inputs").write_text(f"key-{slug}")
        (part / f"{slug}.words").write_text(f"words-{slug}")
    (township / "parts" / "runner-3" / "hongling").mkdir(parents=True)  # a part from an older version, without words
    (township / "parts" / "runner-3" / "hongling.inputs").write_text("key-hongling")
    assert main(["assemble", "parts"]) == 0
    assert capsys.readouterr().out.startswith("收下 2 个村（qinghe、baishi）。")
    assert sorted(p.name for p in (cache / "qinghe").iterdir()) == ["index.html"]
    assert (cache / "qinghe.inputs").read_text() == "key-qinghe"
    assert (cache / "qinghe.words").read_text() == "words-qinghe"
    assert (cache / "baishi" / "index.html").read_text() == "baishi"
    assert not (cache / "hongling").exists()
