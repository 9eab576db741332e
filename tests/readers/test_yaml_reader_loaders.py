"""The YAML reader gives the same located values with libyaml as with the pure-Python parser."""

from __future__ import annotations

import pytest
import yaml
from helpers import ROOT

from generator.readers import Mapping, Sequence, yaml_reader
from generator.readers.yaml_reader import read_yaml

SAMPLE = 'a: "x"\nb: \'\'\nc: ~\nd:\ne: null\nf: "null"\ng: |\n  two\n  lines\nh: 001\ni: yes\nj:\n  - k: 1\n'


def located(value):
    if isinstance(value, Mapping):
        return {k: (value.line_of(k), located(v)) for k, v in value.items()}, value.line
    if isinstance(value, Sequence):
        return [located(v) for v in value], value.line
    return value


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize(
    "text", [SAMPLE] + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").rglob("*.yml"))]
)
def test_libyaml_and_pure_python_read_the_same_values(text, monkeypatch):
    fast = read_yaml(text.encode(), "x.yml")
    monkeypatch.setattr(yaml_reader, "LOADER", yaml.SafeLoader)
    slow = read_yaml(text.encode(), "x.yml")
    assert fast.problems == slow.problems == []
    assert located(fast.value) == located(slow.value)


def test_plain_nulls_are_empty_and_quoted_ones_are_text():
    value = read_yaml(SAMPLE.encode(), "x.yml").value
    assert (value["b"], value["c"], value["d"], value["e"], value["f"], value["h"], value["i"]) == (
        "",
        None,
        None,
        None,
        "null",
        "001",
        "yes",
    )
