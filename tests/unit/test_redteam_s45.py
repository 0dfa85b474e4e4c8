"""Red team, session 45: attacks on what session 44 added (the run cache's job frames, the report memo,
sandbox_compact's rows, call sites, call statements, FINAL_INLINE, QUIET_RUN / QUIET_LOCALS, property(),
mro(), vars(C), C.__doc__, classes returned, help() of a classmethod, class-body comprehensions,
astype('U5'), the GB codecs, `type(x) in (...)`, folded text joins, broadcast_shapes, dtype names) that found
a defect: one test each (failing on 391f945), the oracle CPython / NumPy / PyTorch.

What held (tried by hand, no test here): call sites with functions redefined in the loop, methods rebound on
the class or the instance after the first call, `del f`, generator functions and functions of other shapes
at one site, keyword and star calls, 12 lambdas through one site (past MAX_FUNCTIONS), recursion to the
depth limit, super() chains through one site, errors in a site's final `return` (line, class, text); a
program's np.errstate/np.geterr (the engine's own, not NumPy's state) and NumPy's error state after a
run, an error run, a limit and a generator left open (restored); comprehensions in a class body (nested,
set/dict, generator, lambda inside); getattr/format/attrgetter/hasattr/setattr/vars/eval/exec of folded
dunder texts (refused as unfolded); `.mro()` of exception classes (catching, raising, isinstance through
its members); gbk/gb2312/gb18030 encode/decode, their errors and 'replace' sizes; the pack's rows; a program
mixing call sites, super(), recursion, generators and NumPy scalars cut at every step from 1 to 399 under
max_steps: the same outcome with SITES/FINAL_INLINE/CALL_STATEMENTS/QUIET_RUN/QUIET_LOCALS on and off; the
run cache's frames (thread-local per run, a rejected/truncated frame never offered, the frame an immutable
copy); 272 reports byte-identical to 391f945 (bench/report_identity.py).
Left: `type(np.float64(1)) is np.float64` is False (the engine's type() and np.float64 are two wrappers);
`int in {int}` (types as set members or dict keys refused); a lambda in a class body sees the class's names;
a NameError inside the engine's own code reaches the program as its "name" error (found while fixing).
"""

from __future__ import annotations

import pytest

from autogradlab.engine.run import run_program
from tests.unit.test_redteam2_s43 import _same_as_python  # (CPython's text, its line)

# --- 1. `type(x) in (np.float64, float)`: NumPy's scalar classes were never equal to type(x) ---------------


@pytest.mark.parametrize("expression", [
    "type(np.float64(1)) in (np.float64, float)",
    "type(np.float64(1)) == np.float64",
    "np.float64 == type(np.float64(1))",
    "type(b[0]) in [np.int64]",
    "type(b[0]) in [np.int32, float]",
    "type(np.float32(2)) != np.float32",
    "a.dtype == float, a.dtype == int, b.dtype == int, np.float64 == float, a.dtype == np.float64",
    "isinstance(np.float64(1), np.float64)",
    "isinstance(a[0], (np.float32, np.float64)), isinstance(1.0, np.float64), isinstance(a[0], float)",
    "isinstance(np.float32(1), np.float64), isinstance(np.int64(3), (int, np.int64))",
    "a.dtype in (np.float32, np.float64), np.float64 in [np.float64], a.dtype in [float]",
    "a.dtype not in (np.int64,), b.dtype in [np.int64, int], np.dtype('float32') in (np.float32,)",
])
def test_numpy_scalar_classes_compare_as_in_numpy(expression):
    """`type(v) in (np.float64, float)` (session 44 made `type(v) in (...)` run) was False: the engine's
    type(np.float64(1)) never equalled np.float64; isinstance(x, np.float64) was "arg 2 must be a type"."""
    _same_as_python(f"import numpy as np\na = np.array([1.0, 2.0])\nb = np.array([1, 2])\n"
                    f"print({expression})\n")


# --- 2. the engine's class names in Python's messages -------------------------------------------------------


@pytest.mark.parametrize("value", ["int", "torch.Tensor", "ValueError", "type(torch.ones(1))",
                                   "type(np.float64(1))", "print", "torch.sin", "torch.Generator()",
                                   "ValueError(1)", "np.float64", "np.ones(1).dtype"])
def test_a_class_in_a_tensor_names_pythons_class(value):
    """`int in torch.tensor([1, 2])` said "but you passed in a <class
    'autogradlab.lang.data_wrappers.SafeType'>": the engine's own class name, where PyTorch names
    `type`."""
    _same_as_python(f"import torch\nimport numpy as np\ntry:\n    print({value} in torch.tensor([1.0]))\n"
                    "except Exception as e:\n    print(type(e).__name__, e)\n")


@pytest.mark.parametrize("source", [
    "try:\n    print(print in 's')\nexcept TypeError as e:\n    print(e)\n",
    "import numpy as np\ntry:\n    print(len(np.add))\nexcept TypeError as e:\n    print(e)\n",
    "import torch\ntry:\n    print(len(torch.sin))\nexcept TypeError as e:\n    print(e)\n",
    "try:\n    print(len(print))\nexcept TypeError as e:\n    print(e)\n",
    "import numpy as np\ntry:\n    print(np.float64 in 'abc')\nexcept TypeError as e:\n    print(e)\n",
    "import numpy as np\ntry:\n    print(np.ones(1).dtype in 'abc')\nexcept TypeError as e:\n    print(e)\n",
])
def test_a_library_function_is_named_as_python_names_it(source):
    """`len(print)`: "object of type 'SafeFunction' has no len()"."""
    _same_as_python(source)


# --- 3. vars(C)[name] of a property, classmethod, staticmethod or dunder ------------------------------------

_MEMBERS = ("class C:\n    def get(self):\n        return 1\n    p = property(get)\n    @property\n"
            "    def q(self):\n        return 2\n    @classmethod\n    def c(cls, x):\n        return x\n"
            "    @staticmethod\n    def s(x):\n        return x\n    def __init__(self):\n        pass\n"
            "    def m(self):\n        return 3\n    items = [1]\n")


@pytest.mark.parametrize("name", ["p", "q", "c", "s", "__init__"])
def test_vars_of_a_class_refuses_what_it_cannot_give_as_python_does(name):
    """`vars(C)['p'](C())` ran the getter (CPython: "'property' object is not callable"),
    `vars(C)['c'](5)` called the classmethod's function with cls=5; `vars(C)['__init__']` said
    "`'__init__' in vars(...)`"."""
    report = run_program(_MEMBERS + f"f = vars(C)['{name}']\nprint('ran')\n")
    assert report.printed == ""
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.message == f"reading `vars(C)['{name}']` is not supported in Autograd Lab"
    assert report.error.line == _MEMBERS.count("\n") + 1


def test_vars_of_a_class_still_gives_methods_and_values():
    _same_as_python(_MEMBERS + "v = vars(C)\nprint('p' in v, 'c' in v, 's' in v, 'm' in v, 'zz' in v)\n"
                    "print(v['m'](C()), v['items'])\n")


# --- 4. NumPy's C-type names of the table's dtypes were refused as "numbers only" (red team s44's own) ----

@pytest.mark.parametrize("name", ["int_", "uint", "intp", "uintp", "intc", "short", "ushort", "byte", "ubyte",
                                  "longlong", "ulonglong", "bool_", "cdouble", "csingle", "long"])
def test_numpys_other_names_of_the_tables_dtypes_run(name):
    """`np.zeros(2, dtype='int_')`: "the numpy dtype 'int_' is not supported ... (numbers only: ...)"."""
    _same_as_python(f"import numpy as np\nprint(np.zeros(2, dtype={name!r}).dtype, "
                    f"np.array([1, 2]).astype({name!r}))\n")


@pytest.mark.parametrize("name, dtype", [("longdouble", "float128"), ("g", "float128"),
                                         (">f8", ">f8"), ("clongdouble", "complex256")])
def test_a_number_dtype_outside_the_table_says_which_it_is(name, dtype):
    from autogradlab import error_text
    report = run_program(f"import numpy as np\ntry:\n    a = np.zeros(2, dtype={name!r})\nexcept TypeError:\n"
                         "    print('caught')\n")
    assert report.printed == "" and report.error is not None and report.error.kind == "unsupported"
    assert report.error.message.startswith(f"the numpy dtype '{name}' ({dtype}) is not supported")
    assert "float16 to float64" in report.error.message and report.error.line == 3
    assert f"不支持 numpy 数据类型 '{name}'（{dtype}）" in error_text.message("zh", report.error)


# --- 5. the report memo's bound, in memory ------------------------------------------------------------------

def test_the_report_memo_holds_at_most_about_160_mb():
    """components/report_memo bounds the bytes its Reports were loaded from (32 MB, "a Report: ~3x in
    memory"); a loaded Report whose snapshots a page has read takes ~14x its bytes: ~450 MB of the app
    process, shared by all sessions, in a 4 GiB pod whose two workers may take 1.5 GiB each. Measured here
    on loop_scalar_chain's Report: its memory over its bytes, times the memo's bound."""
    import gc
    import tracemalloc
    from pathlib import Path

    from autogradlab.sandbox_wire import dump_report, load_report
    from components import report_memo

    held = dump_report(run_program(Path("tests/programs/loop_scalar_chain.py").read_text()))
    gc.collect()
    tracemalloc.start()
    try:
        report = load_report(held)
        for node in report.graph.nodes:   # as the Graph page reads them (a lazy snapshot turns eager)
            for snap in (node.value, node.grad):
                if snap is not None:
                    assert snap.summary is not None and snap.value is not None
        used = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    ratio = used / len(held)
    assert ratio > 5   # (what makes the bound matter: many small objects per byte)
    assert len(held) <= report_memo.MAX_BYTES // 4   # (this lesson's Report is still kept)
    assert ratio * report_memo.MAX_BYTES <= 160 << 20, (ratio, report_memo.MAX_BYTES)


# --- 6. string arrays weighed by their characters -----------------------------------------------------------

_WIDE = {
    "astype": "a = np.array(['x'])\nfor i in range(30):\n    kept.append(a.astype('U99999'))\n",
    "astype of numbers": "a = np.array([1])\nfor i in range(30):\n    kept.append(a.astype('U99999'))\n",
    "dtype=": "for i in range(30):\n    kept.append(np.array(['x'], dtype='U99999'))\n",
    "np.char.multiply": "a = np.array(['xy'])\nfor i in range(30):\n"
                        "    kept.append(np.char.multiply(a, 49999))\n",
    "np.char.center": "a = np.array(['x'])\nfor i in range(30):\n    kept.append(np.char.center(a, 99999))\n",
}


@pytest.mark.parametrize("kind", sorted(_WIDE))
def test_wide_string_arrays_count_their_characters_in_the_runs_total(kind):
    """`a.astype('U999999')` of a 1-element array (session 44) makes 4 MB and was charged one element: a
    loop holding 1,000 of them ended as "the program ran out of memory" in the worker, not at the run's
    total. Under a 1M-element total, 30 arrays of 100,000 characters (12 MB) now stop at the limit."""
    import dataclasses

    from autogradlab.limits import DEFAULT_LIMITS
    limits = dataclasses.replace(DEFAULT_LIMITS, max_total_elements=1_000_000)
    source = "import numpy as np\nkept = []\n" + _WIDE[kind] + "print(len(kept))\n"
    report = run_program(source, limits=limits)
    assert report.printed == "" and report.error is not None and report.error.kind == "limit", report.error
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "kept.append" in text)
    assert "1,000,000" in report.error.message and report.error.line == line


def test_short_string_arrays_still_run():
    _same_as_python("import numpy as np\na = np.array(['ab', 'c'])\nb = a.astype('U5')\n"
                    "c = np.array([1, 22]).astype('U1')\nd = np.char.multiply(a, 3)\n"
                    "e = np.char.center(a, 6)\nprint(b, c, d, e, np.array(['xy'], dtype='U3'))\n")


# --- 7. the codec refusals name the GB codecs session 44 added --------------------------------------------

@pytest.mark.parametrize("source, key", [
    ("b = 'ab'.encode('cp1252')\n", "errors_s42breadth.encode_codec"),
    ("b = b'ab'.decode('utf-16')\n", "errors_records.decode"),
])
def test_a_refused_codec_lists_the_codecs_that_run(source, key):
    """`'ab'.encode('cp1252')` said "with encoding utf-8, ascii, latin-1, utf-16 or utf-32": gbk, gb2312 and
    gb18030 run too since session 44 (en and zh)."""
    from autogradlab import error_text
    report = run_program(source)
    assert report.error is not None and report.error.kind == "unsupported" and report.error.key == key
    assert "gbk, gb2312 or gb18030" in report.error.message
    assert "gbk、gb2312 或 gb18030" in error_text.message("zh", report.error)
    assert run_program(source.replace("cp1252", "gb18030").replace("utf-16", "gbk")).error is None


# --- 8. the program's own `property` ------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "property = lambda f, s=None: 'mine'\nclass A:\n    def g(self):\n        return 1\n    p = property(g)\n"
    "print(A().p, A.p)\n",
    "def property(f):\n    return 42\nclass A:\n    def g(self):\n        return 1\n    p = property(g)\n"
    "print(A.p, A().p)\n",
    "def make():\n    def property(f):\n        return 7\n    class A:\n        def g(self):\n"
    "            return 1\n        p = property(g)\n    return A().p\nprint(make())\n",
])
def test_a_programs_own_property_is_called_as_it_is(source):
    """`name = property(getter)` in a class body (session 44) made Python's property even where the
    program's own `property` (a def or lambda around the class) is what Python calls: 1 printed for
    'mine'."""
    _same_as_python(source)


@pytest.mark.parametrize("name", ["property", "staticmethod", "classmethod"])
def test_a_decorator_of_the_programs_own_name_is_refused(name):
    """`@property` under the program's own `def property(f)` made Python's property (CPython: the program's
    function's value, 42): refused by name, where it was a wrong value."""
    report = run_program(f"def {name}(f):\n    return 42\nclass A:\n    @{name}\n    def p(self):\n"
                         "        return 1\nprint(A.p)\n")
    assert report.printed == "" and report.error is not None and report.error.kind == "unsupported"
    assert report.error.message == (f"`@{name}` of your program's own `{name}` (not Python's) in the body of "
                                    "`class A` is not supported in Autograd Lab")
    assert (report.error.line, report.error.column) == (4, 6)


def test_pythons_property_and_decorators_still_run():
    _same_as_python("class A:\n    def g(self):\n        return 1\n    def s(self, v):\n        self.v = v\n"
                    "    p = property(g, s)\n    @property\n    def q(self):\n        return 2\n"
                    "    @staticmethod\n    def t(x):\n        return x\n    @classmethod\n"
                    "    def c(cls):\n        return 3\na = A()\na.p = 5\n"
                    "print(a.p, a.v, a.q, A.t(4), A.c())\n")


# --- 9. a folded join is no docstring -----------------------------------------------------------------------

@pytest.mark.parametrize("body", ["'ab' + 'cd'", "'a' + 'b' + 'c'", "('x' + 'y')"])
def test_a_join_statement_is_no_docstring(body):
    """Session 44 folds `'ab' + 'cd'` into the constant 'abcd' before the program runs: as a function's first
    statement it then became its docstring (f.__doc__ 'abcd', help(f) showing it; CPython: None)."""
    _same_as_python(f"def f():\n    {body}\n    return 1\nprint(f(), f.__doc__)\nhelp(f)\n")


def test_joins_are_still_folded_elsewhere():
    _same_as_python("def f():\n    'doc'\n    x = 'ab' + 'cd'\n    return x is 'abcd'\n"
                    "print(f(), f.__doc__)\ny = 'ban' + 'ana'\nprint(y is 'banana')\n")


# --- 10. a slow string conversion within the time limit -----------------------------------------------------

@pytest.mark.parametrize("call", ["a.astype('U999999')", "np.array([1.5]).astype('U999999')"])
def test_a_loop_of_slow_string_conversions_stops_at_the_time_limit(call):
    """NumPy writes a number as a 999,999-character string in ~0.6 s (0.6 us a character), and the time
    limit was read every 32 steps only: a loop of `a.astype('U999999')` (session 44) ran 8.9 s under the
    5 s limit in one process (the worker's hard limit stops it in the app). Now each such conversion
    starts within the limit: under a 0.05 s limit the loop stops after the first."""
    import dataclasses

    from autogradlab.limits import DEFAULT_LIMITS
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=0.05)   # a conversion takes 0.1-0.6 s
    report = run_program(f"import numpy as np\na = np.array([1])\nn = 0\nfor i in range(100):\n"
                         f"    b = {call}\n    n += 1\nprint(n)\n", limits=limits)
    assert report.error is not None and report.error.kind == "timeout", report.error
    assert report.error.line == 5 and report.printed == ""
    assert report.variables["n"].value <= 1, report.variables["n"]   # (391f945: 3, the 32nd step)


def test_vars_of_a_class_hashes_as_pythons_mappingproxy():
    """hash(vars(C)): "unhashable or unsupported dictionary key of type 'mappingproxy' (keys are ...)"."""
    _same_as_python("class C:\n    x = 1\ntry:\n    print(hash(vars(C)))\nexcept TypeError as e:\n"
                    "    print(e)\n")


def test_vars_of_a_class_compares_as_pythons_mappingproxy():
    """`vars(C) == vars(C)` was False (two views compared by identity); CPython compares the mappings."""
    _same_as_python("class C:\n    x = 1\nclass D:\n    x = 1\nprint(vars(C) == vars(C), vars(C) != vars(C), "
                    "vars(C) == vars(D), vars(C) != vars(D), vars(int) == vars(int), "
                    "vars(int) == vars(bool), vars(C) == {'x': 1}, vars(C) == 5, vars(C) is vars(C))\n")


@pytest.mark.parametrize("use", ["d = {**vars(C)}", "d = f(**vars(C))"])
def test_spreading_vars_of_a_class_is_refused_as_listing_it(use):
    """`{**vars(C)}` was TypeError "'mappingproxy' object is not a mapping" (CPython spreads it, with its
    internals): refused by name as dict(vars(C)) and list(vars(C)) are."""
    report = run_program(f"class C:\n    x = 1\ndef f(**k):\n    return k\ntry:\n    {use}\n"
                         "except TypeError:\n    print('caught')\n")
    assert report.printed == "" and report.error is not None and report.error.kind == "unsupported"
    assert report.error.message.startswith("showing `vars(...)` of a class is not supported")
    assert report.error.line == 6


# --- 11. type.mro ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", [
    "try:\n    print(type.mro())\nexcept TypeError as e:\n    print(e)\n",
    "class A:\n    pass\nclass B(A):\n    pass\nprint(type.mro(B), type.mro(int), type.mro(bool))\n",
])
def test_type_mro_is_pythons(source):
    """`type.mro()` said "the method `.mro()` of builtin_function_or_method values is not supported" (the
    name `type` is the engine's function): CPython's TypeError, and type.mro(C) as C.mro()."""
    _same_as_python(source)


# --- 12. a class of the program returned to PyTorch ---------------------------------------------------------

@pytest.mark.parametrize("call", ["torch.func.grad(f)(torch.tensor(1.0))",
                                  "torch.func.vmap(f)(torch.ones(2))"])
def test_a_class_returned_to_pytorch_is_refused_by_name(call):
    """Session 44 let a function return a class of the program; returned to torch.func.grad, PyTorch's
    message named the engine's class: "got <class 'autogradlab.lang.plain_classes.ProgramClass'>" (a
    catchable RuntimeError). Refused by name, as before session 44 (CPython: "got <class 'type'>")."""
    report = run_program(f"import torch\nclass A:\n    pass\ndef f(x):\n    return A\ntry:\n"
                         f"    print({call})\nexcept Exception as e:\n    print(type(e).__name__, e)\n")
    assert "autogradlab" not in report.printed and report.printed == ""
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.message.startswith("the class `A` cannot be used as a return value")
    assert report.error.line == 5


def test_a_class_returned_to_the_program_still_runs():
    _same_as_python("class A:\n    n = 2\ndef f():\n    return A\nk = f()\nprint(k.n, k is A, f()().n)\n")
