"""The entries of the op trace's window (trace.OpTrace): one op in the window is a list laid out by
the indices below, and its OpRecord is made from it only when the report asks (op_record,
_materialize); _storage_key finds the memory a write changes."""

from __future__ import annotations

from typing import Any

from autogradlab.report import OpRecord

# One op in the window, a list (built in one step: an op of a long loop pays for no object of its
# own): the fields of its OpRecord (built when asked for), its outputs, and the recorder's keys that
# point at it (dropped with it): tensor keys in `created_by`, Node keys in `origins` (OpTrace's tables).
_FIELDS, _FUNCTION, _VAR, _OUTPUTS, _CREATED, _ORIGIN_KEYS, _FINAL, _PIN, _HELD = range(9)
# fields: index, op, line, column, source, inputs, input_ids; held: elements counted against
# WINDOW_ELEMENTS; pin: kept past the window (a made leaf, see OpTrace.add)


_GHOST = object()   # _FINAL of a skimmed op's entry (skim.py): it holds its keys and elements, no record
# (its fields: index, op, line: enough for the line of a leaf it made, see OpTrace.creation)


_new = object.__new__
_set = object.__setattr__


def op_record(index: int, op: str, line: int, column: int, source: str, inputs: tuple, input_ids: tuple,
              outputs: tuple, var: str | None = None, in_function: str | None = None) -> OpRecord:
    """OpRecord(...) with the same arguments, without the frozen dataclass __init__ (one
    object.__setattr__ per field): the same fields in the same order, so it compares, hashes and
    pickles as the dataclass-made one (fast_records.py does the same for snapshots and nodes)."""
    record = _new(OpRecord)
    _set(record, "__dict__", {"index": index, "op": op, "line": line, "column": column, "source": source,
                              "inputs": inputs, "input_ids": input_ids, "outputs": outputs, "var": var,
                              "in_function": in_function})
    return record


def _materialize(entry: list) -> OpRecord:
    final = entry[_FINAL]
    if final is None:
        index, op, line, column, source, inputs, input_ids = entry[_FIELDS]
        outputs = entry[_OUTPUTS]
        outputs = (outputs[0].snapshot(),) if len(outputs) == 1 else tuple(o.snapshot() for o in outputs)
        final = entry[_FINAL] = op_record(index, op, line, column, source, inputs, input_ids, outputs,
                                          entry[_VAR], entry[_FUNCTION])
    return final


def _storage_key(tensor: Any) -> int | None:
    """The address of the memory under `tensor` (views share their base's)."""
    try:
        return tensor.untyped_storage().data_ptr()
    except Exception:  # noqa: BLE001 - sparse and other layouts have no plain storage
        return None
