"""YAML files to located values, with Chinese messages for syntax errors."""

from __future__ import annotations

import yaml

from ..problems import Problem
from . import Mapping, Read, Sequence

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's composer when PyYAML was built with it (about 5× faster); same nodes and marks."""
MAX_NODES = 200_000
MAX_DEPTH = 40
_NULLS = {"", "~", "null", "Null", "NULL"}


def read_yaml(data: bytes, file: str) -> Read:
    """Parse one YAML document; scalars stay text, mappings and lists remember their lines."""
    text, problem = _decode(data, file)
    if problem:
        return Read(problems=[problem])
    try:
        nodes = list(yaml.compose_all(text, Loader=LOADER))
    except yaml.YAMLError as error:
        return Read(problems=[_syntax_problem(error, text, file)])
    except RecursionError:  # PyYAML composes nested brackets recursively: [[[[…
        return Read(problems=[_too_deep(file, 0)])
    nodes = [n for n in nodes if n is not None and not _is_null(n)]
    if not nodes:
        return Read(
            problems=[
                Problem(file, summary="文件是空的", expected="YAML 格式的数据", hint="写入数据，或删除这个文件。")
            ]
        )
    if len(nodes) > 1:
        return Read(
            problems=[
                Problem(
                    file,
                    _line(nodes[1]),
                    summary="文件里有多个 YAML 文档（用 --- 分隔）",
                    expected="一个文件只写一个文档",
                    hint="删除多余的 --- 分隔线，或拆成多个文件。",
                )
            ]
        )
    builder = _Builder(file)
    value = builder.build(nodes[0], 0)
    return Read(value=None if builder.problems else value, problems=builder.problems)


def _decode(data: bytes, file: str) -> tuple[str, Problem | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(
            file,
            line,
            summary="文件不是 UTF-8 编码",
            expected="UTF-8 编码的文本",
            hint="用记事本或 VS Code 打开，另存为“UTF-8”编码。",
        )


_REASONS = (
    (
        "mapping values are not allowed",
        "这一行有多余的冒号",
        '值里含有“: ”时，把整个值用引号括起来，如 content: "时间: 三月"。',
    ),
    ("could not find expected ':'", "缺少冒号", "每个字段写成“字段名: 值”，冒号后留一个空格。"),
    ("tab character", "含有不能出现在这里的字符（常见的是 Tab 缩进）", "缩进只用空格，不用 Tab 键。"),
    ("cannot start any token", "含有不能出现在这里的字符（常见的是 Tab 缩进）", "缩进只用空格，不用 Tab 键。"),
    ("did not find expected key", "缩进没有对齐", "同一条记录的字段要上下对齐，用空格缩进。"),
    ("did not find expected '-' indicator", "列表项没有对齐", "每一项以“- ”开头，并与上一项对齐。"),
    ("unexpected end of stream", "引号或括号没有成对", "检查这一行及以下的引号是否成对。"),
    ("found undefined alias", "引用了不存在的锚点（*）", "删除“*”开头的引用，直接写出内容。"),
)


def _syntax_problem(error: yaml.YAMLError, text: str, file: str) -> Problem:
    """A parser error in Chinese, with the offending line as the found value."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 0
    detail = f"{getattr(error, 'problem', '')} {getattr(error, 'context', '')}"
    summary, hint = "YAML 格式错误，无法读取", "检查这一行及上一行：冒号后要有空格，缩进要用空格且对齐，引号要成对。"
    for needle, reason, advice in _REASONS:
        if needle in detail:
            summary, hint = f"YAML 格式错误：{reason}", advice
            break
    lines = text.splitlines()
    found = lines[line - 1].strip() if 0 < line <= len(lines) else None
    return Problem(file, line, summary=summary, expected="合法的 YAML", found=found, hint=hint)


def _is_null(node: yaml.Node) -> bool:
    """A document that is only ``~`` or ``null``: as good as empty."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in _NULLS


def _too_deep(file: str, line: int) -> Problem:
    return Problem(
        file,
        line,
        summary="数据嵌套过深或过大",
        expected=f"不超过 {MAX_DEPTH} 层、{MAX_NODES} 个值",
        hint="检查是否误用了 YAML 的锚点（&）和引用（*），或括号是否成对。",
    )


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _Builder:
    """Turns composed nodes into located values, guarding against alias bombs and cycles."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.count = 0

    def build(self, node: yaml.Node, depth: int):
        self.count += 1
        if depth > MAX_DEPTH or self.count > MAX_NODES:
            if not self.problems:
                self.problems.append(_too_deep(self.file, _line(node)))
            return None
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:  # plain: None (pure Python) or "" (libyaml)
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return Sequence(_line(node), (self.build(item, depth + 1) for item in node.value))
        return self._mapping(node, depth)

    def _mapping(self, node: yaml.MappingNode, depth: int) -> Mapping:
        result = Mapping(_line(node))
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    Problem(
                        self.file,
                        _line(key_node),
                        summary="字段名不能是列表或映射",
                        expected="一个字段名，如 name",
                        hint="检查这一行的缩进和冒号。",
                    )
                )
                continue
            key = key_node.value.strip()
            if key in result:
                self.problems.append(
                    Problem(
                        self.file,
                        _line(key_node),
                        key,
                        summary="字段重复出现",
                        expected=f"每个字段只写一次（第 {result.key_lines[key]} 行已写过）",
                        hint="删除其中一行。",
                    )
                )
                continue
            result.key_lines[key] = _line(key_node)
            result[key] = self.build(value_node, depth + 1)
        return result
