"""The interpreter on its own (NullHooks or a recording hooks object), with plain PyTorch as the
oracle: the same source is exec'd by Python in the test, and values and printed text must match."""

from __future__ import annotations

import ast
import contextlib
import io
import textwrap

import numpy as np
import pytest
import torch

from autogradlab.errors import (
    AutogradError,
    LimitExceeded,
    NameNotDefined,
    NotSupported,
    ProgramError,
    ProgramValueError,
)
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.lang.safe_values import SafeArray
from autogradlab.limits import DEFAULT_LIMITS, Limits
from tests.programs.manifest import PROGRAMS, spec_id


class Recorder(NullHooks):
    def __init__(self) -> None:
        self.ops: list[tuple[str, object, str | None]] = []
        self.assigns: list[tuple[str, str | None]] = []
        self.printed: list[str] = []
        self.displayed: list[object] = []
        self.backward: list[str] = []

    def on_op(self, op, args, kwargs, result, node, in_function):
        self.ops.append((op, result, in_function))

    def on_assign(self, name, value, node, in_function):
        self.assigns.append((name, in_function))

    def before_backward(self, tensor, gradient, node):
        self.backward.append("before")

    def after_backward(self, tensor, node):
        self.backward.append("after")

    def on_print(self, text):
        self.printed.append(text)

    def on_display(self, value, node):
        self.displayed.append(value)


def run(source: str, *, seed: int = 0, limits: Limits = DEFAULT_LIMITS, raw: bool = False):
    """Run through parse_program (or plain ast.parse with raw=True, to test the interpreter as the
    last line of defence); returns (interpreter, recorder)."""
    source = textwrap.dedent(source)
    tree = ast.parse(source) if raw else parse_program(source, limits)
    hooks = Recorder()
    interp = Interpreter(tree, source, limits=limits, generator=torch.Generator().manual_seed(seed),
                         hooks=hooks)
    interp.run()
    return interp, hooks


def plain(source: str, seed: int = 0) -> tuple[dict, str]:
    """The oracle: plain Python + PyTorch (trusted test source only)."""
    torch.manual_seed(seed)
    out = io.StringIO()
    namespace: dict = {"__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        exec(textwrap.dedent(source), namespace)  # noqa: S102 - the oracle runs test text
    return namespace, out.getvalue()


def assert_same_values(ours: dict, theirs: dict) -> None:
    for name, value in ours.items():
        expected = theirs[name]
        if isinstance(value, torch.Tensor):
            assert value.dtype == expected.dtype, name
            assert torch.equal(value.detach(), expected.detach()), name
            if not value.is_leaf:
                continue
            grad, expected_grad = value.grad, expected.grad
            assert (grad is None) == (expected_grad is None), name
            if grad is not None:
                assert torch.equal(grad, expected_grad), name
        elif isinstance(value, SafeArray):
            np.testing.assert_array_equal(value.array, expected)
        else:
            assert repr(value) == repr(expected), name


def assert_like_pytorch(source: str, seed: int = 0, limits: Limits = DEFAULT_LIMITS) -> Recorder:
    interp, hooks = run(source, seed=seed, limits=limits)
    theirs, printed = plain(source, seed)
    assert "".join(hooks.printed) == printed
    assert_same_values(interp.user_variables(), theirs)
    return hooks


# -- seed programs -----------------------------------------------------------------------------
# The lesson files of lessons/ (test_seed_programs runs them end to end through run_program);
# here the bare interpreter alone must already match plain PyTorch on each of them.
BARE_SEEDS = [spec for spec in PROGRAMS if spec.ok and spec.oracle and not spec.nondeterministic_lines
              and not spec.nondeterministic_vars]


@pytest.mark.parametrize("spec", BARE_SEEDS, ids=spec_id)
def test_seed_program_matches_pytorch_in_the_bare_interpreter(spec):
    limits = DEFAULT_LIMITS if spec.timeout_s is None else Limits(timeout_s=spec.timeout_s)
    assert_like_pytorch(spec.source, seed=spec.seed, limits=limits)


def test_seed_funx_prints_x_grad_exactly():
    spec = next(spec for spec in PROGRAMS if spec.file == "seed004_jacobian_funx.py")
    hooks = assert_like_pytorch(spec.source)
    assert "x_grad=tensor([ 5., 18.])\n" in hooks.printed


def test_ids_are_small_and_follow_identity_like_the_seed():
    _, hooks = run("""
        import torch
        X = torch.ones(2)
        Y = torch.ones(2)
        before = id(Y)
        Y = Y + X
        print(id(Y) == before)
        Z = torch.zeros_like(Y)
        print('id(Z):', id(Z))
        Z[:] = X + Y
        print('id(Z):', id(Z))
        before = id(X)
        X += Y
        print(id(X) == before)
    """)
    assert hooks.printed == ["False\n", "id(Z): 3\n", "id(Z): 3\n", "True\n"]


def test_numpy_array_from_list_becomes_float64_tensor():
    interp, _ = run("import numpy as np\nimport torch\narray = np.array([[1.0, 2.0]])\n"
                    "t = torch.tensor(array)")
    assert interp.user_variables()["t"].dtype == torch.float64
    assert repr(interp.user_variables()["array"]) == repr(np.array([[1.0, 2.0]]))


# -- language ----------------------------------------------------------------------------------
def test_bare_torch_function_names_work_like_torch_prefix():
    interp, _ = run("import torch\nx = torch.arange(3.)\na = dot(x, x)\nb = torch.dot(x, x)")
    assert torch.equal(interp.user_variables()["a"], interp.user_variables()["b"])


def test_loops_comprehensions_and_builtins_print_like_python():
    assert_like_pytorch("""
        import torch
        x = torch.arange(6.).reshape(2, 3)
        for row in x:
            print(row)
        for i, v in enumerate([1, 2]):
            if i == 0:
                continue
            print(i, v, sep="-", end="|\\n")
        n = 0
        while True:
            n += 1
            if n > 3:
                break
        print([a * b for a, b in zip([1, 2], [3, 4]) if a > 1], n)
        print(1 < 2 < 3, 1 < 3 < 2, len(x), abs(-2), max(1, 5), sum([1, 2, 3]), round(2.567, 2))
        print(isinstance(x, torch.Tensor), type(x) == torch.Tensor, type(1), x.shape[0])
        print(f"{x.sum():.3f} {3.14159:.2f} {x}")
        first, second = x
        print(first + second, x.T.shape, x.size(1), x.dim(), x.dtype)
    """)


def test_user_functions_take_defaults_and_keywords():
    assert_like_pytorch("""
        def scale(v, factor=2):
            return v * factor
        print(scale(3), scale(3, factor=4), scale(v=1))
    """)


def test_manual_seed_reseeds_only_the_run_generator():
    state = torch.get_rng_state()
    interp, _ = run("import torch\ntorch.manual_seed(3)\na = torch.randn(2)")
    assert torch.equal(torch.get_rng_state(), state)
    expected = torch.randn(2, generator=torch.Generator().manual_seed(3))
    assert torch.equal(interp.user_variables()["a"], expected)


def test_random_functions_use_the_given_seed():
    first, _ = run("import torch\na = torch.rand(3)\nb = torch.randn_like(a)", seed=5)
    second, _ = run("import torch\na = torch.rand(3)\nb = torch.randn_like(a)", seed=5)
    assert torch.equal(first.user_variables()["b"], second.user_variables()["b"])


def test_user_variables_skip_imports_and_functions_in_first_assignment_order():
    interp, _ = run("""
        import torch
        b = 1
        f = lambda v: v
        def g(v):
            return v
        a = torch.ones(1)
        b = 2
    """)
    assert list(interp.user_variables()) == ["b", "a"]


def test_hessian_and_autograd_grad_match_pytorch():
    assert_like_pytorch("""
        import torch
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        g = torch.autograd.grad((x ** 2).sum(), x)
        H = torch.autograd.functional.hessian(lambda v: (v ** 3).sum(), x)
        print(g, H)
    """)


def test_linalg_eig_and_eigh_print_like_pytorch():
    assert_like_pytorch("""
        import torch
        print(torch.linalg.eig(torch.tensor([[2.0, 0.0], [0.0, 3.0]])))
        print(torch.linalg.eigh(torch.tensor([[2.0, 1.0], [1.0, 3.0]])).eigenvalues)
    """)


def test_grad_fn_prints_without_address():
    _, hooks = run("import torch\nx = torch.ones(2, requires_grad=True)\nprint((x * 2).grad_fn)")
    assert hooks.printed == ["<MulBackward0 object>\n"]


# -- hooks -------------------------------------------------------------------------------------
def test_hooks_see_ops_in_order_with_their_function():
    _, hooks = run("""
        import torch
        x = torch.arange(3.)
        x.requires_grad_(True)
        def f(v):
            return v * v
        y = f(x)[0:2] @ torch.ones(2)
        z = x.detach()
        z[0] = 5
    """)
    names = [(op, fn) for op, _, fn in hooks.ops]
    assert names == [("arange", None), ("requires_grad_", None), ("mul", "f"), ("getitem", None),
                     ("ones", None), ("matmul", None), ("detach", None), ("setitem", None)]


def test_hooks_see_assignments_with_function_names():
    _, hooks = run("def f(a):\n    b = a\n    return b\nc = f(1)")
    assert hooks.assigns == [("a", "f"), ("b", "f"), ("c", None)]


def test_hooks_wrap_backward_and_display_top_level_values():
    _, hooks = run("""
        import torch
        x = torch.ones(2, requires_grad=True)
        y = (x * x).sum()
        y.backward()
        y
        print(1)
    """)
    assert hooks.backward == ["before", "after"]
    assert len(hooks.displayed) == 1 and hooks.displayed[0] is not None


# -- errors ------------------------------------------------------------------------------------
def error_of(source: str, raw: bool = False, limits: Limits = DEFAULT_LIMITS) -> ProgramError:
    with pytest.raises(ProgramError) as info:
        run(source, raw=raw, limits=limits)
    return info.value


def test_cat_dim_out_of_range_is_reported_at_its_line():
    err = error_of("import torch\nX = torch.zeros(3, 4)\ntorch.cat((X, X), dim=2)")
    assert (err.kind, err.line, err.column) == ("value", 3, 1)
    assert "dim -2..1, got 2" in err.message


def test_backward_twice_is_an_autograd_error():
    err = error_of("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\n"
                   "y.backward()\ny.backward()")
    assert isinstance(err, AutogradError) and err.line == 5


def test_undefined_name_is_a_name_error_with_column():
    err = error_of("x = 1\ny = x + foo")
    assert isinstance(err, NameNotDefined) and (err.line, err.column) == (2, 9)


def test_assert_failure_is_a_value_error():
    assert isinstance(error_of("assert 1 == 2, 'no'"), ProgramValueError)


def test_recursion_is_bounded_by_max_call_depth():
    err = error_of("def f(n):\n    return f(n + 1)\nf(0)")
    assert isinstance(err, LimitExceeded) and "max_call_depth" in (err.hint or "")


@pytest.mark.parametrize("source", [
    "with open('x') as f:\n    pass",
    "class A(int):\n    pass",   # plain classes run (session 19); a base outside the program does not
    "async def f():\n    pass",     # (sets and `global` became part of the language in session 10)
    "match 1:\n    case int(__class__=c):\n        pass",   # `match` runs since session 25; dunders do not
    "x = [i := 0 for i in range(3)]",   # the walrus runs since session 24; this form CPython refuses
])
def test_constructs_outside_the_language_fail_safe_in_the_interpreter(source):
    assert isinstance(error_of(source, raw=True), NotSupported)


def test_functions_in_lists_never_reach_a_library():   # stored in lists since s25, returned since s27
    assert isinstance(error_of("import torch\nf = lambda v: v\nitems = torch.tensor([f])"), NotSupported)
    returned = "import torch\ndef f():\n    return lambda v: v\ntorch.tensor(f())"
    assert isinstance(error_of(returned), NotSupported)


def test_grad_fn_is_the_same_object_on_every_read_like_pytorch():
    _, hooks = run("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n"
                   "print(y.grad_fn is y.grad_fn, y.grad_fn.next_functions)")
    assert hooks.printed == ["True ((<AccumulateGrad object>, 0), (None, 0))\n"]
