"""The zygote's rest of the warm-up in parts (sandbox_warm.rest_steps), a job taken between two: a job
that came during the warm-up waited for all of it (~2.5 s of CPU here; 1.95 s for one run right after
start-up, issue 9, session 35)."""

from __future__ import annotations

import socket

from autogradlab import sandbox_warm
from autogradlab.sandbox_zygote import _Zygote


def test_the_parts_are_warm_rest_in_order_and_each_never_raises(monkeypatch) -> None:
    import autogradlab.engine.run as engine_run
    import autogradlab.engine.tangent_run as tangent_run
    import autogradlab.lang.sizes as sizes

    ran: list[str] = []

    def broken(source: str, **kwargs: object) -> None:
        ran.append(source)
        raise RuntimeError("a part that fails")

    monkeypatch.setattr(sizes, "warm_up", lambda: ran.append("meta"))
    monkeypatch.setattr(tangent_run, "warm_forward_mode", lambda: ran.append("forward"))
    monkeypatch.setattr(engine_run, "run_program", broken)
    monkeypatch.setattr(sandbox_warm, "PRE_IMPORTS", ("json", "no_such_module_here"))
    for step in sandbox_warm.rest_steps():
        step()
    assert ran == ["meta", "forward", *[sandbox_warm.WARM_PROGRAM] * 2, sandbox_warm.LOOP_PROGRAM]


def test_the_zygote_runs_one_part_at_a_time_and_takes_a_job_between_two() -> None:
    ran: list[str] = []
    ours, app = socket.socketpair()
    try:
        zygote = _Zygote(ours, warm_pending=True)
        assert len(zygote.warm_steps) == len(sandbox_warm.rest_steps()) + 1   # and a collection
        zygote.warm_steps = [lambda: ran.append("a"), lambda: ran.append("b")]
        late = max(zygote.warm_at, zygote.warm_by) + 1.0
        assert zygote.warm_up_due(late)
        zygote.finish_warm_up()
        assert ran == ["a"] and zygote.warm_pending
        app.send(b"J")                          # a job waits: the next part waits for it
        assert not zygote.warm_up_due(late)
        assert ours.recv(1) == b"J"
        assert zygote.warm_up_due(late)
        zygote.finish_warm_up()
        assert ran == ["a", "b"] and zygote.warm_pending and zygote.warm_steps == []
    finally:
        ours.close()
        app.close()


def test_no_part_of_the_warm_up_takes_most_of_it() -> None:
    """The meta kernels' import (torch._dynamo) was one ~1.3 s block: parts of it come first."""
    assert "sympy" in sandbox_warm.PRE_IMPORTS and "torch.distributed.tensor" in sandbox_warm.PRE_IMPORTS
    assert not any(name.startswith("torch._dynamo") for name in sandbox_warm.PRE_IMPORTS)
