"""The engine's most common errors carry a catalogue key with parameters, so the page can say them
in Chinese: real programs through the real engine, and the English template with the recognised
parameters gives back exactly the engine's message (so no parameter is lost)."""

from __future__ import annotations

import pickle

import pytest

from autogradlab import messages
from autogradlab.errors import NotSupported
from autogradlab.jsonout import error_to_json
from autogradlab.limits import DEFAULT_LIMITS
from autogradlab.report import ErrorInfo

PROGRAMS = [
    # (program, kind, key, params, English template reproduces the message)
    ("y = x + 1\n", "name", "errors.name_not_defined", {"name": "x"}, True),
    ("import os\n", "unsupported", "errors.not_supported", {"what": "`import os`"}, True),
    ("x = 2x\n", "syntax", "errors.number_letters", {}, True),
    ("if True\n    pass\n", "syntax", "errors.missing_colon", {}, True),
    ("import torch\nx = torch.zeros(10**8)\n", "limit", "errors.tensor_size",
     {"what": "zeros", "elements": "100,000,000", "limit": "5,000,000"}, True),
    ("x = 0\nwhile True:\n    x = (x + 1) * 1 + 1 * 1 - 1\n", "limit", "errors.step_limit",
     {"steps": f"{DEFAULT_LIMITS.max_steps:,}"}, True),
    ("import torch\nx = torch.ones(2)\nx.sizee()\n", "value", "errors.tensor_no_attribute",
     {"type": "Tensor", "name": "sizee"},
     True),
]


@pytest.fixture(scope="module")
def run():
    from autogradlab.engine.run import run_program

    return lambda source: run_program(source, torchviz=False).error


@pytest.mark.parametrize("source, kind, key, params, same", PROGRAMS, ids=[p[2] for p in PROGRAMS])
def test_common_engine_errors_carry_their_key(run, source, kind, key, params, same):
    error = run(source)
    assert (error.kind, error.key, dict(error.params)) == (kind, key, params)
    if same:
        assert messages.text("en", key, **params) == error.message
    chinese = messages.text("zh", key, **params)
    assert chinese != error.message and all(str(v) in chinese for v in params.values())


def test_did_you_mean_hint_has_a_key(run):
    error = run("import torch\nx = torch.onez(2)\n")
    assert error.hint_key == "errors.hint_did_you_mean"
    assert dict(error.hint_params) == {"suggestion": "torch.ones"}
    assert messages.text("zh", error.hint_key, **dict(error.hint_params)) == "你是不是想写 `torch.ones`？"


@pytest.mark.parametrize("message, hint, key, hint_key", [
    ("the program ran longer than 0.5 s and was stopped",
     "look at the loops: a while loop whose condition never becomes False runs forever; fewer iterations or "
     "smaller tensors also help", "errors.time_limit_short", "errors.hint_time"),
    ("the program ran for more than 4.0 s and was stopped here (the time limit is 5 s)",
     "fewer loop iterations or smaller tensors help; a `while` loop whose condition never becomes False "
     "runs forever", "errors.time_limit", "errors.hint_time"),
    ("the program used more than 1536 MB of memory and was stopped", "use smaller tensors, or fewer of them",
     "errors.memory", "errors.hint_memory"),
    ("server busy: about 12 s of programs are queued",
     "it will try again by itself in 3.5 s; no need to press Run", "errors.busy", "errors.hint_busy"),
])
def test_sandbox_messages_are_recognised(message, hint, key, hint_key):
    error = ErrorInfo("timeout", message, hint=hint)
    assert (error.key, error.hint_key) == (key, hint_key)
    assert messages.text("zh", error.key, **dict(error.params)) != message


def test_an_unknown_message_keeps_no_key_and_an_explicit_key_wins():
    assert ErrorInfo("type", "mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)").key is None
    error = NotSupported("anything at all", key="errors.not_supported", params=(("what", "`x`"),)).to_info()
    assert (error.key, error.params) == ("errors.not_supported", (("what", "`x`"),))


def test_keys_survive_pickling_and_stay_out_of_the_cli_json():
    error = ErrorInfo("name", "name 'x' is not defined", line=1, column=5)
    again = pickle.loads(pickle.dumps(error))
    assert again == error and again.key == "errors.name_not_defined"
    assert set(error_to_json(error)) == {"kind", "message", "line", "column", "hint"}


@pytest.mark.parametrize("call, key", [
    (lambda core: core.decode_code("%%%garbage"), "links.not_a_program"),
    (lambda core: core.decode_code("eJzLSM3JyQcABiwCFQ"[:-4]), "links.incomplete"),
    (lambda core: core.parse_int("step", "two", 0, 9), "links.whole_number"),
    (lambda core: core.parse_int("step", "99", 0, 9), "links.between"),
    (lambda core: core.parse_mode("sideways"), "links.one_of"),
    (lambda core: core.parse_matrix("[[1,2],[3"), "links.not_json"),
    # found in session 13 on /eigen?v=abc&lang=zh: these were English on a Chinese page
    (lambda core: core.parse_numbers("v", "abc"), "links.commas"),
    (lambda core: core.parse_numbers("v", "1," * 3000), "links.param_too_long"),
    (lambda core: core.parse_matrix('[["a",1],[1,1]]'), "links.numbers_only"),
    (lambda core: core.parse_flag("present", "maybe"), "links.flag"),
    (lambda core: core.parse_cell("1.5,2"), "links.cell_whole"),
    (lambda core: core.check_cell((2, 0), (2, 2)), "links.cell_outside"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_link_errors_have_keys_in_both_languages(call, key):
    from autogradlab import error_keys
    from autogradlab import links as core

    with pytest.raises(core.LinkError) as caught:
        call(core)
    found, params = error_keys.recognise(str(caught.value), error_keys.LINKS)
    assert found == key
    assert messages.text("en", key, **dict(params)) == str(caught.value)
    assert "链接" in messages.text("zh", key, **dict(params))


@pytest.mark.parametrize("rules", ["MESSAGES", "HINTS"])
def test_no_catalogue_pattern_shadows_a_fixed_text_of_another_key(rules):
    """Each English text without placeholders is recognised as its own key: a generic template such
    as "{kind} takes {names}" (session 22) matched the slow-op hint "one operation here takes too
    long ..." first, so the Chinese box showed the wrong hint after a time limit."""
    from autogradlab import error_keys, messages
    english = messages.catalogue("en")
    table = getattr(error_keys, rules)
    keys = {key for _, key in table}
    fixed = {key: english[key] for key in keys if key in english and "{" not in english[key]}
    assert len(fixed) > 20, fixed
    wrong = {key: error_keys.recognise(text, table)[0] for key, text in fixed.items()
             if error_keys.recognise(text, table)[0] != key}
    assert not wrong, wrong
