"""Every kind of error the language produces, rendered as the error box shows it in 简体中文
(autogradlab/error_text.py), says no English sentence (issue 10): a run of four English words outside
code (`...`) and outside an original text the box quotes as such (PyTorch's, Python's or NumPy's own
words after "（原文）：") is a message left untranslated. The programs are real
(tests/unit/zh_error_corpus.py) and each must fail; the box must name the place (line and column)."""

from __future__ import annotations

import dataclasses
import importlib
import re

import pytest

from autogradlab import error_keys_more, error_text, messages
from autogradlab.engine.run import run_program
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.zh_error_corpus import CORPUS

SENTENCE = re.compile(r"[A-Za-z][a-z']*(?:[ ,]+[A-Za-z][a-z']*){3,}")
ORIGINAL = re.compile(r"（原文）：.*$", re.MULTILINE)
NEW_AREAS = ("errors_more", "errors_runtime", "errors_hints")
FIELD = re.compile(r"\{(\w+)\}")


def english(shown: str) -> list[str]:
    """Runs of four English words outside code and quoted original text."""
    shown = ORIGINAL.sub("", shown)
    shown = re.sub(r"`[^`]*`", "", shown)
    return SENTENCE.findall(shown)


def failure(source: str, limits: dict):
    """The program's error; each corpus program runs once per process (two tests read its error)."""
    key = (source, tuple(sorted(limits.items())))
    if key not in _ERRORS:
        report = run_program(source, torchviz=False, limits=dataclasses.replace(DEFAULT_LIMITS, **limits))
        _ERRORS[key] = report.error
    assert _ERRORS[key] is not None, source
    return _ERRORS[key]


_ERRORS: dict = {}


@pytest.mark.parametrize("ident, source, limits", CORPUS, ids=[c[0] for c in CORPUS])
def test_error_box_in_chinese_says_no_english_sentence(ident, source, limits):
    error = failure(source, limits)
    shown = error_text.box("zh", error)
    assert not english(shown), (error.message, error.hint, shown)
    assert error.line is not None and error.column is not None, error   # the place, in both languages
    for lang in ("zh", "en"):
        where = messages.text(lang, "common.line_column", line=error.line, column=error.column)
        assert where in error_text.headline(lang, error), (lang, error_text.headline(lang, error))
    assert f"第 {error.line} 行第 {error.column} 列" in shown, shown


def test_the_check_finds_english_in_the_english_box():
    error = failure("import torch\nx = torch.ones(2, pin_memory=True)\n", {})
    assert english(error_text.box("en", error))


@pytest.mark.parametrize("ident, source, limits", CORPUS, ids=[c[0] for c in CORPUS])
def test_english_box_is_the_engines_own_words(ident, source, limits):
    error = failure(source, limits)
    assert error_text.message("en", error) == error.message
    assert error_text.hint("en", error) == error.hint
    for key, params, text in ((error.key, error.params, error.message),
                              (error.hint_key, error.hint_params, error.hint)):
        if key and key.split(".")[0] in NEW_AREAS and key not in error_keys_more.ASSIGNED:
            assert messages.text("en", key, **dict(params)) == text, key


@pytest.mark.parametrize("area", NEW_AREAS)
def test_both_languages_use_the_same_fields(area):
    module = importlib.import_module(f"autogradlab.messages.{area}")
    assert module.EN.keys() == module.ZH.keys()
    for key, text in module.EN.items():
        assert set(FIELD.findall(text)) == set(FIELD.findall(module.ZH[key])), key


def test_python_and_numpy_words_are_quoted_as_such():
    error = failure("import numpy as np\na = np.ones((2, 3)) @ np.ones((2, 3))\n", {})
    assert error.key == "errors_runtime.python_said"
    shown = error_text.message("zh", error)
    assert shown.startswith("Python 报告（原文）：") and shown.endswith(error.message)


def test_a_missing_dictionary_key_is_named():
    error = failure("d = {'a': 1}\nd['b']\n", {})
    assert error_text.message("zh", error) == "字典中没有键 'b'"


def test_the_eigen_pages_program_error_is_said_like_the_error_box():
    from autogradlab import note_keys

    error = failure("import torch\nx = torch.ones(2, pin_memory=True)\n", {})
    said = note_keys.say("zh", f"the program stopped with an error: {error.message}", note_keys.EIGEN)
    assert said.endswith(error_text.message("zh", error)) and not english(said), said


RUNNER = [   # what the sandbox and the runner say (sandbox.py, sandbox_outcome.py, sandbox_job.py, run.py)
    ("internal", "internal error in Autograd Lab: KeyError", None),
    ("internal", "the program runner could not start", "try again in a moment"),
    ("internal", "the worker returned data Autograd Lab does not accept", None),
    ("busy", "server busy: every worker is running a program and the queue is full",
     "it will try again by itself in 3 s; no need to press Run"),
    ("timeout", "the program ran longer than 5 s and was stopped",
     "look at the loops: a while loop whose condition never becomes False runs forever; fewer iterations "
     "or smaller tensors also help"),
    ("memory", "the program used more than 1536 MB of memory and was stopped",
     "use smaller tensors, or fewer of them"),
    ("crash", "the worker running your program stopped unexpectedly",
     "run it again; if it keeps happening, simplify the program"),
]


@pytest.mark.parametrize("kind, message, hint", RUNNER)
def test_the_runners_own_messages_in_chinese(kind, message, hint):
    from autogradlab.report import ErrorInfo

    error = ErrorInfo(kind, message, hint=hint)
    assert not english(error_text.box("zh", error)), error_text.box("zh", error)
    assert error_text.box("en", error).endswith(hint or message)
