"""Constructs tutorials use (issue 9, part 2), each a snippet compared with plain PyTorch: the
same outcome, printed text, bare-expression displays and variables (tests/oracle.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted, value_mismatches, without_address

SNIPPETS = {
    # Devices: answered as on a machine without a GPU.
    "device_property": "import torch\nx = torch.ones(2)\nprint(x.device)\nx.device\nd = x.device\nx.is_cuda",
    "device_fstring": "import torch\nx = torch.rand(3, 4)\nprint(f'Device tensor is stored on: {x.device}')",
    "cuda_idiom": "import torch\ndevice = 'cuda' if torch.cuda.is_available() else 'cpu'\nprint(device)\n"
                  "x = torch.ones(2, device=device)\ny = x.to(device)\nprint(y is x)",
    "torch_device": "import torch\ndevice = torch.device('cpu')\ndevice\n"
                    "print(device, device.type, device.index)\n"
                    "x = torch.zeros(2, 3, device=device, dtype=torch.float64)\nx",
    "device_none": "import torch\nx = torch.arange(4, device=None)\ny = torch.tensor([1, 2], device='cpu')\n"
                   "z = torch.randn(2, device=torch.device('cpu'))\nw = torch.zeros_like(x, device='cpu')",
    "cuda_device_index": "import torch\n"
                         "print(torch.cuda.is_available() & (torch.device('cuda').index is not None))",
    "to_dtype": "import torch\nx = torch.arange(3)\ny = x.to(torch.float32)\nz = x.to('cpu', torch.float64)\n"
                "w = x.to(device='cpu', dtype=torch.float16)\nv = x.to(y)\nprint(y, z, w, v)",
    "cpu_method": "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).cpu()\n"
                  "print(x.cpu() is x)\ny",
    "accelerator": "import torch\ndevice = torch.accelerator.current_accelerator().type if "
                   "torch.accelerator.is_available() else 'cpu'\nprint(f'Using {device} device')\n"
                   "torch.set_default_device(device)\nprint(torch.backends.mps.is_available())\n"
                   "torch.cuda.device_count()\ntorch.get_default_device()",
    "set_default_device_none": "import torch\ntorch.set_default_device(None)\n"
                               "torch.set_default_device('cpu')",
    # out=: written into the existing tensor after the same size checks.
    "out_matmul": "import torch\nt = torch.ones(4, 4)\ny3 = torch.rand_like(t)\n"
                  "torch.matmul(t, t.T, out=y3)\ny3",
    "out_mul_returns_out": "import torch\nt = torch.arange(4.)\nz = torch.zeros(4)\n"
                           "r = torch.mul(t, t, out=z)\n"
                           "print(r is z, z)",
    # Tensor API: older and keyword forms.
    "type_method": "import torch\nx = torch.arange(3)\nprint(x.type())\ny = x.type(torch.float32)\n"
                   "z = x.type('torch.DoubleTensor')\nw = y.type(torch.LongTensor)\nx.type()",
    "torch_range": "import torch\na = torch.range(1, 4)\nb = torch.range(0, 1, 0.25)\n"
                   "c = torch.range(1, 4, dtype=torch.int64)",
    "legacy_constructors": "import torch\nW = torch.FloatTensor([0.5, 3, 2.4]).unsqueeze(1)\n"
                           "b = torch.Tensor([[1, 2], [3, 4]])\nc = torch.LongTensor([1, 2])\n"
                           "e = torch.Tensor()\n"
                           "d = torch.DoubleTensor([1])\n"
                           "print(isinstance(W, torch.FloatTensor), isinstance(c, torch.FloatTensor))",
    "keyword_input": "import torch\nx = torch.arange(6.).reshape(2, 3)\na = torch.zeros_like(input=x)\n"
                     "b = torch.matmul(input=x, other=x.T)\nc = torch.sum(input=x, dim=1)\n"
                     "d = torch.exp(input=x)",
    "manual_seed_generator": "import torch\ntorch.manual_seed(42)\ng = torch.random.manual_seed(7)\n"
                             "print(g)\n"
                             "x = torch.rand(3)\nprint(torch.initial_seed())",
    "torch_size": "import torch\ns = torch.Size([2, 3])\ns\nprint(s, s == torch.ones(2, 3).shape, s.numel())",
    "version": "import torch\nimport numpy as np\nprint(torch.__version__)\nv = torch.__version__\n"
               "np.__version__",
    "unpack_into_attributes": "import torch\na = torch.ones(2, requires_grad=True)\n"
                              "b = torch.ones(2, requires_grad=True)\n"
                              "(a * b).sum().backward()\na.grad, b.grad = None, None\n"
                              "x = torch.zeros(3)\nx[0], x[2] = 1, 2",
    # try/except: PyTorch's own message in e; the name is unbound after the handler.
    "try_shape_error": "import torch\nx = torch.ones(3)\ny = torch.ones(4)\ntry:\n    z = x + y\n"
                       "except RuntimeError as e:\n    print(e)\n    msg = str(e)",
    "try_cat_error": "import torch\ntry:\n    torch.cat((torch.ones(2), torch.ones(2, 2)))\n"
                     "except Exception as err:\n    print('caught:', err)\n    print(repr(err), type(err))",
    "try_else_finally": "try:\n    a = 1 / 0\nexcept ZeroDivisionError:\n    print('zero')\nelse:\n"
                        "    print('no')\nfinally:\n    print('finally')\ntry:\n    b = 1\n"
                        "except (TypeError, ValueError):\n"
                        "    b = 2\nelse:\n    b = 3",
    "try_backward_error": "import torch\nx = torch.ones(3)\ntry:\n    x.sum().backward()\n"
                          "except RuntimeError as e:\n"
                          "    print(f'error: {e}')",
    "try_assert_name_index": "try:\n    assert 1 > 2, 'too small'\nexcept AssertionError as e:\n"
                             "    print(e)\n"
                             "try:\n    q = undefined_name\nexcept NameError as e:\n    print(e)\n"
                             "try:\n    [1, 2][5]\nexcept IndexError as e:\n    print(e)",
    "try_unmatched_then_outer": "import torch\ntry:\n    try:\n        torch.ones(2) @ torch.ones(3)\n"
                                "    except TypeError:\n        print('no')\n"
                                "except RuntimeError as e:\n    print(e)",
}

ERROR_SNIPPETS = {
    # PyTorch's own errors, at the same line.
    "out_wrong_dtype": ("import torch\nt = torch.ones(2)\n"
                        "torch.mul(t, t, out=torch.zeros(2, dtype=torch.long))",
                        "can't be cast"),
    "out_requires_grad": ("import torch\nw = torch.ones(2, requires_grad=True)\n"
                          "torch.mul(w, w, out=torch.zeros(2))",
                          "don't support automatic differentiation"),
    "grad_float": ("import torch\na = torch.ones((), requires_grad=True)\n(a * 2).backward()\n"
                   "a.grad, = 0.,", "assigned grad expected to be a Tensor or None"),
    "uncaught_by_wrong_handler": ("import torch\ntry:\n    torch.ones(2) + torch.ones(3)\nexcept TypeError:\n"
                                  "    pass", "must match the size", "cannot be broadcast"),
    "bad_device_string": ("import torch\nx = torch.ones(2)\n"
                          "x.to('gpu')", "device type at start of device string"),
}


def compare(source: str) -> None:
    report = run_program(source)
    oracle = run_trusted(source)
    assert oracle.error is None, oracle.error
    assert report.ok, report.error
    assert without_address(report.printed) == without_address(oracle.printed)
    assert [(d.line, d.text) for d in report.displayed] == oracle.displayed
    assert list(report.variables) == list(oracle.variables)
    problems = []
    for name, real in oracle.variables.items():
        problems += value_mismatches(report.variables[name], real, name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize("name", sorted(ERROR_SNIPPETS))
def test_snippet_fails_like_plain_pytorch(name: str) -> None:
    source, words, *engine_words = ERROR_SNIPPETS[name]   # the engine's plain words, if its own
    report = run_program(source)
    oracle = run_trusted(source)
    assert oracle.error is not None and words in str(oracle.error)
    assert not report.ok and report.error.line == oracle.error_line
    assert (engine_words or [words])[0] in report.error.message


def test_asking_for_a_gpu_says_there_is_none() -> None:
    report = run_program("import torch\nx = torch.ones(2)\ny = x.to('cuda')")
    assert not report.ok and report.error.line == 3
    assert "there is no GPU here" in report.error.message
    assert "torch.cuda.is_available()" in report.error.hint
