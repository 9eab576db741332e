"""`mkdocs serve` with data that fails the checks shows the problems in the browser, in Chinese,
on every page, until the data is fixed; `mkdocs build` still stops."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import VILLAGE_YML

from generator.problems import Problem
from generator.serve_errors import page

BROKEN = VILLAGE_YML.replace("office_hours: 周一至周五", "office_hours: 请填写办公时间")


def test_the_problems_page_escapes_what_the_clerk_wrote():
    text = page([Problem("data/village.yml", 3, "name（村名）", summary="太长", found="<script>alert(1)</script>")])
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert text.startswith("# 数据检查没有通过\n")
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert f"<li>data/village.yml 第 3 行，字段「name（村名）」：太长。实际为：“{escaped}”。</li>" in text


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, words: str, seconds: float = 600, gone: bool = False) -> str:
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        text = get(url)
        if text and (words not in text if gone else words in text):
            return text
        time.sleep(1)
    raise AssertionError(f"{url} never said {words!r}; last: {text[:300]!r}")


@pytest.mark.site
def test_serve_shows_the_problems_until_the_data_is_fixed(village):
    (village / "content").mkdir()
    (village / "mkdocs.yml").write_text(
        "site_name: 试验村\ndocs_dir: content\nstrict: true\ntheme:\n  name: material\n  language: zh\n"
        "plugins:\n  - search\n  - cunwu:\n      build_date: '2026-11-15'\n      history: false\n"
        "nav:\n  - 首页: index.md\n  - 公开承诺: pledges/index.md\n",
        encoding="utf-8",
    )
    profile = village / "data" / "village.yml"
    profile.write_text(BROKEN, encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=village,
        env={**os.environ, "CUNWU_DEBUG": ""},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        shown = wait_for(f"{base}/pledges/index.html", "数据检查没有通过")
        assert "data/village.yml 第 13 行，字段「office_hours（办公时间）」：还是空白模板里的占位文字" in shown
        assert "数据检查没有通过" in get(f"{base}/")
        profile.write_text(VILLAGE_YML, encoding="utf-8")
        fixed = wait_for(f"{base}/pledges/index.html", "数据检查没有通过", gone=True)
        assert "修好村道" in fixed
        profile.write_text(BROKEN.replace("试验村", "试验村 "), encoding="utf-8")  # broken again, after a good build
        wait_for(f"{base}/pledges/2026-001/", "还是空白模板里的占位文字")  # a page of the last good build
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert not Path(village / "site").exists(), "serve writes nothing into site/"
