"""Red team, session 34: hostile programs against what session 33 merged (6395392..0a0da3e) and older doors.

Findings, each fixed (figures of 0a0da3e in-process, one torch thread, load 2-3 on 2 cores):
1. np.char.strip / lstrip / rstrip with `chars` look each character up in chars one by one: 1,000,000
   characters stripped of a 100,000-character chars ran 5.0 s in one NumPy call -> refused at once
   (characters * len(chars) at most max_call_work);
2. np.lexsort counted only its longest key: np.lexsort([a, b] * 10) of 1,000,000 values each ran 4.4 s (a
   list naming one array many times holds no more memory) -> the keys' values counted as the 2-D array
   they make, at most max_tensor_elements;
3. np.vectorize and np.apply_along_axis of a library function (abs, np.sum) took no steps and no time
   check: np.vectorize(abs) of 5,000,000 values ran 32 s in one statement (the sandbox killed the worker
   at 10 s), apply_along_axis(np.sum) of 5,000,000 rows > 100 s -> a step each call, the time check every
   32 (stopped by the time limit at 4 s; a program function was already stopped so);
4. t.storage().tolist() read PyTorch's TypedStorage one `s[i]` at a time (~20 us each, uncounted list):
   5,000,000 numbers ran > 60 s (the worker was killed at 8 s) -> counted as a tensor's tolist() is (at
   most max_sequence_len) and read at once; its text too (PyTorch's text, the same numbers);
5. np.block joins block by block in Python: a list of two of itself nested 22 deep (4,194,304 blocks from
   22 lists) ran > 100 s (killed at 9.6 s), [[a] * 600] * 600 2.6 s -> at most 10,000 lists and blocks;
6. np.nanpercentile / np.nanquantile along an axis run NumPy's Python code once a lane (apply_along_axis
   inside NumPy, ~60 us each): (5,000,000, 1) along axis 1 ran 278 s in plain NumPy (> 40 s here) ->
   100,000 units a lane against max_call_work (at most 10,000 lanes, ~0.6 s);
7. torch.linalg.multi_dot orders its n matrices by a search of ~n^3 steps, which the contraction check ran
   on meta copies in Python first: 3,000 2 x 2 matrices ran > 60 s in the check, 2,000 of 300 x 300 6.7 s
   before the work refusal -> at most 64 matrices (np.linalg.multi_dot's bound here), refused at once.
Also (not an escape): dir() of a string array or a storage listed the engine wrapper's own names (`real`,
`tensor`, `_guarded`, ...) -> NumPy's and PyTorch's, as CPython prints them.
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from tests.unit.breakout_helpers import LEAKS, what_python_prints
from tests.unit.breakout_helpers import stopped as _stopped
from tests.unit.breakout_helpers import timed_run as _run


def _runs_as_python(program: str, **limits: int) -> None:
    report, _ = _run(program, **limits)
    assert report.error is None, report.error
    assert report.printed == what_python_prints(program)


def _refused(program: str, line: int, words: str, zh: str, seconds: float = 2.0) -> None:
    report, took = _run(program)
    _stopped(report, "limit", line, words)
    assert not LEAKS.findall(report.error.message)
    assert zh in error_text.message("zh", report.error)
    assert took < seconds, took


# -- 1. np.char.strip with a long chars ---------------------------------------------------------------
def _strip(name: str, count: int, width: int, given: int) -> str:
    return ("import numpy as np\n"
            f"a = np.array(['a' * {width}] * {count})\n"
            f"c = 'b' * {given - 1} + 'a'\n"
            f"r = np.char.{name}(a, c)\n"
            "print(r.shape, r[0] == '', np.char.str_len(r).sum())\n")


@pytest.mark.parametrize("name", ["strip", "lstrip", "rstrip"])
def test_np_char_strip_with_a_long_chars_is_refused(name: str) -> None:
    _refused(_strip(name, 1000, 1000, 100_000), 4,
             f"`np.char.{name}` would look 1,000,000 characters up in chars of 100,000 characters, about "
             "100,000,000,000 steps in one call; the limit is 1,000,000,000 per call",
             f"`np.char.{name}` 会在 100,000 个字符的 chars 中逐个查找 1,000,000 个字符")


def test_np_char_strip_just_past_the_work_is_refused() -> None:
    _refused(_strip("strip", 1000, 1000, 1001), 4, "about 1,001,000,000 steps in one call", "1,001,000,000")


@pytest.mark.parametrize("name", ["strip", "rstrip"])
def test_np_char_strip_at_the_work_runs_as_numpy(name: str) -> None:
    _runs_as_python(_strip(name, 1000, 1000, 1000))
    _runs_as_python("import numpy as np\n"
                    "print(np.char.strip(['  ab  ', 'xxcxx'], ' x'), np.char.lstrip('aab', 'a'))\n")


# -- 2. np.lexsort of one array named many times --------------------------------------------------------
def _lexsort(keys: str, n: int) -> str:
    return ("import numpy as np\n"
            f"a = np.arange({n}) % 7\n"
            f"b = np.arange({n})[::-1] % 5\n"
            f"r = np.lexsort({keys})\n"
            "print(r.shape, r[:8], r[-3:])\n")


def test_np_lexsort_of_many_keys_is_refused() -> None:
    _refused(_lexsort("[a, b] * 10", 1_000_000), 4,
             "`np.lexsort` of 20 keys would sort 20,000,000 values in one call; the limit is 5,000,000",
             "`np.lexsort` 的 20 个键会在一次调用中排序 20,000,000 个值")


def test_np_lexsort_just_past_the_values_is_refused() -> None:
    _refused(_lexsort("[a, b, a, b, a]", 1_000_001), 4, "would sort 5,000,005 values", "5,000,005")


def test_np_lexsort_at_the_values_runs_as_numpy() -> None:
    _runs_as_python(_lexsort("[a, b, a, b, a]", 1_000_000))
    _runs_as_python(_lexsort("(b, a)", 1000))
    _runs_as_python(_lexsort("np.array([a, b])", 1000))


# -- 3. np.vectorize of a library function ---------------------------------------------------------------
def test_np_vectorize_of_a_library_function_is_stopped_by_the_time_limit() -> None:
    program = "import numpy as np\nf = np.vectorize(abs)\nr = f(np.zeros(5000000))\nprint(r.shape)\n"
    report, took = _run(program)
    assert report.error is not None and report.error.line == 3, report.error
    assert report.error.kind in ("timeout", "limit"), report.error
    assert took < 7, took


def test_np_vectorize_counts_a_step_a_call() -> None:
    program = "import numpy as np\nf = np.vectorize(abs)\nr = f(np.arange(-3000, 3000))\nprint(r.sum())\n"
    report, _ = _run(program, max_steps=5000)
    _stopped(report, "limit", 3, "the program took more than 5,000 steps")
    _runs_as_python(program, max_steps=8000)
    _runs_as_python("import numpy as np\nprint(np.vectorize(np.sin)([[0.5, 1], [2, 3]]))\n")


# -- 4. t.storage().tolist() and its text --------------------------------------------------------------------
def test_storage_tolist_past_the_list_length_is_refused() -> None:
    program = "import torch\nt = torch.zeros(5000000)\ns = t.storage()\nr = s.tolist()\nprint(len(r))\n"
    _refused(program, 4, "the list tolist() builds would have 5,000,000 items; the limit is 100,000",
             "5,000,000")
    report, _ = _run(program.replace("5000000", "100001"))
    _stopped(report, "limit", 4, "would have 100,001 items")


@pytest.mark.parametrize("make", ["torch.arange(100000.)", "torch.arange(12).reshape(3, 4).t()",
                                  "torch.tensor([True, False])", "torch.tensor([0.1, 1e-30, 3.5]).half()",
                                  "torch.tensor([1 + 2j, -3j])", "torch.zeros(0)", "torch.tensor(2.5)"])
def test_storage_tolist_and_text_at_the_limit_are_pytorchs(make: str) -> None:
    _runs_as_python(f"import torch\nt = {make}\ns = t.storage()\nr = s.tolist()\n"
                    "print(len(r), r[:5], r[-2:])\nx = torch.ones(7) / 3\nprint(x.storage())\n"
                    "print(repr(x.storage()) == str(x.storage()))\n")


def test_storage_tolist_of_a_big_storage_is_quick() -> None:
    _, took = _run("import torch\nt = torch.zeros(100000)\nr = t.storage().tolist()\nprint(len(r))\n")
    assert took < 1.5, took   # 2.2 s in-process before (PyTorch's one `s[i]` at a time)


# -- 5. np.block of many blocks ---------------------------------------------------------------------------
def test_np_block_of_a_nest_of_itself_is_refused() -> None:
    program = "import numpy as np\nb = np.ones(1)\nfor i in range(22):\n    b = [b, b]\nr = np.block(b)\n"
    _refused(program, 5, "`np.block` of more than 10,000 lists and blocks would take too long to join; the "
             "limit is 10,000", "`np.block` 超过 10,000 个列表和块")


def test_np_block_just_past_the_parts_is_refused() -> None:
    program = "import numpy as np\na = np.ones((1, 1))\nr = np.block([[a] * 4999, [a] * 4999])\n"
    _refused(program, 3, "more than 10,000 lists and blocks", "10,000")


def test_np_block_at_the_parts_runs_as_numpy() -> None:
    _runs_as_python("import numpy as np\na = np.ones(1)\nr = np.block([a] * 9999)\nprint(r.shape, r.sum())\n")
    _runs_as_python("import numpy as np\na = np.ones((1, 1))\nr = np.block([[a] * 4998, [a * 2] * 4998])\n"
                    "print(r.shape, r.sum())\n")
    _runs_as_python("import numpy as np\na = np.ones((1, 1))\n"
                    "r = np.block([[a * i] * 98 for i in range(100)])\nprint(r.shape, r.sum(), r[50, :3])\n")


def test_np_apply_along_axis_of_a_library_function_counts_a_step_a_slice() -> None:
    program = ("import numpy as np\na = np.ones((6000, 2))\nr = np.apply_along_axis(np.sum, 1, a)\n"
               "print(r.sum())\n")
    report, _ = _run(program, max_steps=5000)
    _stopped(report, "limit", 3, "the program took more than 5,000 steps")
    _runs_as_python(program, max_steps=8000)
    report, took = _run("import numpy as np\na = np.zeros((5000000, 1))\n"
                        "r = np.apply_along_axis(np.sum, 1, a)\n")
    assert report.error is not None and report.error.line == 3, report.error   # > 100 s before
    assert took < 7, took


# -- 6. np.nanpercentile / np.nanquantile along an axis of many lanes ---------------------------------------
def _nan_lanes(name: str, rows: int, q: str = "50", axis: str = "1") -> str:
    return ("import numpy as np\n"
            f"a = (np.arange({rows} * 3).reshape({rows}, 3) % 7) * 1.5\n"
            "a[0, 1] = np.nan\n"
            f"r = np.{name}(a, {q}, axis={axis})\n"
            "print(np.shape(r), np.nansum(r), np.ravel(r)[:4])\n")


@pytest.mark.parametrize("name", ["nanpercentile", "nanquantile"])
def test_a_nan_quantile_along_an_axis_of_many_lanes_is_refused(name: str) -> None:
    _refused(_nan_lanes(name, 1_000_000, "0.5"), 4,
             f"`np.{name}` along an axis runs NumPy's Python code once for each of its 1,000,000 lanes, "
             "about 100,000,000,000 steps in one call; the limit is 1,000,000,000 per call",
             f"`np.{name}` 沿某个轴计算时，NumPy 会为 1,000,000 条数据各运行一次 Python 代码")


def test_a_nan_quantile_just_past_the_lanes_is_refused() -> None:
    _refused(_nan_lanes("nanpercentile", 10_001), 4, "each of its 10,001 lanes", "10,001")


def test_a_nan_quantile_at_the_lanes_runs_as_numpy() -> None:
    _runs_as_python(_nan_lanes("nanpercentile", 10_000, "[10, 50, 90]"))
    _runs_as_python(_nan_lanes("nanquantile", 1_000_000, "0.25", "None"))   # one call: not by lanes
    _runs_as_python(_nan_lanes("nanquantile", 1_000_000, "0.25", "0"))      # 3 lanes


# -- 7. torch.linalg.multi_dot of many small matrices -----------------------------------------------------
def _multi_dot(count: int, form: str = "torch.linalg.multi_dot") -> str:
    return ("import torch\nA = torch.tensor([[1.0, 0.5], [0.0, 1.0]])\n"
            f"r = {form}([A] * {count})\nprint(r)\n")


def test_multi_dot_of_many_matrices_is_refused_before_its_order_search() -> None:
    _refused(_multi_dot(3000), 3, "`torch.linalg.multi_dot` of 3,000 matrices would take about "
             "27,000,000,000 steps to choose the order of its products; the limit is 64 matrices",
             "`torch.linalg.multi_dot` 的 3,000 个矩阵选择相乘顺序约需 27,000,000,000 步")
    _refused(_multi_dot(65), 3, "of 65 matrices", "65")


def test_multi_dot_at_the_matrices_runs_as_pytorch() -> None:
    _runs_as_python(_multi_dot(64))
    _runs_as_python(_multi_dot(3, "multi_dot").replace("import torch\n",
                                                        "import torch\nfrom torch.linalg import multi_dot\n"))


# -- also: dir() of a string array and of a storage listed the engine wrapper's own names ------------------
def test_dir_of_a_string_array_and_a_storage_is_numpys_and_pytorchs() -> None:
    _runs_as_python("import numpy as np\nimport torch\nprint(dir(np.array(['a', 'bc'])))\n"
                    "print(dir(torch.ones(2).storage()))\n")
