"""A township made from the demo village: the demo's data and pages copied into one folder per
village, each with its own name and a notice no other village has."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator.township_search import shard_of

ROOT = Path(__file__).resolve().parents[2]
DEMO_NAME = "青禾"
TEXT = {".yml", ".yaml", ".csv", ".md"}

VILLAGES = {
    "qinghe": ("青禾", "修缮老祠堂门前的石板古道"),
    "baishi": ("白石", "疏浚白石溪下游的灌溉水渠"),
    "hongling": ("红岭", "扩建红岭小学旁边的儿童游乐场"),
}
"""slug: (name without 村, the project of a notice only this village publishes)."""


def make_township(root: Path, villages: dict[str, tuple[str, str]] = VILLAGES, git: bool = True) -> Path:
    """Write a township project into `root` (mkdocs.yml, site_overrides/, data/<slug>/, content/<slug>/)."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "site_overrides", root / "site_overrides")
    for slug, (name, project) in villages.items():
        write_village(root, slug, name, project)
    (root / "data" / "township.yml").write_text(township_yml(villages), encoding="utf-8")
    if git:
        commit(root, "township")
    return root


def township_yml(villages: dict[str, tuple[str, str]]) -> str:
    """The township profile listing `villages` in the order given."""
    listed = "".join(f"  - folder: {slug}\n" for slug in villages)
    return (
        "name: 试验镇\ncounty: 试验县\n"
        "contact:\n  name: 试验镇党政办\n  phone: 0794-6000100\n"
        "complaints:\n  name: 试验镇纪委\n  phone: 0794-6000101\n"
        f"villages:\n{listed}"
    )


def write_village(root: Path, slug: str, name: str, project: str) -> None:
    """The demo village as `slug`: its name replaced everywhere, and one notice of its own."""
    for source, target in ((ROOT / "data", root / "data" / slug), (ROOT / "content", root / "content" / slug)):
        shutil.copytree(source, target)
        for path in target.rglob("*"):
            if path.is_file() and path.suffix in TEXT:
                data = path.read_bytes()
                encoding = "utf-8" if data.startswith(b"\xef\xbb\xbf") or path.suffix != ".csv" else "gb18030"
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    encoding, text = "utf-8", data.decode("utf-8")
                path.write_bytes(text.replace(DEMO_NAME, name).encode(encoding))
    own = root / "data" / slug / "notices" / "own.yml"
    own.write_text(own_notice(name, project), encoding="utf-8")


def own_notice(name: str, project: str, published: str = "2026-10-20") -> str:
    return f"""\
- id: GG-{published[:4]}-90
  title: {name}村关于{project}的公告
  kind: 公告
  category: 项目
  published: {published}
  body: |
    经村民代表会议讨论通过，本村将{project}，所需资金由村集体经济收益列支。
"""


def commit(root: Path, message: str) -> None:
    git = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    if not (root / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
        (root / ".gitignore").write_text("/site/\n/.cunwu-cache/\n/.site.*\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", message], cwd=root, check=True)


def search_script(data: bytes) -> object:
    """The data one of the cross-village search's scripts hands over (`cunwuTownshipSearch(<json>);`)."""
    text = data.decode("utf-8").strip()
    assert text.startswith("cunwuTownshipSearch(") and text.endswith(");"), text[:80]
    return json.loads(text.removeprefix("cunwuTownshipSearch(").removesuffix(");"))


def search_hits(site: dict[str, bytes], word: str) -> set[str]:
    """The pages (site paths) the portal's index gives for one word, read from the index's files."""
    index = search_script(site["township-search/index.js"])
    assert isinstance(index, dict)
    shard = search_script(site[f"township-search/shards/{shard_of(word, index['shards'])}.js"])
    assert isinstance(shard, dict)
    found = set()
    for part in shard.get(word, "").split(";") if shard.get(word) else []:
        village, _, deltas = part.partition(":")
        slug = index["villages"][int(village, 36)][0]
        number = 0
        for delta in deltas.split(","):
            number += int(delta, 36)
            chunk = search_script(site[f"{slug}/township-search/{number // index['chunk']}.js"])
            found.add(f"{slug}/{chunk[number % index['chunk']][0]}")  # type: ignore[index]
    return found
