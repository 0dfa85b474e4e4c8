"""The modules a program can import, as Namespaces built from the allowlist tables.

`import torch` binds a Namespace holding only allowlisted members; nothing here hands out a real
module. Bare torch function names (`dot(x, x)`) resolve through `bare_torch_function`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import allowlist as al
from autogradlab.lang.calls import call_function, require_data
from autogradlab.lang.collections_module import collections_namespace
from autogradlab.lang.context_managers import contextlib_namespace
from autogradlab.lang.copy_module import copy_namespace
from autogradlab.lang.custom_functions import FUNCTION_BASE, ONCE_DIFFERENTIABLE
from autogradlab.lang.dataclasses_module import dataclasses_namespace
from autogradlab.lang.devices import device_namespaces
from autogradlab.lang.distributions import namespaces as distribution_namespaces
from autogradlab.lang.dtype_info import NUMPY_INFO_MEMBERS, TORCH_INFO_MEMBERS
from autogradlab.lang.fft_names import FFT_FUNCTIONS
from autogradlab.lang.forward_ad import forward_ad_namespace
from autogradlab.lang.func_transforms import func_namespace
from autogradlab.lang.itertools_module import itertools_namespace
from autogradlab.lang.keyword_module import keyword_namespace
from autogradlab.lang.map_filter import functools_namespace
from autogradlab.lang.math_ints import MATH_INT_FUNCTIONS
from autogradlab.lang.math_prod import MATH_PROD
from autogradlab.lang.multi_grad_hook import MULTI_GRAD_HOOK
from autogradlab.lang.nn_parameter import NN_PARAMETER
from autogradlab.lang.numpy_breadth_s36 import numpy_breadth_members
from autogradlab.lang.numpy_breadth_s37 import numpy_breadth_s37_members
from autogradlab.lang.numpy_char import NUMPY_STR_MEMBERS, numpy_char_namespace
from autogradlab.lang.numpy_counting import numpy_counting_members
from autogradlab.lang.numpy_creation import numpy_creation_members
from autogradlab.lang.numpy_dtype_names import dtype_named
from autogradlab.lang.numpy_emath import numpy_emath_members
from autogradlab.lang.numpy_everyday import numpy_everyday_members
from autogradlab.lang.numpy_flat import NUMPY_FLAT_MEMBERS
from autogradlab.lang.numpy_grids import NUMPY_GRID_MEMBERS
from autogradlab.lang.numpy_index_functions import numpy_index_members
from autogradlab.lang.numpy_joins import numpy_join_members
from autogradlab.lang.numpy_lessons_s35 import numpy_lessons_members
from autogradlab.lang.numpy_lessons_s36 import numpy_lessons_s36_members
from autogradlab.lang.numpy_linalg import numpy_linalg_members
from autogradlab.lang.numpy_makers_s34 import numpy_makers_members
from autogradlab.lang.numpy_ops import numpy_members
from autogradlab.lang.numpy_order import numpy_order_members
from autogradlab.lang.numpy_poly1d import NUMPY_POLY1D_MEMBERS
from autogradlab.lang.numpy_polynomial_class import polynomial_namespaces
from autogradlab.lang.numpy_polynomials import numpy_polynomial_members
from autogradlab.lang.numpy_print_options import numpy_print_members
from autogradlab.lang.numpy_record_making import numpy_record_members, recfunctions_namespace
from autogradlab.lang.numpy_sets_bits import numpy_sets_bits_members
from autogradlab.lang.numpy_shape_functions import NUMPY_SHAPE_FUNCTIONS
from autogradlab.lang.numpy_signal import numpy_signal_members
from autogradlab.lang.numpy_testing import numpy_testing_namespace
from autogradlab.lang.numpy_type_tree import numpy_type_tree_members
from autogradlab.lang.numpy_vectorize import NUMPY_VECTORIZE_MEMBERS
from autogradlab.lang.operator_module import operator_namespace
from autogradlab.lang.package_versions import importlib_metadata_namespace
from autogradlab.lang.pprint_module import pprint_namespace
from autogradlab.lang.random_modules import random_namespaces
from autogradlab.lang.safe_values import (
    Namespace,
    SafeArray,
    SafeFunction,
    SafeGradFn,
    SafeNumpyDtype,
    SafeType,
)
from autogradlab.lang.saved_tensor_hooks import SAVED_TENSORS_HOOKS
from autogradlab.lang.special_names import SPECIAL_FUNCTIONS
from autogradlab.lang.statistics_module import statistics_namespace
from autogradlab.lang.string_module import string_namespace
from autogradlab.lang.tensor_api import NUMPY_VERSION, torch_members
from autogradlab.lang.time_module import time_namespace
from autogradlab.lang.torch_extras import torch_extra_members
from autogradlab.lang.torch_testing import testing_namespace
from autogradlab.lang.typing_module import abc_namespace, numpy_typing_members, typing_namespace
from autogradlab.lang.variable_type import variable_members
from autogradlab.lang.warnings_module import warnings_namespace

TENSOR_TYPE = SafeType("torch.Tensor", torch.Tensor)
# torch.nn.Parameter as PyTorch has it: a class (`<class 'torch.nn.parameter.Parameter'>`, type(p) and
# isinstance(p, nn.Parameter) answer as in PyTorch) whose call is the constructor (nn_parameter.py)
PARAMETER_TYPE = SafeType("torch.nn.parameter.Parameter", torch.nn.Parameter, NN_PARAMETER.impl)
NDARRAY_TYPE = SafeType("numpy.ndarray", SafeArray)
NODE_TYPE = SafeType("torch.autograd.graph.Node", SafeGradFn)


def _library_function(qualname: str, fn: Callable[..., Any], spec: al.CallSpec) -> SafeFunction:
    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        return call_function(interp, qualname, fn, spec, args, kwargs, node)
    impl.planned = ("torch", qualname, fn, spec)   # a compiled call site plans it (function_sites.py)
    return SafeFunction(qualname, impl)


def _functions(prefix: str, module: Any, table: dict[str, al.CallSpec]) -> dict[str, SafeFunction]:
    return {name: _library_function(f"{prefix}.{name}", getattr(module, name), spec)
            for name, spec in table.items()}


def _math_function(name: str) -> SafeFunction:
    fn = getattr(math, name)

    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        if kwargs:
            raise NotSupported(f"`math.{name}` takes no keyword arguments in Autograd Lab")
        for value in args:
            require_data(value, f"in `math.{name}`")
        return fn(*args)
    impl.planned = ("math", fn)   # a compiled call site plans it (function_sites.py)
    return SafeFunction(f"math.{name}", impl)


def _np_array_function(interp, args, kwargs, node):  # noqa: ANN001, ANN202
    """np.array itself: `np.array(['cat', 'dog'])` makes an array of strings (numpy_strings.py); every
    other list a numpy function is given stays numbers only (_np_array)."""
    from autogradlab.lang import numpy_strings
    args, kwargs = positional_dtype(args, kwargs)
    if len(args) == 1 and not set(kwargs) - {"dtype"}:
        data, dtype = args[0], kwargs.get("dtype")
        texts = isinstance(data, numpy_strings.StringArray) or \
            isinstance(data, list | tuple) and numpy_strings.holds_text(data)
        fixed = numpy_strings.fixed_width(dtype) if texts or type(data) is str else None   # dtype="U5"
        if numpy_strings.is_str_type(dtype) or texts and dtype is None or fixed:
            require_data(data, "in `np.array`")
            interp.sizes.check_nested(data, "np.array")
            return numpy_strings.string_array(interp, data, dtype is not None, fixed)
        from autogradlab.lang.numpy_record_making import bytes_array, dtype_spec, record_array
        if (spec := dtype_spec(dtype)) is not None:   # dtype=[('name', 'U10'), ('age', 'i4')]: records
            return record_array(interp, data, spec)
        from autogradlab.lang.bytes_values import holds_bytes
        if dtype is None and isinstance(data, list | tuple) and holds_bytes(data):   # [b"hello", b"world"]
            return bytes_array(interp, data)
        if texts:   # np.array(words, dtype=float): numbers, as NumPy parses them; a list is sized as a
            if not isinstance(data, numpy_strings.StringArray):   # string array first (1,000,000 characters)
                require_data(data, "in `np.array`")
                interp.sizes.check_nested(data, "np.array")
                data = numpy_strings.string_array(interp, data, False)
            args = [data.array.tolist()]
        return _np_array(interp, args, kwargs, node, text_checked=True)
    return _np_array(interp, args, kwargs, node)


def positional_dtype(args: list, kwargs: dict) -> tuple[list, dict]:
    """`np.array(data, np.int32)`, `np.asarray(x, float)`: NumPy's second parameter is the dtype."""
    if len(args) == 2 and "dtype" not in kwargs:
        return args[:1], {**kwargs, "dtype": args[1]}
    return args, kwargs


def _np_array(interp, args, kwargs, node, text_checked=False):  # noqa: ANN001, ANN202
    """np.array(nested list[, dtype]): numeric arrays only, sized before they are built."""
    args, kwargs = positional_dtype(args, kwargs)
    if len(args) != 1 or set(kwargs) - {"dtype"}:
        raise NotSupported("Autograd Lab supports only `np.array(data)` and `np.array(data, dtype=...)`")
    data = args[0]
    require_data(data, "in `np.array`")
    dtype = kwargs.get("dtype")
    if isinstance(dtype, str):   # dtype='float32' (numpy_dtype_names.py)
        dtype = dtype_named(dtype)
    if isinstance(dtype, SafeType) and dtype.py_type in (int, float, bool, complex):
        dtype = SafeNumpyDtype(np.dtype(dtype.py_type).type)   # np.array(data, dtype=float): float64
    if dtype is not None and not isinstance(dtype, SafeNumpyDtype):
        raise ProgramTypeError("np.array(dtype=...) needs a numpy dtype such as np.float32")
    interp.sizes.check_nested(data, "np.array")
    if isinstance(data, SafeArray):
        data = data.array
    elif isinstance(data, list | tuple) and any(type(item) is SafeArray for item in data):
        data = [item.array if type(item) is SafeArray else item for item in data]   # np.array([X, Y])
    if isinstance(data, torch.Tensor):
        raise NotSupported("np.array(tensor) is not supported in Autograd Lab; use tensor.numpy()")
    # Strings are refused before NumPy makes a '<U' array of them: check_nested follows the first item
    # only, so ['x'] + ['x' * 10000] * 30000 made 1.2 GB before this refusal (red team, session 33)
    from autogradlab.lang.numpy_strings import holds_text
    if not text_checked and isinstance(data, list | tuple) and holds_text(data):
        raise NotSupported("Autograd Lab supports numpy arrays of numbers only")
    try:
        array = np.array(data, dtype=None if dtype is None else dtype.dtype)
    except (ValueError, TypeError, OverflowError) as exc:   # np.array([[1], [2, 3]]): NumPy's catchable
        from autogradlab.lang.operators import python_error  # ValueError, its class and text (session 43)
        raise python_error(exc) from None
    except Exception as exc:  # noqa: BLE001
        raise ProgramTypeError(f"np.array: {exc}") from None
    if array.dtype.kind not in "biufc":
        raise NotSupported("Autograd Lab supports numpy arrays of numbers only")
    interp.sizes.check_elements(array.size, "np.array")
    interp.sizes.total_elements += array.size
    return SafeArray(array)


class NotAModule:
    """What `torch.nn.Module` stands for: a class no value of a program is an instance of, so d2l's
    `if isinstance(net, torch.nn.Module):` runs as written (a model class itself is refused by the
    static checker; calling the type is refused as any SafeType without a conversion)."""


def _refused_class(qualname: str):  # noqa: ANN202
    """`torch.nn.Module()`, `torch.optim.Optimizer(...)` called: refused as `torch.nn.Linear` is, by
    its name and the model hint (session 42; it named the class's repr before)."""
    def convert(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        from autogradlab.errors import NotSupported
        from autogradlab.lang.allowed_imports import out_of_scope, scope_hint
        raise NotSupported(f"`{qualname}` is not supported in Autograd Lab",
                           hint=scope_hint(qualname, out_of_scope(qualname) or ""))
    return convert


MODULE_TYPE = SafeType("torch.nn.modules.module.Module", NotAModule, _refused_class("torch.nn.Module"))


class NotAnOptimizer:
    """`torch.optim.Optimizer` likewise: d2l's `if isinstance(updater, torch.optim.Optimizer):` answers
    False (the optimizers themselves stay refused with their hint)."""


OPTIMIZER_TYPE = SafeType("torch.optim.optimizer.Optimizer", NotAnOptimizer,
                          _refused_class("torch.optim.Optimizer"))


@lru_cache(maxsize=1)
def modules() -> dict[str, Namespace]:
    """Dotted module name -> Namespace, for import lines and attribute access."""
    functional = Namespace("torch.autograd.functional", {
        name: SafeFunction(f"torch.autograd.functional.{name}", _special(name, spec))
        for name, spec in al.AUTOGRAD_FUNCTIONAL.items()})
    autograd = Namespace("torch.autograd", {
        "functional": functional, "Function": FUNCTION_BASE,   # a base class (lang/custom_functions.py)
        "function": Namespace("torch.autograd.function", {"Function": FUNCTION_BASE,
                                                          "once_differentiable": ONCE_DIFFERENTIABLE}),
        "forward_ad": forward_ad_namespace(),   # dual_level, make_dual, unpack_dual (forward_ad.py)
        # isinstance(b.grad_fn, torch.autograd.graph.Node) (Node.register_hook's docs; graph_hooks.py)
        "graph": Namespace("torch.autograd.graph", {"Node": NODE_TYPE,   # (multi_grad_hook.py)
                                                    "register_multi_grad_hook": MULTI_GRAD_HOOK,
                                                    "saved_tensors_hooks": SAVED_TENSORS_HOOKS}),
        **variable_members(),   # the pre-0.4 Variable(x, requires_grad=True) (variable_type.py)
        **{name: SafeFunction(f"torch.autograd.{name}", _special(name, spec, "torch.autograd"))
           for name, spec in al.AUTOGRAD_FUNCTIONS.items()}})
    linalg = Namespace("torch.linalg", _functions("torch.linalg", torch.linalg, al.LINALG_FUNCTIONS))
    nn_functional = Namespace("torch.nn.functional",
                              _functions("torch.nn.functional", F, al.NN_FUNCTIONAL))
    nn = Namespace("torch.nn", {"functional": nn_functional, "Module": MODULE_TYPE,
                                "Parameter": PARAMETER_TYPE})   # its call: nn_parameter.py
    special = Namespace("torch.special", _functions("torch.special", torch.special, SPECIAL_FUNCTIONS))
    fft = Namespace("torch.fft", _functions("torch.fft", torch.fft, FFT_FUNCTIONS))   # fft_names.py
    torch_ns = Namespace("torch", {
        **_functions("torch", torch, al.TORCH_FUNCTIONS),
        **{name: getattr(torch, name) for name in al.TORCH_DTYPES},
        **al.TORCH_CONSTANTS,
        "Tensor": TENSOR_TYPE,
        "autograd": autograd, "linalg": linalg, "nn": nn, "special": special, "fft": fft,
        "optim": Namespace("torch.optim", {"Optimizer": OPTIMIZER_TYPE}),
    })
    numpy_ns = Namespace("numpy", {
        "array": SafeFunction("numpy.array", _np_array_function),
        "ndarray": NDARRAY_TYPE,
        "pi": math.pi, "e": math.e, "inf": math.inf, "nan": math.nan,
        # (session 42: Johansson's lecture 2 starts with `from numpy import *`; PDSH prints np.True_)
        "euler_gamma": float(np.euler_gamma), "little_endian": bool(np.little_endian),
        "True_": np.True_, "False_": np.False_,
        **numpy_scalar_types(),
        "dtype": SafeFunction("numpy.dtype", _np_dtype),
    })
    math_ns = Namespace("math", {
        **{name: _math_function(name) for name in al.MATH_FUNCTIONS},
        **{name: getattr(math, name) for name in al.MATH_CONSTANTS},
        **MATH_INT_FUNCTIONS,   # math.factorial, math.comb, ... (lang/math_ints.py)
        "prod": MATH_PROD,   # (lang/math_prod.py)
    })
    devices = {**device_namespaces(), **distribution_namespaces()}
    torch_ns.members.update(devices.pop("torch").members)
    torch_ns.members["distributions"] = devices["torch.distributions"]
    torch_ns.members.update(torch_members())
    torch_ns.members.update(torch_extra_members())   # empty (zero-filled), torch.sin_(x)
    func = func_namespace()   # torch.func's transforms (func_transforms.py); torch.vmap is torch.func.vmap
    torch_ns.members["func"], torch_ns.members["vmap"] = func, func.members["vmap"]
    torch_ns.members["testing"] = testing_namespace()   # assert_close (torch_testing.py)
    numpy_ns.members["__version__"] = NUMPY_VERSION
    for table in numpy_tables():
        numpy_ns.members.update(table)
    torch_ns.members.update(TORCH_INFO_MEMBERS)   # torch.finfo, torch.iinfo (dtype_info.py)
    randoms = random_namespaces()   # Python's random and np.random (random_modules.py)
    numpy_ns.members["random"] = randoms["numpy.random"]
    numpy_ns.members["testing"] = numpy_testing_namespace()   # assert_allclose, ... (numpy_testing.py)
    numpy_ns.members["char"] = numpy_char_namespace()   # np.char.upper, ... (numpy_char.py)
    polynomials = polynomial_namespaces()   # np.polynomial (numpy_polynomial_class.py)
    numpy_ns.members["polynomial"] = polynomials["numpy.polynomial"]
    return {**devices, "torch": torch_ns, "torch.autograd": autograd, "torch.autograd.functional": functional,
            "torch.autograd.function": autograd.members["function"],
            "torch.autograd.forward_ad": autograd.members["forward_ad"],
            "torch.autograd.graph": autograd.members["graph"],   # Node, register_multi_grad_hook
            "torch.linalg": linalg, "torch.special": special, "torch.fft": fft,
            "torch.func": func, "torch.nn": nn, "torch.nn.functional": nn_functional,
            "torch.optim": torch_ns.members["optim"], "torch.testing": torch_ns.members["testing"],
            "numpy": numpy_ns, "numpy.linalg": numpy_ns.members["linalg"],
            "numpy.testing": numpy_ns.members["testing"],
            "numpy.typing": numpy_ns.members["typing"], "math": math_ns, **randoms, **polynomials,
            "numpy.lib.recfunctions": recfunctions_namespace(),   # numpy_record_making.py
            "copy": copy_namespace(), "operator": operator_namespace(), "string": string_namespace(),
            "statistics": statistics_namespace(), "keyword": keyword_namespace(),
            "importlib.metadata": importlib_metadata_namespace(),   # version("torch") (package_versions.py)
            "warnings": warnings_namespace(), "functools": functools_namespace(), "time": time_namespace(),
            "pprint": pprint_namespace(), "collections": collections_namespace(),
            "itertools": itertools_namespace(), "contextlib": contextlib_namespace(), **plotting_namespaces(),
            "typing": typing_namespace(), "dataclasses": dataclasses_namespace(),
            "collections.abc": abc_namespace(),   # inert forms for annotations (typing_module.py)
            "pdb": Namespace("pdb", {})}   # no members: its first use stops there (attribute_errors.py)


def _np_dtype(interp, args: list, kwargs: dict, node) -> SafeNumpyDtype:  # noqa: ANN001
    """np.dtype('float32'), np.dtype(np.float64), np.dtype(float): numeric dtypes only (numpy_ops._dtype)."""
    from autogradlab.lang.numpy_ops import _dtype
    from autogradlab.lang.numpy_record_making import numpy_dtype
    if (records := numpy_dtype(args, kwargs)) is not None:   # np.dtype('i8, f4'), np.dtype([...], align=True)
        return records
    return SafeNumpyDtype(np.dtype(_dtype({"dtype": args[0]})), instance=True)


def numpy_scalar_types() -> dict[str, SafeNumpyDtype]:
    """np.float64, np.int32, ... and their other names (np.double), each one object as in numpy."""
    types = {name: SafeNumpyDtype(getattr(np, name), scalar_type=True) for name in al.NUMPY_DTYPES}
    return types | {alias: types[name] for alias, name in al.NUMPY_DTYPE_ALIASES.items()}


def numpy_tables() -> list[dict]:
    """The tables of numpy's members, one per module (a name in two would be shadowed by the later one:
    tests/unit/test_numpy_everyday_s29.py checks that none is)."""
    return [numpy_members(),
            numpy_everyday_members(),   # np.std, np.where, ... (numpy_everyday.py)
            numpy_linalg_members(),   # np.dot
            numpy_creation_members(),   # np.full, np.eye, np.tile, ... (numpy_creation.py)
            numpy_join_members(),   # np.concatenate, np.hsplit, np.nonzero (numpy_joins.py)
            numpy_print_members(),   # np.set_printoptions (numpy_print_options.py)
            numpy_makers_members(),   # np.vander, np.geomspace, np.dstack (numpy_makers_s34.py)
            numpy_index_members(),   # np.fromfunction, np.trapezoid (numpy_index_functions)
            NUMPY_INFO_MEMBERS,   # np.finfo, np.iinfo (dtype_info.py)
            NUMPY_FLAT_MEMBERS,   # np.ndindex, np.ndenumerate, np.nditer (numpy_flat.py)
            NUMPY_GRID_MEMBERS,   # np.mgrid, np.ogrid, np.r_, np.c_, np.ix_ (numpy_grids.py)
            numpy_counting_members(),   # np.bincount, np.diff, np.pad, np.unravel_index, ... (numpy_counting)
            numpy_emath_members(),   # np.emath.sqrt, np.emath.log, ... (numpy_emath.py)
            numpy_typing_members(),   # np.typing.NDArray (typing_module.py)
            numpy_record_members(),   # np.rec, np.recarray, np.record, np.result_type (numpy_record_making)
            numpy_type_tree_members(),   # np.integer, np.issubdtype, np.typecodes (numpy_type_tree.py)
            numpy_order_members(),   # np.partition, np.searchsorted, np.may_share_memory (numpy_order.py)
            numpy_polynomial_members(),   # np.polyfit, np.polyval (numpy_polynomials.py)
            NUMPY_POLY1D_MEMBERS,   # np.poly1d, np.roots (numpy_poly1d.py)
            numpy_signal_members(),   # np.gradient, np.convolve, np.interp, ... (numpy_signal.py)
            numpy_sets_bits_members(),   # np.isin, np.resize, np.modf, np.packbits, ... (numpy_sets_bits.py)
            NUMPY_STR_MEMBERS,   # np.str_ (numpy_char.py)
            NUMPY_SHAPE_FUNCTIONS,   # np.shape, np.size, np.take, np.choose, ... (numpy_shape_functions.py)
            NUMPY_VECTORIZE_MEMBERS,   # np.vectorize (numpy_vectorize.py)
            numpy_lessons_members(),   # np.tri, np.take_along_axis, ... (numpy_lessons_s35.py)
            numpy_breadth_members(),   # np.binary_repr, np.put, np.seterr, np.hanning (numpy_breadth_s36.py)
            numpy_breadth_s37_members(),   # np.unique_counts, np.unique_all, ... (numpy_breadth_s37.py)
            numpy_lessons_s36_members()]   # np.broadcast_to, np.nan_to_num, ... (numpy_lessons_s36.py)


def plotting_namespaces() -> dict[str, Namespace]:
    """`import matplotlib.pyplot as plt` binds a name with no members: a notebook's computing cells run,
    and its first plotting line stops the program there with a message (attribute_errors.py), instead
    of the whole program being refused before anything ran."""
    pyplot = Namespace("matplotlib.pyplot", {})
    return {"matplotlib": Namespace("matplotlib", {"pyplot": pyplot}), "matplotlib.pyplot": pyplot}


def _special(name: str, spec: al.CallSpec, prefix: str = "torch.autograd.functional"):  # noqa: ANN202
    qualname = f"{prefix}.{name}"

    def impl(interp, args, kwargs, node):  # noqa: ANN001, ANN202
        return call_function(interp, qualname, None, spec, args, kwargs, node)
    return impl


def bare_torch_function(name: str) -> Any | None:
    """`dot` -> torch.dot's SafeFunction, so `dot(x, x)` works like `torch.dot(x, x)`."""
    if name in al.TORCH_FUNCTIONS:
        return modules()["torch"].members[name]
    return None


def resolve_import(module: str) -> Namespace:
    namespace = modules().get(module)
    if namespace is None:
        raise NotSupported(f"`import {module}` is not supported in Autograd Lab")
    return namespace
