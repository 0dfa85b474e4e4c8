"""torch.distributions as d2l's probability chapter uses it: Multinomial, Categorical, Normal,
Bernoulli, Uniform, Binomial (and Poisson, Exponential, Geometric, Laplace: d2l-en's distributions
appendix; MultivariateNormal: fast.ai's mean-shift lesson); `.sample()`, `.log_prob()`, `.mean` & co.

Sampling runs through the run's own generator: torch.distributions draws from the process-wide
one, so a sample runs inside fork_rng with that generator's state loaded, and the state after the
draw is handed back to the run's generator (the process-wide state is restored on the way out).
Sizes are checked before drawing: the result (sample shape + batch + event shape) and, for
Multinomial/Binomial, the total_count draws made internally for each count.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch
from torch import distributions as D

from autogradlab.errors import LimitExceeded, NotSupported, ProgramError, ProgramTypeError
from autogradlab.lang.call_work import check_work
from autogradlab.lang.calls import has_tensor, require_data, translate_torch_error
from autogradlab.lang.distributions_more import MORE_CLASSES, MORE_PROPERTIES
from autogradlab.lang.error_text import BoundedErrorText
from autogradlab.lang.safe_values import Namespace, SafeDistribution, SafeFunction
from autogradlab.lang.sizes import count_elements

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

# class -> (module name in torch.distributions, constructor keywords)
CLASSES: dict[type, tuple[str, tuple[str, ...]]] = {
    D.Multinomial: ("multinomial", ("total_count", "probs", "logits", "validate_args")),
    D.Categorical: ("categorical", ("probs", "logits", "validate_args")),
    D.Normal: ("normal", ("loc", "scale", "validate_args")),
    D.Bernoulli: ("bernoulli", ("probs", "logits", "validate_args")),
    D.Uniform: ("uniform", ("low", "high", "validate_args")),
    D.Binomial: ("binomial", ("total_count", "probs", "logits", "validate_args")),
    D.Poisson: ("poisson", ("rate", "validate_args")),   # d2l-en's distributions appendix
    D.Exponential: ("exponential", ("rate", "validate_args")),
    D.Geometric: ("geometric", ("probs", "logits", "validate_args")),
    D.Laplace: ("laplace", ("loc", "scale", "validate_args")),
    D.MultivariateNormal: ("multivariate_normal", ("loc", "covariance_matrix", "precision_matrix",
                                                   "scale_tril", "validate_args")),
    **MORE_CLASSES,   # Beta, Gamma, Dirichlet, StudentT, ... (distributions_more.py; session 36)
}
_MATRIX_KEYWORDS = ("covariance_matrix", "precision_matrix", "scale_tril")
PROPERTIES = frozenset({"mean", "variance", "stddev", "probs", "logits", "batch_shape", "event_shape",
                        "total_count", "loc", "scale", "low", "high", "rate", "mode"}) | MORE_PROPERTIES
METHODS = frozenset({"sample", "rsample", "log_prob", "entropy", "cdf", "icdf"})
_AT_VALUES = ("log_prob", "cdf", "icdf")   # elementwise at a value, broadcast against the batch


def _guarded(name: str, fn: Callable[[], Any], args: list) -> Any:
    """fn() with torch's failure translated, its error's tensor texts bounded (lang/error_text.py)."""
    try:
        with BoundedErrorText():
            return fn()
    except ProgramError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise translate_torch_error(exc, name, args) from None


def _constructor(cls: type, keywords: tuple[str, ...]) -> SafeFunction:
    def impl(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> SafeDistribution:
        for key in kwargs:
            if key not in keywords:
                raise NotSupported(f"`{cls.__name__}` does not accept the keyword argument `{key}=` in "
                                   f"Autograd Lab")
        for value in list(args) + list(kwargs.values()):
            require_data(value, f"in `{cls.__name__}`")
        count = args[0] if cls in (D.Multinomial, D.Binomial) and args else kwargs.get("total_count", 1)
        if isinstance(count, torch.Tensor):
            count = count.max().item() if count.numel() else 0
        if isinstance(count, (int, float)) and not isinstance(count, bool) and count > 0:
            interp.sizes.check_elements(int(count), f"{cls.__name__}'s total_count")
        if cls is D.MultivariateNormal:
            _check_factorization(interp, args, kwargs)
        return SafeDistribution(_guarded(cls.__name__, lambda: cls(*args, **kwargs), list(args)))
    return SafeFunction(f"torch.distributions.{cls.__name__}", impl)


def _meta(shape: tuple, dtype: torch.dtype) -> torch.Tensor:
    return torch.empty(shape, dtype=dtype, device="meta")   # shapes and dtype for check_work, no memory


def _check_factorization(interp: Interpreter, args: list, kwargs: dict) -> None:
    """MultivariateNormal factors its matrix when it is built (Cholesky, O(n^3) for each n x n matrix),
    and its argument check factors the matrix broadcast against loc's batch once more (a copy of that
    size): both checked before the constructor runs, as torch.linalg.cholesky's would be (a precision
    matrix is factored likewise; a scale_tril is the factor)."""
    loc = args[0] if args else kwargs.get("loc")
    keyword = "covariance_matrix" if len(args) > 1 else next((k for k in _MATRIX_KEYWORDS if k in kwargs), "")
    matrix = args[1] if len(args) > 1 else kwargs.get(keyword)
    if not isinstance(loc, torch.Tensor) or not isinstance(matrix, torch.Tensor) or loc.dim() < 1 \
            or matrix.dim() < 2:
        return   # PyTorch's own error
    try:
        batch = tuple(torch.broadcast_shapes(tuple(matrix.shape[:-2]), tuple(loc.shape[:-1])))
    except RuntimeError:
        return   # PyTorch's own error
    whole = batch + tuple(matrix.shape[-2:])
    interp.sizes.check_elements(count_elements(whole), "MultivariateNormal's matrix over its batch")
    if keyword == "scale_tril":
        return   # already the factor: its check (lower triangular, positive diagonal) is elementwise
    limit, rows = interp.sizes.limits.max_call_work, interp.sizes.work_rows
    check_work(limit, "linalg.cholesky", [_meta(whole, matrix.dtype)], {}, 2 * rows)   # check + factor


# MultivariateNormal's sample multiplies the n x n factor by each draw, one matrix-vector product per
# draw (torch broadcasts the factor over the draws: no matrix product's speed): 1.4-1.9 ns a multiply-add
# here, one thread (red team, session 33: n = 790, 6,329 draws ran ~9 s in one call, within the element
# limits). SAMPLE_UNITS units of max_call_work (~0.5 ns) each.
SAMPLE_UNITS = 4


def _check_batched_product(interp: Interpreter, real: Any, shape: torch.Size, method: str) -> None:
    """MultivariateNormal's sample multiplies its Cholesky factor by each draw (SAMPLE_UNITS a
    multiply-add); a factor with a batch of its own is broadcast against the sample shape first (a copy of
    sample x batch x n x n elements)."""
    factor = getattr(real, "_unbroadcasted_scale_tril", None)
    if not isinstance(factor, torch.Tensor) or factor.dim() < 2:
        return
    n = int(factor.shape[-1])
    draws = count_elements(tuple(shape) + tuple(real.batch_shape))
    if factor.dim() > 2:
        interp.sizes.check_elements(draws * n * n, f"{type(real).__name__}.sample's batched product")
    work, limit = draws * n * n * SAMPLE_UNITS * interp.sizes.work_rows, interp.sizes.limits.max_call_work
    if work > limit:
        draws_shape = list(shape) + list(real.batch_shape)
        raise LimitExceeded(f"{type(real).__name__}.{method} of shape {draws_shape}, [{n}, {n}] would take"
                            f" about {work:,} arithmetic steps in one call; the limit is {limit:,} per call",
                            hint="use smaller tensors (limit max_call_work)")


def _check_mahalanobis(interp: Interpreter, real: Any, value: torch.Tensor) -> None:
    """MultivariateNormal.log_prob solves a triangular system with the Cholesky factor for each value:
    n x n times the values' count, checked as torch.linalg.solve_triangular's would be."""
    factor = getattr(real, "_unbroadcasted_scale_tril", None)
    if not isinstance(factor, torch.Tensor) or factor.dim() < 2:
        return
    n = int(factor.shape[-1])
    columns = _log_prob_elements(real, value) // max(1, n)
    check_work(interp.sizes.limits.max_call_work, "linalg.solve_triangular",
               [_meta((n, n), factor.dtype), _meta((n, columns), factor.dtype)], {}, interp.sizes.work_rows)


def _sample_shape(interp: Interpreter, args: list, kwargs: dict, method: str) -> torch.Size:
    shape = args[0] if args else kwargs.get("sample_shape", ())
    if len(args) > 1 or set(kwargs) - {"sample_shape"}:
        raise ProgramTypeError(f"{method}() takes one argument, the sample shape")
    if isinstance(shape, int) and not isinstance(shape, bool):
        shape = (shape,)
    if not isinstance(shape, (tuple, list, torch.Size)) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
        raise ProgramTypeError(f"{method}(): the sample shape must be a tuple of non-negative ints")
    if len(shape) > 32:
        raise ProgramTypeError(f"{method}(): too many dimensions")
    return torch.Size(shape)


def _sample(interp: Interpreter, dist: SafeDistribution, method: str, args: list, kwargs: dict,
            node: ast.AST) -> torch.Tensor:
    shape = _sample_shape(interp, args, kwargs, method)
    real = dist.dist
    result = count_elements(tuple(shape) + tuple(real.batch_shape) + tuple(real.event_shape))
    interp.sizes.check_elements(result, f"{type(real).__name__}.{method}")
    if isinstance(real, D.MultivariateNormal):
        _check_batched_product(interp, real, shape, method)
    if isinstance(real, (D.Multinomial, D.Binomial)):   # draws total_count values per count
        total = real.total_count
        total = int(total.max().item()) if isinstance(total, torch.Tensor) and total.numel() else int(total)
        interp.sizes.check_elements(max(1, total) * math.prod(shape) * max(1, count_elements(
            tuple(real.batch_shape))), f"{type(real).__name__}.{method}")
    generator = interp.generator
    with torch.random.fork_rng(devices=[]):
        torch.set_rng_state(generator.get_state())
        sample = _guarded(method, lambda: getattr(real, method)(shape), [])
        generator.set_state(torch.get_rng_state())
    interp.sizes.add_result(sample)
    interp.record_op(f"{type(real).__name__}.{method}", [], {}, sample, node)
    return sample


def _log_prob_elements(real: Any, value: torch.Tensor) -> int:
    """log_prob(value) broadcasts the value against the batch (and event) shape: its result and
    intermediates (Multinomial clones the broadcast logits) have this many elements (red team, session 31:
    Normal over (1, 40000) at a (40000, 1) value asked for 6.4 GB; the meta run behind the size check mixed
    a meta value with the distribution's real parameters and fell back to the value's own size).
    Categorical picks from its categories by index (views of the broadcast): its batch alone."""
    shape = tuple(real.batch_shape) + (() if isinstance(real, D.Categorical) else tuple(real.event_shape))
    try:
        return count_elements(tuple(torch.broadcast_shapes(tuple(value.shape), shape)))
    except RuntimeError:
        return 0   # PyTorch's own error, at once


def _support_elements(real: Any) -> int | None:
    """The values Binomial's and Multinomial's entropy() enumerate: total_count + 1 of them for each count
    of the batch (and each category), as one tensor, then log_prob of it (red team, session 31:
    total_count 4,000,000 over a batch of 12 ran past the hard stop, over 100 asked for 1.6 GB; the size
    check after a meta run did not see it, the entropy having no tensor arguments). None for the rest
    (their entropy is closed-form over the parameters)."""
    if isinstance(real, D.Binomial):
        shape, total = tuple(real.batch_shape), real.total_count
    elif isinstance(real, D.Multinomial):
        shape, total = tuple(real._binomial.batch_shape), real.total_count
    else:
        return None
    if isinstance(total, torch.Tensor):
        total = total.max().item() if total.numel() else 0
    if not isinstance(total, (int, float)) or not math.isfinite(total):
        return None   # PyTorch's own error
    return (max(0, int(total)) + 1) * count_elements(shape)


def call_method(interp: Interpreter, dist: SafeDistribution, name: str, args: list, kwargs: dict,
                node: ast.AST) -> Any:
    for value in list(args) + list(kwargs.values()):
        require_data(value, f"in `.{name}()`")
    if name in ("sample", "rsample"):
        return _sample(interp, dist, name, args, kwargs, node)
    if name in ("cdf", "icdf") and getattr(type(dist.dist), name) is getattr(D.Distribution, name):
        raise NotSupported(f"the method `.{name}()` of distributions is not supported in Autograd Lab")
    if name in _AT_VALUES or name == "entropy":   # (a distribution without its own cdf: refused above)
        if name in _AT_VALUES and (len(args) != 1 or kwargs or not isinstance(args[0], torch.Tensor)):
            raise ProgramTypeError(f"{name}() takes one tensor, the value")
        if name == "entropy" and (args or kwargs):
            raise ProgramTypeError("entropy() takes no arguments")
        if name in _AT_VALUES:
            interp.sizes.check_elements(_log_prob_elements(dist.dist, args[0]),
                                        f"{type(dist.dist).__name__}.{name}")
            if isinstance(dist.dist, D.MultivariateNormal):
                _check_mahalanobis(interp, dist.dist, args[0])
        if name == "entropy":
            support = _support_elements(dist.dist)
            if support is not None:
                interp.sizes.check_elements(support, f"{type(dist.dist).__name__}.entropy")
        interp.sizes.predict(lambda *a: getattr(dist.dist, name)(*a), list(args), {}, name, creation=False)
        result = _guarded(name, lambda: getattr(dist.dist, name)(*args), list(args))
        interp.sizes.add_result(result)
        if has_tensor(result):
            interp.record_op(name, list(args), {}, result, node)
        return result
    raise NotSupported(f"the method `.{name}()` of distributions is not supported in Autograd Lab")


def read_attribute(dist: SafeDistribution, name: str) -> Any:
    if name in _MATRIX_KEYWORDS and name in vars(dist.dist):   # MultivariateNormal's own matrix, as given
        return dist.dist.__dict__[name]                       # (another would be computed: O(n^3))
    if name not in PROPERTIES or not hasattr(dist.dist, name):
        raise NotSupported(f"the attribute `.{name}` of {type(dist.dist).__name__} is not supported in "
                           f"Autograd Lab")
    return _guarded(name, lambda: getattr(dist.dist, name), [])


def namespaces() -> dict[str, Namespace]:
    constructors = {cls.__name__: _constructor(cls, keywords) for cls, (_, keywords) in CLASSES.items()}
    modules = {f"torch.distributions.{module}": Namespace(f"torch.distributions.{module}",
                                                         {cls.__name__: constructors[cls.__name__]})
               for cls, (module, _) in CLASSES.items()}
    top = Namespace("torch.distributions", {
        **constructors, **{name.rsplit(".", 1)[1]: ns for name, ns in modules.items()}})
    return {"torch.distributions": top, **modules}
