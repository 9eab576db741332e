"""The Markdown body kind (a notice's 正文) and its markup for templates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from .base import Invalid, Kind, refuse_personal_numbers


@dataclass(frozen=True)
class MarkdownText(Kind):
    """Several paragraphs of Markdown: lists, bold, links; no HTML, no images from other hosts."""

    max_length: int = 5000
    name: ClassVar[str] = "Markdown 文字"
    expected = "Markdown 格式的正文，可分段、列表、加粗"

    def read(self, text: str) -> str:
        text = text.replace("\r\n", "\n").strip()
        if len(text) > self.max_length:
            raise Invalid(f"正文太长（{len(text)} 字）", hint="请精简，或把全文作为附件。")
        refuse_personal_numbers(text)
        if re.search(r"<[A-Za-z/!]", text):
            raise Invalid("正文里有 HTML 标签", hint="只用 Markdown：空一行分段，“- ”开头写列表，**加粗**。")
        if re.search(r"!\[[^\]]*\]\(\s*[a-z]+:", text, re.I) or re.search(
            r"\]\(\s*(javascript|data|vbscript):", text, re.I
        ):
            raise Invalid(
                "正文里有外部图片或不安全的链接",
                hint="图片放进 content/ 文件夹后用相对路径引用；链接只用 http、https。",
            )
        return text


def body_markup(text: str) -> Markup:
    """A checked Markdown body for a template: Markdown passes, '&' and stray '<' '>' are escaped."""
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
