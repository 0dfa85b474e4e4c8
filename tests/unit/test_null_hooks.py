"""NullHooks answers every hook the language calls (a jacobian's muted passes and bench/loop_layers'
language-alone figures run with it): an optional hook it lacked (on_memory, looked up at every
`w.grad` read and in-place write) cost an AttributeError raised and caught each time."""

from __future__ import annotations

import re
from pathlib import Path

import torch

from autogradlab.lang import calls
from autogradlab.lang.hooks import NullHooks
from autogradlab.lang.interpreter import Interpreter
from autogradlab.lang.parse import parse_program
from autogradlab.limits import Limits

LANG = Path(__file__).resolve().parents[2] / "autogradlab" / "lang"


def test_null_hooks_have_every_hook_the_language_reads():
    """Every `hooks.<name>` the language's modules read (`interp.hooks.on_memory` too) is a method
    of NullHooks."""
    read = set()
    for path in LANG.glob("*.py"):
        read |= set(re.findall(r"\bhooks\.(on_\w+|before_\w+|after_\w+)\b", path.read_text(encoding="utf-8")))
    assert "on_memory" in read and "on_op" in read, read
    missing = sorted(name for name in read if not callable(getattr(NullHooks, name, None)))
    assert not missing, missing


class _Interp:
    hooks = NullHooks()


def test_memory_news_to_null_hooks_is_a_plain_call(monkeypatch):
    """notify_memory reaches NullHooks.on_memory (no AttributeError to catch) and changes nothing."""
    heard = []
    monkeypatch.setattr(NullHooks, "on_memory", lambda self, kind, tensor: heard.append(kind))
    tensor = torch.ones(2)
    calls.notify_memory(_Interp(), "grad", tensor)
    assert heard == ["grad"] and torch.equal(tensor, torch.ones(2))


def test_a_null_hooks_run_with_grad_reads_and_writes_matches_pytorch():
    """mlp_manual's update (`p -= lr * p.grad`, `p.grad.zero_()`) under NullHooks: PyTorch's values."""
    source = ("import torch\nw = torch.tensor([1.0, -2.0], requires_grad=True)\n"
              "for step in range(3):\n    loss = (w * w).sum()\n    loss.backward()\n"
              "    with torch.no_grad():\n        for p in [w]:\n            p -= 0.1 * p.grad\n"
              "            p.grad.zero_()\n")
    interp = Interpreter(parse_program(source), source, limits=Limits(), generator=torch.Generator(),
                         hooks=NullHooks())
    interp.run()
    plain: dict = {}
    exec(compile(source, "plain", "exec"), plain)  # noqa: S102 - trusted test text
    values = interp.user_variables()
    assert torch.equal(values["w"], plain["w"]) and torch.equal(values["w"].grad, plain["w"].grad)
    assert torch.equal(values["loss"], plain["loss"])
