"""The fix to Material's Chinese query segmenter (generator/search.py) applies to the installed
Material, changes exactly the two loop bounds, and leaves any other script alone."""

from __future__ import annotations

from pathlib import Path

import material

from generator.search import fix_query_segmenter

WORKERS = sorted((Path(material.__file__).parent / "templates").glob("assets/javascripts/workers/search.*.min.js"))


def test_installed_materials_worker_gets_exactly_the_two_bounds_changed():
    assert len(WORKERS) == 1
    original = WORKERS[0].read_text(encoding="utf-8")
    fixed = fix_query_segmenter(original)
    assert fixed is not None, "Material's segmenter changed: check whether it still drops the query's last character"
    first = next(k for k, (a, b) in enumerate(zip(original, fixed, strict=False)) if a != b)
    assert original[first - 1] == "<" and fixed[first] == "="  # j < query.length  →  j <= query.length
    second = next(k for k in range(first, len(original)) if original[k] != fixed[k + 1])
    assert original[second - 7 : second + 2] == ".length-1"  # q < query.length - 1  →  q < query.length
    assert original[second + 2 :] == fixed[second + 1 :] and len(fixed) == len(original) - 1


def test_the_minified_segmenter_is_fixed_whatever_its_variable_names():
    script = (
        "function fe(q,x){let r=new Set,w=new Uint16Array(q.length);for(let i=0;i<q.length;i++)"
        "for(let j=i+1;j<q.length;j++)q.slice(i,j)in x&&(w[i]=j-i);let a=p+w[p];w[a]&&a<q.length-1&&(k[s++]=a)}"
    )
    assert fix_query_segmenter(script) == script.replace("j<q.length;j++", "j<=q.length;j++").replace(
        "a<q.length-1&&", "a<q.length&&"
    )


def test_a_script_without_the_segmenter_or_already_fixed_is_left_alone():
    assert fix_query_segmenter("console.log(1)") is None
    assert fix_query_segmenter(fix_query_segmenter(WORKERS[0].read_text(encoding="utf-8"))) is None
