"""torch.Generator objects and `generator=` (lang/torch_generators.py), and F.one_hot, as Karpathy's
makemore lectures use them: each snippet compared with plain PyTorch (tests/oracle.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.torch_generators import MAX_GENERATORS
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

T = "import torch\n"
TF = "import torch\nimport torch.nn.functional as F\n"
SNIPPETS = {
    "seeded_chain": T + "g = torch.Generator().manual_seed(2147483647)\n"
                        "p = torch.rand(3, generator=g)\np = p / p.sum()\np\n"
                        "torch.multinomial(p, num_samples=100, replacement=True, generator=g)",
    "randn_randint": T + "g = torch.Generator().manual_seed(42)\n"
                         "W = torch.randn((27, 27), generator=g, requires_grad=True)\n"
                         "ix = torch.randint(0, 100, (8,), generator=g)\n"
                         "b = torch.randn(4, generator=g) * 0.1",
    "own_stream_apart_from_the_run": T + "torch.manual_seed(1)\ng = torch.Generator()\na = torch.randn(3)\n"
                                         "b = torch.randn(3, generator=g)\nc = torch.randn(3)\n"
                                         "d = torch.randn(3, generator=g)",
    "two_generators": T + "g1 = torch.Generator().manual_seed(5)\ng2 = torch.Generator('cpu')\n"
                          "g2.manual_seed(5)\nx = torch.rand(4, generator=g1)\n"
                          "y = torch.rand(4, generator=g2)\n"
                          "print(torch.equal(x, y), g1.initial_seed(), g2.initial_seed())",
    "default_seed": T + "g = torch.Generator(device='cpu')\nprint(g.initial_seed())\n"
                        "x = torch.rand(2, generator=g)",
    "manual_seed_returns_itself": T + "g = torch.Generator()\nh = g.manual_seed(3)\nprint(h is g)",
    "generator_none_and_run_generator": T + "r = torch.manual_seed(7)\nx = torch.randn(2, generator=None)\n"
                                            "y = torch.randn(2, generator=r)\nz = torch.randn(2)",
    "sampling_loop": T + "g = torch.Generator().manual_seed(2147483647)\n"
                         "P = torch.rand(5, 5, generator=g)\nP /= P.sum(1, keepdims=True)\nout = []\nix = 0\n"
                         "for i in range(10):\n"
                         "    ix = torch.multinomial(P[ix], num_samples=1, replacement=True,\n"
                         "                           generator=g).item()\n"
                         "    out.append(ix)\nprint(out)",
    "tensor_methods": T + "g = torch.Generator().manual_seed(0)\nw = torch.zeros(3).normal_(generator=g)\n"
                          "u = torch.zeros(3).uniform_(-1, 1, generator=g)",
    "random_like": T + "g = torch.Generator().manual_seed(4)\n"
                       "x = torch.randn_like(torch.ones(2, 3), generator=g)\n"
                       "y = torch.rand_like(x, generator=g)",
    "generator_type": T + "g = torch.Generator()\na = isinstance(g, torch.Generator)\n"
                          "b = type(g) == torch.Generator\n"
                          "print(a, b, torch.Generator, g == g)",
    "random_out": T + "g = torch.Generator().manual_seed(9)\nt = torch.zeros(3)\n"
                      "torch.randn(3, generator=g, out=t)\nt",
    "one_hot_num_classes": TF + "xs = torch.tensor([0, 5, 13, 13, 1])\n"
                                "xenc = F.one_hot(xs, num_classes=27).float()\nxenc.shape\nxenc.dtype",
    "one_hot_default_classes": TF + "y = F.one_hot(torch.tensor([[0, 2], [3, 1]]))\ny",
    "one_hot_gradient": TF + "g = torch.Generator().manual_seed(1)\n"
                             "W = torch.randn((6, 6), generator=g, requires_grad=True)\n"
                             "xs = torch.tensor([0, 3, 5])\nys = torch.tensor([3, 5, 0])\n"
                             "logits = F.one_hot(xs, num_classes=6).float() @ W\n"
                             "probs = logits.exp() / logits.exp().sum(1, keepdims=True)\n"
                             "loss = -probs[torch.arange(3), ys].log().mean()\nloss.backward()\n"
                             "W.data += -0.1 * W.grad",
    # jacobian's extra passes start the program's generators where the first pass started them
    "jacobian_of_a_drawing_function": T + "from torch.autograd.functional import jacobian\n"
                                          "g = torch.Generator().manual_seed(3)\n"
                                          "def f(x):\n    return x * torch.randn(3, generator=g)\n"
                                          "J = jacobian(f, torch.ones(3))\n"
                                          "after = torch.rand(2, generator=g)",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_generator_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize(("source", "words"), [
    (T + "x = torch.randn(2, generator=3)", "argument 'generator' must be torch.Generator, not int"),
    ("import torch\ng = torch.Generator()\ng.manual_seed('a')", "manual_seed expected a long, but got str"),
    ("import torch\ng = torch.Generator('cuda')", "CPU only"),
    ("import torch\ng = torch.Generator()\ns = g.graph_safe_get_state()",   # session 24: get_state runs
     "`Generator.graph_safe_get_state()` is not supported"),
    ("import torch\nx = torch.ones(2).add(1, generator=torch.Generator())", "generator="),
])
def test_generator_misuse_fails_at_its_line(source: str, words: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert not report.ok and report.error.line == source.count("\n") + 1, report.error
    assert words in report.error.message
    assert oracle.error is not None or "graph_safe" in source   # PyTorch has it (CUDA graphs); refused here


@pytest.mark.parametrize(("count", "ok"), [(MAX_GENERATORS, True), (MAX_GENERATORS + 1, False)])
def test_generator_count_limit(count: int, ok: bool) -> None:
    report = run_program(f"import torch\ngs = []\nfor i in range({count}):\n    gs.append(torch.Generator())")
    assert report.ok == ok
    if not ok:
        assert report.error.kind == "limit"
        assert f"more than {MAX_GENERATORS} torch.Generator" in report.error.message


def test_one_hot_of_a_huge_index_is_refused_before_allocating() -> None:
    report = run_program(TF + "y = F.one_hot(torch.tensor([10**9]))")
    assert not report.ok and report.error.kind == "limit" and report.error.line == 3


@pytest.mark.parametrize(("classes", "ok"), [(DEFAULT_LIMITS.max_tensor_elements // 2, True),
                                             (DEFAULT_LIMITS.max_tensor_elements // 2 + 1, False)])
def test_one_hot_size_limit_just_below_and_above(classes: int, ok: bool) -> None:
    """Two indices, the larger one classes - 1: 2 x classes elements, checked before the call."""
    report = run_program(f"import torch\nimport torch.nn.functional as F\n"
                         f"y = F.one_hot(torch.tensor([0, {classes - 1}]))\nn = y.numel()")
    assert report.ok == ok, report.error
    if ok:
        assert report.variables["n"].value == 2 * classes
    else:
        assert report.error.kind == "limit"
