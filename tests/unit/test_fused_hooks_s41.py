"""`name = a op b`: the op and the name's binding told the Recorder in one call (compiled_binary_assign
.FUSED_BIND: tensor_sites.binary_site passes `bind` to SkimmedOps.on_op, which takes on_assign's
rebinding short way inline for a skimmed op; issue 9, power_iteration).
Oracles: the same run with the switch off (the whole report byte for byte: op records and notes
included; the Recorder's name tables, numbers and count of results alive), the run without skimming
and PyTorch's printed text. The programs: test_skim_counted's, test_name_rebinding_s40's and
test_power_skim_s41's, and here backward inside and after loops, a tensor dying and a new one taking
its id, names that are not the short way's (aliases, a function's locals, a result kept), and max_ops
one below, at and above its limit."""

from __future__ import annotations

import pytest
import torch

from autogradlab.engine import skim_rerun
from autogradlab.engine.jacobian_passes import Peak
from autogradlab.engine.name_hooks import NameHooks
from autogradlab.engine.recorder import Recorder
from autogradlab.engine.skimmed_ops import SkimmedOps
from autogradlab.lang import compiled, compiled_binary_assign  # noqa: F401 - compiled first: its import order
from autogradlab.lang.hooks import NullHooks
from autogradlab.limits import Limits
from tests.unit.test_name_rebinding_s40 import _plain
from tests.unit.test_power_skim_s41 import PROGRAMS as POWER_PROGRAMS
from tests.unit.test_power_skim_s41 import _run
from tests.unit.test_skim import comparable, records_agree, report
from tests.unit.test_skim_counted import KEEP, _same

PROGRAMS = {
    **POWER_PROGRAMS,   # test_skim_counted's, test_name_rebinding_s40's and its own
    # backward inside the loop, every pass: a graph per pass, freed as the name is bound again
    "backward_inside": """import torch
w = torch.tensor([1.0, -2.0], requires_grad=True)
for k in range(300):
    y = w * 0.5
    z = y @ y
    z.backward()
    with torch.no_grad():
        w -= 0.01 * w.grad
    w.grad.zero_()
print(w, z)
""",
    # temporaries dying each pass: a new result may take a dead one's id within the statement
    "id_reuse": """import torch
v = torch.ones(3)
for k in range(500):
    a = v * 2.0
    a = a - v
    v = a / 1.0 + 0.0
    t = v - a
print(v, t, id(v) != id(t))
""",
    # a name that is not the short way's: an alias, then the alias's own tensor kept in a list
    "alias_kept": """import torch
v = torch.ones(2)
kept = []
for k in range(400):
    u = v
    v = u * 1.001
    if k % 50 == 0:
        kept.append(v)
    w = v + 0.0
print(len(kept), v, u, w)
""",
    # a function with `name = a op b` run again by the jacobian checks under other hooks (Peak, muted)
    "func_grad": """import torch
from torch.func import grad
def loss(y, p):
    per = (0.5 * p - y) ** 2
    total = per.mean()
    return total
y = torch.rand(4)
p = torch.rand(4)
for k in range(3):
    g = grad(loss, argnums=1)(y, p)
    p = p - 0.1 * g
print(p, g)
""",
    # the short way then backward after the loop, through the last passes' graph
    "backward_after": """import torch
x = torch.tensor([0.3, 0.7], requires_grad=True)
h = x
for k in range(350):
    h = h * 0.99
    h = h + 0.01
h.sum().backward()
print(h, x.grad)
""",
}


def _both_ways(source: str, monkeypatch, limits: Limits | None = None, skim: bool = True):
    monkeypatch.setattr(compiled_binary_assign, "FUSED_BIND", True)
    fused = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(compiled_binary_assign, "FUSED_BIND", False)
    apart = report(source, skim, monkeypatch, limits)
    monkeypatch.setattr(compiled_binary_assign, "FUSED_BIND", True)
    return fused, apart


@pytest.mark.parametrize("skim", [True, False])
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_one_call_reports_what_two_calls_report(name, skim, monkeypatch):
    monkeypatch.setattr(skim_rerun, "RERUN_SHARE", -1.0)   # the skimmed runs' own reports (cut: no rerun)
    fused, apart = _both_ways(PROGRAMS[name], monkeypatch, skim=skim)
    _same(fused, apart)


@pytest.mark.parametrize("name", ["backward_inside", "id_reuse", "alias_kept", "backward_after", "func_grad"])
def test_the_programs_print_what_python_prints(name, monkeypatch):
    fused, _ = _both_ways(PROGRAMS[name], monkeypatch)
    assert fused.ok, fused.error
    assert fused.printed == _plain(PROGRAMS[name])
    off = report(PROGRAMS[name], False, monkeypatch)
    assert comparable(fused) == comparable(off)
    records_agree(fused, off)


def _tables(source: str, monkeypatch, fused: bool, limits: Limits | None = None) -> tuple:
    """The Recorder's name tables and numbers after the program (ids as tensor numbers)."""
    monkeypatch.setattr(compiled_binary_assign, "FUSED_BIND", fused)
    recorder = _run(source, limits or Limits(timeout_s=60))
    number = {key: entry.number for key, entry in recorder._ids.items()}
    names = sorted((number.get(key), tuple(value)) for key, value in recorder._names.items())
    former = sorted((number.get(key), value) for key, value in recorder._former.items())
    bound = {name: number.get(id(value), repr(value) if type(value) in (int, float) else type(value).__name__)
             for name, value in recorder._bound.items()}
    return (names, former, bound, dict(recorder.assign_order), recorder._assign_seq, recorder.last_line,
            recorder._next_id, recorder.alive_results, len(recorder._ids), recorder.skimmed_ops)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_the_name_tables_are_the_same(name, monkeypatch):
    assert _tables(PROGRAMS[name], monkeypatch, True) == _tables(PROGRAMS[name], monkeypatch, False)


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_max_ops_one_below_at_and_above_the_limit(extra, monkeypatch):
    limits = Limits(timeout_s=60, max_ops=102 + extra)
    fused, apart = _both_ways(KEEP, monkeypatch, limits)
    _same(fused, apart)
    assert fused.ok == (extra >= 0), fused.error
    if extra < 0:
        assert "max_ops" in str(fused.error)
    assert _tables(KEEP, monkeypatch, True, limits) == _tables(KEEP, monkeypatch, False, limits)


def test_the_short_way_is_taken(monkeypatch):
    """(else the comparisons above test less than they say): power's `w = A @ v` and `v = w / ...`
    reach on_assign only in the passes recorded in full, and are bound by on_op in every pass."""
    calls = {"on_assign": 0, "bind": 0}
    on_assign, on_op = NameHooks.on_assign, SkimmedOps.on_op

    def counted_assign(self, name, value, node, in_function):
        calls["on_assign"] += type(value) is torch.Tensor
        return on_assign(self, name, value, node, in_function)

    def counted_op(self, *args):
        calls["bind"] += len(args) == 7
        return on_op(self, *args)
    counted_op.binds = counted_assign   # the on_assign it stands for (compiled_binary_assign.binds)
    monkeypatch.setattr(NameHooks, "on_assign", counted_assign)
    monkeypatch.setattr(SkimmedOps, "on_op", counted_op)

    def tensor_assigns(fused: bool) -> dict:
        calls.update(on_assign=0, bind=0)
        monkeypatch.setattr(compiled_binary_assign, "FUSED_BIND", fused)
        assert report(PROGRAMS["ties"], True, monkeypatch).ok
        return dict(calls)
    apart, fused = tensor_assigns(False), tensor_assigns(True)
    assert apart["bind"] == 0 and apart["on_assign"] >= 800
    assert fused["bind"] == 801 and fused["on_assign"] < 40, fused   # (and `A = torch.ones(4, 4) / 4`)


def test_only_the_recorders_own_hooks_take_bind():
    recorder = Recorder("x = 1\n")

    class OwnAssign(Recorder):
        def on_assign(self, name, value, node, in_function):
            super().on_assign(name, value, node, in_function)

    class Forwarding:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)
    class OwnOp(Forwarding):   # jacobian_passes.Peak: its own on_op, on_assign forwarded
        def on_op(self, op, args, kwargs, result, node, in_function):
            self.inner.on_op(op, args, kwargs, result, node, in_function)
    assert compiled_binary_assign.binds(recorder)
    assert not compiled_binary_assign.binds(OwnOp(recorder))
    assert not compiled_binary_assign.binds(Peak(recorder))
    assert not compiled_binary_assign.binds(OwnAssign("x = 1\n"))
    assert not compiled_binary_assign.binds(Forwarding(recorder))
    assert not compiled_binary_assign.binds(NullHooks())
