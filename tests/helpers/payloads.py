"""Known hostile text, and what in a parsed page a browser would run or load from it, judged by
html5lib (an implementation of the HTML5 parsing algorithm, as browsers parse)."""

from __future__ import annotations

import re

import html5lib

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
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "</noscript><img src=x onerror=alert(1)>",
    "</xmp><script>alert(1)</script>",
    "</iframe></noembed></noframes><svg onload=alert(1)>",
    "--><script>alert(1)</script>",
    "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
)
"""Known payloads: tags, event handlers, dangerous URLs, breaking out of the HTML our templates
wrap data in (tables, asides, lists, attributes), Markdown links and attribute lists, template
syntax, CSV formulas; end tags of the elements whose content is raw text or escapable raw text
(a page title printed into `<title>`), a comment's end, and entities that a filter might decode
back into tags. Each carries ``alert(1)`` or ``evil.example`` so a survivor can be found."""

MARKERS = ("alert(1)", "evil.example", "PHNjcmlwdD5")
RISKY_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcdoc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def parsed(text: str, fragment: bool = False):
    """`text` parsed as a browser parses a page (or, for `fragment`, a string set as a <div>'s innerHTML)."""
    options = {"treebuilder": "etree", "namespaceHTMLElements": False, "scripting": True}
    return html5lib.parseFragment(text, container="div", **options) if fragment else html5lib.parse(text, **options)


def active_markup(text: str, fragment: bool = False) -> list[str]:
    """Everything in `text` that a browser would run or load from a payload."""
    return active_elements(parsed(text, fragment)) if text.strip() else []


def active_elements(root) -> list[str]:
    """Everything in a parsed document or fragment that a browser would run or load from a payload."""
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        name = element.tag.lower().rpartition("}")[2]
        attributes = {k.lower().rpartition("}")[2]: v for k, v in element.attrib.items()}
        where = f"<{name} {attributes}>"
        if name in RISKY_TAGS:
            found.append(where)
        if name in {"script", "style", "form", "link", "math"} or (name == "meta" and "http-equiv" in attributes):
            inside = "".join(element.itertext()) + " ".join(attributes.values())
            if any(m in inside for m in MARKERS):
                found.append(where)  # a <meta name=description> holding a payload as text is text
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(where)
            plain = re.sub(r"[\s\x00-\x1f]", "", value).lower()
            if name in URL_ATTRIBUTES and plain.startswith(BAD_SCHEMES):
                found.append(where)
            if name in URL_ATTRIBUTES - {"href"} and any(m in value for m in MARKERS):
                found.append(where)  # loads something from another host
    return found


def text_of(element) -> str:
    """An element's text as a reader sees it, whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())
