"""One rule for what is public on a day: a pledge's step dated after the build date is in no
published byte, neither on its page, nor on the home page, nor in the downloads."""

from __future__ import annotations

from helpers import PLEDGES_YML, TODAY

from generator.core import generate

LATER = PLEDGES_YML + (
    "  progress:\n"
    "    - date: 2026-03-01\n      text: 已经开工\n"
    "    - date: 2026-12-01\n      text: 路面全部铺好\n"
    "  completed: 2026-12-02\n"
)


def test_a_step_dated_after_the_build_date_is_nowhere(village):
    (village / "data" / "pledges" / "2026.yml").write_text(LATER, encoding="utf-8")
    files = generate(village / "data", TODAY, None, village, village / "content").files
    assert "已经开工" in files["pledges/2026-001.md"]
    assert "已经开工" in files["open-data/pledges.json"].decode("utf-8")
    published = {uri: text if isinstance(text, str) else text.decode("utf-8", "replace") for uri, text in files.items()}
    assert [uri for uri, text in published.items() if "路面全部铺好" in text or "2026-12-02" in text] == []
    assert "最近更新 2026年3月1日" in files["pledges/2026-001.md"]
