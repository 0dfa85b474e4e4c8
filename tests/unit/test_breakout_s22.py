"""Red team, session 22 (hosting): containers that hold themselves against the value check's memory
(lang/checked_containers.py), the Jacobian loop's work, CLI text and JSON reaching a terminal, link
values. One hostile input per test, asserting the refusal's kind, message and line."""

from __future__ import annotations

import dataclasses
import json

import pytest

from autogradlab import links
from autogradlab.engine import run_program
from autogradlab.lang import safe_values
from autogradlab.limits import DEFAULT_LIMITS
from tests.unit.breakout_helpers import Case, check_case

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these


def _count_walked(monkeypatch) -> list[int]:
    looked = [0]
    walk = safe_values._walk

    def counting_walk(value, *args):
        looked[0] += len(value) if isinstance(value, (list, tuple, dict)) else 1
        return walk(value, *args)

    monkeypatch.setattr(safe_values, "_walk", counting_walk)
    return looked


@pytest.mark.parametrize("body", ["    d[i] = d\n", "    d[i] = e\n    e[i] = d\n"], ids=["self", "mutual"])
def test_a_dict_that_holds_itself_costs_its_new_items_per_assignment(body, monkeypatch):
    """`d[i] = d` 100,000 times: each assignment's check of d went back to the whole dict once d was
    remembered (its own entry out of the memory during its check): 24 s, the time limit. Now a
    container whose check is under way answers for itself."""
    looked = _count_walked(monkeypatch)
    report = run_program("d = {}\ne = {}\nfor i in range(20000):\n" + body + "print(len(d))\n", limits=LIMITS)
    assert report.error is None, report.error
    assert report.printed == "20000\n"
    assert looked[0] < 10 * 20_000, looked[0]


def test_printing_a_dict_that_holds_itself_100000_times_meets_the_text_limit():
    check_case(Case("d = {}\nfor i in range(100000):\n    d[i] = d\nprint(len(str(d)))\n", "limit", 4,
                    r"^the text would print more than 100,000 values$", LIMITS))


def test_a_function_hidden_behind_a_cycle_is_still_refused():
    check_case(Case("d = {}\nfor i in range(300):\n    d[i] = d\nd[300] = [d, print]\nimport torch\n"
                    "torch.tensor(d[300])\n", "unsupported", 6,
                    r"^the function `print` cannot be used in `torch.tensor`: a function may only "
                    r"be called"))


@pytest.mark.parametrize("text", ["1e300,0", "0,1e19", "2147483648,0"])
def test_a_link_cell_of_hundreds_of_digits_is_refused(text):
    """parse_cell turned `1e300` into a 301-digit index (shown back in check_cell's message)."""
    with pytest.raises(links.LinkError, match=r"^the link's `cell` must be two whole numbers i,j, not "):
        links.parse_cell(text)
    assert links.parse_cell("2147483647,0") == (2147483647, 0)


def test_cli_json_never_writes_an_8bit_csi(tmp_path):
    """json.dumps(ensure_ascii=False) writes U+009B (a one-character CSI) and DEL raw: `run --json` of a
    program printing them put live escape sequences on the reader's terminal."""
    from tests.unit.cli_run import in_process as cli
    path = tmp_path / "evil.py"
    path.write_text("print('\\x9b2J\\x7f')\n")
    done = cli("run", "--json", str(path))
    assert "\x9b" not in done.stdout and "\x7f" not in done.stdout
    assert json.loads(done.stdout)["printed"] == "\x9b2J\x7f\n"


DIMS = r"^a tensor of {} dimensions is too many to show; the limit is 64 dimensions$"


@pytest.mark.parametrize("case", [
    Case("import torch\nprint(torch.ones([1] * 100).shape)\n", "limit", 2, DIMS.format(100)),
    Case("import torch\nx = [torch.ones([1] * 65)]\n", "limit", 2, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1).reshape([1] * 70).sum()\n", "limit", 2, DIMS.format(70)),
    Case("import torch\nx = torch.ones([1] * 64)\nprint(x.dim())\n", None, None, "64\n"),
], ids=["ones-100", "ones-65-in-a-list", "reshape-70", "ones-64"])
def test_tensors_of_more_dimensions_than_numpy_holds_are_refused_where_made(case):
    """torch allows more than NumPy's 64 dimensions: the report's copy of such a tensor failed after the
    run, an 'internal error' without the program's line."""
    check_case(case)


@pytest.mark.parametrize("case", [
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = x.unsqueeze(0)\nprint(x.dim())\n",
         "limit", 4, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(70):\n    x = torch.unsqueeze(x, 0)\n",
         "limit", 4, DIMS.format(65)),
    Case("import torch\nx = torch.ones(1)\nfor i in range(63):\n    x = x.unsqueeze(0)\nprint(x.dim())\n",
         None, None, "64\n"),
], ids=["method-unsqueeze-71", "function-unsqueeze-71", "unsqueeze-64"])
def test_views_past_numpys_dimensions_are_a_limit_not_an_internal_error(case):
    """View ops take the size check's shortcut (no count, they allocate nothing), so 70 unsqueezes made
    a 71-dimensional tensor that the report's NumPy copy could not hold: an 'internal error'. The op
    that makes the 65th dimension is refused, at its line (session 23; the report's copy refused the
    71-dimensional tensor without a line before)."""
    check_case(case)
