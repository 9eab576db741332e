"""Exact Chinese messages for the people side (issue 5): talents, training, pairs, points,
wishes, 五个好 and stories. Each case writes one extra file into the minimal valid village."""

from __future__ import annotations

import pytest
from helpers import TODAY
from helpers.messages_people import CASES, VALID, write

from generator.model import load_site


def test_valid_people_files_have_no_problems(village):
    write(village, VALID)
    site, problems = load_site(village / "data", TODAY, village)
    assert problems == []
    assert set(site.villages[0].people) == {"M001", "M002", "T001"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_message_text(village, case):
    name, text, expected = CASES[case]
    write(village, {**VALID, name: text})
    site, problems = load_site(village / "data", TODAY, village)
    assert site is None
    assert [str(p) for p in problems] == expected


def test_cunwu_new_cases_writes_a_story_that_check_accepts_once_filled_in_and_people_are_named(village):
    from generator.blank import blank
    from generator.datasets import named as dataset

    made = blank(dataset("cases"), village / "data", TODAY)
    ((name, content),) = made.files.items()
    assert name == "2025-tea-road.md" and content.startswith(b"---\n")
    story = village / "content" / "cases" / name
    story.parent.mkdir(parents=True)
    story.write_bytes(content.replace(b"\npeople:\n", b"\npeople: M001\n"))
    left = load_site(village / "data", TODAY, village)[1]
    assert {p.summary for p in left} == {"还是空白模板里的占位文字，没有填写"}
    story.write_bytes(story.read_bytes().replace("请填写".encode(), "示例".encode()))
    site, problems = load_site(village / "data", TODAY, village)
    assert problems == []
    assert [s.slug for s in site.villages[0].records["cases"]] == ["2025-tea-road"]
