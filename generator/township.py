"""A township site: ``data/township.yml`` plus one data folder per village, and its portal.

The two entry points for whoever builds a township site (the plugin at the root of the site, or a
build that renders the portal apart from the village sections):

- `load_township(data_dir, today, root, settings, content_dir=...) -> (Township | None, problems)`
  reads the township profile and every village (`model.load_site`), checks the township as a
  whole (every village folder listed once in township.yml and every listed folder present, no two
  villages with one name, no reference from one village to another village's ids) and returns the
  township with its villages in display order, or every problem found;
- `portal_files(township, overrides) -> (files, in_nav)` renders the portal: the site's home page,
  ``villages/…``, ``compare/…``, ``open-data/…`` and ``guide/fields…`` at the root of the site,
  with the township-wide downloads and charts. Its pages come from
  `pages.portal.pages(township, today)`; no village page depends on them.

`is_township(data_dir)` says which kind of site a data folder makes.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .datasets import DATASETS
from .model import Site, Village, _load_dataset, _relative, load_site, village_folders
from .problems import Problem
from .records import parse_file
from .records import township as township_record
from .schema import fields_of
from .settings import Settings

PROFILE = township_record.DATASET


@dataclass
class Township:
    """The township profile and every village, in the profile's display order."""

    profile: township_record.Township
    site: Site

    @property
    def villages(self) -> list[Village]:
        return self.site.villages

    @property
    def today(self) -> date:
        return self.site.today

    @property
    def settings(self) -> Settings:
        return self.site.settings

    def root(self) -> Village:
        """The site's root as a section without a village: pages at the top of the site."""
        return Village("", settings=self.settings)


def is_township(data_dir: Path) -> bool:
    """True when `data_dir` holds a township profile or village folders rather than one village."""
    if any((data_dir / name).is_file() for name in PROFILE.patterns):
        return True
    return bool(village_folders(data_dir)) and village_folders(data_dir)[0][0] != ""


def load_township(
    data_dir: Path,
    today: date,
    root: Path | None = None,
    settings: Settings | None = None,
    *,
    content_dir: Path | None = None,
    load: Callable[..., tuple[Village | None, list[Problem]]] | None = None,
) -> tuple[Township | None, list[Problem]]:
    """Read and check the township profile and every village; the township or every problem
    (`load`: see `model.load_site`)."""
    root = root or data_dir.parent
    profile, problems = _read_profile(data_dir, root)
    site, found = load_site(data_dir, today, root, settings, content_dir=content_dir, load=load)
    folders = [slug for slug, _ in village_folders(data_dir) if slug]
    if profile is not None:
        problems += listing_problems(profile, folders)
    if site is not None:
        problems += same_name_problems(site.villages)
    problems += crossing_references(found, data_dir, root) if found else []
    if problems or site is None or profile is None:
        return None, sorted(set(problems))
    order = {listed.folder: i for i, listed in enumerate(profile.villages)}
    site.villages.sort(key=lambda v: order[v.slug])
    return Township(profile, site), []


def _read_profile(data_dir: Path, root: Path) -> tuple[township_record.Township | None, list[Problem]]:
    paths = [data_dir / name for name in PROFILE.patterns if (data_dir / name).is_file()]
    if not paths:
        return None, [
            Problem(
                _relative(data_dir / PROFILE.patterns[0], root),
                summary="找不到乡镇概况文件",
                expected="data/ 下每个村一个文件夹时，data/township.yml 写明乡镇名、受理机构和各村的顺序",
                hint="运行 cunwu new township 生成空白模板，填好后放在 data/township.yml。",
            )
        ]
    records, problems = parse_file(PROFILE, paths[0].read_bytes(), paths[0].suffix.lower(), _relative(paths[0], root))
    return (records[0] if records else None), problems


def listing_problems(profile: township_record.Township, folders: list[str]) -> list[Problem]:
    """Every village folder listed once in township.yml, and every listed folder present."""
    origin: Any = profile.origin
    file = origin.file
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for listed in profile.villages:
        where: Any = listed.origin
        line, field = where.line_of("folder"), where.name_of(township_record.Listed, "folder")
        if listed.folder in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    field,
                    summary="同一个村列了两次",
                    expected="每个村只列一次",
                    found=listed.folder,
                    hint=f"第 {seen[listed.folder]} 行已经列了这个村；请删除其中一行。",
                )
            )
            continue
        seen[listed.folder] = line
        if listed.folder not in folders:
            near = difflib.get_close_matches(listed.folder, folders, n=1, cutoff=0.6)
            problems.append(
                Problem(
                    file,
                    line,
                    field,
                    summary="列出的村没有数据文件夹",
                    expected="data/ 下已有的村文件夹名" + (f"（{'、'.join(folders)}）" if len(folders) <= 8 else ""),
                    found=listed.folder,
                    hint=f"是不是“{near[0]}”？"
                    if near
                    else f"先建立 data/{listed.folder}/ 并放入这个村的 village.yml 等数据，或从列表里删除这一项。",
                )
            )
    villages_line = origin.line_of("villages")
    for folder in folders:
        if folder not in seen:
            problems.append(
                Problem(
                    file,
                    villages_line,
                    origin.name_of(township_record.Township, "villages"),
                    summary="有村文件夹没有列在乡镇概况里",
                    expected="data/ 下的每个村文件夹都列在这里",
                    found=folder,
                    hint=f"在这里加一项“- folder: {folder}”（放在这个村要显示的位置），"
                    f"或者删除不用的文件夹 data/{folder}/。",
                )
            )
    return problems


def same_name_problems(villages: list[Village]) -> list[Problem]:
    """Two villages of one township with the same name cannot be told apart on the portal."""
    problems: list[Problem] = []
    first: dict[str, Any] = {}
    for village in sorted(villages, key=lambda v: v.slug):
        profile = village.profile
        earlier = first.setdefault(profile.name, profile)
        if earlier is not profile:
            problems.append(
                Problem(
                    profile.origin.file,
                    profile.origin.line_of("name"),
                    profile.origin.name_of(type(profile), "name"),
                    summary="两个村的村名相同",
                    expected="本镇每个村的村名都不同",
                    found=profile.name,
                    hint=f"{earlier.origin.file} 第 {earlier.origin.line_of('name')} 行也是这个村名，"
                    "在乡镇首页上分不清；请写村的全称，或加上区分（如 上青禾村、下青禾村）。",
                )
            )
    return problems


UNKNOWN = "引用了不存在的"


def crossing_references(problems: list[Problem], data_dir: Path, root: Path) -> list[Problem]:
    """The village problems, where a reference to an unknown id names another village's record
    said so: ids are per village and references never cross villages.

    Only read when the villages had problems, so the other villages' ids are read again here.
    """
    unknown = [p for p in problems if p.summary.startswith(UNKNOWN) and p.found]
    if not unknown:
        return problems
    ids = _ids_by_village(data_dir, root)
    result = []
    for problem in problems:
        owner = _village_of(problem.file, data_dir, root)
        titles = problem.expected.removesuffix("里已有的编号").split("或")
        others = [
            (slug, name)
            for slug, (name, found) in ids.items()
            if slug != owner and problem in unknown and any(problem.found in found.get(t, ()) for t in titles)
        ]
        if not others:
            result.append(problem)
            continue
        what = problem.summary[len(UNKNOWN) :]
        where = "、".join(f"{name}（data/{slug}/）" for slug, name in others[:3])
        result.append(
            Problem(
                problem.file,
                problem.line,
                problem.field,
                summary=f"引用了其他村的{what}",
                expected=f"本村{problem.expected}",
                found=problem.found,
                hint=f"编号只在本村内有效，引用不能跨村：“{problem.found}”是{where}的编号。"
                f"请改用本村的{what}编号；如果确属本村，先在本村的数据里添加这条记录。",
            )
        )
    return result


def _ids_by_village(data_dir: Path, root: Path) -> dict[str, tuple[str, dict[str, set[str]]]]:
    """(village name, {dataset title: ids}) of every village folder, from the records that parse."""
    out = {}
    for slug, folder in village_folders(data_dir):
        found: dict[str, set[str]] = {}
        name = slug
        for dataset in DATASETS:
            if dataset.in_content:
                continue
            if dataset.name == "village":
                records, _ = _load_dataset(dataset, folder, root)
                name = records[0].name if records else slug
            elif "id" in {f.key for f in fields_of(dataset.record)}:
                records, _ = _load_dataset(dataset, folder, root)
                found.setdefault(dataset.title, set()).update(str(r.id) for r in records)
        out[slug] = (name, found)
    return out


def _village_of(file: str, data_dir: Path, root: Path) -> str | None:
    prefix = _relative(data_dir, root).rstrip("/") + "/"
    return file.removeprefix(prefix).split("/", 1)[0] if file.startswith(prefix) else None


def portal_files(township: Township, overrides: Path | None = None) -> tuple[dict[str, str | bytes], set[str]]:
    """The portal's files by site path (Markdown pages, SVG charts, downloads) and the paths that
    belong in the navigation; templates come through the same chain as the village pages."""
    from .pages import portal
    from .render import environment

    env = environment(overrides)
    root = township.root()
    files: dict[str, str | bytes] = {}
    in_nav = set()
    for spec in portal.pages(township, township.today):
        if spec.content is not None:
            files[spec.uri] = spec.content
            continue
        files[spec.uri] = env.get_template(spec.template).render(
            spec.context, village=root, profile=township.profile, today=township.today, page_uri=spec.uri, history=None
        )
        if spec.in_nav:
            in_nav.add(spec.uri)
    return files, in_nav
