"""Session 35 (records): NumPy's structured arrays as its user guide basics.rec teaches them,
NumPy's type tree (np.issubdtype, np.integer, np.typecodes, np.can_cast), astype(casting=), np.linspace with
complex or array bounds, and torch's out= of another shape (resized as PyTorch resizes it). Each compared
with plain NumPy / PyTorch on the same text (values, printed text, displays), and the limits just below and
above: fields of one dtype, nesting, bytes a record, records an array, the dtype string's length; object
fields refused by name.
"""

from __future__ import annotations

import pytest

from autogradlab import error_text
from autogradlab.engine import run_program
from autogradlab.lang.numpy_record_dtypes import MAX_DEPTH, MAX_FIELDS, MAX_ITEMSIZE, MAX_TEXT
from autogradlab.sandbox_wire import dump_report, load_report
from tests.oracle import run_trusted
from tests.unit.test_breadth import compare

N = "import numpy as np\n"
PETS = ("x = np.array([('Rex', 9, 81.0), ('Fido', 3, 27.0)],\n"
        "             dtype=[('name', 'U10'), ('age', 'i4'), ('weight', 'f4')])\n")


def said_in_chinese(error) -> bool:  # noqa: ANN001
    box = error_text.box("zh", error)
    return any("\u4e00" <= c <= "\u9fff" for c in box)


# -- the lesson's own cells ----------------------------------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    PETS + "x\nx[1]\nx['age']\nx['age'] = 5\nx\nprint(x, x[1], type(x[1]))\n",
    "np.dtype([('x', 'f4'), ('y', np.float32), ('z', 'f4', (2, 2))])\n"
    "np.dtype([('x', 'f4'), ('', 'i4'), ('z', 'i8')])\n",
    "np.dtype('i8, f4, S3')\nnp.dtype('3int8, float32, (2, 3)float64')\n",
    "np.dtype({'names': ['col1', 'col2'], 'formats': ['i4', 'f4']})\n"
    "np.dtype({'names': ['col1', 'col2'], 'formats': ['i4', 'f4'], 'offsets': [0, 4], 'itemsize': 12})\n"
    "np.dtype({'col1': ('i1', 0), 'col2': ('f4', 1)})\n",
    "d = np.dtype([('x', 'i8'), ('y', 'f4')])\nd.names\nd['x']\nd.fields\n"
    "for name in d.names:\n    print(d.fields[name][:2])\n",
    "def print_offsets(d):\n    print('offsets:', [d.fields[name][1] for name in d.names])\n"
    "    print('itemsize:', d.itemsize)\nprint_offsets(np.dtype('u1, u1, i4, u1, i8, u2'))\n"
    "print_offsets(np.dtype('u1, u1, i4, u1, i8, u2', align=True))\n",
    "np.dtype([(('my title', 'name'), 'f4')])\nnp.dtype({'name': ('i4', 0, 'my title')})\n",
    "x = np.array([(1, 2, 3), (4, 5, 6)], dtype='i8, f4, f8')\nx[1] = (7, 8, 9)\nx\n",
    "x = np.zeros(2, dtype='i8, f4, ?, S1')\nx[:] = 3\nx\nx[:] = np.arange(2)\nx\n",
    "x = np.array([(1, 2), (3, 4)], dtype=[('foo', 'i8'), ('bar', 'f4')])\nx['foo']\nx['foo'] = 10\n"
    "y = x['bar']\ny[:] = 11\nx\ny.dtype, y.shape, y.strides\n",
    "x = np.zeros((2, 2), dtype=[('a', np.int32), ('b', np.float64, (3, 3))])\nx['a'].shape\nx['b'].shape\n"
    "x['b'].dtype\n",
    "a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])\na[['a', 'c']]\n"
    "a[['a', 'c']] = (2, 3)\na\n"
    "a[['a', 'c']] = a[['c', 'a']]\na\n",
    "b = np.zeros(3, dtype=[('x', 'f4'), ('y', 'f4'), ('z', 'f4')])\nb[['x', 'z']].view('f4')\n",
    "x = np.array([(1, 2., 3.)], dtype='i, f, f')\nscalar = x[0]\nscalar\ntype(scalar)\nscalar[0]\n"
    "scalar[1] = 4\nx\nscalar.item(), type(scalar.item())\n",
    "x = np.array([(1, 2), (3, 4)], dtype=[('foo', 'i8'), ('bar', 'f4')])\ns = x[0]\ns['bar'] = 100\nx\n",
    "a = np.array([(1, 1), (2, 2)], dtype=[('a', 'i4'), ('b', 'i4')])\n"
    "b = np.array([(1, 1), (2, 3)], dtype=[('a', 'i4'), ('b', 'i4')])\na == b\na != b\n"
    "b = np.array([(1.0, 1), (2.5, 2)], dtype=[('a', 'f4'), ('b', 'i4')])\na == b\n",
    "np.result_type(np.dtype('i,>i'))\nnp.result_type(np.dtype('i,>i'), np.dtype('i,i'))\n"
    "dt = np.dtype('i1,V3,i4,V1')[['f0', 'f2']]\ndt\nnp.result_type(dt)\n"
    "dt = np.dtype('i1,V3,i4,V1', align=True)[['f0', 'f2']]\ndt\nnp.result_type(dt).isalignedstruct\n"
    "np.result_type(np.dtype('i,i'), np.dtype('i,i', align=True))\n",
    "arr = np.array([(1, 2., 'Hello'), (2, 3., 'World')],\n"
    "               dtype=[('foo', 'i4'), ('bar', 'f4'), ('baz', 'S10')])\n"
    "recordarr = np.rec.array(arr)\nrecordarr.bar\nrecordarr[1:2]\nrecordarr[1:2].foo\nrecordarr.foo[1:2]\n"
    "recordarr = arr.view(dtype=np.dtype((np.record, arr.dtype)), type=np.recarray)\n"
    "recordarr = arr.view(np.recarray)\nrecordarr.dtype\ntype(recordarr)\n"
    "arr2 = recordarr.view(recordarr.dtype.fields or recordarr.dtype, np.ndarray)\narr2\ntype(arr2)\n",
    "r = np.rec.array([('Hello', (1, 2)), ('World', (3, 4))], dtype=[('foo', 'U6'), ('bar', [('A', int), "
    "('B', int)])])\ntype(r.foo)\ntype(r.bar)\nr.bar.A\n",
    PETS + "for row in x:\n    print(row['name'], row['age'])\n"
    "print(len(x), x.shape, x.ndim, x.size, x.itemsize)\n"
    "print(x[[0, 1, 1]], x[x['age'] > 5], x[::-1], x.tolist(), x.copy())\n",
])
def test_structured_arrays_run_as_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_recfunctions_the_lesson_uses_as_numpy() -> None:
    compare(N + "from numpy.lib.recfunctions import repack_fields, structured_to_unstructured\n"
                "a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])\na['c'] = 1.5\n"
                "repack_fields(a[['a', 'c']]).view('i8')\nrepack_fields(a[['a', 'c']].dtype)\n"
                "b = np.ones(3, dtype=[('x', 'f4'), ('y', 'f4'), ('z', 'f4', (2,))])\n"
                "structured_to_unstructured(b[['x', 'z']])\nstructured_to_unstructured(b, dtype=np.int64)\n")
    made = ("from numpy.lib.recfunctions import structured_to_unstructured\n"
            "b = np.zeros(20, dtype=[('z', 'f4', (200000,))])\n")   # 4,000,000 numbers: f4 fits, f8 does not
    report = run_program(N + made + "u = structured_to_unstructured(b)\n"
                                    "v = structured_to_unstructured(b, dtype='f8')\n")
    assert not report.ok and report.error.line == 5 and "the limit is 5,000,000" in report.error.message


@pytest.mark.parametrize("snippet, line", [
    ("twofield = np.zeros(2, dtype=[('A', 'i4'), ('B', 'i4')])\nnostruct = np.zeros(2, dtype='i4')\n"
     "nostruct[:] = twofield\n", 4),
    ("a = np.zeros(3, dtype=[('a', 'i4'), ('b', 'i4'), ('c', 'f4')])\na[['a', 'c']].view('i8')\n", 3),
    ("x = np.zeros(2, dtype='i4, f4')\nx['nope']\n", 3),
])
def test_structured_errors_on_numpy_s_line(snippet: str, line: int) -> None:
    report, oracle = run_program(N + snippet), run_trusted(N + snippet)
    assert oracle.error is not None and not report.ok
    assert report.error.line == oracle.error_line == line


@pytest.mark.parametrize("name", ["S10", "i4,i4", "(2,)f8", "U3"])
def test_dtype_names_numeric_arrays_refused_before_are_numpy_s(name: str) -> None:
    # inside a function: a string array variable is reported as an object (lang/numpy_strings.py)
    compare(N + f"def f():\n    a = np.array([1, 2], dtype={name!r})\n    print(repr(a), a.dtype, a.shape)\n"
                "f()\n")


def test_isinstance_and_type_of_structured_arrays_as_numpy() -> None:
    compare(N + "x = np.zeros(2, dtype='i4,f4')\nr = x.view(np.recarray)\nprint(isinstance(x, np.ndarray), "
                "isinstance(r, np.ndarray), isinstance(r, np.recarray), isinstance(x, np.recarray), "
                "type(r) is np.recarray, type(x) is np.ndarray, type(r), type(x))\n")


def test_a_record_array_variable_crosses_the_wire() -> None:
    report = run_program(N + PETS + "r = x.view(np.recarray)\nd = x.dtype\ns = x[0]\n")
    assert report.ok, report.error
    loaded = load_report(dump_report(report))
    assert loaded.variables["r"].value.dtype == report.variables["r"].value.dtype
    assert loaded.variables["d"].text == "dtype([('name', '<U10'), ('age', '<i4'), ('weight', '<f4')])"


# -- hostile dtypes: each refused before NumPy builds it, with the limit named -------------------------------
def _nested(depth: int) -> str:
    return N + f"t = 'i4'\nfor i in range({depth}):\n    t = [('a', t)]\nd = np.dtype(t)\nprint(d.itemsize)\n"


@pytest.mark.parametrize("source, words", [
    (N + "d = np.dtype([('f%d' % i, 'i1') for i in range(10000)])\n", "10,000 fields; the limit is 1,000"),
    (N + f"d = np.dtype([('f%d' % i, 'i1') for i in range({MAX_FIELDS + 1})])\n", "the limit is 1,000"),
    (N + "d = np.dtype(','.join(['i1'] * 10000))\n", "characters; the limit is 1,000"),
    (N + "d = np.dtype('S1000000000')\n", "bytes an element; the limit is 1,000,000"),
    (N + "x = np.zeros(3, dtype=[('a', 'S1000000000')])\n", "bytes an element; the limit is 1,000,000"),
    (N + f"x = np.zeros(1, dtype='S{MAX_ITEMSIZE + 1}')\n", "the limit is 1,000,000"),
    (N + "x = np.zeros(1, dtype='U250001')\n", "the limit is 1,000,000"),
    (N + "x = np.zeros(5, dtype=[('a', 'U250000')])\ny = x['a']\n", "the limit is 1,000,000"),
    (_nested(50), "levels of nesting; the limit is 8"),
    (_nested(MAX_DEPTH + 1), "levels of nesting; the limit is 8"),
    (N + "d = np.dtype(('f8', (1000000, 1000000)))\n", "the limit is 1,000,000"),
    (N + "d = np.dtype({'names': ['a'], 'formats': ['i4'], 'offsets': [10**12]})\n", "from 0 to 1,000,000"),
    (N + "d = np.dtype({'names': ['a'], 'formats': ['i4'], 'itemsize': 2000000})\n", "from 0 to 1,000,000"),
    (N + "x = np.zeros(1250001, dtype='i8,i8')\n", "the limit is 5,000,000"),
    (N + "x = np.array([1] * 100000, dtype='S1000')\n", "the limit is 5,000,000"),
    (N + "d = np.dtype([('a', 'O')])\n", "object fields ('O')"),
    (N + "d = np.dtype('i4, O')\n", "object fields ('O')"),
    (N + "d = np.dtype({'names': ['a'], 'formats': ['O']})\n", "object fields ('O')"),
    (N + "x = np.zeros(2, dtype=[('a', 'i4'), ('b', 'O')])\n", "object fields ('O')"),
    (N + "x = np.array([(np.zeros(3), 1)], dtype=[('a', 'f8', (3,)), ('b', 'i4')])\n", "lists of tuples"),
    (N + "x = np.array([(1, 2)], dtype=np.dtype('i1,i8', align=True))\nx.view('i8')\n", "every byte"),
    (N + "b = np.zeros(100000).tobytes()\n", "800,000 items; the limit is 100,000"),
    (N + "v = np.void(10**9)\n", "the limit is 100,000"),
])
def test_hostile_dtypes_are_refused_with_the_limit(source: str, words: str) -> None:
    report = run_program(source)
    assert not report.ok and words in report.error.message, report.error
    assert report.error.kind in ("limit", "unsupported", "type")
    assert said_in_chinese(report.error), error_text.box("zh", report.error)


@pytest.mark.parametrize("source", [
    _nested(MAX_DEPTH),
    N + f"d = np.dtype([('f%d' % i, 'i1') for i in range({MAX_FIELDS})])\nprint(d.itemsize)\n",
    N + f"x = np.zeros(2, dtype='S{MAX_ITEMSIZE}')\nprint(x.shape, x.itemsize)\n",
    N + "x = np.zeros(1250000, dtype='i8,i8')\nprint(x.shape)\n",
    N + "d = np.dtype(','.join(['i1'] * 333))\nprint(len(d.names))\n",
])
def test_just_below_each_limit_runs_as_numpy(source: str) -> None:
    assert len(",".join(["i1"] * 333)) <= MAX_TEXT
    compare(source)


def test_field_names_like_dunders_are_data_not_attributes() -> None:
    compare(N + "x = np.zeros(2, dtype=[('__class__', 'i4'), ('__dict__', 'f4')])\n"
                "print(x['__class__'], x.dtype.names)\nr = x.view(np.recarray)\nprint(r['__dict__'])\n")
    error = run_program(N + "x = np.zeros(2, dtype=[('__class__', 'i4')])\nr = x.view(np.recarray)\n"
                            "print(r.__class__)\n").error
    assert error is not None and "double-underscore" in error.message


def test_a_field_view_s_base_is_the_structured_array_not_a_numeric_one() -> None:
    compare(N + "x = np.zeros(2, dtype='i4,f4')\nb = x['f0'].base\nprint(type(b), repr(b), b is None)\n")


@pytest.mark.parametrize("source", [
    N + "x = np.zeros(2, dtype='i4,f4')\nnp.sum(x)\n",
    N + "import torch\nx = np.zeros(2, dtype='i4,f4')\ntorch.tensor(x)\n",
    N + "x = np.zeros(2, dtype='i4,f4')\nnp.array([x, x])\n",
    N + "x = np.zeros(2, dtype='i4,f4')\nx + 1\n",
])
def test_numeric_paths_never_take_a_structured_array(source: str) -> None:
    assert not run_program(source).ok


# -- NumPy's type tree, astype(casting=), np.linspace's bounds -----------------------------------------------
@pytest.mark.parametrize("snippet", [
    "d = np.dtype(np.int64)\nnp.issubdtype(d, np.integer)\nnp.issubdtype(d, np.floating)\n"
    "print(np.integer, isinstance(np.int64(3), np.integer), np.issubdtype(np.float32, np.inexact))\n",
    "z = np.arange(3, dtype=np.uint8)\nz.astype(np.float64, casting='same_value')\n"
    "z.astype(np.int8, casting='unsafe')\n",
    "mark = {False: ' -', True: ' Y'}\nfor row in np.typecodes['All'][:6]:\n    print(row, end='')\n"
    "    for col in np.typecodes['All']:\n        print(mark[np.can_cast(row, col)], end='')\n    print()\n",
    "np.linspace(1+1.j, 4, 5, dtype=np.complex64)\nnp.linspace(np.array([0, 1]), np.array([1, 3]), 3)\n",
])
def test_type_tree_and_bounds_as_numpy(snippet: str) -> None:
    compare(N + snippet)


def test_typecodes_written_by_one_run_are_not_seen_by_the_next() -> None:
    assert run_program(N + "np.typecodes['All'] = 'x'\n").ok
    assert run_program(N + "print(np.typecodes['All'])\n").printed.startswith("?bhil")


def test_linspace_with_array_bounds_counts_every_lane() -> None:
    report = run_program(N + "np.linspace(np.zeros(1000), np.ones(1000), 5001)\n")
    assert not report.ok and "the limit is 5,000,000" in report.error.message
    compare(N + "x = np.linspace(np.zeros(1000), np.ones(1000), 5000)\nprint(x.shape)\n")


# -- torch's out= of another shape: resized as PyTorch resizes it --------------------------------------------
def test_out_of_another_shape_is_resized_as_pytorch_does() -> None:
    compare("import torch\nout_t = torch.tensor([1])\nt = torch.zeros((3, 3), out=out_t)\nprint(t, out_t)\n"
            "print(t is out_t, out_t.shape)\ne = torch.empty(0)\ntorch.add(torch.ones(2), 1, out=e)\n"
            "print(e)\n")


def test_out_resize_counts_the_new_size_and_refuses_views() -> None:
    report = run_program("import torch\nout_t = torch.tensor([1])\nt = torch.zeros(5000001, out=out_t)\n")
    assert not report.ok and "the limit is 5,000,000" in report.error.message
    report = run_program("import torch\na = torch.arange(6.)\nv = a[:2]\ntorch.zeros((3, 3), out=v)\n")
    assert not report.ok and "does not resize out= tensors" in report.error.message


# -- bytes: literals, 'S' and 'V' arrays, tobytes() ----------------------------------------------------------
@pytest.mark.parametrize("snippet", [
    "np.array([b'hello', b'world'])\nnp.array([b'hello', b'world']).astype(np.void)\n",
    "np.array(['hello', 'world'], dtype='S7').tobytes()\nx = [b'hello\\0\\0', b'world']\n"
    "a = np.array(x, dtype='S7')\n"
    "print(a[0])\na[0] == x[0]\na = np.array(x, dtype='V7')\na\na[0] == np.void(x[0])\n",
    "Z = np.arange(9).reshape(3, 3).astype(np.int16)\nindex = 1, 1\nZ[index].tobytes()\nZ.tobytes()[8:10]\n",
    "b = b'abc'\nprint(len(b), b[0], b[1:], b[-1], b.decode(), b.hex(), b == b'abc', b'a' in b, 99 in b)\n"
    "print(type(b), list(b), str(b), f'{b}', b != b'x')\n",
    "r = np.rec.array([(1, 2., 'Hello'), (2, 3., 'World')],\n"
    "                 dtype=[('foo', 'i4'), ('bar', 'f4'), ('baz', 'S10')])\n"
    "r[1].baz\nr.tolist()\nr[0].item()\nx = np.zeros(2, dtype='i4,S2')\nx[0] = (1, b'ab')\nx\nx.tolist()\n",
])
def test_bytes_as_numpy_and_python(snippet: str) -> None:
    compare(N + snippet)


@pytest.mark.parametrize("source", [
    "b = b'x' * 10**9\n",   # a repeat sized first (max_sequence_len); `b'x' + b'y'` runs since session 36
    "b = b'ab'\nb.decode('rot13')\n",
    "b = b'ab'\nprint(b.__class__)\n",
    "import torch\nt = torch.tensor([b'a'])\n",
    N + "x = np.array([b'ab', 1])\n",
])
def test_bytes_stay_inert(source: str) -> None:
    report = run_program(source)
    assert not report.ok and said_in_chinese(report.error), report.error


@pytest.mark.parametrize("read", ["x.tolist()", "x[0]['a']", "x[0].item()"])
def test_strings_read_out_of_records_count_towards_the_run_s_total(read: str) -> None:
    # each read makes new strings of up to 100,000 characters: 2,000 of them held 200 MB before
    source = (N + "x = np.zeros(3, dtype=[('a', 'U250000')])\nx['a'] = 'a' * 100000\nl = []\n"
              f"for i in range(2000):\n    l.append({read})\n")
    report = run_program(source)
    assert not report.ok and "more than 50,000,000 list and string items" in report.error.message
    small = source.replace("100000", "10").replace("range(2000)", "range(20)")   # (a str element is
    assert run_program(small).ok   # Python's str here, np.str_ in NumPy: lang/numpy_strings.py says so)
