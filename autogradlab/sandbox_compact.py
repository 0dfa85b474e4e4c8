"""A compact wire form of a Report's graph and op records, for the way back from a job (issue 9).

A loop's Report holds thousands of GraphNode and TensorSnapshot objects, each snapshot with its own
small (mostly 0-dim) np.ndarray: pickled one by one, loop_scalar_chain's took ~25 ms to dump in the
job and ~30 ms to load in the app, and 563 KB. `pack` turns the graph's nodes, the op records and
the distinct snapshots into columns of plain data (a snapshot referred to by its number, so shared
ones stay shared) and the snapshots' arrays into one bytearray block per (dtype, shape); `unpack`
rebuilds equal objects (same fields in the same dict order; arrays of the same dtype, shape, bytes,
memory order and flags as a plain pickle gives). A lazy 0-dim snapshot (report.py) travels as its
number and stays lazy in the app: its value and summary are made only if a page reads them (issue 9,
session 25: ~3,000 of loop_scalar_chain's graph). Everything else of the Report is pickled as before,
and so is a small report (under SMALL nodes and ops) or anything this form does not know.

The packed form is plain data (tuples, ints, strings, bytearrays, and the Report dataclasses for
the rest), so the app's restricted unpickler (sandbox_wire) needs no new global: `unpack` runs after
it, on data it already accepted, and only builds GraphNode, Graph, OpRecord and TensorSnapshot
objects and numpy views of its own buffers, of a few plain numeric dtypes. Malformed data (a
hostile job's) raises an exception, which load_report turns into a WireError.

Never imports torch: the app imports this module.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np

from autogradlab.report import LAZY_NUMBER, Graph, GraphNode, OpRecord, Report, TensorSnapshot

TAG = "autogradlab.compact/2"
# Fewer graph nodes and op records than this: plain pickle is as fast. Was 64 until session 45, whose
# measure (bench/sandbox_breakdown.py, SCHED_FIFO, interleaved with the base) put loop_newton's 8 + 49
# at dump 0.80 -> 0.43 ms in the job and load 0.84 -> 0.65 in the app; in a warm loop (20 programs of
# 0-57 records) the compact form is the cheaper from ~12-14 records on (newton 0.55 -> 0.38 ms).
SMALL = 12

_SNAP_FIELDS = tuple(f.name for f in dataclasses.fields(TensorSnapshot))
_NODE_FIELDS = tuple(f.name for f in dataclasses.fields(GraphNode))
_OP_FIELDS = tuple(f.name for f in dataclasses.fields(OpRecord))
_GRAPH_FIELDS = tuple(f.name for f in dataclasses.fields(Graph))
_SV, _SS = _SNAP_FIELDS.index("value"), _SNAP_FIELDS.index("summary")
_NV, _NG = _NODE_FIELDS.index("value"), _NODE_FIELDS.index("grad")
_OO = _OP_FIELDS.index("outputs")
# A snapshot's columns: its fields, then the number of a lazy 0-dim one (report.py; None for an eager
# one, whose value and summary travel instead: a lazy one's are None).
_SNAP_COLUMNS = (*_SNAP_FIELDS, LAZY_NUMBER)
_GETTERS = {fields: tuple(map(itemgetter, fields)) for fields in (_NODE_FIELDS, _OP_FIELDS)}
_GETTERS[_SNAP_COLUMNS] = tuple(f if f in ("value", "summary", LAZY_NUMBER) else itemgetter(f)
                                for f in _SNAP_COLUMNS)   # a name: read with dict.get (None if absent)
# Per field set, the fields every object's dict holds, and one itemgetter of them all (a row per object)
_ROW_FIELDS = {fields: tuple(f for f, g in zip(fields, getters, strict=True) if type(g) is itemgetter)
               for fields, getters in _GETTERS.items()}
_ROW_GETTERS = {fields: itemgetter(*names) for fields, names in _ROW_FIELDS.items()}
ROWS = True   # _columns by rows and zip (off: a map per field, as in session 43)

# Plain numeric dtypes (native byte order) whose arrays travel in a shared buffer; any other array
# (or a Fortran-ordered or subclassed one) is pickled as itself. The app only makes views of these.
_PACKED = {np.dtype(t).str: np.dtype(t) for t in (
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128")}
_PACKED_DTYPES = frozenset(_PACKED.values())

_new = object.__new__
_set = object.__setattr__
_ndarray = np.ndarray
_dict_get = dict.get


def _columns(objects: list, fields: tuple[str, ...]) -> list[list]:
    """Each field's values, a list per field, read from the objects' instance dicts: a row per object
    by one C-level itemgetter of the fields every dict holds, transposed by zip (issue 9, session 44:
    loop_scalar_chain's 3,502 graph nodes 1.86 -> 1.06 ms against a map per field); KeyError for an
    object whose dict lacks a field (then the Report is pickled as it is), but a snapshot's value,
    summary and lazy number read as None when absent (dict.get)."""
    dicts = list(map(vars, objects))
    if not ROWS or not dicts:
        return [list(map(getter, dicts)) if type(getter) is itemgetter
                else list(map(_dict_get, dicts, repeat(getter))) for getter in _GETTERS[fields]]
    rows = map(_ROW_GETTERS[fields], dicts)
    columns = dict(zip(_ROW_FIELDS[fields], map(list, zip(*rows, strict=True)), strict=True))
    return [columns[name] if name in columns else list(map(_dict_get, dicts, repeat(name)))
            for name in fields]


def _refs(objects: list, index: dict[int, int]) -> list:
    """Each object's number in `index` (by id), None for None; KeyError for one not in it."""
    return [None if obj is None else index[id(obj)] for obj in objects]


def _distinct(objects: list) -> tuple[list, dict[int, int]]:
    """The distinct objects (not None) in first-seen order, and id -> their number."""
    seen = {id(obj): obj for obj in objects if obj is not None}
    return list(seen.values()), {key: i for i, key in enumerate(seen)}


def _pack_arrays(arrays: list) -> tuple[list[int], list[tuple], list]:
    """Per array its group (-1: kept as itself); per group (dtype name, shape, count, bytes) of one
    C-ordered block holding its arrays in order; the kept arrays (or other values)."""
    slot_groups, groups, kept = [], {}, []
    for value in arrays:
        if type(value) is _ndarray and value.dtype in _PACKED_DTYPES and (
                value.ndim < 2 or value.flags.c_contiguous):
            key = (value.dtype, value.shape)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (len(groups), [])
            group[1].append(value)
            slot_groups.append(group[0])
        else:
            kept.append(value)
            slot_groups.append(-1)
    blocks = [(dtype.str, shape, len(members), bytearray(np.array(members, dtype=dtype).tobytes()))
              for (dtype, shape), (_group, members) in groups.items()]
    return slot_groups, blocks, kept


def pack(report: Report) -> Any:
    """The Report in compact form (a tuple of plain data), or the Report itself when it has little to
    compact or holds something the compact form does not know (then it is pickled as it is)."""
    if type(report) is not Report:
        return report
    try:
        return _pack(report)
    except MemoryError:   # the job reports running out of memory
        raise
    except Exception:   # noqa: BLE001 - e.g. a None among an op's outputs: the plain pickle takes it
        return report


def _pack(report: Report) -> Any:
    graph = report.graph
    ops = report.ops
    if type(ops) is not tuple \
            or (graph is not None and (type(graph) is not Graph or type(graph.nodes) is not tuple)):
        return report
    nodes = list(graph.nodes) if graph is not None else []
    if len(nodes) + len(ops) < SMALL:
        return report
    if not set(map(type, nodes)) <= {GraphNode} or not set(map(type, ops)) <= {OpRecord}:
        return report
    node_cols = _columns(nodes, _NODE_FIELDS)
    op_cols = _columns(list(ops), _OP_FIELDS)
    if not set(map(type, op_cols[_OO])) <= {tuple}:
        return report
    snaps, index = _distinct([*node_cols[_NV], *node_cols[_NG], *(s for o in op_cols[_OO] for s in o)])
    if not set(map(type, snaps)) <= {TensorSnapshot}:
        return report
    node_cols[_NV] = _refs(node_cols[_NV], index)
    node_cols[_NG] = _refs(node_cols[_NG], index)
    op_cols[_OO] = [tuple([index[id(s)] for s in outputs]) for outputs in op_cols[_OO]]
    snap_cols = _columns(snaps, _SNAP_COLUMNS)
    if (None, None) in zip(snap_cols[_SS], snap_cols[-1], strict=True):   # neither eager nor lazy
        return report
    arrays, array_index = _distinct(snap_cols[_SV])
    snap_cols[_SV] = _refs(snap_cols[_SV], array_index)
    head = None if graph is None else tuple(getattr(graph, f) for f in _GRAPH_FIELDS[1:])
    rest = dataclasses.replace(report, graph=None, ops=())
    return (TAG, rest, head, len(nodes), node_cols, len(ops), op_cols, len(snaps), snap_cols,
            *_pack_arrays(arrays))


def is_packed(obj: Any) -> bool:
    return type(obj) is tuple and len(obj) == 12 and obj[0] == TAG


def _arrays(slot_groups: list, blocks: list, kept: list) -> list:
    """The arrays by slot: views of one writable block per group (as pickle's own arrays are:
    writeable, not owning their data), and the kept objects."""
    sources = []
    for name, shape, count, data in blocks:
        # Each block holds at most as many arrays as there are slots, of a shape with whole sizes:
        # a hostile job's (10**9, ()-or-(0,)) block in a few bytes must not make the app build a
        # billion views (a result may cost the app no more objects than it holds data for).
        if type(data) is not bytearray or type(shape) is not tuple or type(count) is not int \
                or not 0 <= count <= len(slot_groups) or not all(type(d) is int and d >= 0 for d in shape):
            raise ValueError("an array block has the wrong form")
        block = np.frombuffer(data, dtype=_PACKED[name]).reshape((count, *shape))
        sources.append(iter([block[i, ...] for i in range(count)] if not shape else list(block)))
    sources.append(iter(kept))   # slot group -1
    return [next(sources[group]) for group in slot_groups]


def _objects(cls: type, fields: tuple[str, ...], count: Any, columns: Any) -> list:
    """`count` objects of `cls` whose fields (in this order, as __init__ sets them) are the columns.
    Every object and its dict (_MAKERS) is made by C-level maps (issue 9: a Python loop per object,
    filling each object's dict with dict.update, was two thirds of load_report)."""
    if type(count) is not int or type(columns) is not list or len(columns) != len(fields) \
            or any(type(column) is not list or len(column) != count for column in columns):
        raise ValueError(f"a compact report's {cls.__name__} columns have the wrong form")
    out = list(map(_new, repeat(cls, count)))
    deque(map(_set, out, repeat("__dict__"), map(_MAKERS[cls], *columns)), maxlen=0)
    return out


def _lookup(refs: list, table: list) -> list:
    return [None if ref is None else table[ref] for ref in refs]


def unpack(packed: tuple) -> Report:
    """The Report `pack` was given (equal field for field). Raises on anything malformed."""
    (_tag, rest, head, n_nodes, node_cols, n_ops, op_cols, n_snaps, snap_cols,
     slot_groups, blocks, kept) = packed
    if type(rest) is not Report or type(slot_groups) is not list or type(blocks) is not list \
            or type(kept) is not list or type(snap_cols) is not list or type(node_cols) is not list \
            or type(op_cols) is not list or (head is not None and (
                type(head) is not tuple or len(head) != len(_GRAPH_FIELDS) - 1)):
        raise ValueError("a compact report has the wrong form")
    snap_cols, node_cols, op_cols = list(snap_cols), list(node_cols), list(op_cols)   # `packed` stays
    arrays = _arrays(slot_groups, blocks, kept)
    snap_cols[_SV] = _lookup(snap_cols[_SV], arrays)
    _lazy_numbers_fit(snap_cols[_SNAP_FIELDS.index("dtype")], snap_cols[-1])
    snaps = _objects(TensorSnapshot, _SNAP_COLUMNS, n_snaps, snap_cols)
    graph = None
    if head is not None:
        node_cols[_NV] = _lookup(node_cols[_NV], snaps)
        node_cols[_NG] = _lookup(node_cols[_NG], snaps)
        nodes = tuple(_objects(GraphNode, _NODE_FIELDS, n_nodes, node_cols))
        graph = _new(Graph)
        graph.__dict__.update(zip(_GRAPH_FIELDS, (nodes, *head), strict=True))
    op_cols[_OO] = [tuple([snaps[i] for i in outputs]) for outputs in op_cols[_OO]]
    ops = _objects(OpRecord, _OP_FIELDS, n_ops, op_cols)
    return dataclasses.replace(rest, graph=graph, ops=tuple(ops))


# One instance dict from one value per field, by a dict display (one presized dict: ~1.8x as fast as
# dict(zip(fields, values)), which grows the dict twice for a GraphNode's 14 keys). Written out per
# class; a class whose fields are no longer these gets the general form (never a wrong dict).

def _snapshot_dict(id, shape, dtype, value, summary, requires_grad, grad_fn, number):
    """An eager snapshot's dict (number None), or a lazy one's (report.py; `_lazy_numbers_fit` has
    checked its number)."""
    if number is None:
        return {"id": id, "shape": shape, "dtype": dtype, "value": value, "summary": summary,
                "requires_grad": requires_grad, "grad_fn": grad_fn}
    return {"id": id, "shape": (), "dtype": dtype, "requires_grad": requires_grad, "grad_fn": grad_fn,
            LAZY_NUMBER: number}


def _node_dict(id, kind, label, var, op, grad_fn, shape, dtype, value, grad, line, source,
               op_index, saved_name):
    return {"id": id, "kind": kind, "label": label, "var": var, "op": op, "grad_fn": grad_fn,
            "shape": shape, "dtype": dtype, "value": value, "grad": grad, "line": line, "source": source,
            "op_index": op_index, "saved_name": saved_name}


def _op_dict(index, op, line, column, source, inputs, input_ids, outputs, var, in_function):
    return {"index": index, "op": op, "line": line, "column": column, "source": source, "inputs": inputs,
            "input_ids": input_ids, "outputs": outputs, "var": var, "in_function": in_function}


_LAZY_TYPES = {"float32": float, "float64": float, "int64": int, "int32": int, "bool": bool}
_INT_BOUNDS = {"int64": 1 << 63, "int32": 1 << 31}


def _lazy_numbers_fit(dtypes: list, numbers: list) -> None:
    """Raises unless every lazy snapshot's number is what item() of a 0-dim tensor of its dtype gives
    (a float for float32/64, an int in range for int64/32, a bool for bool), so that the app makes its
    value without an error. Checked per distinct (type, dtype) pair, ints one by one. (A float too big
    for float32 becomes inf there, with numpy's warning: a hostile job's wrong number, no harm.)"""
    pairs = set(zip(map(type, numbers), dtypes, strict=True))
    for kind, dtype in pairs:
        if kind is not type(None) and _LAZY_TYPES.get(dtype) is not kind:
            raise ValueError("a lazy snapshot's number does not fit its dtype")
    if (int, "int64") in pairs or (int, "int32") in pairs:
        for number, dtype in zip(numbers, dtypes, strict=True):
            if type(number) is int and not -_INT_BOUNDS[dtype] <= number < _INT_BOUNDS[dtype]:
                raise ValueError("a lazy snapshot's number does not fit its dtype")


def _maker(fields: tuple[str, ...], written: Any) -> Any:
    try:
        if tuple(written(*fields)) == fields:
            return written
    except TypeError:   # another number of fields
        pass
    return lambda *values: dict(zip(fields, values, strict=True))


_MAKERS = {TensorSnapshot: _snapshot_dict, GraphNode: _maker(_NODE_FIELDS, _node_dict),
           OpRecord: _maker(_OP_FIELDS, _op_dict)}
