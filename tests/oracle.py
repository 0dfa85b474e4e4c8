"""Plain PyTorch as the oracle: run a TRUSTED program with real Python and compare with a Report.

Only for program texts we wrote or reviewed (the seed programs, test snippets): this really execs
them. The engine seeds a private torch.Generator with the run's seed; `torch.manual_seed(seed)`
gives the same randn/rand values, so the oracle seeds the process-wide generator instead.
"""

from __future__ import annotations

import ast
import collections.abc
import contextlib
import io
import math
import pprint
import random
import re
import traceback
import types
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch

from autogradlab.report import PlainValue, SequenceValue, TensorValue
from tests.oracle_fills import zero_filled_empty

PROGRAM_FILENAME = "<program>"


@dataclass
class OracleRun:
    namespace: dict[str, Any]
    printed: str
    error: BaseException | None
    error_line: int | None
    displayed: list[tuple[int, str]]  # (line, repr) of top-level bare expressions, as sys.displayhook
    print_options: dict[str, Any] = field(default_factory=dict)   # torch's, as the program left them


    @property
    def variables(self) -> dict[str, Any]:
        return data_variables(self.namespace)


def run_trusted(source: str, seed: int = 0) -> OracleRun:
    """Exec `source` in a fresh namespace, as `python program.py` would, capturing stdout.

    An exception stops the run like it stops a script; the namespace keeps what was bound before it.
    """
    torch.manual_seed(seed)
    np.random.seed(seed)   # the engine seeds its own random / np.random with the run's seed too
    random.seed(seed)
    displayed: list[tuple[int, str]] = []
    namespace: dict[str, Any] = {"__name__": "__main__", DISPLAY: _displayer(displayed)}
    out = io.StringIO()
    error: BaseException | None = None
    line: int | None = None
    options: dict[str, Any] = {}
    with contextlib.redirect_stdout(out), zero_filled_empty(), _torch_state_kept(options):
        try:
            # dont_inherit: this file's `from __future__ import annotations` is no part of the program
            # (a dataclass's `ClassVar[int]` annotation would be a string CPython cannot resolve)
            code = compile(_with_display_calls(ast.parse(source, PROGRAM_FILENAME)), PROGRAM_FILENAME, "exec",
                           dont_inherit=True)
            exec(code, namespace)  # trusted text only
        except SyntaxError as exc:
            error, line = exc, exc.lineno
        except Exception as exc:  # the program's own failure is data here
            error, line = exc, _failing_line(exc)
    del namespace[DISPLAY]
    return OracleRun(namespace, out.getvalue(), error, line, displayed, options)


def _print_options() -> dict[str, Any]:
    return dict(vars(torch._tensor_str.PRINT_OPTS))


@contextlib.contextmanager
def shown_as_left(oracle: OracleRun):  # noqa: ANN201
    """The oracle's variables as a notebook shows them after the run: under the print options the
    program left (`torch.set_printoptions(edgeitems=2)`), which the oracle itself restores at its end."""
    before, numpy_before = _print_options(), np.get_printoptions()
    left = dict(oracle.print_options or before)
    numpy_left = left.pop(NUMPY_OPTIONS, None)   # np.set_printoptions(...) as the program left them
    torch.set_printoptions(**left)
    if numpy_left is not None:
        np.set_printoptions(**numpy_left)
    try:
        yield
    finally:
        torch.set_printoptions(**before)
        np.set_printoptions(**numpy_before)


DISPLAY = "__oracle_display__"
NUMPY_OPTIONS = "__numpy__"   # in OracleRun.print_options: NumPy's options, when the program changed them


@contextlib.contextmanager
def _torch_state_kept(left: dict[str, Any]):  # noqa: ANN202
    """The program runs in the test process: what it sets process-wide (`torch.set_default_device`
    pushes a TorchFunctionMode that outlives the run, `set_default_dtype`) must not reach the tests
    that run after it in the same process (test_tensor_text.py falls back to torch under a mode).
    `torch.set_grad_enabled(False)` as a call (chenyuntc/pytorch-book chapter 3) turns autograd off
    for the rest of the process: every later oracle run would compute without gradients. The print
    options the program left are saved in `left` (shown_as_left) and torch's restored."""
    dtype, grad, options = torch.get_default_dtype(), torch.is_grad_enabled(), _print_options()
    numpy_options = np.get_printoptions()
    constants = [(module, name, getattr(module, name)) for module in (torch, np, math)   # `torch.pi = ...`
                 for name in ("pi", "e", "tau", "inf", "nan") if hasattr(module, name)]
    try:
        yield
    finally:
        for module, name, value in constants:
            setattr(module, name, value)
        left.update(_print_options())   # torch.set_printoptions(...): the program's, for shown_as_left
        if np.get_printoptions() != numpy_options:   # np.set_printoptions(...) too
            left[NUMPY_OPTIONS] = np.get_printoptions()
        torch.set_printoptions(**options)
        np.set_printoptions(**numpy_options)
        torch.set_default_device(None)
        torch.set_default_dtype(dtype)
        torch.set_grad_enabled(grad)


ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")
# NumPy's Generator writes its address after its text (`Generator(PCG64) at 0x7F9A...`), no brackets
GENERATOR_ADDRESS = re.compile(r"(Generator\(\w+\)) at 0x[0-9a-fA-F]+")


def without_address(text: str) -> str:
    """`<MulBackward0 object at 0x7f..>` -> `<MulBackward0 object>`: addresses differ run to run
    (and the engine never shows real ones), so texts are compared without them."""
    return GENERATOR_ADDRESS.sub(r"\1", ADDRESS.sub(">", text))


def _displayer(displayed: list[tuple[int, str]]):
    def display(line: int, value: Any) -> None:
        if value is not None:
            displayed.append((line, without_address(repr(value))))
    return display


def _with_display_calls(tree: ast.Module) -> ast.Module:
    """Wrap each top-level bare expression `e` (line n) as `__oracle_display__(n, e)`."""
    for stmt in tree.body:
        if isinstance(stmt, ast.Expr):
            stmt.value = ast.Call(ast.Name(DISPLAY, ast.Load()), [ast.Constant(stmt.lineno), stmt.value], [])
    return ast.fix_missing_locations(tree)


def _failing_line(exc: BaseException) -> int | None:
    """The top-level program line that was running when `exc` escaped (the outermost program frame)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == PROGRAM_FILENAME]
    return frames[0].lineno if frames else None


def is_data(name: str, value: Any) -> bool:
    """The names a Report lists as variables: data bound by the program, not modules or functions."""
    if name.startswith("__"):
        return False
    if isinstance(value, torch.autograd.graph.Node):   # `xg = z.grad_fn`: a value (callable in torch)
        return True
    if type(value).__module__ == "__main__":   # an object of the program's own class (run_trusted's
        return True                            # namespace): the Report lists it with its repr text
    return not (isinstance(value, (types.ModuleType, type)) or callable(value))


def data_variables(namespace: dict[str, Any]) -> dict[str, Any]:
    """Data variables in first-assignment order (a dict keeps insertion order, as Python binds them)."""
    return {name: value for name, value in namespace.items()
            if is_data(name, value) and type(value).__name__ != "_Feature"}   # from __future__ import


# --- comparison --------------------------------------------------------------------------------

def dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def arrays_match(reported: Any, real: torch.Tensor) -> bool:
    """Exact for integers and bools; allclose (NaN equal to NaN) for floating and complex values."""
    if reported is None:
        return False
    real = real.detach().cpu()
    got = torch.as_tensor(np.array(reported))
    if tuple(got.shape) != tuple(real.shape):
        return False
    if real.is_floating_point() or real.is_complex():
        return bool(torch.allclose(got.to(real.dtype), real, rtol=1e-6, atol=1e-9, equal_nan=True))
    return bool(torch.equal(got.to(real.dtype), real))


def tensor_mismatches(reported: Any, real: torch.Tensor, path: str) -> list[str]:
    if not isinstance(reported, TensorValue):
        return [f"{path}: expected a TensorValue, got {type(reported).__name__}"]
    grad_fn = type(real.grad_fn).__name__ if real.grad_fn is not None else None
    expected = {
        "shape": tuple(real.shape),
        "dtype": dtype_name(real.dtype),
        "requires_grad": real.requires_grad,
        "is_leaf": real.is_leaf,
        "grad_fn": grad_fn,
        "text": str(real),
    }
    problems = [f"{path}.{field}: {getattr(reported, field)!r} != {want!r}"
                for field, want in expected.items() if getattr(reported, field) != want]
    if not arrays_match(reported.value, real):
        problems.append(f"{path}.value: {reported.value!r} != {real.detach()!r}")
    real_grad = real.grad if real.is_leaf or real.retains_grad else None  # PyTorch warns otherwise
    if real_grad is None:
        if reported.grad is not None:
            problems.append(f"{path}.grad: {reported.grad!r} != None")
    elif not arrays_match(reported.grad, real_grad):
        problems.append(f"{path}.grad: {reported.grad!r} != {real_grad!r}")
    return problems


def _numbers_equal(a: Any, b: Any) -> bool:
    if isinstance(b, np.generic):   # numpy scalars: compared by value; the text shows np.float64(...)
        a, b = (a.item() if isinstance(a, np.generic) else a), b.item()
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return type(a) is type(b) and a == b


def plain_mismatches(reported: Any, real: Any, path: str) -> list[str]:
    if not isinstance(reported, PlainValue):
        return [f"{path}: expected a PlainValue, got {type(reported).__name__}"]
    if isinstance(real, (bool, np.bool_)):
        kind, same = "bool", reported.value is bool(real)
    elif isinstance(real, (int, float, complex, np.number)):
        kind, same = "number", _numbers_equal(reported.value, real)
    elif isinstance(real, str):
        kind, same = "string", reported.value == real
    elif real is None:
        kind, same = "none", reported.value is None
    elif isinstance(real, torch.dtype):
        kind, same = "dtype", True
    elif isinstance(real, np.dtype):   # session 34: `d = np.dtype(np.int64)` (numpy basics.types)
        kind, same = "dtype", reported.text == repr(real)
    elif isinstance(real, type) and issubclass(real, np.generic):   # session 40: `[('x', np.float64)]`
        kind, same = "dtype", reported.text == repr(real)
    elif holds_program_objects(real):   # an object of the program's classes, a list of them: their text
        kind, same = "object", True
    elif isinstance(real, (torch.device, torch.Generator, torch.distributions.Distribution, dict,
                           pprint.PrettyPrinter, collections.abc.Iterator,   # `it = iter(vals)`: its text
                           np.random.Generator)):
        kind, same = "object", True
    elif isinstance(real, (set, frozenset)):   # session 38: `primes = {2, 3, 5, 7}` (Whirlwind Tour)
        kind, same = "set", True
    elif isinstance(real, (np.void, bytes)):   # session 35: a record `x[0]`, b'hello' (basics.rec, .strings)
        kind, same = "object", True
    elif isinstance(real, (type({}.keys()), type({}.values()), type({}.items()))):
        kind, same = "object", reported.text == repr(real)   # session 43: `items = d.items()` (ThinkPython)
    elif type(real) is object:   # session 45: `_no_value = object()`, a sentinel (草根学Python ch. 6)
        kind, same = "object", reported.text == without_address(repr(real))
    elif real is Ellipsis:   # session 34: `indices = (1, Ellipsis, 1)` (numpy basics.indexing)
        kind, same = "object", reported.text == "Ellipsis"
    elif isinstance(real, (slice, range, torch.finfo, torch.iinfo, np.finfo, np.iinfo, type(np.mgrid),
                           type(np.ogrid), type(np.r_), type(np.c_),   # session 30: compared by their text
                           torch.storage.TypedStorage,   # session 32: t.storage(), one number a line
                           type(np.ones(1).flags))):   # session 41: `f = a.flags`, compared by its text
        kind, same = "object", True
    elif isinstance(real, (torch.autograd.graph.Node, torch.utils.hooks.RemovableHandle)):   # y.register_hook
        kind, same = "object", reported.text == without_address(repr(real))
    elif isinstance(real, np.ndarray):
        value = reported.value
        kind = "array"
        same = (isinstance(value, np.ndarray) and value.dtype == real.dtype   # NaN where NumPy has NaN
                and np.array_equal(value, real, equal_nan=real.dtype.kind in "fc"))
    else:
        return [f"{path}: the oracle cannot compare a {type(real).__name__}"]
    problems = []
    if reported.kind != kind:
        problems.append(f"{path}.kind: {reported.kind!r} != {kind!r}")
    if not same:
        problems.append(f"{path}.value: {reported.value!r} != {real!r}")
    shown = _set_text(real) if isinstance(real, (set, frozenset)) else without_address(repr(real))
    if reported.text != shown:
        problems.append(f"{path}.text: {reported.text!r} != {real!r}")
    return problems


def sequence_mismatches(reported: Any, real: tuple | list, path: str) -> list[str]:
    if not isinstance(reported, SequenceValue):
        return [f"{path}: expected a SequenceValue, got {type(reported).__name__}"]
    type_name = "Size" if isinstance(real, torch.Size) else "tuple" if _named_tuple(real) \
        else type(real).__name__   # session 41: a namedtuple's items, its text Person(name='John', ...)
    problems = []
    if reported.type_name != type_name:
        problems.append(f"{path}.type_name: {reported.type_name!r} != {type_name!r}")
    if reported.text != without_address(repr(real)):   # a list of NumPy Generators: their addresses
        problems.append(f"{path}.text: {reported.text!r} != {repr(real)!r}")
    if len(reported.items) != len(real):
        return [*problems, f"{path}: {len(reported.items)} items != {len(real)}"]
    for i, (got, want) in enumerate(zip(reported.items, real, strict=True)):
        problems += value_mismatches(got, want, f"{path}[{i}]")
    return problems


def holds_program_objects(value: Any, depth: int = 0) -> bool:
    """An object or class of the program's own, or a list, tuple, set or dict holding one."""
    if type(value).__module__ == "__main__" or isinstance(value, type) and value.__module__ == "__main__":
        return True
    if depth < 50 and isinstance(value, (list, tuple, set, frozenset)):
        return any(holds_program_objects(item, depth + 1) for item in value)
    if depth < 50 and isinstance(value, dict):
        return any(holds_program_objects(item, depth + 1) for item in (*value.keys(), *value.values()))
    return False


def _named_tuple(value: Any) -> bool:
    """A collections.namedtuple instance of the program's (learn-python3's Person): a tuple the
    engine reports with its items and its own text."""
    kind = type(value)
    return isinstance(value, tuple) and hasattr(kind, "_fields") and kind.__module__ == "__main__"


def _set_text(real: set | frozenset) -> str:
    """The text the engine gives a set of texts: CPython's order of str items changes with the hash
    seed of each process, so the engine shows them sorted; the oracle compares that order."""
    if not real or not all(isinstance(item, str) for item in real):
        return without_address(repr(real))   # a set of the program's objects: {<__main__.H object>}
    inner = ", ".join(map(repr, sorted(real)))
    return f"{{{inner}}}" if type(real) is set else f"frozenset({{{inner}}})"


def value_mismatches(reported: Any, real: Any, path: str = "value") -> list[str]:
    """Every way a Report value differs from the real Python value; empty when they agree."""
    if isinstance(real, torch.Tensor):
        return tensor_mismatches(reported, real, path)
    if isinstance(real, (tuple, list)) and (not holds_program_objects(real) or _named_tuple(real)):
        return sequence_mismatches(reported, real, path)
    return plain_mismatches(reported, real, path)


def assert_value_matches(reported: Any, real: Any, path: str = "value") -> None:
    problems = value_mismatches(reported, real, path)
    assert not problems, "\n".join(problems)
