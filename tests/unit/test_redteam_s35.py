"""Red team, session 35: hostile programs against what session 35 merged (de1eaa8..e770d04).

Found and fixed (in-process, one torch thread, load ~1-3 on 2 cores):
1. `a.tobytes()` of a structured array with padding (align=True, a dict dtype's offsets / itemsize, an
   astype into such a dtype) showed the padding as malloc left it: heap pointers and Python text
   (`01ff2fb451560000...`, `...6966206e...` = "if n") -> those bytes read 0; the fields' bytes are NumPy's.
2. A record whose field is a sub-array of records holding sub-arrays prints every number (NumPy summarises
   a sub-array by its own size only): `np.zeros(1, dtype=d)` of 1,000,000 such numbers took 4.5 s in the
   report's Variables after the program (12 s profiled), `print(a)` 3.6 s / `print(a[0])` 8.4 s before
   its size check let it through -> weighed before printing (lang/record_weight.py): refused in < 0.01 s,
   the run 0.4 s. A float sub-array field is formatted from all its numbers (~5 us each): 20 records of a
   (250000,) 'f4' field 24 s in Variables (sandbox: "ran longer than 5 s", no line) -> 0.5 s.
3. np.array([(1, 2)] * 3, dtype=...) was refused (a tuple met twice was taken for a non-number).
4. to_meta passed lists 3+ levels down as they were: torch.einsum(eq, [[[A, B]]]) ran the real contraction
   in the size check's "meta" run -> copied at any depth; tensors more than 32 lists deep refused by name.
5. bytes slices and b.decode() were not counted towards the run's list and string total (198 MB in 5.1 s).
"""

from __future__ import annotations

import numpy as np
import torch

from autogradlab import error_text
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run
from tests.unit.breakout_helpers import what_python_prints

N = "import numpy as np\n"
PADDED = ("d = np.dtype({'names': ['a', 'b'], 'formats': ['i1', 'i1'], 'offsets': [0, 100], "
          "'itemsize': 200})\na = np.array([(i, 2) for i in range(100)], dtype=d)\n")


def _printed(program: str) -> str:
    report, took = _run(program)
    assert report.error is None, report.error
    assert took < 2.0, took
    return report.printed


# -- 1. padding bytes ------------------------------------------------------------------------------------
def test_tobytes_of_padded_records_reads_zero_padding() -> None:
    d = np.dtype({"names": ["a", "b"], "formats": ["i1", "i1"], "offsets": [0, 100], "itemsize": 200})
    want = np.zeros(100, dtype=d)
    want["a"], want["b"] = np.arange(100), 2
    printed = _printed(N + PADDED + "print(a.tobytes().hex())\n")
    assert printed == want.tobytes().hex() + "\n"


def test_tobytes_of_an_aligned_dtype_made_by_np_array_and_astype() -> None:
    aligned = np.dtype([("x", "i1"), ("y", "f8")], align=True)
    want = np.zeros(5, dtype=aligned)
    want["x"], want["y"] = np.arange(5), 2.0
    for made in ("np.array([(i, 2.0) for i in range(5)], dtype=np.dtype([('x', 'i1'), ('y', 'f8')], "
                 "align=True))",
                 "np.array([(i, 2.0) for i in range(5)], dtype=[('x', 'i1'), ('y', 'f8')]).astype("
                 "np.dtype([('x', 'i1'), ('y', 'f8')], align=True))",
                 "np.rec.array([(i, 2.0) for i in range(5)], dtype=np.dtype([('x', 'i1'), ('y', 'f8')], "
                 "align=True))"):
        assert _printed(N + f"b = {made}\nprint(b.tobytes().hex())\n") == want.tobytes().hex() + "\n", made


def test_tobytes_of_packed_records_and_nested_padding_is_numpys() -> None:
    inner = np.dtype([("p", "i1"), ("q", "i4")], align=True)
    outer = np.dtype([("s", inner, (2,)), ("t", "S3"), ("v", "V4")])
    want = np.zeros(2, dtype=outer)
    want["t"], want["v"] = b"ab", np.void(b"\x01\x02\x03\x04")
    want["s"]["p"], want["s"]["q"] = 7, 9
    program = (N + "inner = np.dtype([('p', 'i1'), ('q', 'i4')], align=True)\n"
               "outer = np.dtype([('s', inner, (2,)), ('t', 'S3'), ('v', 'V4')])\n"
               "a = np.array([([(7, 9), (7, 9)], b'ab', b'\\x01\\x02\\x03\\x04')] * 2, dtype=outer)\n"
               "print(a.tobytes().hex())\n")
    assert _printed(program) == want.tobytes().hex() + "\n"
    packed = np.array([(1, 2.5, b"xy")], dtype="i4,f8,S2")
    assert _printed(N + "a = np.array([(1, 2.5, b'xy')], dtype='i4,f8,S2')\nprint(a.tobytes())\n") == \
        f"{packed.tobytes()}\n"


# -- 2. the text of records holding sub-arrays of records -----------------------------------------------
def _nested(size: int) -> str:
    return (N + f"d = [('a', 'i1', ({size},))]\nfor i in range(2):\n    d = [('x', d, ({size},))]\n"
            "a = np.zeros(1, dtype=d)\n")


def test_a_record_of_a_million_nested_numbers_is_not_printed() -> None:
    for line in ("print(a)", "print(a[0])", "s = str(a)"):
        report, took = _run(_nested(100) + line + "\n")
        _stopped(report, "limit", 6, "the text would print more than 100,000 values")
        assert took < 2.0, (line, took)
    report, took = _run(_nested(100))   # the Variables table shows it by its size only
    assert report.error is None and took < 2.0, (report.error, took)


def test_records_below_the_text_limit_print_as_numpy() -> None:
    d: list = [("a", "i1", (10,))]
    for _ in range(2):
        d = [("x", d, (10,))]
    assert _printed(_nested(10) + "print(a)\nprint(a[0])\n") == \
        f"{np.zeros(1, dtype=d)}\n{np.zeros(1, dtype=d)[0]}\n"
    big = np.zeros(3, dtype=[("a", "i1", (1000, 1000))])   # NumPy summarises a big sub-array itself
    assert _printed(N + "a = np.zeros(3, dtype=[('a', 'i1', (1000, 1000))])\nprint(a)\n") == f"{big}\n"
    many = np.zeros(2000, dtype="i4,f8,S3")
    assert _printed(N + "a = np.zeros(2000, dtype='i4,f8,S3')\nprint(a, a[5])\n") == f"{many} {many[5]}\n"


# -- 3. a list of one tuple repeated ---------------------------------------------------------------------
def test_records_of_a_repeated_tuple_are_made_as_numpy() -> None:
    """`np.array([(1, 2)] * 3, dtype=...)` was refused ('makes structured arrays of lists of tuples'): the
    check for arrays among the items took a tuple met a second time for something else."""
    want = np.array([(1, 2)] * 3, dtype=[("a", "i4"), ("b", "i4")])
    program = N + "x = [(1, 2)] * 3\nprint(np.array(x, dtype=[('a', 'i4'), ('b', 'i4')]))\n"
    assert _printed(program) == f"{want}\n"
    report, _ = _run(N + "import torch\nt = (1, torch.ones(2))\nnp.array([t, t], dtype='i4,f8')\n")
    _stopped(report, "unsupported", 4, "makes structured arrays of lists of tuples")


# -- 4. tensors in lists 3 or more levels down reached the size check's "meta" run as they were ---------
def test_einsum_of_operands_nested_three_deep_is_sized_on_meta_copies(monkeypatch) -> None:  # noqa: ANN001
    """torch.einsum unwraps `[[[A, B]]]` to (A, B); to_meta copied lists 3 levels down as they were, so the
    size check ran the real contraction first (1200 x 1200 matmuls: 0.05 -> 0.09-0.10 s CPU a run, the
    spy below saw real tensors in its arguments for 22 of 45 calls tried)."""
    import autogradlab.lang.sizes as sizes
    real_inside: list[str] = []
    original = sizes.to_meta

    def spy(value, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        made = original(value, *args, **kwargs)
        stack = [made]
        while stack:
            item = stack.pop()
            if isinstance(item, torch.Tensor) and item.device.type != "meta":
                real_inside.append(repr(value)[:40])
            elif isinstance(item, (list, tuple)):
                stack.extend(item)
        return made

    monkeypatch.setattr(sizes, "to_meta", spy)
    a, b = torch.arange(6.0).reshape(2, 3), torch.arange(12.0).reshape(3, 4)
    for operands in ("[[[A, B]]]", "[[[[A, B]]]]", "[[[[[[A, B]]]]]]"):
        report, _ = _run("import torch\nA = torch.arange(6.0).reshape(2, 3)\n"
                         "B = torch.arange(12.0).reshape(3, 4)\n"
                         f"print(torch.einsum('ij,jk->ik', {operands}))\n")
        assert report.error is None, report.error
        assert report.printed == f"{torch.einsum('ij,jk->ik', a, b)}\n"
    for call in ("torch.stack([[[x]]])", "x[[[[s]]]]", "torch.where(x > 0, [[[s]]], x)",
                 "x.reshape([[[s]]])"):
        report, _ = _run(f"import torch\nx = torch.ones(3)\ns = torch.tensor(2.0)\ny = {call}\n")
        assert report.error is not None and report.error.line == 4, (call, report.error)
    assert real_inside == []


def test_tensors_nested_deeper_than_32_lists_are_refused_by_name() -> None:
    source = ("import torch\nA = torch.ones(2, 2)\nl = [A, A]\nfor i in range({n}):\n    l = [l]\n"
              "y = torch.einsum('ij,jk->ik', l)\nprint(y)\n")
    report, took = _run(source.format(n=30))
    assert report.error is None and report.printed == f"{torch.full((2, 2), 2.0)}\n", report.error
    report, took = _run(source.format(n=40))
    _stopped(report, "unsupported", 6, "tensors inside lists nested more than 32 levels deep are not")
    assert took < 1.0, took
    assert "不支持嵌套超过 32 层的列表中的张量" in error_text.message("zh", report.error)


# -- 5. bytes slices and decode() were not counted towards the run's list and string total ---------------
def test_bytes_slices_and_decodes_in_a_loop_are_counted_as_strings_are() -> None:
    """A str slice or .lower() in a 2,000-pass comprehension stops at the run's 50,000,000 items; the same of
    a 100,000-byte `tobytes()` value built 198 MB in 5.1 s (100,000 passes: 10 GB) -> refused at once."""
    for tail, words in (("u = [t[i:i + 99000] for i in range(2000)]", "(the slice)"),
                        ("u = [t.decode('latin-1') for i in range(2000)]", "(the string)")):
        report, took = _run(N + "t = np.zeros(12500).tobytes()\n" + tail + "\n")
        _stopped(report, "limit", 3, "built more than 50,000,000 list and string items in all " + words)
        assert took < 1.0, (tail, took)


def test_bytes_slices_and_decodes_below_the_limit_are_pythons() -> None:
    program = ("t = b'\\xffabcdef'\nprint(t[::-2], t[-100:100], t[10**30:], t[2:1], t[1:4])\n"
            "print(t.decode('utf-8', 'replace'), t.decode('latin-1'), t[1:].decode())\n"
            "u = [t[i:i + 3] for i in range(5000)]\nprint(len(u), u[1])\n")
    assert _printed(program) == what_python_prints(program)
    for bad, words in (("print(b'ab'[::0])", "slice step cannot be zero"),
                       ("print(b'ab'[1.5:])", "slice indices must be integers")):
        report, _ = _run(bad + "\n")
        assert report.error is not None and report.error.line == 1 and words in report.error.message, bad


def test_a_float_sub_array_field_is_weighed_by_all_its_numbers() -> None:
    """NumPy's repr finds a float field's format from every number of it (Python code, ~5 us each), however
    few it shows: 20 records of a (250000,) 'f4' field took 24 s for the Variables table after a 3-line
    program (sandbox: "ran longer than 5 s" with no line), print() of 4 records 7.8 s -> 0.5 s and refused
    in 0.02 s."""
    made = N + "a = np.zeros({n}, dtype=[('b', 'f4', (250000,))])\na['b'] = 0.5\n"
    report, took = _run(made.format(n=20))
    assert report.error is None and took < 2.0, (report.error, took)
    report, took = _run(made.format(n=4) + "print(a)\n")
    _stopped(report, "limit", 4, "the text would print more than 100,000 values")
    assert took < 1.0, took
    small = np.zeros(3, dtype=[("b", "f8", (1000,)), ("c", "i4", (3, 3))])
    small["b"] = np.linspace(0, 1, 1000)
    program = (N + "a = np.zeros(3, dtype=[('b', 'f8', (1000,)), ('c', 'i4', (3, 3))])\n"
               "a['b'] = np.linspace(0, 1, 1000)\nprint(a)\nprint(a[1])\n")
    assert _printed(program) == f"{small}\n{small[1]}\n"
