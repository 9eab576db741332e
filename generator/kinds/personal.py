"""Masking personal values for 名单公示 (个人信息保护法, 去标识化).

A field declared with a `Personal` kind holds the clerk's value only while the data is loaded;
`mask_record` replaces it with the masked form before anything is rendered or exported, so the
raw value never reaches a page, the search index or a download.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import ClassVar

from ..personal_data import find_personal_numbers, is_id_number, luhn_ok, mask_number, mask_numbers
from .base import Invalid, Kind, fields_of, halfwidth

MASK = "*"


def mask(value: str, first: int, last: int) -> str:
    """Keep `first` and `last` characters and mask the rest; at least one character is always masked."""
    if len(value) <= first + last:
        first, last = min(first, len(value) - 1), 0
        first = max(first, 0)
    return value[:first] + MASK * (len(value) - first - last) + (value[-last:] if last else "")


@dataclass(frozen=True)
class Personal(Kind):
    """A personal value a name list publishes only masked: name, ID number, phone or bank account."""

    rule: str = "name"
    name: ClassVar[str] = "脱敏字段"

    @property
    def expected(self) -> str:
        return {
            "name": "姓名",
            "id_number": "18 位身份证号",
            "phone": "11 位手机号或固定电话",
            "bank_account": "16 到 19 位银行卡号或账号",
        }[self.rule]

    def read(self, text: str) -> str:
        """The value as written (checked); masked later by `mask_record` with the site's rules."""
        try:
            return self._checked(text)
        except Invalid as error:  # a message may end up in a public CI log: never repeat the number
            error.found = mask_numbers(text) if self.rule == "name" else mask_number(halfwidth(text).replace(" ", ""))
            raise

    def _checked(self, text: str) -> str:
        value = halfwidth(text).replace(" ", "")
        if self.rule == "name":
            return self._name(name_text(text))
        if MASK in value:
            return value  # already masked by the clerk; masked again with the site's rule
        if self.rule == "id_number" and not is_id_number(value):
            raise Invalid(
                "身份证号不对（位数或校验码有误）", hint="检查位数（18 位）和最后一位校验码；最后一位是 X 时写大写 X。"
            )
        if self.rule == "phone" and not re.fullmatch(r"1[3-9]\d{9}|0\d{2,3}-?\d{7,8}", value):
            raise Invalid(
                "电话号码不对",
                hint="手机号写 11 位数字，固定电话写 区号-号码（区号以 0 开头）；"
                "Excel 会去掉开头的 0，请把这一列设为“文本”格式后重新输入。",
            )
        if self.rule == "bank_account" and not (
            re.fullmatch(r"\d{12,19}", value) and (len(value) < 16 or luhn_ok(value))
        ):
            raise Invalid("银行账号不对", hint="只写数字，检查是否少了或多了一位。")
        return value.upper()

    def _name(self, name: str) -> str:
        if find_personal_numbers(name) or re.search(r"\d", name):
            raise Invalid("姓名一栏里有数字", hint="姓名一栏只写姓名；号码请写在对应的列里。")
        if not 1 <= len(name) <= 20:
            raise Invalid("姓名长度不对", hint="写 1 到 20 个字的姓名。")
        return name


_HAN = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_ALIGNMENT = re.compile(f"(?<=[{_HAN}])\\s+(?=[{_HAN}])")


def name_text(text: str) -> str:
    """A name as written, without the spaces printed lists put inside Chinese names to align them
    (王　芳 with an ideographic space is the two-character name 王芳); Latin names keep theirs."""
    return " ".join(_ALIGNMENT.sub("", text.strip()).split())


def mask_record(record, rules: dict):
    """`record` with every `Personal` field (nested ones are not used) masked by `rules`."""
    changes = {}
    for f in fields_of(type(record)):
        value = getattr(record, f.key)
        if isinstance(f.kind, Personal) and value:
            first, last = rules[f.kind.rule]
            changes[f.key] = mask(value.replace(MASK, "?"), first, last).replace("?", MASK)
    return dataclasses.replace(record, **changes) if changes else record
