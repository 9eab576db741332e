"""A village starts its own site by following the README's steps, command by command as written,
in a temporary folder: the new repository builds `--strict` at once, carries nothing of the demo,
and its published site is served by nginx running as another user (every page 200)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest
from browser.harness import NGINX_CONF, _free_port, _wait_for_port, nginx_path
from helpers import ROOT

ANSWERS = ["大山村", "青山镇", "云县", "王大山", "李小河", "张明", "周一至周五 8:30—17:30", "村部一楼"]


def own_site_steps() -> list[str]:
    """The commands of the README's "start your own site" section, as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## For a village: start your own site") :]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def started(tmp_path_factory) -> tuple[Path, list[subprocess.CompletedProcess]]:
    """The README's steps run one by one in one shell, from a cunwu folder whose setup is done
    (its `.venv` is the environment running these tests); the init questions answered on stdin."""
    base = tmp_path_factory.mktemp("own")
    program = base / "cunwu"
    program.mkdir()
    (program / ".venv").symlink_to(sys.prefix, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "CUNWU_DEBUG", "NO_MKDOCS_2_WARNING")}
    results, cwd = [], program
    for step in own_site_steps():
        script = f"cd {shlex.quote(str(cwd))} && {step} && pwd"
        stdin = "\n".join(ANSWERS) + "\n" if " init " in f" {step} " else ""
        result = subprocess.run(["bash", "-c", script], input=stdin, capture_output=True, text=True, env=env)
        results.append(result)
        assert result.returncode == 0, f"{step}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        cwd = Path(result.stdout.strip().splitlines()[-1])
    return cwd, results


@pytest.mark.site
def test_the_readme_steps_make_a_village_site_that_builds_strict(started):
    village, results = started
    assert village.name == "dashan"
    printed = results[0].stdout
    assert "先做这几件事：" in printed and "data/members.csv" in printed
    assert "检查通过：大山村，0 名党员，0 条承诺" in results[2].stdout
    config = (village / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: 大山村村务公开" in config and "strict: true" in config
    assert "Material for MkDocs reaches end of life" not in results[3].stderr
    assert "Building prefix dict" not in results[3].stderr
    assert 'not included in the "nav"' not in results[3].stderr
    log = subprocess.run(["git", "log", "--format=%s"], cwd=village, capture_output=True, text=True).stdout
    assert log.splitlines() == ["建立村务公开站（cunwu init）"]


@pytest.mark.site
def test_the_new_site_holds_nothing_of_the_demo(started):
    village, _ = started
    site = village / "site"
    assert not (village / "content" / "about.md").exists() and not (village / "content" / "guide").exists()
    about = (site / "about.html").read_text(encoding="utf-8")
    assert "本站是大山村的村务公开网站" in about and "虚构" not in about
    assert "编辑指南" in (site / "guide" / "index.html").read_text(encoding="utf-8")
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    demo = [p for p, text in pages.items() if "青禾村" in text.replace("如 青禾村", "")]
    assert demo == []
    home = pages[site / "index.html"]
    assert "大山村" in home and "Made with" not in home and "本站用" in home
    assert not list((site / "members").glob("M*.html"))


@pytest.mark.site
def test_the_published_site_is_served_by_nginx_running_as_another_user(started):
    village, _ = started
    binary = nginx_path()
    if binary is None or os.geteuid() != 0:
        pytest.skip("needs nginx and root (to start nginx whose workers run as nobody)")
    site = village / "site"
    assert stat.S_IMODE(site.stat().st_mode) & 0o005 == 0o005, "site/ readable by others"
    served = Path(tempfile.mkdtemp(prefix="cunwu-served-"))
    try:
        served.chmod(0o755)  # the test's own folder; everything below it is made by cunwu publish
        subprocess.run([str(village / ".venv/bin/cunwu"), "publish", str(served / "www")], cwd=village, check=True)
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        statuses = fetch_all(binary, served / "www" / "current", pages)
        assert statuses and set(statuses.values()) == {200}, {p: s for p, s in statuses.items() if s != 200}
    finally:
        shutil.rmtree(served, ignore_errors=True)


def fetch_all(binary: str, root: Path, pages: list[str]) -> dict[str, int]:
    """Each page's HTTP status from nginx serving `root`, its workers running as nobody."""
    with tempfile.TemporaryDirectory(prefix="cunwu-nginx-") as tmp:
        port = _free_port()
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                user="user nobody nogroup;",
                tmp=tmp,
                port=port,
                prefix="/dashan/",
                prefix_bare="/dashan",
                access_log=f"{tmp}/access.log",
                site=root.resolve(),
            )
        )
        process = subprocess.Popen(
            [binary, "-p", tmp, "-e", f"{tmp}/error.log", "-c", str(conf), "-g", "daemon off;"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for_port(port, process, Path(tmp) / "error.log")
            workers = subprocess.run(["ps", "-o", "user=", "--ppid", str(process.pid)], capture_output=True, text=True)
            assert set(workers.stdout.split()) == {"nobody"}
            statuses = {}
            for page in pages:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/dashan/{page}") as response:
                        statuses[page] = response.status
                except urllib.error.HTTPError as error:
                    statuses[page] = error.code
            return statuses
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_starter_settings_are_the_demos_but_for_the_name():
    from string import Template

    import yaml

    starter = (ROOT / "generator" / "starter" / "mkdocs.yml").read_text(encoding="utf-8")
    demo = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    made = yaml.safe_load(
        Template(starter).substitute(site_name=demo["site_name"], site_description=demo["site_description"])
    )
    assert made == demo
