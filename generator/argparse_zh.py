"""argparse's own words (usage, positional arguments, its error frame) in Chinese, for `cunwu`.

argparse looks its messages up through the module's gettext function `_` at the moment it uses
them; `chinese()` swaps that function for one reading `MESSAGES` while a parser is built and
run, then puts the original back, so nothing else in the process is affected.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示这段说明",
    "the following arguments are required: %s": "缺少%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：%(message)s。加 -h 查看用法。\n",
    "unrecognized arguments: %s": "看不懂这些参数：%s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "没有 %(value)s，可用的有 %(choices)s",
    "invalid %(type)s value: %(value)r": "%(value)s 的格式不对",
    "expected one argument": "后面要写一个值",
    "ignored explicit argument %r": "%r 多余",
    "not allowed with argument %s": "不能与 %s 同时使用",
}


@contextmanager
def chinese() -> Iterator[None]:
    """argparse speaks Chinese inside this block (an untranslated message stays as it was)."""
    original = argparse._  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        return MESSAGES.get(message, original(message))

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]
