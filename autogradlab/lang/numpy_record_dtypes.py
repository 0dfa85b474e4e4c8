"""NumPy's structured dtypes as its user guide writes them (basics.rec, issue 9): `np.dtype([('x', 'f4'),
('z', 'f4', (2, 2))])`, `np.dtype('i8, f4, S3')`, the dict forms, titles, `align=True`, `d.names`,
`d.fields`, `d['x']`, `d[['x', 'y']]`, and the bytes ('S3') and void ('V3') types their fields hold.

Nothing a program writes reaches NumPy's dtype parser unchecked: a dtype string is matched part by part
against a fixed grammar (numeric names of numpy_dtype_names.py, S/U/V with a length, a sub-array shape)
and every list, tuple and dict form is rebuilt from checked pieces, with at most MAX_FIELDS fields (counted
through nesting), MAX_DEPTH levels and MAX_ITEMSIZE bytes a record, before NumPy builds it. Object ('O')
fields are refused: a record holds numbers, strings and bytes only.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from autogradlab.errors import LimitExceeded, NotSupported, ProgramTypeError
from autogradlab.lang.numpy_dtype_names import DTYPE_NAMES

MAX_FIELDS = 1_000        # fields of one dtype, nested ones included
MAX_DEPTH = 8             # structured dtypes inside structured dtypes
MAX_ITEMSIZE = 1_000_000  # bytes one record (or one S / U / V element) takes
MAX_TEXT = 1_000          # characters of a dtype string, a field name or a title
_PART = re.compile(r"\s*(?:(\d{1,7})|\(([\d\s,]{0,60})\))?\s*([<>=|]?)([A-Za-z?][A-Za-z0-9]{0,14})\s*")
_FLEXIBLE = re.compile(r"([SUV])(\d{1,12})")
OBJECT_FIELDS = "object fields ('O') in numpy dtypes are not supported in Autograd Lab"


def _too_big(what: str, count: int, limit: int, unit: str) -> LimitExceeded:
    return LimitExceeded(f"{what} would have {count:,} {unit}; the limit is {limit:,} in Autograd Lab",
                         hint="use fewer fields or shorter strings")


def _not_understood(text: str) -> ProgramTypeError:
    shown = text if len(text) <= 40 else text[:40] + "…"
    return ProgramTypeError(f"data type '{shown}' not understood")


def _base_size(order: str, name: str, text: str) -> int:
    """Bytes of one element of a base type named in a dtype string; its name must be in the table."""
    flexible = _FLEXIBLE.fullmatch(name)
    if flexible:
        size = int(flexible.group(2)) * (4 if flexible.group(1) == "U" else 1)
        if size > MAX_ITEMSIZE:
            raise _too_big(f"the dtype '{name}'", size, MAX_ITEMSIZE, "bytes an element")
        return size
    if name in DTYPE_NAMES:
        return DTYPE_NAMES[name].itemsize
    if name in ("O", "object"):
        raise NotSupported(OBJECT_FIELDS)
    raise _not_understood(text)


def _shape_count(text: str, what: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    if parts and parts[-1] == "":
        parts.pop()
    if not parts or not all(p.isdigit() and len(p) <= 7 for p in parts) or len(parts) > 32:
        raise _not_understood(what)
    return tuple(int(p) for p in parts)


def checked_text(text: str) -> int:
    """A dtype string ('i8, f4, S3', '3int8, (2, 3)float64', '>i'): the number of its fields once the
    grammar and the sizes are checked (NumPy parses it afterwards)."""
    if len(text) > MAX_TEXT:
        raise _too_big("the dtype string", len(text), MAX_TEXT, "characters")
    parts = text.split(",") if "(" not in text else re.split(r",(?![^(]*\))", text)
    if len(parts) > 1 and parts[-1].strip() == "":
        parts.pop()
    total = 0
    for part in parts:
        match = _PART.fullmatch(part)
        if match is None:
            raise _not_understood(text)
        count, shape, order, name = match.groups()
        size = _base_size(order, name, text)
        counts = (int(count),) if count else _shape_count(shape, text) if shape is not None else ()
        total += size * math.prod(counts)
        if total > MAX_ITEMSIZE:
            raise _too_big(f"the dtype '{text[:40]}'", total, MAX_ITEMSIZE, "bytes a record")
    return len(parts)


class _Budget:
    """Fields counted through a whole dtype spec (nested lists and dicts), before NumPy sees it."""

    def __init__(self) -> None:
        self.fields = 0

    def add(self, count: int) -> None:
        self.fields += count
        if self.fields > MAX_FIELDS:
            raise _too_big("the structured dtype", self.fields, MAX_FIELDS, "fields")


def _text(value: Any) -> str:
    """A field's name or title."""
    if type(value) is not str:
        raise ProgramTypeError("a field's name or title must be a string")
    if len(value) > MAX_TEXT:
        raise _too_big("a field's name or title", len(value), MAX_TEXT, "characters")
    return value


def _shape(value: Any) -> tuple[int, ...] | int:
    items = value if isinstance(value, tuple) else (value,)
    if len(items) > 32 or not all(type(n) is int and 0 <= n <= MAX_ITEMSIZE for n in items):
        raise ProgramTypeError("a sub-array shape must be an int or a tuple of ints in Autograd Lab")
    if math.prod(items) > MAX_ITEMSIZE:
        raise _too_big("the sub-array field", math.prod(items), MAX_ITEMSIZE, "elements")
    return value


def clean_type(value: Any, budget: _Budget, depth: int) -> Any:
    """One field's type, rebuilt from checked pieces: a string, a numpy dtype, or a nested spec."""
    from autogradlab.lang.numpy_record_values import RECORD_MARK, FieldsView, RecordDtype
    from autogradlab.lang.safe_values import SafeNumpyDtype, SafeType
    if depth > MAX_DEPTH:
        raise _too_big("the structured dtype", depth, MAX_DEPTH, "levels of nesting")
    if type(value) is str:
        count = checked_text(value)
        budget.add(count if "," in value else 0)
        return value
    if isinstance(value, np.dtype):   # the engine's own (a program holds wrappers only)
        return value
    from autogradlab.lang.numpy_strings import StringDtype
    if isinstance(value, (SafeNumpyDtype, StringDtype)):   # np.float32, a '<U10' field's dtype
        return value.dtype
    if isinstance(value, RecordDtype):
        budget.add(len(value.dtype.names or ()))
        return value.dtype
    if isinstance(value, SafeType) and value.py_type in (int, float, bool, complex):
        return np.dtype(value.py_type)
    if isinstance(value, SafeType) and value.py_type is object:   # ('pet', object)
        raise NotSupported(OBJECT_FIELDS)
    if type(value) is list:
        return clean_list(value, budget, depth + 1)
    if type(value) is dict:
        return clean_dict(value, budget, depth + 1)
    if type(value) is tuple and len(value) == 2 and value[0] is RECORD_MARK:   # (np.record, dtype)
        return np.dtype((np.record, clean_type(value[1], budget, depth + 1)))
    if type(value) is tuple and len(value) == 2 and type(value[1]) is int and _unsized(value[0]):
        return clean_type(f"{_unsized(value[0])}{value[1]}", budget, depth + 1)   # (np.str_, 10) is 'U10'
    if type(value) is tuple and len(value) == 2:   # ('f8', (3, 3)): a sub-array type
        return (clean_type(value[0], budget, depth + 1), _shape(value[1]))
    if isinstance(value, FieldsView):   # np.dtype(d.fields): the fields-dict form
        return clean_dict(dict(value.mapping), budget, depth + 1)
    raise NotSupported("Autograd Lab supports dtypes named by a string, a numpy type, a list of (name, type) "
                       "fields or a dict of names and formats")


def _unsized(base: Any) -> str:
    """The letter of a flexible type given without its size (np.str_, 'U', 'S', 'V'), else ''. NumPy reads
    (flexible, n) as that type of n characters or bytes, (any other, n) as a sub-array of n."""
    from autogradlab.lang.safe_values import SafeType
    if isinstance(base, SafeType) and base.py_type is np.str_:
        return "U"
    return base if type(base) is str and base in ("U", "S", "V") else ""


def clean_list(fields: list, budget: _Budget, depth: int) -> list:
    budget.add(len(fields))
    out = []
    for field in fields:
        if type(field) is not tuple or not 2 <= len(field) <= 3:
            raise ProgramTypeError("a structured dtype's fields are (name, type) or (name, type, shape) "
                                   "tuples")
        name = field[0]
        if type(name) is tuple and len(name) == 2:   # (('my title', 'name'), 'f4')
            name = (_text(name[0]), _text(name[1]))
        else:
            name = _text(name)
        kind = clean_type(field[1], budget, depth)
        out.append((name, kind) if len(field) == 2 else (name, kind, _shape(field[2])))
    return out


_DICT_KEYS = ("names", "formats", "offsets", "titles", "itemsize", "aligned")


def _offset(value: Any) -> int:
    if type(value) is not int or not 0 <= value <= MAX_ITEMSIZE:
        raise ProgramTypeError(f"a field's offset and a dtype's itemsize are ints from 0 to {MAX_ITEMSIZE:,} "
                               "in Autograd Lab")
    return value


def clean_dict(spec: dict, budget: _Budget, depth: int) -> dict:
    """{'names': [...], 'formats': [...], 'offsets': [...], 'itemsize': n}, or
    {'name': (type, offset[, title])}."""
    if "names" in spec and "formats" in spec:
        if set(spec) - set(_DICT_KEYS):
            raise ProgramTypeError(f"a dtype dict takes the keys {', '.join(_DICT_KEYS)}")
        names, formats = spec["names"], spec["formats"]
        if type(names) not in (list, tuple) or type(formats) not in (list, tuple):   # NumPy takes both
            raise ProgramTypeError("a dtype dict's names and formats are lists or tuples")
        budget.add(len(names))
        out: dict[str, Any] = {"names": [_text(n) for n in names],
                               "formats": [clean_type(f, budget, depth) for f in formats]}
        if "offsets" in spec:
            if type(spec["offsets"]) not in (list, tuple):
                raise ProgramTypeError("a dtype dict's offsets are a list or a tuple")
            out["offsets"] = [_offset(n) for n in spec["offsets"][:MAX_FIELDS + 1]]
        if "titles" in spec:
            titles = spec["titles"]
            if type(titles) not in (list, tuple):
                raise ProgramTypeError("a dtype dict's titles are a list or a tuple")
            out["titles"] = [None if t is None else _text(t)
                             for t in titles[:MAX_FIELDS + 1]]
        if "itemsize" in spec:
            out["itemsize"] = _offset(spec["itemsize"])
        if "aligned" in spec:
            out["aligned"] = bool(spec["aligned"])
        return out
    budget.add(len(spec))
    out = {}
    for name, field in spec.items():
        if type(field) is not tuple or not 2 <= len(field) <= 3:
            raise ProgramTypeError("a dtype dict of fields maps each name to (type, offset) or "
                                   "(type, offset, title)")
        rest = (_offset(field[1]),) + ((_text(field[2]),) if len(field) == 3 else ())
        out[_text(name)] = (clean_type(field[0], budget, depth), *rest)
    return out


def checked_dtype(dtype: np.dtype) -> np.dtype:
    """A dtype NumPy built from a checked spec: no object fields anywhere, at most MAX_ITEMSIZE bytes."""
    if dtype.hasobject:
        raise NotSupported(OBJECT_FIELDS)
    if dtype.itemsize > MAX_ITEMSIZE:
        raise _too_big("the dtype", dtype.itemsize, MAX_ITEMSIZE, "bytes a record")
    if dtype.kind in "OMm":
        raise NotSupported(f"numpy dtypes of kind '{dtype.kind}' are not supported in Autograd Lab")
    return dtype


def make_dtype(spec: Any, align: bool = False) -> np.dtype:
    """np.dtype(spec, align=align) of a checked spec."""
    from autogradlab.lang.numpy_ops import _guarded
    clean = clean_type(spec, _Budget(), 0)
    if type(align) is not bool:
        raise ProgramTypeError("align= takes True or False")
    return checked_dtype(_guarded(lambda: np.dtype(clean, align=align)))


def is_record_spec(value: Any) -> bool:
    """A dtype= value numeric arrays do not take: a list, dict, (type, shape) tuple, or a string naming a
    structured, bytes or void type ('i8, f4', 'S3', 'V7')."""
    from autogradlab.lang.numpy_record_values import FieldsView, RecordDtype
    if type(value) in (list, dict, tuple) or isinstance(value, (RecordDtype, FieldsView)):
        return True
    return type(value) is str and value not in DTYPE_NAMES and ("," in value or bool(
        re.fullmatch(r"\s*[<>|=]?[SUV]\d+\s*|\s*\d.*|\s*\(.*", value)))
