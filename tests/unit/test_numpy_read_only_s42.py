"""`a.flags['WRITEABLE'] = False` / `a.flags.writeable = False` (issue 9, session 42; session 41's known
leftover, refused then): the array becomes read-only as in NumPy, and a later write is NumPy's own ValueError
("assignment destination is read-only", "output array is read-only", "sort array is read-only"), catchable;
`= True` undoes it for an array the program made read-only; `a.setflags(write=...)` alike; a view of a
read-only array gets NumPy's "cannot set WRITEABLE flag to True of this array". An array NumPy or the
engine made read-only (a broadcast view) stays read-only: refused as before (test_numpy_flags_s41). Oracle:
NumPy (tests/oracle.py)."""

from __future__ import annotations

import pytest

from autogradlab.engine import run_program
from tests.oracle import run_trusted
from tests.unit.test_corpus_s30 import fails_like_python

NP = "import numpy as np\nimport torch\na = np.arange(6.0).reshape(2, 3)\n"
LOCKS = ["a.flags['WRITEABLE'] = False", "a.flags.writeable = False", "a.flags['W'] = False",
         "a.setflags(write=False)", "a.setflags(False)", "a.setflags(write=0)"]
WRITES = ["a[0, 0] = 5", "a[:, 1] = [7, 8]", "a[a > 2] = 0", "a += 1", "a *= 2", "np.add(a, 1, out=a)",
          "a.fill(3)", "a.sort()", "a[0] += 1", "a.T[0] = 1", "b = a[0]\nb[1] = 4", "a.put([0], [9])"]


def same_as_numpy(source: str) -> None:
    report, oracle = run_program(source), run_trusted(source)
    assert oracle.error is None and report.ok, (oracle.error, report.error)
    assert report.printed == oracle.printed


@pytest.mark.parametrize("lock", LOCKS)
@pytest.mark.parametrize("write", WRITES)
def test_a_write_to_a_read_only_array_is_numpys_error(lock, write):
    fails_like_python(NP + f"{lock}\n{write}\n")


@pytest.mark.parametrize("lock", LOCKS)
def test_read_only_flags_and_values_as_numpy(lock):
    same_as_numpy(NP + f"{lock}\nprint(a.flags.writeable, a.flags['W'], a.flags)\nb = a + 1\n"
                       "print(b, b.flags.writeable, a.sum(), a[0], a[0].flags.writeable)\n"
                       "t = torch.tensor(a)\nt.add_(1)\nprint(t, a)\nc = a.copy()\nc[0, 0] = 9\n"
                       "print(c, c.flags.writeable)\n")


def test_turned_back_on_by_the_program():
    same_as_numpy(NP + "a.flags.writeable = False\ntry:\n    a[0, 0] = 1\nexcept ValueError as e:\n"
                       "    print(e)\na.flags.writeable = True\na[0, 0] = 1\nprint(a)\n"
                       "a.flags['WRITEABLE'] = False\na.flags['WRITEABLE'] = True\na[1, 1] = 7\nprint(a)\n"
                       "n = np.ones(2)\nn.flags.writeable = True\nprint(n.flags.writeable)\n")


def test_a_view_of_a_read_only_array_cannot_be_turned_on():
    same_as_numpy(NP + "a = np.ones((2, 3))\na.flags.writeable = False\nv = a[1:]\n"
                       "print(v.flags.writeable)\ntry:\n"
                       "    v.flags.writeable = True\nexcept ValueError as e:\n    print(e)\n"
                       "print(v.flags.writeable)\n")


def test_a_loop_of_locks_keeps_nothing_alive():
    same_as_numpy("import numpy as np\nfor i in range(2000):\n    z = np.ones(3)\n"
                  "    z.flags.writeable = False\nprint(z.flags.writeable)\n")


def test_setflags_turns_back_on_and_fails_as_numpy():
    same_as_numpy(NP + "a.setflags(write=False)\na.setflags()\nprint(a.flags.writeable)\n"
                       "a.setflags(write=True)\na[0, 0] = 9\nprint(a)\nb = np.ones((2, 2))\n"
                       "b.setflags(write=False)\nv = b[1:]\ntry:\n    v.setflags(write=True)\n"
                       "except ValueError as e:\n    print(e)\n")


@pytest.mark.parametrize("line", ["a.setflags(align=False)", "a.setflags(True, True)",
                                  "v = np.broadcast_to(np.ones(3), (2, 3))\nv.setflags(write=True)"])
def test_what_setflags_does_not_offer_is_refused_by_name(line):
    report = run_program(NP + line + "\n")
    assert report.error is not None and report.error.kind == "unsupported", report.error
    assert report.error.message == "Autograd Lab supports `a.setflags(write=...)`"
