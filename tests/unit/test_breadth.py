"""Constructs tutorials use (issue 9, part 2), each a snippet compared with plain PyTorch: the
same outcome, printed text, bare-expression displays and variables (tests/oracle.py)."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import run_program
from tests.oracle import run_trusted, shown_as_left, value_mismatches, without_address

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
    # NumPy as lessons use it.
    "np_creation": "import numpy as np\na = np.arange(6)\nb = np.arange(1, 2, 0.25)\nc = np.ones(5)\n"
                   "d = np.zeros((2, 3), dtype=np.int32)\ne = np.linspace(-1, 1, 5)\n"
                   "f = np.arange(3, dtype=np.float32)\n"
                   "g = np.linspace(0, 1, num=4, endpoint=False)\na, b, c, d, e, f, g",
    "np_arithmetic": "import numpy as np\na = np.arange(6).reshape(2, 3)\nb = a + 1\n"
                     "c = a * a - 2 / (b + 0.5)\n"
                     "d = -a\ne = a == b - 1\nf = 10.0 ** np.arange(-1, -6, -1)\ng = a @ a.T\nh = a.T % 4\n"
                     "print(a, b, c, d, e, f, g, h)",
    "np_inplace_and_out": "import numpy as np\nimport torch\nn = np.ones(5)\n"
                          "t = torch.from_numpy(n)\nn += 1\n"
                          "np.add(n, 1, out=n)\nprint(f't: {t}')\nprint(f'n: {n}')\n"
                          "m = np.multiply(n, n)\nn[0] = 7\n"
                          "n[1:3] = np.zeros(2)\nprint(t)",
    "np_scalars_and_iteration": "import numpy as np\nfor h in 10.0**np.arange(-1, -4, -1):\n"
                                "    print(h, f'{h:.5f}')\n"
                                "h\na = np.arange(4)\ns = a[2]\ns\nx = np.float64(2.5) * 2\n"
                                "y = np.int32(3)\nprint(type(h))",
    "np_reductions": "import numpy as np\na = np.arange(6.).reshape(2, 3)\ns = a.sum()\nm = a.mean(axis=0)\n"
                     "k = np.sum(a, axis=1, keepdims=True)\nq = np.sqrt(a)\nr = np.square(a - 1).sum()\n"
                     "i = a.max()\nv = a.reshape(3, 2).astype(np.int64)\nw = a[1, 2].item()",
    "np_tensor_bridge": "import numpy as np\nimport torch\nt = torch.ones(5)\nn = t.numpy()\n"
                        "t.add_(1)\nprint(n)\n"
                        "x = torch.ones(2) * np.float64(2)\ny = torch.tensor(np.linspace(0, 1, 3))",
    # Autograd introspection.
    "grad_fn_introspection": "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\n"
                             "w = torch.ones(2, requires_grad=True)\n"
                             "y = (x * w).sum()\nprint(y.grad_fn)\nprint(y.grad_fn.next_functions)\n"
                             "print(y.grad_fn.next_functions[0][0].next_functions[0][0].variable)\n"
                             "print(y.grad_fn.next_functions[0][0].next_functions[0][0].variable is x)\n"
                             "y.grad_fn.next_functions[0][0].name()\ny.backward()\n"
                             "x.grad.data.zero_()\nprint(x.grad)\nw.grad = None\nprint(w.grad)",
    # torch.distributions through the run's seeded generator (same draws as torch.manual_seed(0)).
    "distributions": "import torch\nfrom torch.distributions.multinomial import Multinomial\n"
                     "from torch.distributions import multinomial, Normal\nfair_probs = torch.ones([6]) / 6\n"
                     "multinomial.Multinomial(1, fair_probs).sample()\n"
                     "counts = Multinomial(1000, fair_probs).sample()\n"
                     "counts / 1000\nc = Multinomial(10, fair_probs).sample((500,))\ncum = c.cumsum(dim=0)\n"
                     "x = torch.randn(2)\nn = Normal(torch.zeros(2), torch.ones(2))\ns = n.sample((3,))\n"
                     "lp = n.log_prob(s)\nm = n.mean\nprint(n)\n"
                     "b = torch.distributions.Bernoulli(0.3).sample((4,))",
    # str.format, bounded like f-strings.
    "str_format": "import torch\nx = torch.tensor([1.5, 2.0])\n"
                  "print('x = {}, sum = {:.2f}'.format(x, x.sum().item()))\n"
                  "print('{0} and {1} and {0}'.format(1, 'a'))\n"
                  "print('{name}: {value:>8.3f}'.format(name='loss', value=0.12345))\n"
                  "s = '{{literal}} {}'.format(3)\n'{:.3e}'.format(12345.678)",
    "try_isinstance": "import torch\ntry:\n    torch.ones(2) @ torch.ones(3)\nexcept Exception as e:\n"
                      "    print(isinstance(e, RuntimeError), isinstance(e, (ValueError, KeyError)),"
                      " type(e))",
    # Dictionaries.
    "dicts": "import torch\nd = {'a': 1, 'b': torch.ones(2), 3: [1, 2]}\nprint(d, len(d), 'a' in d, d['a'])\n"
             "for k in d:\n    print(k)\nfor k, v in d.items():\n    print(k, v)\n"
             "print(d.keys(), d.values(), d.get('zz', 0))\nd['c'] = 5\nd.items()\ne = {}\ne[(1, 2)] = 'x'\n"
             "print(list(d), sorted(e), d.pop('c'))\nd\nprint(f'{d}', '{}'.format(e))",
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
    "np_inplace_cast": ("import numpy as np\na = np.arange(3)\na += 0.5", "Cannot cast ufunc 'add' output"),
    "np_bad_broadcast": ("import numpy as np\na = np.ones(3) + np.ones(4)", "could not be broadcast"),
    "format_index": ("s = '{1}'.format(0)", "Replacement index 1 out of range"),
    "dict_missing_key": ("d = {'a': 1}\nd['b']", "'b'"),
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
    with shown_as_left(oracle):   # torch.set_printoptions(...) as the program left them
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


def test_sampling_leaves_the_process_wide_generator_alone() -> None:
    torch.manual_seed(123)
    before = torch.get_rng_state()
    assert run_program(SNIPPETS["distributions"]).ok
    assert torch.equal(torch.get_rng_state(), before)


def test_asking_for_a_gpu_says_there_is_none() -> None:
    report = run_program("import torch\nx = torch.ones(2)\ny = x.to('cuda')")
    assert not report.ok and report.error.line == 3
    assert "there is no GPU here" in report.error.message
    assert "torch.cuda.is_available()" in report.error.hint


@pytest.mark.parametrize(("source", "says", "hint_says"), [
    ("import torch\nx = torch.ones(2)\nx.__class__", "`__class__`", "Python's internals"),
    ("__x__ = 1", "`__x__`", "rename it without the double underscores"),
    ("from torch.optim import SGD", "torch.optim import SGD", "optimizers (torch.optim)"),
    ("import torch\nopt = torch.optim.SGD([], lr=0.1)", "`torch.optim.SGD`", "optimizers"),
    ("from torch import nn\nlayer = nn.Linear(3, 1)", "`torch.nn.Linear`", "nn.Module models"),
    ("import torch.nn as nn\nclass Net(nn.Module):\n    pass", "`class Net(nn.Module)`",
     "write the model as tensors"),
    ("from torch.utils.data import DataLoader", "torch.utils.data", "data loaders"),
    ("import torch.sparse", "`import torch.sparse`", "import torch.distributions"),
])
def test_refusal_hints_fit_the_construct(source: str, says: str, hint_says: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == "unsupported"
    assert says in report.error.message
    assert hint_says in (report.error.hint or ""), report.error.hint
    assert "full name" not in (report.error.hint or "")
