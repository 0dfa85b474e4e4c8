"""Constructs session 12's tutorial sweep met (bench/tutorial_cells.py over Chinese course notebooks:
zergtant/pytorch-handbook, ShusenTang/Dive-into-DL-PyTorch, chenyuntc/pytorch-book), each a snippet
compared with plain PyTorch (tests/oracle.py), and variants that must stay refused."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

SNIPPETS = {
    # Dive-into-DL-PyTorch 2.2: `torch.cuda.manual_seed(0)` next to torch.manual_seed; without a GPU it
    # only checks the seed, and the run's values stay those of torch.manual_seed.
    "cuda_manual_seed": "import torch\ntorch.manual_seed(0)\ntorch.cuda.manual_seed(0)\n"
                        "torch.cuda.manual_seed_all(seed=3)\ntorch.cuda.empty_cache()\nx = torch.rand(3)\n"
                        "print(torch.cuda.manual_seed(1.5), x)",
    # pytorch-handbook 2.1.2: the Function base class imported from its own module.
    "autograd_function_module": "import torch\nfrom torch.autograd.function import Function\n"
                                "class MulConstant(Function):\n    @staticmethod\n"
                                "    def forward(ctx, tensor, constant):\n        ctx.constant = constant\n"
                                "        return tensor * constant\n    @staticmethod\n"
                                "    def backward(ctx, grad_output):\n"
                                "        return grad_output * ctx.constant, None\n"
                                "class Twice(torch.autograd.function.Function):\n    @staticmethod\n"
                                "    def forward(ctx, t):\n        return t * 2\n    @staticmethod\n"
                                "    def backward(ctx, g):\n        return g * 2\n"
                                "a = torch.rand(3, 3, requires_grad=True)\nb = MulConstant.apply(a, 5)\n"
                                "Twice.apply(b).sum().backward()\nprint(a.grad)",
    # pytorch-handbook 2.1.2: what an autograd node offers, the way the notebook looks.
    "dir_grad_fn": "import torch\nx = torch.ones(2, 2, requires_grad=True)\nz = x * 2 + 1\n"
                   "dir(z.grad_fn)\ndir(z.grad_fn.next_functions[0][0])\n"
                   "n = len(dir(z.grad_fn.next_functions[0][0]))",
    # chenyuntc/pytorch-book chapter 3: scatter_ puts gathered values back (the inverse of gather).
    "scatter": "import torch as t\na = t.arange(0, 16).view(4, 4)\n"
               "index = t.LongTensor([[0,1,2,3],[3,2,1,0]]).t()\nb = a.gather(1, index)\n"
               "c = t.zeros(4,4).long()\nc.scatter_(1, index, b)\nd = t.zeros(3, 5)\n"
               "d.scatter_add_(0, t.tensor([[0, 1, 2, 0, 0]]), t.ones(1, 5))\n"
               "x = t.ones(2, 3, requires_grad=True)\n"
               "y = t.zeros(2, 4).scatter_(1, t.tensor([[0, 1, 2], [1, 2, 3]]), x * 2)\n"
               "y.sum().backward()\nprint(c, d, y, x.grad)",
    # chenyuntc/pytorch-book chapter 3 (and many notebooks' first cell): silencing warnings is a no-op.
    "warnings_ignore": "import warnings\nwarnings.filterwarnings(\"ignore\")\n"
                       "warnings.simplefilter(action=\"ignore\")\n"
                       "warnings.filterwarnings(\"ignore\", message=\"named\", module=\"torch\")\n"
                       "import torch\nx = torch.range(1, 3)\nprint(x)",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])


ERRORS = {
    "cuda_seed_string": "import torch\ntorch.cuda.manual_seed('a')",
    "cuda_seed_none": "import torch\ntorch.cuda.manual_seed()",
    # scatter_ writes only inside self: an index past the end, or an index bigger than self in another
    # dimension, fails like PyTorch's bounds checks, before anything is written
    "scatter_index_past_end": "import torch\ne = torch.zeros(2, 2).scatter_(1, torch.tensor([[2]]), "
                              "torch.ones(1, 1))",
    "scatter_index_too_big": "import torch\ne = torch.zeros(2, 2).scatter_(1, torch.zeros(3, 1).long(), "
                             "torch.ones(3, 1))",
    "scatter_add_src_too_small": "import torch\ne = torch.zeros(4).scatter_add_(0, torch.tensor([0, 1, 2]), "
                                 "torch.ones(2))",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_bad_call_fails_on_the_same_line(name: str) -> None:
    report, oracle = run_program(ERRORS[name]), run_trusted(ERRORS[name])
    assert oracle.error is not None
    assert not report.ok and report.error.line == oracle.error_line == 2


@pytest.mark.parametrize("source", [
    "import torch\nz = torch.ones(2, requires_grad=True) * 2\nm = z.grad_fn.metadata",
    # (`_saved_other` itself reads since session 39: lang/grad_fn_saved.py)
    "import torch\nz = torch.ones(2, requires_grad=True) * 2\nh = z.grad_fn._raw_saved_other",
    # (a function is a hook since session 36: lang/graph_hooks.py)
    "import torch\nz = torch.ones(2, requires_grad=True) * 2\nz.grad_fn.register_hook(torch)",
    "from torch.autograd.function import InplaceFunction",   # (once_differentiable runs since session 34)
    "from torch.autograd import function\nfunction.traceable",
    "import warnings\nwarnings.filterwarnings('error')",
    "import warnings\nwarnings.warn('x')",
    "import warnings\nwarnings.catch_warnings()",
    "import warnings\nwarnings.filterwarnings('ignore', category=warnings)",
    "import warnings\nwarnings.filterwarnings('ignore', message=['x'])",
])
def test_still_refused(source: str) -> None:
    assert not run_program(source).ok


def test_pretrained_model_import_is_named_as_such() -> None:
    """PyTorch's "A Gentle Introduction to torch.autograd" starts with a torchvision model: the hint
    names pretrained models (out of scope), not data preparation."""
    report = run_program("import torch\nfrom torchvision.models import resnet18, ResNet18_Weights\n"
                         "model = resnet18(weights=ResNet18_Weights.DEFAULT)")
    assert not report.ok and report.error.line == 2
    assert "torchvision.models" in report.error.message
    assert report.error.hint.startswith("pretrained models (torchvision.models) are not covered")
    assert report.error.hint_key == "errors_hints.model_torchvision"
    data = run_program("import torchvision\nfrom torchvision import transforms")
    assert not data.ok and "data preparation" in data.error.hint
