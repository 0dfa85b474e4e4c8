"""The engine's rarer notes and the Eigen page's input errors are recognised (note_keys.py) and said
in Chinese: each sentence is made by the engine's own code (real programs through run_program, the
Eigen parsers), and the English template with the recognised parameters gives it back exactly."""

from __future__ import annotations

import re

import numpy as np
import pytest

from autogradlab import messages, note_keys
from autogradlab.error_keys import recognise

CJK = re.compile(r"[\u4e00-\u9fff]")


def check(note: str, rules: tuple, key: str) -> None:
    found, params = recognise(note, rules)
    assert found == key, note
    assert messages.text("en", key, **dict(params)) == note
    zh = note_keys.say("zh", note, rules)
    assert zh != note and CJK.search(zh), zh
    assert note_keys.say("en", note, rules) == note


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source, **kw: run_program(source, torchviz=False, **kw)


LOOP = "import torch\nx = torch.ones(2{grad})\ny = x\nfor i in range(600):\n    y = y * 1.0\n"


@pytest.mark.parametrize("source, output, key", [
    (LOOP.format(grad=""), None, "notes.trace"),
    (LOOP.format(grad=", requires_grad=True"), None, "notes.trace_pinned"),
    ("import torch\nx = torch.ones(2)\n", "nope", "notes.output_not_tensor"),
])
def test_report_notes(run, source, output, key):
    report = run(source, output=output)
    notes = [n for n in report.notes if recognise(n, note_keys.REPORT)[0] == key]
    assert notes, report.notes
    check(notes[0], note_keys.REPORT, key)
    check(notes[0], note_keys.STEPS, key)     # the Steps page shows the run's notes too


def test_jacobian_check_and_path_notes(run):
    from autogradlab.engine.jacobian_paths import LAZY_NOTE

    report = run("import torch\nfrom torch.autograd.functional import jacobian\n"
                 "J = jacobian(lambda v: v * 2, torch.ones(100))\n")
    record = report.jacobians[0]
    fd = [n for n in record.checks.notes if n.startswith("finite differences compared")]
    assert fd, record.checks.notes
    check(fd[0], note_keys.JACOBIAN, "notes.check_fd_columns")
    assert LAZY_NOTE in record.notes
    check(LAZY_NOTE, note_keys.JACOBIAN, "notes.paths_lazy")


def _eigen_error(call) -> str:
    from autogradlab.engine.eigen import EigenInputError

    with pytest.raises(EigenInputError) as caught:
        call()
    return str(caught.value)


@pytest.mark.parametrize("make, key", [
    (lambda e, s: e.to_matrix([[1, 2], [3]]), "notes.eigen_square"),
    (lambda e, s: e.to_matrix([[1]]), "notes.eigen_size"),
    (lambda e, s: e.to_matrix(5), "notes.eigen_nested"),
    (lambda e, s: e.to_matrix([[1, "a"], [1, 2]]), "notes.eigen_numbers_only"),
    (lambda e, s: e.to_matrix([[1, float("nan")], [1, 2]]), "notes.eigen_finite"),
    (lambda e, s: e.to_matrix([[1, 1e300], [1, 2]]), "notes.eigen_too_big"),
    (lambda e, s: e.matrix_from_values(np.ones((2, 3)), "A"), "notes.eigen_shape"),
    (lambda e, s: e.matrix_from_values(np.ones((2, 2)) * 1j, "A"), "notes.eigen_complex"),
    (lambda e, s: e.power_iteration(e.analyse(((2.0, 1.0), (1.0, 2.0))), start=np.zeros(2)),
     "notes.eigen_start"),
    (lambda e, s: s.jacobian_program("def f(x):\n    return x\n", "not a name", (1.0, 1.0)),
     "notes.eigen_not_function"),
])
def test_eigen_input_errors(make, key):
    from autogradlab.engine import eigen, eigen_sources

    note = _eigen_error(lambda: make(eigen, eigen_sources))
    check(note, note_keys.EIGEN, key)
    if "the matrix" in note:
        assert "the matrix" not in note_keys.say("zh", note, note_keys.EIGEN)


@pytest.mark.parametrize("text, key", [("[[1,2],[3]]", "notes.link_matrix_square"),
                                       ("[[1]]", "notes.link_matrix_size")])
def test_eigen_link_errors(text, key):
    from autogradlab import links as core

    with pytest.raises(core.LinkError) as caught:
        core.parse_matrix(text)
    check(str(caught.value), note_keys.LINKS, key)


def test_an_unknown_note_stays_as_written():
    assert note_keys.say("zh", "something else entirely", note_keys.REPORT) == "something else entirely"


BACKWARD = "import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = x * 3\nz = (y * y).sum()\n" \
           "z.backward()\n"


@pytest.mark.parametrize("direction, key", [
    ((("q", 1.0),), "notes.dir_not_leaf"),
    ((("x", [1.0, 2.0, 3.0]),), "notes.dir_shape"),
    ((("x", "a"),), "notes.dir_values"),
])
def test_steps_direction_errors(run, direction, key):
    from autogradlab.step_records import StepOptions

    trace = run(BACKWARD, output="y", steps=StepOptions(direction=direction)).steps
    assert trace.direction_error
    check(trace.direction_error, note_keys.DIRECTION, key)
    check(trace.direction_error, note_keys.STEPS, key)
    past = [n for n in trace.notes if "started past the output" in n]
    check(past[0], note_keys.STEPS, "notes.past_output")


@pytest.mark.parametrize("source, key", [
    ("import torch\nx = torch.ones(2)\ny = x * 2\n", "notes.dydx_no_grad"),
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = torch.ones(2)\n", "notes.dydx_no_grad_fn"),
    ("import torch\nx = torch.ones(2, requires_grad=True)\n", "notes.dydx_not_tensor"),
])
def test_dydx_notes(run, source, key):
    notes = [n for n in run(source, jacobian_of=("y", "x")).notes if n.startswith("dy/dx")]
    assert notes
    check(notes[0], note_keys.DYDX, key)


def test_dydx_rerun_note_from_the_catalogue_is_recognised():
    note = messages.text("en", "jacobian_extra.dydx_rerun", of="y")
    assert recognise(note, note_keys.JACOBIAN) == ("jacobian_extra.dydx_rerun", (("of", "y"),))
    assert CJK.search(note_keys.say("zh", note, note_keys.JACOBIAN))


@pytest.mark.parametrize("text, key", [("x", "notes.link_dir_read"), ("x=" + "[" * 12 + "1" + "]" * 12,
                                                                        "notes.link_dir_deep")])
def test_typed_direction_errors(text, key):
    from autogradlab import links as core

    with pytest.raises(core.LinkError) as caught:
        core.parse_direction(text)
    check(str(caught.value), note_keys.LINKS, key)


def test_the_eigen_point_typed_with_letters():
    from autogradlab import links as core

    with pytest.raises(core.LinkError) as caught:
        core.parse_numbers("at", "1, a", 2)
    check(str(caught.value).replace("the link's ", ""), note_keys.EIGEN, "notes.eigen_commas")


@pytest.mark.parametrize("rows, key", [(((1, 1e-9), (0, 1)), "notes.eigen_near_identity"),
                                       (((1, 1), (0, 1 + 1e-7)), "notes.eigen_near_parallel"),
                                       (((1, 1), (1, 1 + 1e-12)), "notes.eigen_near_singular")])
def test_eigen_analysis_notes_in_the_plain_words(rows, key):
    from autogradlab.engine.eigen import analyse
    from autogradlab.engine.eigen_words import describe

    an = analyse(rows)
    check(an.notes[0], note_keys.EIGEN_ANALYSIS, key)
    assert an.notes[0] in describe(an, "en")
    zh = describe(an, "zh")
    assert an.notes[0] not in zh and any("数值上" in line for line in zh)


def test_every_rule_has_its_text_in_both_languages():
    tables = (note_keys.REPORT, note_keys.STEPS, note_keys.DIRECTION, note_keys.DYDX, note_keys.JACOBIAN,
              note_keys.EIGEN, note_keys.EIGEN_ANALYSIS, note_keys.LINKS)
    keys = {key for table in tables for _, key in table} | set(note_keys.WHERE.values()) | {"notes.op_line"}
    for lang in messages.LANGS:
        missing = keys - set(messages.catalogue(lang))
        assert not missing, (lang, missing)
    for key in keys:   # every text's fields are ones its pattern can fill
        fields = set(re.findall(r"\{(\w+)\}", messages.catalogue("en")[key]))
        zh_fields = set(re.findall(r"\{(\w+)\}", messages.catalogue("zh")[key]))
        assert zh_fields <= fields, key


def test_an_omitted_value_note_with_its_data_pieces(run):
    report = run("import torch\nxs = [torch.ones(2000, 2000) for i in range(6)]\nys = xs\n")
    note = next(n for n in report.notes if "not kept in full" in n)
    check(note, note_keys.REPORT, "notes.values_omitted")
    zh = note_keys.say("zh", note, note_keys.REPORT)
    assert zh.startswith("'xs'（显示了 2 次：") and "数值：mean 1." in zh, zh
    assert "shown 2 times" not in zh and "values:" not in zh


@pytest.mark.parametrize("error, key", [
    ("data-dependent control flow", "notes.vmap_control_flow"),
    ("Cannot access data pointer", "notes.vmap_data"),
    ("vmap: called random operation, randomness='error'", "notes.vmap_random"),
    ("batching rule not implemented", "notes.vmap_operation"),
    ("something else", "notes.vmap_other"),
])
def test_vmap_reasons_inside_the_strategy_why(error, key):
    from autogradlab.engine import jacobian as jac

    reason = jac._vmap_reason(RuntimeError(error))
    check(reason, note_keys.VMAP, key)
    assert CJK.search(note_keys.say("zh", reason, note_keys.VMAP))


def test_a_vmap_reason_inside_the_strategy_why():
    from autogradlab.engine import jacobian as jac
    from autogradlab.jacobian_words import why_text

    reason = jac._vmap_reason(RuntimeError("data-dependent control flow"))
    why = messages.text("en", "jacobian.why.loop", m="6", n="4", reason=reason)
    zh = why_text(why, 6, 4, "zh")
    assert reason not in zh and "函数的控制流取决于张量的值" in zh, zh
