"""The imports a program may write: the one table the checker and the interpreter both read.

ALLOWED_IMPORTS maps a dotted path to the namespace key the interpreter binds for it. The key is the
path itself; the interpreter owns the safe namespace behind each key and may refuse a key it does
not provide (then the program gets the interpreter's NotSupported at that line).

    import torch                                    -> torch = "torch"
    import torch.nn                                 -> torch = "torch"  (Python binds the top name)
    import torch.nn as nn                           -> nn = "torch.nn"
    import torch.nn.functional as F                 -> F = "torch.nn.functional"
    import numpy as np / import math                -> np = "numpy" / math = "math"
    from torch import nn                            -> nn = "torch.nn"
    from torch.autograd.functional import jacobian  -> jacobian = "torch.autograd.functional.jacobian"
    from torch.autograd import grad                 -> grad = "torch.autograd.grad"

`import X` needs X in IMPORTABLE_MODULES; `from X import Y` needs "X.Y" in ALLOWED_IMPORTS.
Everything else (os, sys, pandas, subprocess, torch.hub, torch.utils, importlib, `*`, relative
imports, torch.func's other members) is refused by the checker before anything runs.
"""

from __future__ import annotations

import ast
import sys

from autogradlab.errors import NotSupported
from autogradlab.lang.allowlist import (
    ABC_NAMES,
    DATACLASS_NAMES,
    LINALG_FUNCTIONS,
    MATH_CONSTANTS,
    MATH_FUNCTIONS,
    MATH_INT_NAMES,
    NUMPY_LINALG_NAMES,
    NUMPY_LINALG_RESULT_NAMES,
    NUMPY_POLYNOMIAL_NAMES,
    NUMPY_TYPING_NAMES,
    TORCH_CONSTANTS,
    TORCH_DTYPES,
    TORCH_FUNCTIONS,
    TYPING_NAMES,
)
from autogradlab.lang.fft_names import FFT_FUNCTIONS
from autogradlab.lang.numpy_testing_names import NUMPY_TESTING_NAMES
from autogradlab.lang.operator_names import OPERATOR_NAMES
from autogradlab.lang.special_names import SPECIAL_FUNCTIONS
from autogradlab.lang.time_module import CLOCKS, refusal

FUNC_MEMBERS = ("grad", "grad_and_value", "jacrev", "jacfwd", "hessian", "vmap", "vjp", "jvp", "linearize")
_DISTRIBUTIONS = {"multinomial": "Multinomial", "categorical": "Categorical", "normal": "Normal",
                  "bernoulli": "Bernoulli", "uniform": "Uniform", "binomial": "Binomial",
                  "poisson": "Poisson", "exponential": "Exponential", "geometric": "Geometric",
                  "laplace": "Laplace", "multivariate_normal": "MultivariateNormal",
                  # session 36 (lang/distributions_more.py; named here without importing torch)
                  "beta": "Beta", "gamma": "Gamma", "cauchy": "Cauchy", "chi2": "Chi2",
                  "half_cauchy": "HalfCauchy", "half_normal": "HalfNormal", "log_normal": "LogNormal",
                  "gumbel": "Gumbel", "studentT": "StudentT", "pareto": "Pareto", "weibull": "Weibull",
                  "kumaraswamy": "Kumaraswamy", "dirichlet": "Dirichlet",
                  "continuous_bernoulli": "ContinuousBernoulli", "fishersnedecor": "FisherSnedecor",
                  "inverse_gamma": "InverseGamma", "generalized_pareto": "GeneralizedPareto",
                  "one_hot_categorical": "OneHotCategorical", "relaxed_bernoulli": "RelaxedBernoulli",
                  "relaxed_categorical": "RelaxedOneHotCategorical", "logistic_normal": "LogisticNormal"}
# np.random's functions a program may import by name (the namespace holds them: lang/random_modules.py)
NUMPY_RANDOM_NAMES = ("beta", "binomial", "chisquare", "choice", "exponential", "gamma", "geometric",
                      "laplace", "logistic", "lognormal", "normal", "permutation", "poisson", "rand",
                      "randint", "randn", "random", "random_sample", "ranf", "sample", "seed", "shuffle",
                      "standard_exponential", "standard_normal", "standard_t", "uniform")
# Python's random functions a program may import by name (`from random import randint`; random_modules.py)
PY_RANDOM_NAMES = ("random", "uniform", "randint", "randrange", "gauss", "normalvariate", "choice",
                   "shuffle", "sample", "seed", "choices")
# Python's string module: its constant texts (`string.ascii_lowercase`; lang/string_module.py)
STRING_CONSTANTS = ("ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits", "octdigits",
                    "punctuation", "printable", "whitespace")
# Python's statistics module: its descriptive functions on numbers (lang/statistics_module.py)
STATISTICS_NAMES = ("mean", "fmean", "median", "median_low", "median_high", "mode", "multimode", "stdev",
                    "pstdev", "variance", "pvariance")
_MODULES = (
    "torch", "torch.nn", "torch.nn.functional", "torch.linalg", "torch.autograd",
    "torch.special",   # expit, erf, gammaln, xlogy, ... (lang/special_names.py)
    "torch.fft",   # fft, rfft, fftfreq, fftshift, ... (lang/fft_names.py)
    "torch.autograd.functional", "torch.autograd.function", "numpy", "math", "torch.distributions", "random",
    "torch.autograd.graph",   # Node, register_multi_grad_hook (lang/multi_grad_hook.py)
    "numpy.random", "copy",
    "numpy.testing",   # assert_allclose, assert_array_equal, ... (lang/numpy_testing.py)
    "numpy.linalg",   # norm, solve, inv, det, eigvals, eigvalsh, matrix_rank (lang/numpy_linalg.py)
    "torch.backends.cudnn",   # the seeding cell's flags (lang/cudnn_flags.py)
    "functools",   # reduce (lang/map_filter.py), partial (partial_function.py), wraps (decorators.py)
    "torch.autograd.forward_ad",   # dual_level, make_dual, unpack_dual (lang/forward_ad.py)
    "torch.func",  # grad, jacrev, jacfwd, hessian, vmap, vjp, jvp (lang/func_transforms.py)
    "warnings",    # filterwarnings("ignore"): a no-op (lang/warnings_module.py)
    "time",        # the clocks only, read-only (lang/time_module.py)
    "pprint",      # pprint, pformat, PrettyPrinter on data values (lang/pprint_module.py)
    "collections",   # Counter and defaultdict (lang/collections_module.py)
    "collections.abc",   # Sequence, Callable, ...: inert forms for annotations (lang/typing_module.py)
    "itertools",     # islice, product, ... (itertools_module.py), accumulate, chain, ... (itertools_more.py)
    "contextlib",    # contextmanager, nullcontext, suppress (lang/context_managers.py)
    "matplotlib", "matplotlib.pyplot",   # no members: the first plotting line stops there (namespaces.py)
    "pdb",   # no members: a lesson's unused `import pdb` binds; pdb.set_trace() stops there (namespaces.py)
    "torch.testing",   # assert_close (lang/torch_testing.py)
    "torch.optim",   # `import torch.optim as optim` binds; optim.SGD(...) is refused by name (out of scope)
    "typing",   # List, Dict, Optional, ...: typing's own forms, inert (lang/typing_module.py)
    "dataclasses",   # @dataclass, field, asdict, ... (lang/dataclass_classes.py)
    "numpy.typing",   # NDArray, ArrayLike, DTypeLike: inert forms (lang/typing_module.py)
    "operator",   # add, mul, lt, neg, ...: the interpreter's own operators (lang/operator_module.py)
    "string",   # ascii_lowercase, digits, punctuation, ...: constant texts (lang/string_module.py)
    "statistics",   # mean, median, stdev, ...: on numbers (lang/statistics_module.py)
    "keyword",   # kwlist, iskeyword, ...: Python's keywords (lang/keyword_module.py, session 43)
    "numpy.polynomial", "numpy.polynomial.polynomial",   # Polynomial, polyval, ... (numpy_polynomial_class)
    *(f"torch.distributions.{m}" for m in _DISTRIBUTIONS),
)
_MEMBERS = (
    "torch.autograd.functional.jacobian", "torch.autograd.functional.hessian",
    "torch.autograd.functional.jvp", "torch.autograd.functional.vjp",
    "torch.autograd.functional.vhp", "torch.autograd.functional.hvp",
    "torch.autograd.grad", "torch.autograd.gradcheck", "torch.autograd.gradgradcheck",
    "torch.autograd.Function", "torch.autograd.function.Function",
    "torch.autograd.function.once_differentiable",   # a decorator of a Function's backward (session 34)
    "torch.autograd.Variable",   # the pre-0.4 wrapper (variable_type.py)
    "torch.autograd.graph.register_multi_grad_hook", "torch.autograd.graph.Node",   # (session 38)
    "torch.autograd.graph.saved_tensors_hooks",
    *(f"torch.autograd.forward_ad.{name}" for name in ("dual_level", "make_dual", "unpack_dual")),
    *(f"numpy.linalg.{name}" for name in NUMPY_LINALG_NAMES),   # from numpy.linalg import norm
    *(f"numpy.linalg.{name}" for name in NUMPY_LINALG_RESULT_NAMES),   # from numpy.linalg import qr
    *(f"torch.linalg.{name}" for name in LINALG_FUNCTIONS),   # from torch.linalg import multi_dot
    *(f"torch.special.{name}" for name in SPECIAL_FUNCTIONS),   # from torch.special import expit
    *(f"torch.fft.{name}" for name in FFT_FUNCTIONS),   # from torch.fft import rfft
    *(f"torch.distributions.{m}.{c}" for m, c in _DISTRIBUTIONS.items()),
    *(f"torch.distributions.{c}" for c in _DISTRIBUTIONS.values()),
    *(f"torch.func.{name}" for name in FUNC_MEMBERS), "torch.vmap",
    *(f"math.{name}" for name in (*MATH_FUNCTIONS, *MATH_CONSTANTS, *MATH_INT_NAMES, "prod")),   # math.e
    "functools.reduce", "functools.partial", "functools.wraps", "functools.cache", "functools.lru_cache",
    *(f"operator.{name}" for name in OPERATOR_NAMES),
    "warnings.filterwarnings", "warnings.simplefilter",
    "numpy.pi", "numpy.e", "numpy.inf", "numpy.nan",   # `from numpy import pi` (NumPy quickstart)
    "numpy.emath",   # `from numpy import emath` (lang/numpy_emath.py)
    "numpy.lib.recfunctions.repack_fields",   # basics.rec (lang/numpy_record_making.py)
    "numpy.lib.recfunctions.structured_to_unstructured",
    "numpy.random.default_rng", "numpy.random.Generator", "numpy.random.PCG64",   # lang/numpy_generators.py
    "numpy.random.RandomState",   # lang/numpy_random_state.py
    # `from numpy.random import random` (dataflowr's linear regression, session 35): np.random's functions
    # drawing from the run's generator (lang/random_modules.py)
    *(f"numpy.random.{name}" for name in NUMPY_RANDOM_NAMES),
    *(f"random.{name}" for name in PY_RANDOM_NAMES),   # from random import shuffle (session 38)
    *(f"string.{name}" for name in STRING_CONSTANTS),   # from string import punctuation (session 38)
    *(f"statistics.{name}" for name in STATISTICS_NAMES),   # from statistics import mean (session 38)
    *(f"keyword.{name}" for name in ("kwlist", "softkwlist", "iskeyword", "issoftkeyword")),   # session 43
    "torch.testing.assert_close",
    "torch.nn.Parameter",   # the constructor of a leaf tensor (lang/nn_parameter.py, session 39)
    "importlib.metadata.version",   # version("torch"): a fixed table (lang/package_versions.py, session 39)
    *(f"numpy.testing.{name}" for name in NUMPY_TESTING_NAMES),   # from numpy.testing import assert_equal
    *(f"time.{name}" for name in CLOCKS),
    "pprint.pprint", "pprint.pformat", "pprint.PrettyPrinter",
    "copy.copy", "copy.deepcopy",   # `from copy import deepcopy` (DTU 02456's FNN notebook, session 42)
    "collections.Counter", "collections.defaultdict",
    "collections.namedtuple", "collections.deque", "collections.OrderedDict",
    "collections.ChainMap", "collections.UserDict", "collections.UserList",   # refused when called
    "collections.UserString", "itertools.islice", "itertools.product",
    "itertools.combinations", "itertools.combinations_with_replacement",
    *(f"itertools.{name}" for name in ("accumulate", "chain", "count", "repeat", "pairwise", "zip_longest",
                                       "permutations")),   # lang/itertools_more.py
    *(f"itertools.{name}" for name in ("cycle", "groupby", "tee", "starmap", "takewhile", "dropwhile",
                                       "filterfalse", "compress")),   # lang/itertools_lazy.py
    "contextlib.contextmanager", "contextlib.nullcontext", "contextlib.suppress",
    *(f"typing.{name}" for name in (*TYPING_NAMES, "TYPE_CHECKING", "NewType")),   # lang/typing_module.py
    *(f"collections.abc.{name}" for name in ABC_NAMES),   # lang/typing_module.py (session 45)
    *(f"dataclasses.{name}" for name in DATACLASS_NAMES),   # lang/dataclass_classes.py
    *(f"numpy.polynomial.polynomial.{name}" for name in NUMPY_POLYNOMIAL_NAMES),   # numpy_polynomial_class
    "numpy.polynomial.Polynomial", "numpy.polynomial.polynomial", "numpy.polynomial",
    *(f"numpy.typing.{name}" for name in NUMPY_TYPING_NAMES), "numpy.typing",
    # `from torch import tensor` (fast.ai course22p2): a torch function, dtype or constant the program
    # could already call as torch.X, bound under its own name
    *(f"torch.{name}" for name in (*TORCH_FUNCTIONS, *TORCH_DTYPES, *TORCH_CONSTANTS, "Tensor", "Size")),
)

ALLOWED_IMPORTS: dict[str, str] = {path: path for path in _MODULES + _MEMBERS}
IMPORTABLE_MODULES: frozenset[str] = frozenset(_MODULES)

# fractions.Fraction, decimal.Decimal: refused (session 43: no lesson of the corpora uses them), said plainly
EXACT_NUMBERS_HINT = ("Autograd Lab computes with int (exact for whole numbers), float and complex; "
                      "fractions and decimal are not available: write the value as a float, e.g. 1 / 3")
# Modules a lesson imports for work Autograd Lab deliberately does not do.
DATA_PREP_MODULES = frozenset({
    "pandas", "os", "sys", "csv", "pathlib", "shutil", "io", "json", "pickle", "subprocess",
    "requests", "urllib", "sklearn", "d2l", "torchvision", "PIL",
})


D2L_HINT = ("the d2l package is not here: remove its plotting lines (d2l.plot, d2l.set_figsize, ...) and "
            "write its tensor functions with torch's names (d2l.tensor -> torch.tensor)")


def import_bindings(node: ast.Import | ast.ImportFrom) -> list[tuple[str, str]]:
    """(name bound in the program, namespace key) for an import the checker has accepted."""
    if isinstance(node, ast.Import):
        bindings = []
        for alias in node.names:
            if alias.asname:
                bindings.append((alias.asname, ALLOWED_IMPORTS[alias.name]))
            else:
                top = alias.name.split(".")[0]
                bindings.append((top, ALLOWED_IMPORTS[top]))
        return bindings
    return [(alias.asname or alias.name, ALLOWED_IMPORTS[f"{node.module}.{alias.name}"])
            for alias in node.names]


# `from __future__ import print_function` (older tutorials' first line): a no-op, binds nothing.
FUTURE_FEATURES = frozenset({
    "print_function", "division", "absolute_import", "unicode_literals", "annotations", "generator_stop",
    "with_statement", "nested_scopes", "generators"})


def is_future_import(node: ast.AST) -> bool:
    return (isinstance(node, ast.ImportFrom) and node.module == "__future__" and not node.level
            and all(alias.name in FUTURE_FEATURES and alias.asname is None for alias in node.names))


def check_import(node: ast.Import | ast.ImportFrom) -> None:
    """Raise NotSupported naming the first import statement outside the table."""
    if is_future_import(node):
        return
    if isinstance(node, ast.ImportFrom) and node.level:
        raise NotSupported("relative imports are not supported in Autograd Lab", hint="import torch instead")
    for alias in node.names:
        if isinstance(node, ast.Import):
            statement, module, allowed = f"import {alias.name}", alias.name, alias.name in IMPORTABLE_MODULES
        else:
            module = node.module or ""
            statement = f"from {module} import {alias.name}"
            allowed = f"{module}.{alias.name}" in ALLOWED_IMPORTS if alias.name != "*" \
                else module in STAR_MODULES
        if not allowed and not (isinstance(node, ast.ImportFrom) and _run_decides(module, alias.name)):
            member = module if isinstance(node, ast.Import) else f"{module}.{alias.name}"
            refused = refusal(member, statement)   # `from time import sleep`
            if refused is not None:
                raise refused
            raise NotSupported(f"`{statement}` is not supported in Autograd Lab",
                               hint=_import_hint(module, member))
        if alias.asname and alias.asname.startswith("__") and alias.asname.endswith("__"):
            raise NotSupported(f"double-underscore import aliases such as `{alias.asname}` are not "
                               "supported in Autograd Lab", hint="rename it without the double underscores")


# `from numpy import *`, `from math import *`, `from statistics import *`: the module's public names
# Autograd Lab has (statements.py)
STAR_MODULES = frozenset({"numpy", "math", "statistics"})   # statistics: 30 Days of Python day 12 (s45)


def _run_decides(module: str, name: str) -> bool:
    """`from torch import dott`: whether torch has the name is known only where torch is imported (this
    check runs in the page's torch-free process too), so the run says it: Python's ImportError for a
    name torch lacks, the refusal for one it has (lang/statements.py), with the checker's words and hint
    (torch.nn names its scope). For torch itself, a name of an out-of-scope submodule (`from torch import
    optim`) keeps its refusal here; for torch.nn and math (session 27: `from torch.nn import dott`, `from
    math import taux`) every name goes to the run. The other submodules keep the checker's refusal."""
    if not name.isidentifier() or name.startswith("_"):
        return False
    if module == "torch":
        return out_of_scope(f"{module}.{name}") is None
    if module == "numpy":   # `from numpy import array, sqrt` binds what `from numpy import *` would
        return refusal(f"numpy.{name}", f"from numpy import {name}") is None   # (a hint of its own kept)
    return module in _RUN_DECIDES


_RUN_DECIDES = frozenset({"torch.nn", "math", "numpy"})


def import_refusal(module: str, name: str) -> NotSupported:
    """The run's refusal of `from torch import hub` (a name torch has), as the checker words it."""
    return NotSupported(f"`from {module} import {name}` is not supported in Autograd Lab",
                        hint=_import_hint(module, f"{module}.{name}"))


def library_has(module: str, name: str) -> bool:
    """Whether the library module, already imported by the engine, has `name` (its own names, the
    submodules it imports lazily, its __all__); True when the module is not imported here."""
    real = sys.modules.get(module)
    if real is None:
        return True
    return name in vars(real) or name in getattr(real, "_lazy_modules", ()) or \
        name in getattr(real, "__all__", ()) or name in getattr(real, "_deprecated_attrs", {})


# Parts of torch a later lesson uses that Autograd Lab does not cover yet: named in the message.
MODEL_HINT = ("Autograd Lab shows the autograd graph of tensor code; write the model as tensors "
              "(w = torch.randn(3, 1, requires_grad=True); y = x @ w + b) and the update as "
              "`with torch.no_grad(): w -= lr * w.grad`")
OUT_OF_SCOPE = {
    "torch.optim": "optimizers (torch.optim) are not covered by Autograd Lab yet",
    "torch.utils": "datasets and data loaders (torch.utils.data) are not covered by Autograd Lab",
    "torch.nn": "nn.Module models and layers are not covered by Autograd Lab yet",
    "torchvision.models": "pretrained models (torchvision.models) are not covered by Autograd Lab yet",
}


def out_of_scope(qualname: str) -> str | None:
    """`torch.optim.SGD`, `torch.nn.Linear` -> why it is not covered (None for anything else)."""
    for prefix, why in OUT_OF_SCOPE.items():
        if (qualname == prefix or qualname.startswith(prefix + ".")) and qualname not in IMPORTABLE_MODULES \
                and not qualname.startswith("torch.nn.functional"):
            return why
    return None


def scope_hint(qualname: str, why: str) -> str:
    """The hint for an out-of-scope name: a layer's function form where one runs, else the model hint."""
    from autogradlab.lang.layer_hints import layer_hint
    return layer_hint(qualname) or f"{why}; {MODEL_HINT}"


def _import_hint(module: str, member: str) -> str:
    top = module.split(".")[0]
    why = out_of_scope(member)
    if why is not None:
        return scope_hint(member, why)
    if top == "d2l":   # the book's helper package: its plots draw nothing here, its tensor names are torch's
        return D2L_HINT
    if top in DATA_PREP_MODULES:
        return "Autograd Lab runs PyTorch code only; do the data preparation elsewhere"
    if top in ("fractions", "decimal"):   # Fraction, Decimal: refused (session 43), said plainly
        return EXACT_NUMBERS_HINT
    if module == "torch.func" or module.startswith("torch.func."):
        return ("Autograd Lab runs torch.func's grad, grad_and_value, jacrev, jacfwd, hessian, vmap, vjp, "
                "jvp, linearize; for the others use torch.autograd.functional (jacobian, hessian, vjp, jvp, "
                "hvp, vhp)")
    if top == "torch" and module in IMPORTABLE_MODULES:
        return "write `import torch` and use the full name, e.g. torch.tensor(...)"
    if top == "torch":
        return f"`{module}` is not available in Autograd Lab; available: " + ", ".join(
            f"import {m}" for m in sorted(IMPORTABLE_MODULES)
            if m.startswith("torch") and not m.startswith("torch.distributions."))
    return "available: " + ", ".join(f"import {m}" for m in sorted(IMPORTABLE_MODULES))
