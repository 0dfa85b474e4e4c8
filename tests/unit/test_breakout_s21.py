"""Red team, session 21: the newest surface (objects in containers and their texts, the parse cache,
container_names' labels by path, torch.optim.Optimizer, np.full with lists, tensors as NumPy indexes,
generators and try/except against the limits, format bombs, expensive kernels, the CLI)."""

from __future__ import annotations

import time

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.engine.container_names import MAX_ITEMS, container_names
from tests.unit.breakout_helpers import Case, check_case

LONG_KEY = "k" * 41   # longer than container_names.MAX_KEY_CHARS: makes no label


class _CountingDict(dict):
    """A dict that counts the items a walk looks at."""
    looked = 0

    def items(self):
        for pair in super().items():
            _CountingDict.looked += 1
            yield pair


@pytest.mark.parametrize("key", [LONG_KEY, (1,), 1.5])
def test_container_names_counts_items_it_skips(key):
    """Keys that make no label still cost the walk: one dict of 1,000 such keys shared 1,000 times was
    1,000,000 items looked at (a list of 20,000 references to a dict of 50,000: minutes, after the run)."""
    inner = _CountingDict({(key, i) if not isinstance(key, str) else key + str(i): 0 for i in range(1000)})
    _CountingDict.looked = 0
    container_names({"l": [inner] * 1000})
    assert _CountingDict.looked <= MAX_ITEMS


def test_container_names_walks_a_shared_container_once():
    leaf = torch.ones(1)
    inner = _CountingDict({"w": leaf, "b": 0})
    _CountingDict.looked = 0
    names = container_names({"l": [inner] * 500})
    assert names == {id(leaf): "l[0]['w']"}
    assert _CountingDict.looked == 2


@pytest.mark.parametrize("keys", [f"'{LONG_KEY}' + str(i)", "(i,)"])
def test_a_shared_dict_of_unlabelled_keys_costs_no_time_after_the_run(keys):
    source = (f"import torch\nws = [torch.ones(2, requires_grad=True)]\n"
              f"d = {{{keys}: 0 for i in range(50000)}}\nl = [d] * 20000\ny = (ws[0] * 2).sum()\n")
    started = time.perf_counter()
    report = run_program(source, torchviz=False)
    assert time.perf_counter() - started < 4.0   # was > 30 s (the worker's 5 s timeout, no line)
    assert report.error is None, report.error
    assert sorted(n.label for n in report.graph.nodes if n.kind == "leaf") == ["ws[0]"]


G = "import torch\n"
LOOPS = r"a while loop ran past 100,000 loop iterations in total; the limit is 100,000"
SIZE = r"result of ones would have 1,000,000,000 elements; the limit is 5,000,000"


def _gen(finally_body: str, tail: str) -> str:
    """g's `finally` (line 6) runs when the program drops the suspended generator (`tail` from line 7)."""
    return (G + "def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n"
            f"        {finally_body}\n" + tail)


SURROGATE = "\\ud800"   # the program's text holds the escape; the string holds a lone surrogate
ENCODE = r"^'utf-8' codec can't encode character '\\ud800' in position {}: surrogates not allowed$"

CASES: list[Case] = [
    # a lone surrogate cannot be written as UTF-8 (the browser, the CLI's JSON): print() fails as
    # Python's does on a UTF-8 stdout, after what it wrote before that argument
    Case(f'print("{SURROGATE}")\n', "value", 1, ENCODE.format(0)),
    Case(f'print("ok", "a{SURROGATE}")\n', "value", 1, ENCODE.format(1)),
    Case(f'print("a", "b", sep="{SURROGATE}")\n', "value", 1, ENCODE.format(0)),
    Case(f'print("%s" % "{SURROGATE}")\n', "value", 1, ENCODE.format(0)),
    Case(f'try:\n    print("{SURROGATE}")\nexcept ValueError as e:\n    print("caught")\n', None, None,
         "caught\n"),
    Case('print("\\ud7ff\\ue000", "\\U0010ffff")\n', None, None, "\ud7ff\ue000 \U0010ffff\n"),
    # a limit reached in a generator's `finally` while it is closed (dropped after `break`, or at the
    # end of the run) stops the program: Python ignores errors of a dropped generator, never a limit
    Case(_gen("while True:\n            pass", "for x in g():\n    break\nprint('after')\n"),
         "limit", 7, LOOPS),
    Case(_gen("x = torch.ones(10**9)", "for x in g():\n    break\nprint('after')\n"), "limit", 7, SIZE),
    Case(_gen("while True:\n            pass", "it = g()\nnext(it)\nit = 0\nprint('after')\n"),
         "limit", 7, LOOPS),
    Case(_gen("while True:\n            pass", "it = g()\nnext(it)\nprint('end')\n"), "limit", 7, LOOPS),
    Case(_gen("x = torch.ones(10**9)",
              "try:\n    for x in g():\n        break\n    print('after')\nexcept BaseException:\n"
              "    print('caught')\n"), "limit", 7, SIZE),
    # below the limits the `finally` runs as in Python, and an ordinary error in it is ignored
    Case(_gen("print('closed')", "for x in g():\n    break\nprint('after')\n"), None, None,
         "closed\nafter\n"),
    Case(_gen("x = 1 / 0", "for x in g():\n    break\nprint('after')\n"), None, None, "after\n"),
    # a generator that asks itself for its next value: Python's ValueError (was greenlet's own words)
    Case(G + "def g():\n    yield next(it)\nit = g()\nnext(it)\n", "value", 3,
         r"^generator already executing$"),
    Case(G + "def g():\n    try:\n        x = next(it)\n    except ValueError as e:\n        print(e)\n"
         "    yield 1\nit = g()\nnext(it)\n", None, None, "generator already executing\n"),
    Case(_gen("x = torch.ones(5_000_000)", "for x in g():\n    break\nprint('after')\n"), None, None,
         "after\n"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.program.splitlines()[-1][:40])
def test_breakout_s21(case):
    check_case(case)


@pytest.mark.parametrize("source", [
    f's = "{SURROGATE}"\ns\nt = [s, {{"k": s}}]\n',
    f'assert False, "{SURROGATE}"\n',
    f'import torch\nx = torch.ones(2)\nx.sum(dim="{SURROGATE}")\nprint(x[0])\n',
    f'class A:\n    def __repr__(self):\n        return "{SURROGATE}"\na = A()\nl = [a]\n',
    f'class A:\n    def __repr__(self):\n        return "{SURROGATE}"\nA()\n',
])
def test_a_report_holds_only_text_utf8_can_carry(source):
    """The Report goes to the browser (protobuf) and to the CLI's JSON as UTF-8: a lone surrogate
    in a variable, a message or an object's text shows as Python escapes it, never raw."""
    import json

    from autogradlab.jsonout import report_to_json
    report = run_program(source, torchviz=False)
    json.dumps(report_to_json(report), ensure_ascii=False).encode("utf-8")
    texts = [v.text for v in report.variables.values()] + [d.text for d in report.displayed]
    if report.error is not None:
        texts.append(report.error.message + str(report.error.params))
    assert any("\\ud800" in text for text in texts) or "dim=" in source, texts


class _EndlessInput:
    """stdin that never ends (`yes | python -m autogradlab run -`): read() with no size never returns."""

    def read(self, size: int = -1) -> str:
        assert size >= 0, "read everything of an endless stream"
        return "x = 1\n" * (size // 6) + "x" * (size % 6)


def test_cli_reads_an_endless_stdin_only_up_to_its_bound():
    from autogradlab.cli import UsageError, _read_programs
    from autogradlab.cli_input import MAX_READ_CHARS
    with pytest.raises(UsageError, match=rf"<stdin>: longer than {MAX_READ_CHARS:,} characters"):
        _read_programs(["-"], _EndlessInput())


def test_cli_reads_files_just_below_and_above_its_bound(tmp_path):
    from autogradlab.cli import UsageError, _read_programs
    from autogradlab.cli_input import MAX_READ_CHARS
    below, above = tmp_path / "below.py", tmp_path / "above.py"
    below.write_text("#" * MAX_READ_CHARS, encoding="utf-8")
    above.write_text("#" * (MAX_READ_CHARS + 1), encoding="utf-8")
    [(name, source)] = _read_programs([str(below)], _EndlessInput())
    assert len(source) == MAX_READ_CHARS   # the engine refuses it with the exact count
    with pytest.raises(UsageError, match=rf"above.py: longer than {MAX_READ_CHARS:,} characters"):
        _read_programs([str(above)], _EndlessInput())


@pytest.mark.parametrize("body", [
    "d = {i: a for i in range(2000)}\n",
    "l = [a for i in range(2000)]\n",
    "l = []\nfor i in range(1200):\n    l.append(a)\n",
    "d = {}\nfor i in range(2000):\n    d[i] = a\n",
    "l = [(a, i) for i in range(2000)]\n",
    "b = dict(zip(range(99999), a))\nl = [b for i in range(2000)]\n",
])
def test_a_big_list_put_into_a_container_often_stays_in_the_time_limit(body):
    """is_data/is_storable's walk is budgeted (DATA_CHECK_ITEMS items a call) but read the types of
    all of a long list's items first: 2 ms a time for 99,999 items, so each of these ran into the 4 s
    time limit; now 20,000 items a call at most (the design: the walk is the second line of defence)."""
    report = run_program("import torch\na = [0.5] * 99999\n" + body, torchviz=False)
    assert report.error is None, report.error   # was the time limit (4 s of a 5 s limit)
