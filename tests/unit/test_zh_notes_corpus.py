"""The pages' own notes in 简体中文 over a corpus (issue 10 §5): every gallery entry and every
tests/programs program run as the Steps page runs it (its report carries the Graph page's notes,
the Steps trace's and the Jacobian checks'), the Jacobian page asked for a dY/dX it cannot give,
the Eigen page's words for many kinds of matrix, its refusals of bad matrices and of functions it
cannot linearise (tests/unit/zh_notes_corpus.py). Each text is said as its page says it
(note_keys.say with the page's rules) and must hold no run of four English words outside code
(tests/app/test_zh_no_english.py's check). Before this test 7 of the corpus' notes were English in zh
(forward mode out of time, inside "forward mode stopped: …")."""

from __future__ import annotations

import dataclasses

import pytest

from autogradlab import messages, note_keys
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.step_records import StepOptions
from tests.app.test_zh_no_english import english
from tests.unit import zh_notes_corpus as corpus


def untranslated(items: list[tuple[str, str, tuple]]) -> list[tuple[str, str, list[str]]]:
    found = []
    for where, note, rules in items:
        said = note_keys.say("zh", note, rules)
        if english(said):
            found.append((where, note[:300], english(said)))
    return found


@pytest.mark.slow
def test_every_program_on_its_pages_says_its_notes_in_chinese():
    items, seen = [], 0
    for pid, source, seed in corpus.programs():
        report = run_program(source, seed=seed, torchviz=False, steps=StepOptions())
        items += corpus.report_notes(pid, report)
        seen += 1
    assert seen >= 80 and len(items) >= 20, (seen, len(items))     # the corpus is there and has notes
    assert not untranslated(items), untranslated(items)


def test_forward_mode_out_of_time_in_chinese():
    """The time-limit notes of forward mode (seen on the long loops under load), made by the
    engine: with almost no time the tangent run is not started."""
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.05)
    source = "import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * x).sum()\n"
    report = run_program(source, torchviz=False, steps=StepOptions(), limits=limits)
    notes = [n for n in report.steps.notes if "forward mode stopped" in n]
    assert notes, report.steps.notes
    said = note_keys.say("zh", notes[0], note_keys.STEPS)
    assert messages.text("zh", "notes.tangent_no_time") in said, said
    assert not english(said), said
    ran_out = messages.text("en", "notes.tangent_time_out")
    out = messages.text("en", "notes.tangent_stopped_line", line=25, error=ran_out)
    assert messages.text("zh", "notes.tangent_time_out") in note_keys.say("zh", out, note_keys.STEPS)


def test_forward_mode_stopped_by_the_programs_error_says_the_error_in_chinese():
    note = messages.text("en", "notes.tangent_stopped_line", line=4, error="name 'q' is not defined")
    said = note_keys.say("zh", note, note_keys.STEPS)
    assert "'q'" in said and "第 4 行" in said and "is not defined" not in said, said
    assert note_keys.say("zh", messages.text("en", "notes.tangent_stopped", error="RuntimeError"),
                         note_keys.STEPS).count("RuntimeError") == 1


@pytest.mark.parametrize("source, of, wrt", corpus.DYDX)
def test_jacobian_page_dydx_it_cannot_give_in_chinese(source, of, wrt):
    report = run_program(source, torchviz=False, jacobian_of=(of, wrt))
    notes = [n for n in report.notes if n.startswith(f"d{of}/d{wrt}")]
    assert notes or report.jacobians, report.notes
    # the page says only the dY/dX note of this run, with its own rules, and the heatmap's notes
    items = [("dydx", n, note_keys.DYDX) for n in notes]
    items += corpus.report_notes("dydx", dataclasses.replace(report, notes=()))
    assert not untranslated(items), untranslated(items)


@pytest.mark.parametrize("rows", corpus.MATRICES)
def test_eigen_page_words_for_each_kind_of_matrix_in_chinese(rows):
    from autogradlab.engine.eigen import analyse, power_iteration
    from autogradlab.engine.eigen_words import describe, kind_title

    an = analyse(rows)
    said = [kind_title(an.kind, "zh"), *describe(an, "zh"), power_iteration(an, lang="zh").why]
    assert all(said), said
    assert not [s for s in said if english(s)], said


@pytest.mark.parametrize("rows", corpus.BAD_MATRICES)
def test_eigen_page_refuses_a_bad_matrix_in_chinese(rows):
    from autogradlab.engine.eigen import EigenInputError, to_matrix

    with pytest.raises(EigenInputError) as caught:
        to_matrix(rows)
    note = str(caught.value)
    said = note_keys.say("zh", note, note_keys.EIGEN)
    assert said != note and not english(said), said


@pytest.mark.parametrize("source", corpus.FUNCTIONS)
def test_eigen_page_function_it_cannot_linearise_in_chinese(source):
    from autogradlab.engine import eigen_sources
    from autogradlab.engine.eigen import EigenInputError

    program = eigen_sources.jacobian_program(source, "f", (1.0, 2.0))
    report = run_program(program, torchviz=False)
    try:
        eigen_sources.matrix_from_report(report, eigen_sources.JACOBIAN_VAR)
    except EigenInputError as exc:
        said = note_keys.say("zh", str(exc), note_keys.EIGEN)
        assert said != str(exc) and not english(said), said
    else:
        assert report.ok and "stack" in source and "** 2" in source


@pytest.mark.parametrize("source, said, english_word", [
    ("import torch\nx = torch.ones(100, 100)\na = torch.arange(3000).remainder(100)\n"
     "y = x[a.unsqueeze(1), a.unsqueeze(0)]\n", "索引 的结果将有 9,000,000 个元素", "indexing"),
    ("import torch\nfrom torch.distributions import Binomial\nb = Binomial(10**9, torch.tensor(0.5))\n"
     "y = b.sample()\n", "Binomial 的 total_count 的结果", "'s total_count"),
])
def test_the_size_limit_names_what_it_would_make_in_chinese(source, said, english_word):
    """The older size-limit message's `what` (lang/sizes.check_elements) is a word, not only code."""
    from autogradlab import error_text
    from autogradlab.error_keys import recognise

    report = run_program(source, torchviz=False)
    assert report.error is not None and english_word in report.error.message, report.error
    shown = error_text.say("zh", report.error.message, *recognise(report.error.message))
    assert said in shown and english_word not in shown, shown
