"""Money: exact decimals to the fen (分), read from what clerks and Excel write, never floats.

Accepted: ``1234.5``, ``1,234.50``, ``￥300``, ``1,234.50元``, ``1.2万``, ``1.2万元``, full-width
digits (``１２３``). Refused, with the reason: more than two decimals (``1.234`` may be a
thousands separator), commas not in groups of three (``1,23``), decimal commas (``1.234,50``),
capital numerals (``壹仟元``), scientific notation, accounting brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from .base import Invalid, Kind, halfwidth

CENT = Decimal("0.01")
_NUMBER = re.compile(r"(?P<sign>-)?(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<fraction>\d+))?")
_CAPITALS = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟萬億角分整]")
_PREFIXES = ("¥", "￥", "RMB", "CNY", "人民币")


def parse_amount(text: str, negative: bool = True) -> Decimal:
    """The amount `text` means, exact to the fen; `Invalid` when it could mean more than one thing."""
    plain = halfwidth(text).replace(" ", "").replace("−", "-").replace("－", "-")
    sign = "-" if plain.startswith("-") else ""
    plain = plain.removeprefix("-")
    for prefix in _PREFIXES:
        plain = plain.removeprefix(prefix)
    plain = plain.removesuffix("元").removesuffix("圆")
    scale = Decimal(10000) if plain.endswith("万") else Decimal(1)
    plain = sign + plain.removesuffix("万")
    match = _NUMBER.fullmatch(plain)
    if not match:
        raise _unreadable(plain)
    if match["sign"] and not negative:
        raise Invalid("金额不能是负数", hint="收入和支出都写正数；冲销请另起一行写在相反的一栏，并在摘要里注明。")
    whole = match["whole"].replace(",", "")
    if len(whole.lstrip("0")) > 15:  # also keeps Decimal within its 28 digits (InvalidOperation)
        raise Invalid("金额太大", expected="不超过 15 位整数的金额", hint="检查是否多写了数字；金额以元为单位。")
    value = Decimal(whole + "." + (match["fraction"] or "0")) * scale
    if value != value.quantize(CENT):
        raise Invalid(
            "金额超过两位小数",
            expected="精确到分的金额，如 1234.50",
            hint="金额最多写到分（两位小数）；如果“.”是千位分隔符，请改用“,”或直接去掉。",
        )
    return (-value if match["sign"] else value).quantize(CENT)


def _unreadable(plain: str) -> Invalid:
    if _CAPITALS.search(plain):
        return Invalid("金额用了大写数字", hint="请改用阿拉伯数字，如 壹仟元 写作 1000。")
    if re.fullmatch(r"[+-]?\d+(\.\d+)?[Ee][+-]?\d+", plain):
        return Invalid("金额是科学计数法", hint="在 Excel 里把这一列设为“数值”格式（两位小数）后重新导出。")
    if re.fullmatch(r"\(.*\)|（.*）", plain):
        return Invalid("金额写在括号里，看不出是收入还是支出", hint="支出写在“支出”一栏，不要用括号表示负数。")
    if re.fullmatch(r"-?[\d.]+,\d{1,2}", plain):
        return Invalid("金额里的逗号像是小数点", hint="小数点请用“.”，如 1234.50；千位分隔符用“,”。")
    if re.fullmatch(r"-?[\d,]+(\.\d+)?", plain):
        return Invalid("金额里的千位分隔符位置不对", hint="逗号只能每三位一个，如 1,234.50；不确定时直接去掉逗号。")
    return Invalid("不是金额", hint="只写数字，可带“元”“万元”或“￥”，如 1,234.50元。")


@dataclass(frozen=True)
class Money(Kind):
    """An amount of money in yuan, exact to the fen."""

    negative: bool = False
    name: ClassVar[str] = "金额"
    expected = "金额（元），如 1234.50、1,234.50元、1.2万"
    example = "1234.50"
    json_type: ClassVar[str] = "string (decimal)"

    def read(self, text: str) -> Decimal:
        return parse_amount(text, self.negative)


def yuan(value: Decimal | None) -> str:
    """An amount as printed on the site: 1,234.50."""
    return "" if value is None else f"{value:,.2f}"
