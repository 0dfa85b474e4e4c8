"""What the graph build (graph.py add_functions) reads of a backward Node's class, made once per class.

A 500-step loop's graph has 2,000 op nodes of four classes (issue 9): each Node's class was looked up in
three tables (graph_walk._CLASS_FACTS, the op nodes' templates, saved_tensors._SAVED_READERS); here the
three facts are one tuple per class (session 44).
"""

from __future__ import annotations

from typing import Any

from autogradlab.engine.fast_records import GRAPH_NODE_FIELDS
from autogradlab.engine.graph_walk import _CLASS_FACTS, _class_facts
from autogradlab.engine.held_outputs import _class_name
from autogradlab.engine.saved_tensors import _SAVED_READERS

_OP_FIELDS = {**GRAPH_NODE_FIELDS, "kind": "op"}
# Node class -> its op nodes' fields before the Node's own (label and op: the class's op name, grad_fn:
# its class name). The strings are shared by every node of the class, as the saved tensors' labels
# (graph._SAVED_TEMPLATES) and the snapshots' grad_fn names (held_outputs._class_name) are: pickle writes
# a shared string once (session 29: 2,000 op nodes' grad_fn written once per class, not per node).
_OP_TEMPLATES: dict[type, dict[str, Any]] = {}
# Node class -> (is it AccumulateGrad, _OP_TEMPLATES' fields, whether read_saved learnt that it saves no
# tensor). A class read_saved has not learnt yet is not kept (its third field would change).
_CLASS_PLANS: dict[type, tuple[bool, dict[str, Any], bool]] = {}


def _class_plan(cls: type) -> tuple[bool, dict[str, Any], bool]:
    """_CLASS_PLANS[cls], made (and kept, once read_saved learnt the class or it is a leaf's)."""
    facts = _CLASS_FACTS.get(cls) or _class_facts(cls)
    template = _OP_TEMPLATES.get(cls)
    if template is None:   # label and op: the class's op name, unless a record says otherwise
        template = _OP_TEMPLATES[cls] = {**_OP_FIELDS, "label": facts[2], "op": facts[2],
                                         "grad_fn": _class_name(cls)}
    reader = _SAVED_READERS.get(cls)
    plan = (facts[0], template, reader is not None and not reader[0])
    if reader is not None or facts[0]:
        _CLASS_PLANS[cls] = plan
    return plan
