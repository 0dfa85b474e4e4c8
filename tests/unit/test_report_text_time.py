"""engine/report_values: value texts are written for a bounded time, so a run stopped at its soft
deadline still gets its report out before the worker's hard kill."""

from __future__ import annotations

import torch

from autogradlab.engine.report_values import TIME_SPENT, TIME_SPENT_NOTE, ReportValues


def test_out_of_time_texts_are_short_summaries_and_noted():
    t = torch.arange(6.0).reshape(2, 3)
    values = ReportValues(text_time_s=0.0)
    values.plan({"t": t, "l": [t, t]})
    shown = values.value(t)
    assert TIME_SPENT in shown.text and "(2, 3)" in shown.text
    assert TIME_SPENT in values.value([t, t]).text
    assert values.notes.count(TIME_SPENT_NOTE) == 1
    assert torch.equal(torch.as_tensor(shown.value), t)     # the value itself is still kept


def test_within_time_texts_are_pytorchs_own():
    t = torch.arange(3.0)
    values = ReportValues()
    values.plan({"t": t})
    assert values.value(t).text == repr(t)
    assert values.notes == []


def test_thirty_thousand_tensors_in_a_list_take_about_the_text_time(monkeypatch):
    """The red team's case: texts of 30,000 tensors took 3.3 s under load (1.8 s quiet). The clock
    is the test's own (1 ms per reading), so the case does not depend on this machine's speed: a fast
    one wrote every text of the list (3,333 shown) within the 0.2 s before."""
    from types import SimpleNamespace

    from autogradlab.engine import report_values

    ticks = iter(range(10**9))
    monkeypatch.setattr(report_values, "time", SimpleNamespace(monotonic=lambda: next(ticks) / 1000.0))
    x = torch.ones(3, requires_grad=True)
    many = [x * 1.0 for _ in range(30_000)]
    values = ReportValues(text_time_s=0.2)
    values.plan({"l": many})
    shown = values.value(many)                       # 0.2 s of texts, then short summaries
    assert TIME_SPENT_NOTE in values.notes
    assert shown.items[0].text == repr(many[0])      # the first ones keep PyTorch's own text
    assert TIME_SPENT in shown.items[-1].text
    written = sum(TIME_SPENT not in item.text for item in shown.items)
    assert 100 <= written <= 250                     # about 200 readings of the clock: one per text


def test_the_time_note_is_said_in_chinese_too():
    from autogradlab import note_keys

    zh = note_keys.say("zh", TIME_SPENT_NOTE, note_keys.REPORT)
    assert zh != TIME_SPENT_NOTE and "时间" in zh
    assert note_keys.say("en", TIME_SPENT_NOTE, note_keys.REPORT) == TIME_SPENT_NOTE
