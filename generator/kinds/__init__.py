"""Field kinds: how one field's text becomes a value, or an `Invalid` the schema turns into a Problem.

`base` holds the `Kind` base class, the plain kinds (text, ids, numbers, dates, choices, nesting)
and `spec` / `fields_of`, by which a record type declares its fields; `money`, `personal` (masked
on name lists) and `markdown` hold the kinds that carry more rules. Import kinds from here.
"""

from .base import (
    Choice,
    Day,
    FieldSpec,
    Identifier,
    Integer,
    Invalid,
    Kind,
    ListOf,
    Nested,
    Phone,
    Private,
    Reference,
    References,
    Text,
    Words,
    Year,
    fields_of,
    halfwidth,
    is_list,
    refuse_personal_numbers,
    spec,
)
from .markdown import MarkdownText, body_markup
from .money import Money, parse_amount, yuan
from .personal import MASK, Personal, mask, mask_record

__all__ = [
    "MASK",
    "Choice",
    "Day",
    "FieldSpec",
    "Identifier",
    "Integer",
    "Invalid",
    "Kind",
    "ListOf",
    "MarkdownText",
    "Money",
    "Nested",
    "Personal",
    "Phone",
    "Private",
    "Reference",
    "References",
    "Text",
    "Words",
    "Year",
    "body_markup",
    "fields_of",
    "halfwidth",
    "is_list",
    "mask",
    "mask_record",
    "parse_amount",
    "refuse_personal_numbers",
    "spec",
    "yuan",
]
