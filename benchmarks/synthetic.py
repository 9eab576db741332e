"""Synthetic village data: N members and M pledges, made by repeating the demo records.

    python benchmarks/synthetic.py OUT_DIR --scale 10

writes OUT_DIR/data/ (profile, members.csv, pledges/*.yml) at `scale` times the demo size.
Pledge texts are the demo's, so the search index has realistic Chinese text. The people side
(talents, training, mentoring, points, wishes, 五个好) is copied at the demo's size: the first
copy of the members keeps the demo's ids, so its references hold.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data"
PEOPLE_SIDE = ("talents.csv", "training.csv", "mentoring.yml", "wishes.yml", "five_goods.yml", "points")


def write_village(out: Path, scale: int) -> tuple[int, int]:
    """Write `out/data` at `scale` × the demo; return (members, pledges)."""
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    (data / "pledges").mkdir(parents=True)
    shutil.copy(DEMO / "village.yml", data / "village.yml")
    with open(DEMO / "members.csv", encoding="utf-8-sig", newline="") as f:
        header, *members = list(csv.reader(f))
    with open(data / "members.csv", "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(header)
        for copy in range(scale):
            for row in members:
                writer.writerow([_member_id(row[0], copy), *row[1:]])
    pledges = [
        p for path in sorted((DEMO / "pledges").glob("*.yml")) for p in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]
    for copy in range(scale):
        batch = []
        for pledge in pledges:
            pledge = dict(pledge, id=f"{pledge['id']}-{copy:03d}", member=_member_id(pledge["member"], copy))
            batch.append(pledge)
        (data / "pledges" / f"copy-{copy:03d}.yml").write_text(
            yaml.safe_dump(batch, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    for name in PEOPLE_SIDE:
        source = DEMO / name
        if source.is_dir():
            shutil.copytree(source, data / name)
        elif source.exists():
            shutil.copy(source, data / name)
    return len(members) * scale, len(pledges) * scale


def _member_id(member_id: str, copy: int) -> str:
    return member_id if copy == 0 else f"{member_id}-{copy:03d}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    print(write_village(args.out, args.scale))
