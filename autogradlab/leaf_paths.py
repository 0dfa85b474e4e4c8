"""The names a tangent direction can be given to: a leaf's variable (`w`), or, for a leaf no variable
holds, the path the graph labels it by (engine/container_names.py: `params[0]`, `d['w']`, `net.w`,
`layers[0].w`).

The direction is written `NAME=VALUES` in the Steps page's field, in the link's `dir` and in the CLI's
`--direction`. A path may hold `=` or `;` inside a quoted dict key (`d['a=b']`), so the name is read by
its grammar (DIRECTION_NAME), not by splitting at the first `=`; several directions are split at the
`;` outside quotes. The name is only ever compared with the graph's labels: never evaluated.
Never imports torch or streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_IDENT = r"[^\W\d]\w*"
_INDEX = r"\[(?:-?\d+|True|False|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")\]"
PATH = re.compile(rf"{_IDENT}(?:{_INDEX}|\.{_IDENT})+")
DIRECTION_NAME = re.compile(rf"\s*({_IDENT}(?:{_INDEX}|\.{_IDENT})*)\s*=")
FLOATING = ("float16", "bfloat16", "float32", "float64", "complex64", "complex128")


def is_path(label: str | None) -> bool:
    """Whether a leaf's label is a path into a list, tuple, dict or object (not a variable's name,
    nor the `t3` of a leaf nothing names)."""
    return bool(label) and PATH.fullmatch(label) is not None


def is_name(text: str) -> bool:
    """A variable name or a path: what a direction may be given to."""
    return text.isidentifier() or is_path(text)


def split_direction(text: str) -> tuple[str, str] | None:
    """`NAME=VALUES` -> (NAME, VALUES); None when it does not start with a name and `=`."""
    found = DIRECTION_NAME.match(text)
    if found is None or not is_name(found.group(1)):
        return None
    return found.group(1), text[found.end():]


def split_parts(text: str) -> list[str]:
    """`x=[1,0]; d['a;b']=2` -> ["x=[1,0]", "d['a;b']=2"]: split at `;` outside quotes."""
    parts, start, quote, escaped = [], 0, "", False
    for i, ch in enumerate(text):
        if escaped:
            escaped = False
        elif quote and ch == "\\":
            escaped = True
        elif quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == ";":
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def leaf_name(kind: str, var: str | None, label: str | None) -> str | None:
    """The name a graph node's direction is given by: its variable, else its path; None for a node
    that is not a leaf, or a leaf with neither."""
    if kind != "leaf":
        return None
    if var:
        return var
    return label if is_path(label) else None


def seedable(nodes: Iterable) -> list[tuple[str, tuple[int, ...]]]:
    """(name, shape) of each graph leaf a direction can be given to, in graph order: leaves a
    variable holds first (the default direction's leaf is the first of these), then those named by
    a path; each name once, floating or complex dtypes only."""
    named: dict[str, tuple[int, ...]] = {}
    paths: dict[str, tuple[int, ...]] = {}
    for node in nodes:
        name = leaf_name(node.kind, node.var, node.label)
        if name is None or (node.dtype is not None and node.dtype not in FLOATING):
            continue
        (named if node.var else paths).setdefault(name, tuple(node.shape or ()))
    return list(named.items()) + [(n, s) for n, s in paths.items() if n not in named]
