"""torchviz.make_dot's DOT source, written as text (issue 9, session 45).

torchviz builds a graphviz.Digraph: every node and edge goes through graphviz's argument-checking
wrappers, its attribute-list assembly and its quoting (~40 us a Node: a third of a millisecond for
Newton's five-Node graph, up to a millisecond per report of the loop programs), and it calls dir() on
every Node for its `_saved_*` attributes. This module makes the same source in the same order: the
same recursive walk as torchviz.make_dot (show_attrs off), the same `seen` set (with the same objects
added in the same order, so an unhashable saved value raises the same TypeError), the same lines as
graphviz's Digraph writes them (its own `quote` for every label and name), and the same size line
(resize_graph). dir() and the hasattr() answers that cannot change are kept per Node class, for
classes whose Nodes have no instance attributes (torch's own C++ Nodes; a custom Function's Node has
a __dict__ and is asked each time). tests/unit/test_torchviz_text_s45.py compares it with
torchviz.make_dot on many graphs. Switch: torchviz_dot.DIRECT_TEXT.
"""

from __future__ import annotations

from typing import Any

import torch
from graphviz import quoting

SAVED_PREFIX = "_saved_"
# graphviz's quote without its positional-argument check (a wrapper that only warns when called
# with more than one positional argument: here it never is)
_quote = getattr(quoting.quote, "__wrapped__", quoting.quote)
_HEAD = ("digraph {\n", "\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 "
         "shape=box style=filled]\n")
# Node class -> (its dir() names that start with SAVED_PREFIX, in dir()'s order; the set of all its
# dir() names): only for classes whose Nodes have no __dict__ (their attributes are the class's)
_CLASS_NAMES: dict[type, tuple[list[str], frozenset[str]]] = {}


def _class_names(fn: Any) -> tuple[list[str], frozenset[str]] | None:
    """(fn's `_saved_*` names, all its names) kept per class, or None: fn has attributes of its own."""
    cls = type(fn)
    names = _CLASS_NAMES.get(cls)
    if names is None:
        if hasattr(fn, "__dict__") or hasattr(cls, "__getattr__") or cls.__dir__ is not object.__dir__:
            return None
        listed = dir(fn)
        names = _CLASS_NAMES[cls] = ([a for a in listed if a.startswith(SAVED_PREFIX)], frozenset(listed))
    return names


class DotText:
    """graphviz.Digraph's node() and edge() for torchviz's calls, as lines of text."""

    __slots__ = ("body", "size", "_quoted", "_edge_names")

    def __init__(self) -> None:
        self.body: list[str] = []
        self.size: Any = 12   # resize_graph's, set when make_dot_text returns
        self._quoted: dict[str, str] = {}       # text -> quote(text)
        self._edge_names: dict[str, str] = {}   # name -> quote_edge(name)

    def quote(self, text: str) -> str:
        quoted = self._quoted.get(text)
        if quoted is None:
            quoted = self._quoted[text] = _quote(text)
        return quoted

    def node(self, name: str, label: str, fillcolor: str | None = None) -> None:
        color = "" if fillcolor is None else f" fillcolor={self.quote(fillcolor)}"
        if not (name.isascii() and name.isdigit()):   # (str(id(...)): a DOT numeral, quote leaves it)
            name = self.quote(name)
        self.body.append(f"\t{name} [label={self.quote(label)}{color}]\n")

    def quote_edge(self, name: str) -> str:
        if name.isascii() and name.isdigit():   # (no port, a numeral: quote_edge leaves it)
            return name
        quoted = self._edge_names.get(name)
        if quoted is None:
            quoted = self._edge_names[name] = quoting.quote_edge(name)
        return quoted

    def edge(self, tail: str, head: str, attribute: str = "") -> None:
        """`attribute`: the attribute list as graphviz writes it (' [dir=none]', ' [style=dotted]')."""
        self.body.append(f"\t{self.quote_edge(tail)} -> {self.quote_edge(head)}{attribute}\n")

    def resize(self) -> None:
        """torchviz's resize_graph: the size from the lines there are now."""
        self.size = max(12, len(self.body) * 0.15)

    def source(self) -> str:
        """Digraph.source (graph, node and edge attributes, then the body)."""
        size_text = str(self.size) + "," + str(self.size)
        return "".join((_HEAD[0], f"\tgraph [size={self.quote(size_text)}]\n", _HEAD[1], *self.body, "}\n"))


_NO_DIR = " [dir=none]"
_DOTTED = " [style=dotted]"


def make_dot_text(var: torch.Tensor, params: dict[str, torch.Tensor] | None,
                  show_saved: bool) -> DotText:
    """torchviz.make_dot(var, params=params, show_saved=show_saved) as a DotText (its .source() is
    the Digraph's source); raises where make_dot raises."""
    if params is not None:
        assert all(isinstance(p, torch.Tensor) for p in params.values())
        param_map = {id(v): k for k, v in params.items()}
    else:
        param_map = {}
    dot = DotText()
    seen: set = set()
    is_tensor = torch.is_tensor

    def size_to_str(size: Any) -> str:
        return "(" + ", ".join([f"{v:d}" for v in size]) + ")"   # ('%d' % v)

    def get_var_name(var: Any, name: str | None = None) -> str:
        if not name:
            name = param_map[id(var)] if id(var) in param_map else ""
        return f"{name}\n {size_to_str(var.size())}"

    def has(fn: Any, attr: str, names: tuple[list[str], frozenset[str]] | None) -> bool:
        return hasattr(fn, attr) if names is None or attr in names[1] else False

    def add_nodes(fn: Any) -> None:
        assert not is_tensor(fn)
        if fn in seen:
            return
        seen.add(fn)
        names = _class_names(fn)
        fn_name = str(id(fn))
        if show_saved:
            for attr in (dir(fn) if names is None else names[0]):   # (names[0]: its `_saved_*` ones)
                if not attr.startswith(SAVED_PREFIX):
                    continue
                val = getattr(fn, attr)
                seen.add(val)
                attr = attr[len(SAVED_PREFIX):]
                if is_tensor(val):
                    dot.edge(fn_name, str(id(val)), _NO_DIR)
                    dot.node(str(id(val)), get_var_name(val, attr), "orange")
                if isinstance(val, tuple):
                    for i, t in enumerate(val):
                        if is_tensor(t):
                            name = attr + f"[{i}]"
                            dot.edge(fn_name, str(id(t)), _NO_DIR)
                            dot.node(str(id(t)), get_var_name(t, name), "orange")
        if has(fn, "variable", names):
            var = fn.variable
            seen.add(var)
            dot.node(str(id(var)), get_var_name(var), "lightblue")
            dot.edge(str(id(var)), fn_name)
        dot.node(fn_name, str(type(fn).__name__))
        if has(fn, "next_functions", names):
            for u in fn.next_functions:
                if u[0] is not None:
                    dot.edge(str(id(u[0])), fn_name)
                    add_nodes(u[0])
        if has(fn, "saved_tensors", names):
            for t in fn.saved_tensors:
                seen.add(t)
                dot.edge(str(id(t)), fn_name, _NO_DIR)
                dot.node(str(id(t)), get_var_name(t), "orange")

    def add_base_tensor(var: Any, color: str = "darkolivegreen1") -> None:
        if var in seen:
            return
        seen.add(var)
        dot.node(str(id(var)), get_var_name(var), color)
        if var.grad_fn:
            add_nodes(var.grad_fn)
            dot.edge(str(id(var.grad_fn)), str(id(var)))
        if var._is_view():
            add_base_tensor(var._base, color="darkolivegreen3")
            dot.edge(str(id(var._base)), str(id(var)), _DOTTED)

    if isinstance(var, tuple):
        for v in var:
            add_base_tensor(v)
    else:
        add_base_tensor(var)
    dot.resize()
    return dot
