"""Bytes as NumPy's lessons show them (basics.strings, basics.types, basics.rec, rougier ch. 3): a literal
`b"hello"`, an element of an 'S' array (`a[0]`, `recordarr[1].baz`), `a.tobytes()` / `Z[1, 1].tobytes()`;
printed, compared (`a[0] == x[0]`), measured (`len`), indexed and sliced, decoded; `np.array([b"a", b"b"])`
makes an 'S' array of them (numpy_records.py holds it).

A BytesValue is an InertValue wrapping one immutable bytes object of at most the run's max_sequence_len
bytes (counted as a string is, before it is made); nothing else of it is reachable. Since session 36
`b'a' + b'b'`, `b'ab' * 3` and the comparisons run as CPython's (binary below: a join or repeat counted as a
str's, before it is made), and `bytes([65, 66])`, `bytes(3)`, `bytes('abc', 'utf-8')` make one; other
operands get CPython's own TypeError. Since session 37 bytes are dictionary keys and set items (hashed as
their bytes) and `b'%d' % n` formats (bytes_percent.py).
"""

from __future__ import annotations

from encodings import normalize_encoding
from encodings.aliases import aliases
from typing import Any

import numpy as np

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.inert_values import InertValue, named_kind

_MADE = [False]   # a BytesValue was made in this process: until then no list can hold one (holds_bytes)
_ENCODINGS = ("utf-8", "utf8", "ascii", "latin-1", "latin1")
_ERRORS = ("strict", "ignore", "replace")


class BytesValue(InertValue):
    """One bytes object (Python's bytes: its repr, ==, len, b[i], b[i:j], decode(), hex())."""

    __slots__ = ("data",)

    def __new__(cls, data: bytes, numpy: bool = False) -> BytesValue:
        return object.__new__(named_kind(BytesValue, "numpy.bytes_" if numpy else "bytes"))

    def __init__(self, data: bytes, numpy: bool = False) -> None:
        self.data = bytes(data)
        _MADE[0] = True

    def __repr__(self) -> str:   # an element of an 'S' array is NumPy's np.bytes_
        shown = repr(self.data)
        return f"np.bytes_({shown})" if type(self).__name__ == "numpy.bytes_" else shown

    def __str__(self) -> str:
        return str(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BytesValue) and other.data == self.data

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: object) -> bool:   # max(), sorted(): CPython's order of bytes (its TypeError
        return self.data < other.data if isinstance(other, BytesValue) else NotImplemented   # for others)

    def __le__(self, other: object) -> bool:
        return self.data <= other.data if isinstance(other, BytesValue) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.data > other.data if isinstance(other, BytesValue) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.data >= other.data if isinstance(other, BytesValue) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self):  # noqa: ANN204 - `for byte in b`: ints, as Python's
        return iter(self.data)

    def __bool__(self) -> bool:
        return bool(self.data)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, BytesValue):
            return item.data in self.data
        if type(item) is int:
            return item in self.data
        raise ProgramTypeError("a bytes-like object is required, not '" + type(item).__name__ + "'")

    def subscript(self, interp: Any, index: Any, node: Any) -> Any:
        from autogradlab.lang.operators import python_error
        if type(index) is slice:   # counted as a str slice is (a list of 99,000-byte slices: 198 MB in 5 s)
            interp.sizes.charge_sequence(len(range(*index.indices(len(self.data)))), "the slice")
            return BytesValue(self.data[index])
        if type(index) is int or isinstance(index, np.integer):
            try:
                return self.data[int(index)]
            except IndexError as exc:
                raise python_error(exc) from None
        raise python_error(TypeError(f"byte indices must be integers or slices, not {type(index).__name__}"))

    def attribute(self, interp: Any, name: str, node: Any) -> Any:
        from autogradlab.lang.missing_members import python_lacks  # b.foo: Python's AttributeError
        raise python_lacks(self, name) or NotSupported(
            f"the attribute `.{name}` of bytes values is not supported in Autograd Lab "
            "(supported: decode(), hex(), len(b), b[i], b[i:j], ==)")

    def call_method(self, interp: Any, name: str, args: list, kwargs: dict) -> Any:
        from autogradlab.lang.operators import python_error
        if name == "hex" and not args and not kwargs:
            interp.sizes.charge_sequence(2 * len(self.data), "the string")
            return self.data.hex()
        if name == "decode" and len(args) + len(kwargs) <= 2 and set(kwargs) <= {"encoding", "errors"}:
            encoding = kwargs.get("encoding", args[0] if args else "utf-8")
            errors = kwargs.get("errors", args[1] if len(args) > 1 else "strict")
            codec = codec_of(encoding, _DECODE_CODECS)
            if codec is None or errors not in _ERRORS:
                raise NotSupported("Autograd Lab supports `b.decode(encoding, errors)` with encoding utf-8, "
                                   "ascii, latin-1, gbk, gb2312 or gb18030 and errors strict, ignore or "
                                   "replace")
            interp.sizes.charge_sequence(len(self.data), "the string")   # at most a character a byte
            try:
                return self.data.decode(codec, errors)
            except UnicodeDecodeError as exc:
                raise python_error(exc) from None
        from autogradlab.lang.missing_members import python_lacks  # b.foo(): Python's AttributeError
        raise python_lacks(self, name) or NotSupported(
            f"the method `.{name}()` of bytes values is not supported in Autograd Lab "
            "(supported: decode(), hex())")


# The engine's classes of b'..' and of an 'S' array's element, and the class each stands for (missing_members)
BYTES_KINDS = {named_kind(BytesValue, "bytes"): bytes, named_kind(BytesValue, "numpy.bytes_"): np.bytes_}


# str.encode's codecs (pydata-book ch. 2: "latin1", "utf-16", "utf-16le"): CPython's built-in text codecs
# only (at most 4 bytes a character plus a 4-byte byte-order mark); no codec is looked up by another name.
_ENCODE = _ENCODINGS + ("utf-16", "utf16", "utf-16le", "utf-16be", "utf-32", "utf-32le", "utf-32be")
# CPython's codec of each name above: `s.encode('UTF-8')`, 'utf_8', 'U8', 'ISO-8859-1' name the same codec
# (red team s43: they were refused); a name is normalised as codecs.lookup does, and only these are taken
# Chinese lessons encode with GBK (Python-100-Days day 11: `'骆昊'.encode('gbk')`, `c.decode('gbk')`; session
# 44): CPython's GB codecs, at most 4 bytes a character each way
_DECODE_CODECS = frozenset({"utf_8", "ascii", "latin_1", "gbk", "gb2312", "gb18030"})
_ENCODE_CODECS = _DECODE_CODECS | {"utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}


def codec_of(name: Any, codecs: frozenset) -> str | None:
    """The codec CPython's lookup finds for `name` (its lower-case form normalised, then its aliases: a
    table, nothing imported) when that codec is one of `codecs`, else None."""
    if type(name) is not str or len(name) > 100:
        return None
    normal = normalize_encoding(name.lower())
    codec = aliases.get(normal) or aliases.get(normal.replace(".", "_")) or normal
    return codec if codec in codecs else None


def encode(interp: Any, text: str, args: list, **kwargs: Any) -> BytesValue:
    """`s.encode(encoding='utf-8', errors='strict')` (session 42): the bytes counted as bytes(...) counts."""
    from autogradlab.lang.operators import python_error
    if len(args) + len(kwargs) > 2 or not set(kwargs) <= {"encoding", "errors"}:
        raise NotSupported("Autograd Lab supports `s.encode(encoding, errors)`")
    encoding = kwargs.get("encoding", args[0] if args else "utf-8")
    errors = kwargs.get("errors", args[1] if len(args) > 1 else "strict")
    for name, value in (("encoding", encoding), ("errors", errors)):
        if type(value) is not str:   # CPython's words, before any codec is looked up
            from autogradlab.lang.safe_values import type_text
            shown = "None" if value is None else type_text(value)   # CPython names None itself (s43 red)
            raise python_error(TypeError(f"encode() argument '{name}' must be str, not {shown}"))
    codec = codec_of(encoding, _ENCODE_CODECS)
    if codec is None or errors not in _ERRORS:
        raise NotSupported("Autograd Lab supports `s.encode(encoding, errors)` with encoding utf-8, ascii, "
                           "latin-1, utf-16, utf-32, gbk, gb2312 or gb18030 and errors strict, ignore or "
                           "replace")
    try:   # at most 4 bytes a character (+ a 4-byte mark) of a string already within the limits
        data = text.encode(codec, errors)
    except UnicodeError as exc:
        raise python_error(exc) from None
    interp.sizes.charge_sequence(len(data), "the bytes")   # counted as bytes(...) counts its result
    return BytesValue(data)


def make_bytes(interp: Any, data: bytes, what: str, numpy: bool = False) -> BytesValue:
    """A new bytes value, counted as a string of its length is (max_sequence_len, the run's total)."""
    if interp is not None:
        interp.sizes.charge_sequence(len(data), what)
    return BytesValue(data, numpy)


def to_bytes(interp: Any, value: Any, what: str) -> BytesValue:
    """`a.tobytes()` of an array or a numpy scalar: its nbytes are counted before NumPy copies them."""
    size = int(value.nbytes) if isinstance(value, (np.ndarray, np.generic)) else 0
    interp.sizes.charge_sequence(size, what)
    from autogradlab.lang.padding_bytes import cleared
    return BytesValue(cleared(value))


_OPERANDS = (bytes, int, float, complex, str, type(None), list, tuple, np.integer)   # CPython's own errors


def binary(interp: Any, op: str, fn: Any, left: Any, right: Any) -> Any:
    """left <op> right with a bytes operand: a join or repeat counted before CPython makes it."""
    from autogradlab.lang.operators import python_error
    a = left.data if isinstance(left, BytesValue) else left
    b = right.data if isinstance(right, BytesValue) else right
    if op == "remainder" and type(a) is bytes:   # b'%d' % n, b'%s' % b'x' (bytes_percent.py)
        from autogradlab.lang.bytes_percent import percent
        return percent(interp, a, right)
    if not (isinstance(a, _OPERANDS) and isinstance(b, _OPERANDS)):
        raise NotSupported("bytes values support `+` with bytes, `*` with an int and comparisons in Autograd "
                           "Lab")
    if op == "add" and type(a) is bytes and type(b) is bytes:
        interp.sizes.charge_sequence(len(a) + len(b), "the joined sequence")
    elif op == "mul" and (type(a) is bytes) != (type(b) is bytes):
        data, count = (a, b) if type(a) is bytes else (b, a)
        if isinstance(count, (int, np.integer)):
            interp.sizes.charge_sequence(len(data) * max(0, int(count)), "the repeated sequence")
    try:
        result = fn(a, b)
    except Exception as exc:  # noqa: BLE001 - CPython's TypeError ("can't concat int to bytes")
        raise python_error(exc) from None
    return BytesValue(result) if type(result) is bytes else result


def make(interp: Any, args: list, kwargs: dict, node: Any) -> BytesValue:
    """bytes(), bytes(n), bytes([65, 66]) or of a range (ints 0-255), bytes(b), bytes('abc', 'utf-8'[,
    errors]): each counted as a string of its length before it is made."""
    from autogradlab.lang.operators import python_error
    if kwargs or len(args) > 3:
        raise NotSupported("Autograd Lab supports `bytes()`, `bytes(n)`, `bytes([65, 66])` and "
                           "`bytes(text, encoding)`")
    if not args:
        return BytesValue(b"")
    source = args[0]
    if type(source) is str:
        encoding = args[1] if len(args) > 1 else None
        if encoding is None:
            raise python_error(TypeError("string argument without an encoding"))
        if encoding not in _ENCODINGS or (args[2:] and args[2] not in _ERRORS):
            raise NotSupported("Autograd Lab supports `bytes(text, encoding, errors)` with encoding utf-8, "
                               "ascii or latin-1 and errors strict, ignore or replace")
        interp.sizes.charge_sequence(4 * len(source), "the bytes")   # at most 4 bytes a character
        try:
            return BytesValue(source.encode(*args[1:]))
        except UnicodeError as exc:
            raise python_error(exc) from None
    if len(args) > 1:
        raise python_error(TypeError("encoding without a string argument"))
    if isinstance(source, BytesValue):
        return BytesValue(source.data)
    if type(source) is int:
        interp.sizes.charge_sequence(max(0, source), "the bytes")
    elif isinstance(source, (list, tuple, range)):   # CPython stops at the first item out of 0-255
        interp.sizes.charge_sequence(len(source), "the bytes")
        if type(source) is not range and not all(type(item) in (int, bool) for item in source):
            bad = next(item for item in source if type(item) not in (int, bool))
            kind = type(bad).__name__
            raise python_error(TypeError(f"'{kind}' object cannot be interpreted as an integer"))
    else:
        raise NotSupported("Autograd Lab supports `bytes()`, `bytes(n)`, `bytes([65, 66])` and "
                           "`bytes(text, encoding)`")
    try:
        return BytesValue(bytes(source))
    except (ValueError, TypeError) as exc:   # "bytes must be in range(0, 256)", "negative count"
        raise python_error(exc) from None


def holds_bytes(data: Any) -> bool:
    """A nested list or tuple with a BytesValue among its leaves: each list's item types read in C (as
    numpy_strings.holds_text does: np.array of 1,000,000 numbers pays ~15 ms), a shared list once; no
    walk at all before the process has made one."""
    if not _MADE[0]:
        return False
    stack, seen = [data], {id(data)}
    while stack:
        seq = stack.pop()
        kinds = set(map(type, seq))
        if any(issubclass(kind, BytesValue) for kind in kinds):
            return True
        if list in kinds or tuple in kinds:
            for item in seq:
                if type(item) in (list, tuple) and id(item) not in seen:
                    seen.add(id(item))
                    stack.append(item)
    return False


def unwrapped(data: Any, depth: int = 0) -> Any:
    """The same nesting with each BytesValue replaced by its bytes (what NumPy is given); NumPy's arrays
    have at most 32 dimensions (a record's tuple and a sub-array's list add a few)."""
    if isinstance(data, BytesValue):
        return data.data
    if isinstance(data, (list, tuple)):
        if depth > 40:
            raise ProgramTypeError("maximum supported dimension for an ndarray is 32")
        return type(data)(unwrapped(item, depth + 1) for item in data)
    return data
