"""The sanitiser for hand-written pages keeps what Markdown, Material and our templates write and
removes what would run or load from elsewhere (issue 6, item 1)."""

from __future__ import annotations

import markdown
import pytest
from helpers.payloads import PAYLOADS, active_markup
from lxml import html as lxml_html

from generator.sanitise import file_reading_extensions, sanitise_html

EXTENSIONS = ["tables", "attr_list", "md_in_html", "footnotes", "fenced_code", "toc"]

LEGIT = """\
# 标题

## 小节 {#custom-id .lead}

| 左 | 中 | 右 |
|:--|:-:|--:|
| a | **b** | `c` |

<aside class="cunwu-objection" markdown>
**有疑问？** 电话 <a href="tel:07946123456">0794-6123456</a>，[关于](about.md#_2)。
</aside>

<nav class="cunwu-pager" aria-label="分页" markdown>[下一页](index-2.md)</nav>

脚注[^1] 和 *强调* <abbr title="村民委员会">村委会</abbr>，<mark>标记</mark>，<kbd>Ctrl</kbd>，<span class="cunwu-status cunwu-status--done">已完成</span>。

![村部](images/cunbu.jpg){ width="300" loading="lazy" }

<details><summary>更多</summary><p>内容</p></details>

```python
print("代码")
```

1. 一
2. 二

> 引用 <cite>出处</cite>

<ol class="cunwu-timeline"><li class="cunwu-step cunwu-step--done"><strong>公开晒诺</strong> <time datetime="2025-03-05">2025年3月5日</time><br><small>佐证</small></li></ol>

<a href="mailto:cun@example.org">邮件</a> <a href="https://www.gov.cn/">政府网</a> <a href="#_1">回到顶部</a>

[^1]: 脚注内容
"""


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})


def canonical(html: str) -> list:
    """The parsed tree as (tag, attributes, text, tail) rows: entity and serialisation differences vanish."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    return [
        (
            e.tag,
            sorted((k, v.replace(" ", "").rstrip(";")) for k, v in e.attrib.items() if v),
            (e.text or "").strip(),
            (e.tail or "").strip(),
        )
        for e in root.iter()
        if isinstance(e.tag, str)
    ]


def test_what_markdown_material_and_our_templates_write_is_kept():
    html = render(LEGIT)
    assert 'style="text-align: center;"' in html and 'class="headerlink"' in html and "<aside" in html
    assert canonical(sanitise_html(html)) == canonical(html)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_survives_rendering_and_sanitising(payload):
    html = sanitise_html(render(f"文字 {payload}\n\n{payload}\n\n<div>{payload}</div>\n"))
    assert active_markup(html) == []


def test_styles_other_than_alignment_are_dropped():
    html = sanitise_html(
        '<table><tr><td style="text-align: right; background: url(//evil.example/x)">1</td></tr></table>'
        '<p style="position: fixed; top: 0">盖住页面</p>'
    )
    assert 'style="text-align:right"' in html and "evil" not in html and "fixed" not in html


def test_pages_load_nothing_from_another_host_unless_named():
    html = '<img src="https://evil.example/a.png"><img src="images/a.png"><iframe src="https://video.example.org/v/1"></iframe>'
    assert canonical(sanitise_html(html)) == canonical('<img><img src="images/a.png">')
    for sneaky in (
        "\\\\evil.example/a.png",
        "/\t/evil.example/a.png",
        " //evil.example/a.png",
        "/\\evil.example/a.png",
    ):
        assert canonical(sanitise_html(f'<img src="{sneaky}">')) == canonical("<img>"), sneaky
    allowed = sanitise_html(
        html + '<iframe src="http://video.example.org/v/2"></iframe><iframe src="https://evil.example/">'
        '</iframe><iframe src="v.html"></iframe>',
        ("video.example.org",),
    )
    assert canonical(allowed) == canonical(
        '<img><img src="images/a.png"><iframe src="https://video.example.org/v/1"></iframe>'
        "<iframe></iframe><iframe></iframe><iframe></iframe>"
    )


def test_markdown_extensions_that_read_files_are_named():
    assert file_reading_extensions(["tables", "pymdownx.snippets", "toc", "pymdownx.b64"]) == [
        "pymdownx.snippets",
        "pymdownx.b64",
    ]
    assert file_reading_extensions(["tables", "attr_list", "md_in_html", "toc"]) == []


@pytest.mark.site
def test_sanitising_changes_no_generated_page_of_the_demo(tmp_path, monkeypatch):
    """Generated pages are sanitised too (for Markdown fields): the templates' own markup passes."""
    from helpers import ROOT
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1794715200")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    changed = {}

    def compare(html, page, config, files):
        if page.file.generated_by and canonical(sanitise_html(html)) != canonical(html):
            changed[page.file.src_uri] = [
                a for a, b in zip(canonical(html), canonical(sanitise_html(html)), strict=False) if a != b
            ][:1]
        return html

    config.plugins.events["page_content"].insert(0, compare)
    build(config)
    assert changed == {}
