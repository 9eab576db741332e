"""Known hostile text, and what in a parsed page a browser would run or load from it."""

from __future__ import annotations

import re

from lxml import html as lxml_html

PAYLOADS = (
    "<script>alert(1)</script>",
    "<script>alert(1)",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "<b onmouseover=alert(1)>x</b>",
    '"><script>alert(1)</script>',
    "' onfocus='alert(1)' autofocus='",
    "</aside><script>alert(1)</script>",
    "</td></tr></table><script>alert(1)</script>",
    "</li></ol><img src=x onerror=alert(1)>",
    "[点我](javascript:alert(1))",
    "[点我][x]\n\n[x]: javascript:alert(1)",
    '段落\n{: onclick="alert(1)" }',
    "<javascript:alert(1)>",
    "![图](https://evil.example/x.png){ onerror=alert(1) }",
    '{: onclick="alert(1)" }',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<iframe src="//evil.example/x"></iframe>',
    '<object data="data:text/html,alert(1)">',
    "<style>*{x:expression(alert(1))}</style>",
    '<base href="//evil.example/">',
    '<meta http-equiv=refresh content="0;url=//evil.example">',
    '<form action="//evil.example"><button>x</button></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 7*7 }}{% raw %}alert(1)",
    "| alert(1) | x |",
    "# alert(1) *粗* _斜_ `代码` ~~删~~",
    '=HYPERLINK("http://evil.example","x")',
    "<!-- alert(1)",
)
"""Known payloads: tags, event handlers, dangerous URLs, breaking out of the HTML our templates
wrap data in (tables, asides, lists, attributes), Markdown links and attribute lists, template
syntax, CSV formulas. Each carries ``alert(1)`` or ``evil.example`` so a survivor can be found."""

MARKERS = ("alert(1)", "evil.example", "PHNjcmlwdD5")
RISKY_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def active_markup(html: str) -> list[str]:
    """Everything in `html` that a browser would run or load from a payload."""
    found = []
    if not html.strip():
        return found
    for element in lxml_html.fromstring(html).iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        name = element.tag.lower().rpartition("}")[2]
        attributes = {k.lower(): v for k, v in element.attrib.items()}
        where = f"<{name} {attributes}>"
        if name in RISKY_TAGS:
            found.append(where)
        if name in {"script", "style", "meta", "form", "link", "math"}:
            inside = element.text_content() + " ".join(attributes.values())
            if any(m in inside for m in MARKERS):
                found.append(where)
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(where)
            plain = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in URL_ATTRIBUTES and plain.startswith(BAD_SCHEMES):
                found.append(where)
            if name in URL_ATTRIBUTES - {"href"} and any(m in value for m in MARKERS):
                found.append(where)  # loads something from another host
    return found
