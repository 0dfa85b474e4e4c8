"""Size checks before allocation (security.md item 4).

Tensor results are sized on PyTorch's meta device (shapes without memory) and counted with Python
ints, because torch.Size.numel() can overflow. Python ints, strings and lists are sized from their
operands before the operation runs, so `4000000**4000000` or `"a" * 10**9` are refused at once.
"""

from __future__ import annotations

import math
import operator
import time
from collections.abc import Callable
from typing import Any

import torch

from autogradlab.errors import LimitExceeded
from autogradlab.lang import live_memory, shapes, size_plans
from autogradlab.lang.meta_copies import COUNTED, _has_tensor, counted_bound, data_dependent_bound, to_meta
from autogradlab.lang.percent_format import check_percent_format
from autogradlab.lang.python_size_rules import (  # noqa: F401 - _PYTHON_SIZED_OPS re-exported
    _COMPARE_SYMBOLS,
    _COMPARISONS,
    _CONTAINERS,
    _PYTHON_SIZED_OPS,
    COMPARE_WEIGHT,
    _compare_limit,
    _int_label,
    iterable_length,
)
from autogradlab.lang.set_value import ProgramSet
from autogradlab.lang.tensor_counts import (  # noqa: F401 - re-exported (tensor_sites.py, tests, ...)
    MAX_EMPTY_EXTENT,
    MAX_EMPTY_ROWS,
    check_empty_extent,
    check_result_shape,
    count_elements,
    expanded_elements,
    nested_length_product,
    tensor_elements,
)
from autogradlab.lang.text_weight import sequence_weight
from autogradlab.limits import Limits

# What printing a tensor costs besides its numbers (~270 us for torch.ones(1), as long as ~25 of its
# elements), in weight units (text_weight): print([torch.ones(1)] * 100_000) took 25 s of CPU.
TENSOR_TEXT_OVERHEAD = 25

_warmed_up = False


def warm_up() -> float:
    """The first meta-device op of a process loads torch's meta kernels (~800 modules, 1-2 s). The
    sandbox's zygote pays it once, soon after start-up; a size check that needs the meta device
    before that pays it here. Returns the seconds it took (0.0 once done), which the interpreter
    adds to the program's time allowance."""
    global _warmed_up
    if _warmed_up:
        return 0.0
    started = time.perf_counter()
    meta = torch.empty(2, 2, device="meta")
    torch.cat((meta, meta), dim=0)
    _ = meta @ meta + meta
    _warmed_up = True
    return time.perf_counter() - started


PREDICTION_CACHE_SIZE = 4_096   # meta predictions remembered per run
# A meta run that failed, remembered under its key as the same outcome next time (`x + y` of shapes that
# do not broadcast, 1,000 times in a try/except: 0.6 ms of meta run each).
_META_FAILED, _META_FAILED_CREATION = -1, -2

class SizeGuard:
    """Counts and refuses sizes against the named limits of one run."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total_elements = 0   # created so far; relieved to what is really held (live_memory)
        relief = limits.max_total_elements >= live_memory.RELIEF_FROM
        self._baseline = live_memory.allocated_bytes() if relief else None
        self.total_sequence_items = 0
        self.searched_items = 0   # items compared by list searches (search_work.py)
        self.printed_chars = 0   # print()'s text so far (builtins._print)
        self._predicted: dict[tuple, int] = {}   # cache_key -> elements the meta run gave
        self._sites: dict[Any, size_plans.SitePlan] = {}   # call site -> its last fast_count answer
        self.warm_up_s = 0.0   # time spent loading the meta kernels during this run (not the program's)
        self.work_rows = 1   # rows a vmap batch runs each call on (jacobian_passes.batched_sizes; call_work)
        # Counts at or below which check_elements surely accepts: the planned sites (tensor_sites.py,
        # function_sites.py, calls.call_sized) call it only above them. -1 while every count must go
        # to check_elements (engine/jacobian_call.batched_sizes: a vmap batch counts all its rows).
        self.quick_one = limits.max_tensor_elements
        self.quick_total = limits.max_total_elements

    # -- tensors ---------------------------------------------------------------------------
    def check_elements(self, elements: int, what: str) -> None:
        limit = self.limits.max_tensor_elements
        if elements > limit:
            raise LimitExceeded(
                f"result of {what} would have {elements:,} elements; the limit is {limit:,}",
                hint="use smaller sizes (limit max_tensor_elements)")
        if self.total_elements + elements > self.limits.max_total_elements:   # (no call on the way through)
            self.check_total(elements, what)

    def check_total(self, elements: int, what: str) -> None:
        """`elements` more within max_total_elements (a string array's characters: numpy_strings)."""
        total_limit = self.limits.max_total_elements
        if self.total_elements + elements > total_limit:
            held = live_memory.relieved_count(self._baseline, total_limit, elements)
            if held is not None:
                self.total_elements = held
                return
            if live_memory.measures_held(self._baseline, total_limit):   # say what was measured
                raise LimitExceeded(
                    f"the program would hold more than {total_limit:,} tensor elements (4 bytes each) in "
                    f"memory at once (at {what}); the limit is {total_limit:,}",
                    hint="keep fewer or smaller tensors alive; what a loop lets go does not count "
                         "(limit max_total_elements)")
            raise LimitExceeded(
                f"the program would create more than {total_limit:,} tensor elements in total "
                f"(at {what}); the limit is {total_limit:,}",
                hint="use smaller tensors or fewer loop iterations (limit max_total_elements)")

    def add_result(self, result: Any) -> None:
        self.total_elements += tensor_elements(result)

    def predict(self, fn: Callable[..., Any], args: list, kwargs: dict, what: str,
                creation: bool, site: Any = None) -> None:
        """Refuse a result above the limits, before it is allocated.

        Shape arithmetic first (shapes.fast_count), then this run's cache of earlier meta runs
        with the same key, then a run of fn on meta copies of its arguments. If the meta run fails
        (a data-dependent op such as boolean masking, or a user error the real call will report),
        fall back to a bound: the product of the argument sizes. `site` (the call's AST node) keeps
        fast_count's answer for the same shapes at the same place (size_plans.py)."""
        if what in COUNTED:   # sized from their data, before any meta run: combinations(x, r=10**9)
            counted = counted_bound(what, args, kwargs)   # would build 10**9 meta tensors (meta_copies)
            if counted is not None:
                self.check_elements(counted, what)
                return
        if site is not None and not kwargs:
            count = size_plans.planned_count(self._sites, site, fn, args)
            if count is not None:
                self.check_elements(count, what)
                return
        values = list(args) + list(kwargs.values()) if kwargs else args
        for value in values:   # a nested list argument becomes a tensor inside the call
            if isinstance(value, (list, tuple)) and not isinstance(value, torch.Size):
                self.check_nested(value, what)
        count = shapes.fast_count(fn, args, kwargs)
        if count is not None:
            if site is not None and not kwargs:
                size_plans.remember(self._sites, site, fn, args, count)
            self.check_elements(count, what)
            return
        key = shapes.cache_key(fn, args, kwargs, creation)
        if key is not None and key in self._predicted:
            known = self._predicted[key]   # elements, or how the meta run failed (a failing op in a loop)
            if known == _META_FAILED:
                known = data_dependent_bound(what, values, args, kwargs)
            if known != _META_FAILED_CREATION:
                self.check_elements(known, what)
            return
        if not _warmed_up:
            self.warm_up_s += warm_up()
        meta_args = to_meta(list(args))
        meta_kwargs = {name: to_meta(value) for name, value in kwargs.items()}
        # Decided on the meta copies: a 0-d size tensor became an int, and a creation call left with
        # no tensor must run on the meta device, never for real.
        has_tensors = _has_tensor(meta_args) or _has_tensor(list(meta_kwargs.values()))
        if creation and not has_tensors:
            meta_kwargs["device"] = "meta"
        try:
            with torch.no_grad():
                result = fn(*meta_args, **meta_kwargs)
        except Exception:  # noqa: BLE001 - the real call reports user errors
            if key is not None and len(self._predicted) < PREDICTION_CACHE_SIZE:
                self._predicted[key] = _META_FAILED if has_tensors else _META_FAILED_CREATION
            if not has_tensors:
                return   # a creation op the meta device cannot run: the result is checked after
            self.check_elements(data_dependent_bound(what, values, args, kwargs), what)
            return
        elements = tensor_elements(result)
        if key is not None and len(self._predicted) < PREDICTION_CACHE_SIZE:
            self._predicted[key] = elements
        self.check_elements(elements, what)

    def check_nested(self, data: Any, what: str) -> None:
        cap = self.limits.max_tensor_elements
        self.check_elements(nested_length_product(data, cap), what)
        if type(data) in (list, tuple) and (list in (kinds := set(map(type, data))) or tuple in kinds):
            if expanded_elements(data, cap) > cap:   # a ragged list (tensor_counts.py)
                raise LimitExceeded(f"{what} would read more than {cap:,} values from these nested lists "
                                    "(lists shared inside them count each time they appear)",
                                    hint="use smaller sizes (limit max_tensor_elements)")

    # -- Python values ---------------------------------------------------------------------
    def check_int_bits(self, bits: int, what: str) -> None:
        limit = self.limits.max_int_bits
        if bits > limit:
            raise LimitExceeded(
                f"{what} would be an integer of about {bits:,} bits; the limit is {limit:,} bits",
                hint="use floats or smaller numbers (limit max_int_bits)")

    def charge_sequence(self, length: int, what: str, added: int | None = None) -> None:
        """A string or list of `length` items is being built (`added` of them new, for append and
        comprehensions): check its length, and the total built by the run, so a loop that builds a
        100,000-item list 100,000 times stops with a limit instead of filling memory."""
        self.check_length(length, what)
        self.total_sequence_items += length if added is None else added
        limit = self.limits.max_total_sequence_items
        if self.total_sequence_items > limit:
            raise LimitExceeded(
                f"the program built more than {limit:,} list and string items in all ({what})",
                hint="build fewer or shorter lists and strings (limit max_total_sequence_items)")

    def check_length(self, length: int, what: str) -> None:
        limit = self.limits.max_sequence_len
        if length > limit:
            raise LimitExceeded(
                f"{what} would have {length:,} items; the limit is {limit:,}",
                hint="build shorter strings or lists (limit max_sequence_len)")

    def _exact_near_limit(self, estimate: float, compute: Callable[[], int]) -> int:
        """Bits of an int result: the estimate when clearly above the limit, else the exact
        bit_length (cheap there, the result is at most a few bits over the limit), so a result of
        exactly max_int_bits bits is accepted."""
        if estimate > self.limits.max_int_bits + 2:
            return int(estimate)
        return compute().bit_length()

    def check_python_binop(self, op: str, left: Any, right: Any) -> None:
        """Refuse int powers/shifts/products and sequence repeats that would be too big."""
        both_ints = type(left) in (int, bool) and type(right) in (int, bool)
        if both_ints:
            a, b = int(left), int(right)
            if self._clearly_small(op, a, b):
                return
            sa, sb = _int_label(a), _int_label(b)
            if op == "pow" and b > 0 and abs(a) > 1:
                self.check_int_bits(self._exact_near_limit(b * math.log2(abs(a)) + 1, lambda: a ** b),
                                    f"{sa} ** {sb}")
            elif op == "lshift" and b > 0 and a != 0:
                self.check_int_bits(a.bit_length() + b, f"{sa} << {sb}")
            elif op == "mul":
                self.check_int_bits(self._exact_near_limit(a.bit_length() + b.bit_length(),
                                                           lambda: a * b), f"{sa} * {sb}")
            elif op in ("add", "sub"):   # n = n + n, 15,000 times, doubles the bits each time
                self.check_int_bits(self._exact_near_limit(max(a.bit_length(), b.bit_length()) + 1,
                                                           lambda: a + b if op == "add" else a - b),
                                    f"{sa} {'+' if op == 'add' else '-'} {sb}")
            return
        sequences = (str, list, tuple)
        if op in _COMPARISONS:
            if isinstance(left, _CONTAINERS) and isinstance(right, _CONTAINERS):
                self.check_comparison(op, left, right)
            return
        if op == "mul":
            if isinstance(left, sequences) and type(right) in (int, bool):
                self.charge_sequence(len(left) * max(0, int(right)), "the repeated sequence")
            elif isinstance(right, sequences) and type(left) in (int, bool):
                self.charge_sequence(len(right) * max(0, int(left)), "the repeated sequence")
        elif op == "add" and isinstance(left, sequences) and isinstance(right, sequences):
            self.charge_sequence(len(left) + len(right), "the joined sequence")
        elif op == "add" and isinstance(left, list) and hasattr(type(right), "__len__"):
            # `xs += range(10**8)` (also a deque's): list.__iadd__ extends by any iterable, in C
            self.charge_sequence(len(left) + iterable_length(right), "the joined sequence")
        elif type(left) is ProgramSet and type(right) is ProgramSet and op.startswith(("bitwise_", "sub")):
            # `a | b`, `a ^ b` have at most len(a) + len(b) items, `a & b`, `a - b` at most len(a)
            grows = op in ("bitwise_or", "bitwise_xor")
            self.charge_sequence(len(left) + len(right) if grows else len(left), "the set")
        elif op == "remainder" and isinstance(left, str):   # '%8.3f' % x
            check_percent_format(self, left, right)

    def _clearly_small(self, op: str, a: int, b: int) -> bool:
        """The common case of a loop's int arithmetic, answered without building the message's
        operand texts: the result is far below max_int_bits by a bound that never underestimates."""
        limit = self.limits.max_int_bits - 8
        if op in ("add", "sub", "mul"):
            return a.bit_length() + b.bit_length() < limit
        if op == "pow":
            return b <= 0 or abs(a) <= 1 or b * abs(a).bit_length() < limit
        if op == "lshift":
            return b <= 0 or a.bit_length() + b < limit
        return op not in _PYTHON_SIZED_OPS

    def check_search(self, value: Any, seq: Any, what: str) -> None:
        """xs.count(v) / index / remove compare v with each item, as `v in xs` does: weighed alike."""
        if isinstance(value, _CONTAINERS) and isinstance(seq, _CONTAINERS):
            self.check_comparison("in", value, seq, what)

    def check_comparison(self, op: str, left: Any, right: Any, what: str | None = None) -> None:
        """Python compares containers item by item at C speed, a list shared inside itself once per
        appearance: `x == y` of x = [x, x] and y = [y, y] nested 40 times compares 2**40 pairs in one
        uninterruptible call. `a <op> b` costs at most the smaller weight (text_weight: one unit
        per number, a shared list each time it appears); `a in b` at most len(b) times a's weight, and
        at most b's weight (a's weight when b is a dict or set, which hashes a). Refused above
        COMPARE_WEIGHT (weighed in time linear in the distinct lists, stopping there)."""
        cap = COMPARE_WEIGHT
        if op not in ("in", "not_in") and type(left) in (list, tuple) and type(right) is type(left) and \
                min(len(left), len(right)) <= cap and all(map(operator.is_, left, right)):
            return   # `t == t`, `[t] < [t, 1]`: Python finds each item identical to the other's (no walk)
        if op in ("in", "not_in"):   # a dict or set hashes a (keys are small, flat values)
            weight = sequence_weight(left, cap)
            if isinstance(right, (dict, ProgramSet)):
                if weight <= cap:
                    return
            elif len(right) * weight <= cap or sequence_weight(right, cap) <= cap:
                return
        elif sequence_weight(left, cap) <= cap or sequence_weight(right, cap) <= cap:
            return
        raise _compare_limit(what or f"`{_COMPARE_SYMBOLS.get(op, op)}`", left, right)

    def check_compared_items(self, what: str, items: list) -> None:
        """max()/min() of containers compares them item by item: at most the items' whole weight."""
        if sum(isinstance(item, _CONTAINERS) for item in items[:2]) == 2 or \
                (len(items) > 2 and any(issubclass(kind, _CONTAINERS) for kind in set(map(type, items)))):
            if sequence_weight(items, COMPARE_WEIGHT) > COMPARE_WEIGHT:
                raise _compare_limit(what)

    def check_text_weight(self, value: Any, what: str) -> None:
        """Refuse turning a huge (possibly self-sharing) value into text, weighed without printing
        it (text_weight.sequence_weight: about one unit per printed number): [[0]*10**5]*10**5,
        or [t]*10000 of 1,000-element tensors."""
        limit = self.limits.max_sequence_len
        if sequence_weight(value, limit, overhead=TENSOR_TEXT_OVERHEAD) <= limit:
            return
        if sequence_weight(value, limit) > limit:
            raise LimitExceeded(f"{what} would print more than {limit:,} values",
                                hint="print a smaller part, e.g. x[:10] (limit max_sequence_len)")
        raise LimitExceeded(   # [torch.ones(1)] * 100_000: each repr takes as long as 25 more numbers
            f"{what} would take too long to print: each tensor in it counts as {TENSOR_TEXT_OVERHEAD} values "
            f"besides its numbers, more than {limit:,} values in all (at most "
            f"{limit // (TENSOR_TEXT_OVERHEAD + 1):,} one-number tensors)",
            hint="print a smaller part, e.g. x[:10] (limit max_sequence_len)")
