"""The record-type registry and the layers of the generator.

Every dataset of `DATASETS` must come with everything a record type needs (its page module, the
templates those pages use, an entry in the navigation, its page in the clerk's field reference, a
message case), and imports must flow one way: readers → kinds → records → model → pages → render
→ core → plugin, with no cycle.
"""

from __future__ import annotations

import ast
import importlib
from datetime import date
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, messages_affairs, messages_core, messages_people

from generator.datasets import DATASETS
from generator.model import load_site
from generator.pages import guide

PACKAGE = ROOT / "generator"
TEMPLATES = PACKAGE / "templates"
DEMO_DAY = date(2026, 11, 15)

LAYERS = (
    (
        "problems",
        "placeholders",
        "argparse_zh",
        "page_text",
        "page_html",
        "documents",
        "status",
        "personal_data",
        "periods",
        "build_date",
        "markdown_text",
        "charts",
        "sanitise",
        "staging",
        "township_search",
        "publish",
        "reuse",
        "fast_paths",
    ),
    ("readers", "settings", "guard"),
    ("kinds",),
    ("schema",),
    ("records", "datasets"),
    ("model", "data_files", "deadlines", "exports", "history", "search"),
    ("pages", "township_data"),
    ("render",),
    ("township",),
    ("core", "blank", "serve_errors", "village_worker"),
    ("township_build",),
    ("starter",),
    ("plugin", "cli", "__init__", "village_preload"),
)
"""Each module's layer, by its first name under `generator/`; a module may import only its own
layer or the ones before it."""


def layer(module: str) -> int:
    first = module.split(".")[0]
    return next(n for n, names in enumerate(LAYERS) if first in names)


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The generator modules `name` imports, lazy imports inside functions included."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".") if package else []
            base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                out.add(sub if sub in known else target or "__init__")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            target = node.module.removeprefix("generator").lstrip(".")
            out.add(target or "__init__")
    return {m for m in out if m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def test_every_module_has_a_layer():
    assert [m for m in graph() if not any(m.split(".")[0] in names for names in LAYERS)] == []


def test_no_module_imports_a_later_layer():
    upward = [(m, t) for m, targets in graph().items() for t in sorted(targets) if layer(t) > layer(m)]
    assert upward == []


def test_imports_have_no_cycle():
    edges = graph()
    cycles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "open":
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_the_layer_check_sees_an_upward_import():
    """The checks above would pass on an empty graph: make sure they read real imports."""
    edges = graph()
    assert "readers.registry" in edges["records"]
    assert "model" in edges["pages.home"]


@pytest.fixture(scope="module")
def demo():
    site, problems = load_site(ROOT / "data", DEMO_DAY, ROOT)
    assert problems == []
    return site.villages[0]


def _nav_paths(items) -> set[str]:
    out = set()
    for item in items:
        for value in item.values() if isinstance(item, dict) else [item]:
            out |= _nav_paths(value) if isinstance(value, list) else {value}
    return out


MESSAGE_FILES = {
    name
    for cases in (messages_core.CASES, messages_affairs.CASES, messages_people.CASES)
    for name, *_ in cases.values()
}


@pytest.mark.parametrize("d", DATASETS, ids=[d.name for d in DATASETS])
def test_a_dataset_has_everything_a_record_type_needs(demo, d):
    module = importlib.import_module(f"generator.pages.{d.pages}")
    specs = module.pages(demo, DEMO_DAY)
    assert specs, f"generator/pages/{d.pages}.py makes no page"
    missing = sorted({s.template for s in specs if s.content is None and not (TEMPLATES / s.template).is_file()})
    assert missing == [], "templates the page module names but the package lacks"
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    nav = _nav_paths(config["nav"])
    assert nav & {s.uri for s in specs}, f"no page of generator/pages/{d.pages}.py is in mkdocs.yml's nav"
    assert f"guide/fields/{d.name}.md" in {s.uri for s in guide.pages(demo, DEMO_DAY)}
    relative = [p.removeprefix("../content/") for p in d.patterns] if d.in_content else d.patterns
    named = [f for f in MESSAGE_FILES if any(fnmatch(f.removeprefix("../content/"), p) for p in relative)]
    assert named, f"no message case writes a file of {d.name} ({', '.join(d.patterns)})"
