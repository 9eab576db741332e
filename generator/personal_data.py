"""Detectors for personal numbers that must never be published.

Mainland resident ID numbers (18 digits with a valid check character, and the old 15-digit
form), mobile numbers and bank card numbers (16-19 digits passing the Luhn check).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_RUN = re.compile(r"\d(?:[ \-]?\d){10,}[\dXx]?")
"""A run of at least 11 digits (the shortest personal number, a mobile), single spaces or hyphens
between them allowed. Shorter runs cannot hold one; skipping them keeps scanning a built site fast."""
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def find_personal_numbers(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Every personal number in `text` as (kind, number); numbers in `allowed` are skipped."""
    found = []
    for run in _RUN.findall(unicodedata.normalize("NFKC", text)):
        for candidate in {run.replace(" ", "").replace("-", ""), *re.split(r"[ \-]", run)}:
            kind = classify(candidate)
            if kind and candidate not in allowed:
                found.append((kind, candidate))
    return sorted(set(found))


def classify(digits: str) -> str:
    """The kind of personal number `digits` is (身份证号 / 手机号 / 银行卡号), or ''."""
    if is_id_number(digits):
        return "身份证号"
    if re.fullmatch(r"1[3-9]\d{9}", digits):
        return "手机号"
    if re.fullmatch(r"\d{16,19}", digits) and luhn_ok(digits):
        return "银行卡号"
    return ""


def is_id_number(text: str) -> bool:
    """True for an 18-character ID with a valid check character or a 15-digit ID with a valid birth date."""
    if re.fullmatch(r"\d{17}[\dXx]", text):
        total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=False))
        return _ID_CHECK[total % 11] == text[17].upper() and _valid_birth(text[6:14])
    if re.fullmatch(r"\d{15}", text):
        return _valid_birth("19" + text[6:12])
    return False


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum used by bank card numbers."""
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _valid_birth(yyyymmdd: str) -> bool:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def mask_number(number: str) -> str:
    """Keep the first 3 and last 4 characters: 138****5678, 110***********1234."""
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask_numbers(text: str) -> str:
    """`text` with every personal number masked, for showing it back in a message."""
    for _, number in find_personal_numbers(text):
        text = text.replace(number, mask_number(number))
    return text
