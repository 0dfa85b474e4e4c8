"""The hint of a refused torch.nn / torch.optim / torch.utils use ("nn.Module models and layers are
not covered by Autograd Lab yet; Autograd Lab shows the autograd graph of tensor code; …") in 简体中文:
an AppTest survey of tests/programs found tutorial_mrdbourke_linear.py's hint still English on every
page (the catalogue had the model hint alone, not the two sentences together)."""

from __future__ import annotations

import pytest

from autogradlab import error_text, messages
from autogradlab.engine.run import run_program
from tests.app.test_zh_no_english import english


@pytest.mark.parametrize("source, key", [
    ("import torch\nl = torch.nn.Linear(2, 2)\n", "errors_hints.model_nn"),
    ("import torch\nfrom torch.nn import Linear\n", "errors_hints.model_nn"),
    ("import torch\nfrom torch.optim import SGD\n", "errors_hints.model_optim"),
    ("import torch\nfrom torch.utils.data import DataLoader\n", "errors_hints.model_utils"),
])
def test_out_of_scope_hint_in_chinese(source, key):
    error = run_program(source, torchviz=False).error
    assert error is not None and error.hint_key == key, error
    assert messages.text("en", key) == error.hint
    box = error_text.box("zh", error)
    assert messages.text("zh", key) in box, box
    assert not english(box, ("Autograd Lab",)), english(box, ("Autograd Lab",))
