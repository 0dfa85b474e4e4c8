"""Session 14's breadth additions found by running beginner material cell by cell (issue 9 § 2):
patrickloeber/pytorchTutorial (11_softmax_and_crossentropy: `np.clip`, `nn.CrossEntropyLoss()`;
12_activation_functions: `nn.Softmax`, `nn.ReLU`) and deep-learning-with-pytorch/dlwpt-code p1ch3
(tensors: `.stride()`, `.storage_offset()`). Plain PyTorch / NumPy is the oracle; the sizes stay
bounded; an nn layer stays out of scope with a hint naming the function form that runs.
"""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import allowlist as al
from autogradlab.lang.layer_hints import FUNCTION_FORMS, layer_hint
from autogradlab.limits import Limits
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

SNIPPETS = {
    "np_clip": """import numpy as np
def cross_entropy(actual, predicted):
    EPS = 1e-15
    predicted = np.clip(predicted, EPS, 1 - EPS)
    return -np.sum(actual * np.log(predicted))
Y = np.array([1, 0, 0])
good = np.array([0.7, 0.2, 0.1])
bad = np.array([0.1, 0.3, 0.6])
print(f'{cross_entropy(Y, good):.4f} {cross_entropy(Y, bad):.4f}')
a = np.array([0.7, 0.2, 0.1, -3.0])
print(np.clip(a, a_min=0, a_max=None), np.clip(a, min=0.15, max=0.5))
print(np.clip(np.array([1, 5, 9]), 2, 6), np.clip(3.5, 0, 1))
b = np.clip(a, np.array([[0.0], [0.5]]), 1)
print(b, b.shape)
""",
    "strides": """import torch
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]])
second_point = points[1]
print(second_point.storage_offset(), points.stride(), second_point.stride())
points_t = points.t()
print(points_t.stride(), points_t.stride(0), points_t.stride(dim=1), points_t.stride(-1))
some_t = torch.ones(3, 4, 5)
transpose_t = some_t.transpose(0, 2)
print(some_t.stride(), transpose_t.stride(), transpose_t.is_contiguous(), transpose_t.contiguous().stride())
print(points[1:, 1].storage_offset(), points[2:].stride())
""",
    "cudnn_flags": """import torch
if torch.cuda.is_available():
    torch.cuda.manual_seed(42)
torch.backends.cudnn.deterministic = True
torch.backends.cudnn.benchmark = False
print(torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark, torch.backends.cudnn.enabled)
print(torch.backends.cudnn.is_available(), torch.backends.cudnn.version())
import torch.backends.cudnn as cudnn
def flip():
    cudnn.benchmark = not cudnn.benchmark
    return cudnn.benchmark
print([flip() for _ in range(3)], torch.backends.cudnn.benchmark)
torch.backends.cudnn.benchmark = False
torch.backends.cudnn.deterministic = False
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_runs_like_plain_python(name: str) -> None:
    compare(SNIPPETS[name])


@pytest.mark.parametrize("source", [
    "import numpy as np\nnp.clip(np.ones(3), 1)\n",
    "import numpy as np\nnp.clip(np.ones(3), np.ones(2), 1)\n",
])
def test_clip_fails_like_numpy(source: str) -> None:
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line
    assert str(oracle.error) in report.error.message


@pytest.mark.parametrize(("rows", "ok"), [(10, True), (11, False)])
def test_clip_result_is_sized_before_numpy_runs(rows: int, ok: bool) -> None:
    """A broadcast bound makes the result larger than the array: counted first."""
    limits = Limits(max_tensor_elements=100, max_total_elements=1_000)
    source = f"import numpy as np\nc = np.clip(np.ones(10), np.zeros(({rows}, 1)), 1)\n"
    report = run_program(source, torchviz=False, limits=limits)
    assert report.ok == ok, report.error
    if not ok:
        assert report.error.kind == "limit" and "110 elements; the limit is 100" in report.error.message


def test_clip_takes_only_numbers_and_arrays() -> None:
    report = run_program("import numpy as np\nnp.clip(np.ones(3), 0, print)\n", torchviz=False)
    assert not report.ok and report.error.kind in ("unsupported", "type")


@pytest.mark.parametrize("layer", sorted(FUNCTION_FORMS))
def test_layer_hint_names_a_function_that_runs(layer: str) -> None:
    report = run_program(f"import torch.nn as nn\nm = nn.{layer}()\n", torchviz=False)
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 2
    assert f"`torch.nn.{layer}`" in report.error.message
    assert report.error.hint == layer_hint(f"torch.nn.{layer}")
    call = FUNCTION_FORMS[layer]
    assert call in report.error.hint
    module, _, name = call.split("(")[0].rpartition(".")
    table = al.NN_FUNCTIONAL if module == "torch.nn.functional" else al.TORCH_FUNCTIONS
    assert name in table, call


def test_the_function_forms_give_what_the_layers_give() -> None:
    source = """import torch
import torch.nn.functional as F
x = torch.tensor([[2.0, 1.0, 0.1]])
y = torch.tensor([0])
print(F.cross_entropy(x, y), F.softmax(x, dim=1), torch.relu(x - 1), F.leaky_relu(x - 1, negative_slope=0.01))
"""
    compare(source)
    layers = ("import torch\nimport torch.nn as nn\nx = torch.tensor([[2.0, 1.0, 0.1]])\n"
              "y = torch.tensor([0])\nprint(nn.CrossEntropyLoss()(x, y), nn.Softmax(dim=1)(x), "
              "nn.ReLU()(x - 1), nn.LeakyReLU(0.01)(x - 1))\n")
    assert run_trusted(layers).printed == run_trusted(source).printed


def test_from_import_of_a_layer_gets_the_same_hint() -> None:
    report = run_program("from torch.nn import MSELoss\n", torchviz=False)
    assert not report.ok and report.error.hint == layer_hint("torch.nn.MSELoss")


def test_other_nn_names_keep_the_model_hint() -> None:
    report = run_program("import torch.nn as nn\nm = nn.Linear(2, 3)\n", torchviz=False)
    assert not report.ok and "write the model as tensors" in report.error.hint


@pytest.mark.parametrize("method", ["untyped_storage"])
def test_storage_stays_closed_with_a_hint_that_fits(method: str) -> None:
    """dlwpt p1ch3 cells 16-19 read a tensor's storage: `.storage()` runs since session 33 (a wrapper
    without the storage object's doors, test_storage_room_s33); the untyped (byte) storage stays refused
    (security.md: a door to memory), the hint names what shows the same layout, and those names run."""
    from autogradlab.lang.attribute_errors import STORAGE_HINT
    report = run_program(f"import torch\np = torch.ones(3, 2)\ns = p.{method}()\n", torchviz=False)
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 3
    assert report.error.hint == STORAGE_HINT
    assert {"stride", "storage_offset", "is_contiguous", "flatten"} <= set(al.TENSOR_METHODS)


def test_cudnn_flags_are_the_runs_own() -> None:
    """A flag one program sets is not seen by the next, and torch's own flag is never touched."""
    import torch
    first = run_program("import torch\ntorch.backends.cudnn.deterministic = True\n"
                        "print(torch.backends.cudnn.deterministic)\n", torchviz=False)
    assert first.ok and first.printed == "True\n"
    second = run_program("import torch\nprint(torch.backends.cudnn.deterministic)\n", torchviz=False)
    assert second.ok and second.printed == "False\n"
    assert torch.backends.cudnn.deterministic is False


@pytest.mark.parametrize("source", [
    "import torch\ntorch.backends.cudnn.deterministic = 1\n",
    "import torch\ntorch.backends.cudnn.benchmark = None\n",
])
def test_cudnn_flag_fails_like_pytorch(source: str) -> None:
    report, oracle = run_program(source, torchviz=False), run_trusted(source)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line and report.error.message == str(oracle.error)


@pytest.mark.parametrize("source", [
    "import torch\nx = 3\nx.deterministic = True\n",   # (on a tensor: its own attribute since session 25)
    "import torch\ntorch.backends.cudnn.fastest = True\n",
    "import torch\ntorch.backends.mps.deterministic = True\n",
])
def test_other_flag_assignments_stay_refused(source: str) -> None:
    report = run_program(source, torchviz=False)
    assert not report.ok and report.error.kind == "unsupported", report.error
