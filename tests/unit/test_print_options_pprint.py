"""torch.set_printoptions and the pprint module (session 24, issue 9: Deep Learning with PyTorch's
`torch.set_printoptions(edgeitems=2, linewidth=75)`, CS224N's `pp = pprint.PrettyPrinter()`), against plain
PyTorch and Python: printed text, displays, variables. The options are back to torch's after each run,
the option ranges hold at their limits, and a tensor shown in full is weighed before its text is made.
"""

from __future__ import annotations

import dataclasses

import pytest
import torch
import torch._tensor_str as torch_str

from autogradlab.engine import run_program
from autogradlab.lang.pprint_module import MAX_DEPTH, MAX_INDENT, MAX_WIDTH
from autogradlab.lang.print_options import MAX_EDGEITEMS, MAX_LINEWIDTH, MAX_PRECISION
from autogradlab.lang.text_weight import sequence_weight
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.test_breadth import compare

T = "import torch\n"
DEFAULTS = dict(vars(torch_str.PRINT_OPTS))

SNIPPETS = {
    "edgeitems_linewidth": T + """torch.set_printoptions(edgeitems=2, linewidth=75)
t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4])
print(t_u)
big = torch.arange(2000.).reshape(40, 50)
print(big)
big
""",
    "precision_threshold": T + """torch.set_printoptions(precision=2)
x = torch.tensor([1.12345, 2.5])
print(x)
torch.set_printoptions(threshold=5)
print(torch.arange(10))
torch.set_printoptions(profile='default')
print(torch.tensor([1.12345]), torch.arange(10))
""",
    "profiles_and_sci": T + """torch.set_printoptions(profile='short')
print(torch.tensor([3.14159, 1e-5]))
torch.set_printoptions(sci_mode=True)
print(torch.tensor([3.14159, 100.0]))
torch.set_printoptions(2, 10, 1, 60, None, False)
print(torch.arange(20.) / 3)
torch.set_printoptions(profile='full')
y = torch.arange(1500)
print(y)
torch.set_printoptions(profile='no such profile')
""",
    "pprint_module": """import torch
import pprint
pp = pprint.PrettyPrinter()
x = torch.tensor([2.0], requires_grad=True)
pp.pprint(x.grad)
y = x * x * 3
y.backward()
pp.pprint(x.grad)
pp.pprint("Mean: {}".format(torch.ones(3).mean()))
pprint.pprint({'b': [1, 2, 3] * 20, 'a': (torch.ones(2), 'text' * 30)})
pprint.pprint(list(range(40)), width=30, compact=True)
narrow = pprint.PrettyPrinter(indent=4, width=20, depth=2)
narrow.pprint([[1, [2, [3, [4]]]], 'a' * 50])
s = narrow.pformat({'k': list(range(8))})
t = pprint.pformat([1, 2], indent=2)
print(s, t)
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_runs_like_plain_pytorch(name: str) -> None:
    compare(SNIPPETS[name])
    assert dict(vars(torch_str.PRINT_OPTS)) == DEFAULTS   # the engine and the oracle both restored them


def test_options_are_torchs_again_after_a_run_and_for_the_next_program() -> None:
    report = run_program(T + "torch.set_printoptions(precision=1, edgeitems=1, threshold=3)\n"
                         "print(torch.arange(10.))\nraise ValueError('stop')\n")
    assert report.printed == "tensor([0.,  ..., 9.])\n"   # torch's text under these options
    assert not report.ok   # it failed after setting them: still restored
    assert dict(vars(torch_str.PRINT_OPTS)) == DEFAULTS
    assert run_program(T + "print(torch.arange(10.))").printed == str(torch.arange(10.)) + "\n"


def test_the_variables_table_shows_tensors_with_the_programs_options() -> None:
    report = run_program(T + "torch.set_printoptions(threshold=3, edgeitems=1)\nx = torch.arange(10)\n")
    assert report.variables["x"].text == "tensor([0,  ..., 9])"   # torch's text under these options


@pytest.mark.parametrize(("name", "limit", "low"), [
    ("precision", MAX_PRECISION, 0), ("edgeitems", MAX_EDGEITEMS, 0), ("linewidth", MAX_LINEWIDTH, 1)])
def test_whole_number_options_at_their_limits(name: str, limit: int, low: int) -> None:
    for ok in (low, limit):
        assert run_program(T + f"torch.set_printoptions({name}={ok})\nprint(torch.ones(2))").ok
    for bad in (low - 1, limit + 1):
        report = run_program(T + f"torch.set_printoptions({name}={bad})")
        assert (report.error.kind, report.error.line) == ("value", 2)
        assert f"{name} must be from {low} to {limit} in Autograd Lab, not {bad}" in report.error.message


@pytest.mark.parametrize(("call", "kind", "words"), [
    ("precision=2.5", "type", "precision must be an int, not float"),
    ("threshold='all'", "type", "threshold must be a number, not str"),
    ("threshold=float('nan')", "type", "threshold must be a number, not float"),
    ("threshold=-1", "value", "threshold must be from 0 to inf in Autograd Lab, not -1"),
    ("sci_mode=1", "type", "sci_mode must be a bool, not int"),
    ("profile=1", "type", "profile must be a str, not int"),
    ("colour=1", "type", "unexpected keyword argument 'colour'"),
    ("1, 2, 3, 4, None, None, 7", "type", "takes from 0 to 6 positional arguments but 7 were given"),
])
def test_option_refusals(call: str, kind: str, words: str) -> None:
    report = run_program(T + f"torch.set_printoptions({call})")
    assert (report.error.kind, report.error.line) == (kind, 2) and words in report.error.message


def test_a_tensor_shown_in_full_is_weighed_before_its_text_is_made() -> None:
    """threshold=inf shows every item: print's weight limit (max_sequence_len) counts them all, just
    below and above (below it, the text itself is then counted: 4 characters a number); a longer
    precision makes each number weigh more."""
    limits = dataclasses.replace(DEFAULT_LIMITS, max_sequence_len=2_000)
    full = T + "torch.set_printoptions(threshold=float('inf'))\n"
    below = run_program(full + "print(torch.ones(1_900))", limits=limits)
    assert "would print more than" not in below.error.message   # weighed 1,900: its 7,600-character text
    above = run_program(full + "print(torch.ones(2_100))", limits=limits)
    assert (above.error.kind, above.error.line) == ("limit", 3)
    assert "the text would print more than 2,000 values" in above.error.message   # refused before torch
    assert run_program(T + "print(torch.ones(2_100))", limits=limits).ok   # summarised by default
    try:
        torch.set_printoptions(threshold=float("inf"))
        assert sequence_weight(torch.ones(1_999), 10**9) == 1_999
        torch.set_printoptions(precision=23)
        assert sequence_weight(torch.ones(1_000), 10**9) == 1_000
        torch.set_printoptions(precision=24)   # 20 more digits than torch's 4: each number weighs 2
        assert sequence_weight(torch.ones(1_000), 10**9) == 2_000
        torch.set_printoptions(threshold=10, edgeitems=2)   # summarised: 2 items at each end
        assert sequence_weight(torch.ones(100, 100), 10**9) == 16 * 2
    finally:
        torch.set_printoptions(**DEFAULTS)


@pytest.mark.parametrize(("option", "limit", "low"), [
    ("indent", MAX_INDENT, 0), ("width", MAX_WIDTH, 1), ("depth", MAX_DEPTH, 1)])
def test_pprint_options_at_their_limits(option: str, limit: int, low: int) -> None:
    for ok in (low, limit):
        assert run_program(f"import pprint\npprint.pprint([1, 2], {option}={ok})").ok
        assert run_program(f"import pprint\npp = pprint.PrettyPrinter({option}={ok})\npp.pprint([1])").ok
    for bad in (low - 1, limit + 1):
        report = run_program(f"import pprint\npprint.pprint([1, 2], {option}={bad})")
        assert (report.error.kind, report.error.line) == ("value", 2)
        assert f"{option} must be from {low} to {limit} in Autograd Lab, not {bad}" in report.error.message


@pytest.mark.parametrize(("source", "kind", "words"), [
    ("import pprint\npprint.pprint(1, stream=None)", "unsupported", "stream=...)` is not supported"),
    ("import pprint\ndef f():\n    return 1\npprint.pprint(f)", "unsupported", "prints numbers, strings"),
    ("import pprint\nclass A:\n    pass\npprint.pprint([A()])", "unsupported", "prints numbers, strings"),
    ("import pprint\npp = pprint.PrettyPrinter()\npp(1)", "type", "'PrettyPrinter' object is not callable"),
    ("import pprint\npp = pprint.PrettyPrinter()\npp.isreadable(1)", "unsupported", "PrettyPrinter.isre"),
    ("import pprint\npp = pprint.PrettyPrinter()\npp.pprint(1, width=3)", "type", "unexpected keyword"),
    ("import pprint\npprint.pprint([list(range(1000))] * 200)", "limit", "would print more than"),
    ("import pprint\npprint.pprint(1, compact=1)", "type", "compact must be a bool, not int"),
    ("import pprint\npprint.pprint()", "type", "missing 1 required positional argument: 'object'"),
])
def test_pprint_refusals(source: str, kind: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and report.error.kind == kind and words in report.error.message, report.error
    assert report.error.line == source.count("\n") + 1


def test_pprint_output_counts_toward_the_printed_limit() -> None:
    limits = dataclasses.replace(DEFAULT_LIMITS, max_printed_chars=1_000)
    assert run_program("import pprint\npprint.pprint('a' * 990)", limits=limits).ok   # 992 + newline
    report = run_program("import pprint\npprint.pprint('a' * 1_000)", limits=limits)
    assert report.error.kind == "limit" and "printed more than 1,000 characters" in report.error.message
