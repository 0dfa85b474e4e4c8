"""Session 32: NumPy arrays of strings as lessons use them (lang/numpy_strings.py): made, printed,
indexed, compared, listed, looped over and `.astype(str)`, against NumPy run on the same trusted text;
the character bound just below and just above; everything else refused by name."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from autogradlab.lang.numpy_strings import MAX_STRING_CHARS
from tests.unit.test_breadth_s30 import refused, same_as_python

SNIPPETS = {
    "labels": """import numpy as np
labels = np.array(['cat', 'dog', 'bird'])
print(labels, labels.dtype, labels.shape, labels.ndim, labels.size, repr(labels), type(labels))
probs = np.array([0.1, 0.7, 0.2])
print(labels[np.argmax(probs)], labels[1:], labels[probs > 0.15], labels[np.array([2, 0])], labels[[0, 0]])
print(labels == 'dog', labels != 'cat', labels == labels, labels.tolist(), len(labels))
for name in labels:
    print(name.upper(), end=' ')
print()
print(np.arange(3).astype(str), np.array([1.5, 2.0]).astype(str), np.array([1, 2], dtype=str))
grid = np.array([['a', 'b'], ['c', 'd']])
print(grid, grid[0], grid[1, 1], grid[:, 0], grid.shape, [row.tolist() for row in grid])
print(np.array(['x', 1, 2.5]), labels.dtype == '<U4', str(labels.dtype), repr(labels.dtype))
print(labels.dtype.itemsize, labels.dtype.kind, labels[0] + '!', np.array('abc', dtype=str))
print(np.where(labels == 'cat'), (labels == 'bird').sum(), np.array(labels), labels.copy())
print('cat' in labels, 'cow' in labels, 'ca' in labels, 'dog' not in labels, 1 in labels)
print(type(labels) is np.ndarray, isinstance(labels, np.ndarray), isinstance(labels, (list, np.ndarray)))
del labels, grid, name
""",
    "writes": """import numpy as np
labels = np.array(['cat', 'dog', 'bird'])
labels[0] = 'elephant'
labels[np.array([False, True, False])] = 'ox'
labels[[2]] = 7
print(labels)
labels[1:] = np.array(['a', 'b'])
print(labels)
del labels
""",
    "errors": """import numpy as np
labels = np.array(['cat', 'dog'])
try:
    labels[5]
except IndexError as e:
    print(e)
try:
    np.array([['a'], 'bc'])
except ValueError as e:
    print(e)
try:
    labels == np.array(['a', 'b', 'c'])
except ValueError as e:
    print(e)
del labels
""",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_as_python(name: str) -> None:
    same_as_python(SNIPPETS[name])


def test_characters_just_below_and_above_the_limit() -> None:
    width = 100_000   # a program's longest string (max_sequence_len)
    n = MAX_STRING_CHARS // width
    source = "import numpy as np\na = np.array(['x' * {w}] * {n})\nprint(a.shape)\ndel a\n"
    same_as_python(source.format(w=width, n=n))
    refused(source.format(w=width, n=n + 1), "limit",
            f"string array of {n + 1:,} elements of {width:,} characters")
    count = MAX_STRING_CHARS // 21   # int64 as text: 21 characters each
    source = "import numpy as np\na = np.arange({n}).astype(str)\nprint(a.shape)\ndel a\n"
    same_as_python(source.format(n=count))
    refused(source.format(n=count + 1), "limit", f"string array of {count + 1:,} elements of 21 characters")


def test_a_gather_is_sized_before_numpy_makes_it() -> None:
    source = ("import numpy as np\na = np.array(['abcd'])\nb = a[np.zeros({n}, dtype=int)]\nprint(b.size)\n"
              "del a, b\n")
    n = MAX_STRING_CHARS // 4
    same_as_python(source.format(n=n))
    refused(source.format(n=n + 1), "limit", "indexing the string array", line=3)


@pytest.mark.parametrize(("line", "words"), [
    ("labels + 'x'", "the operator `add` on numpy arrays of strings"),
    ("labels * 2", "the operator `mul` on numpy arrays of strings"),
    ("np.sort(labels)", "numpy arrays combine only with numbers"),
    ("labels.view('i4')", "the method `.view()` of a numpy array of strings"),
    ("labels.T", "the attribute `.T` of a numpy array of strings"),
    ("labels.__array_interface__", "double-underscore attributes"),
    ("np.array(['a', torch.ones(2)])", "numpy arrays of numbers, or of strings"),
    ("labels[np.array([0.5])]", "takes ints, slices, a mask or an int array"),
    ("labels[np.array([0]), np.array([0])]", "one array at a time"),
    ("labels.dtype.fields", "the attribute `.fields` of a string dtype"),
    ("labels.__setitem__", "double-underscore attributes"),
    ("[1] in labels", "`x in` a numpy array of strings takes a string"),
])
def test_refused_by_name(line: str, words: str) -> None:
    report = run_program(f"import numpy as np\nimport torch\nlabels = np.array(['cat', 'dog'])\n"
                         f"print({line})\n")
    assert not report.ok and report.error.kind == "unsupported" and report.error.line == 4, report.error
    assert words in report.error.message, report.error
    assert report.error.key is not None, report.error


def test_writes_take_strings_and_numbers_only() -> None:
    refused("import numpy as np\nlabels = np.array(['cat'])\nlabels[0] = [1]\n", "unsupported",
            "a numpy array of strings takes strings or numbers", line=3)
