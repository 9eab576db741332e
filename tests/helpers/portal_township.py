"""A small three-village township for the township tests: two villages of the demo township
(柳塘村 with overdue disclosures and pledges, 竹坪村 small and punctual) and the minimal test
village, under one data/township.yml."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from . import MEMBERS_CSV, PLEDGES_YML, ROOT, VILLAGE_YML

DEMO = ROOT / "examples" / "township"
BUILD_DATE = date(2026, 11, 20)
TOWNSHIP_YML = """\
name: 云溪镇
county: 临川县
contact:
  name: 云溪镇党政办
  phone: 0794-6213300
complaints:
  name: 云溪镇纪委
  phone: 0794-6213312
villages:
  - folder: liutang
  - folder: shiyan
  - folder: zhuping
"""


def make_township(project: Path) -> Path:
    """Write the township's data/ and content/ into `project`; return `project`."""
    data, content = project / "data", project / "content"
    for slug in ("liutang", "zhuping"):
        shutil.copytree(DEMO / "data" / slug, data / slug)
        shutil.copytree(DEMO / "content" / slug, content / slug)
    (data / "shiyan" / "pledges").mkdir(parents=True)
    (data / "shiyan" / "village.yml").write_text(VILLAGE_YML, encoding="utf-8")
    (data / "shiyan" / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    (data / "shiyan" / "pledges" / "2026.yml").write_text(PLEDGES_YML, encoding="utf-8")
    (data / "township.yml").write_text(TOWNSHIP_YML, encoding="utf-8")
    return project
