"""What the Graph, Steps, Jacobian and Eigen pages show beside a run (the engine's notes, the Eigen
page's words and input errors), for tests/unit/test_zh_notes_corpus.py: every gallery entry and
every tests/programs/*.py program, the long loops (window notes), the Jacobian page asked for
dY/dX it cannot give, the Eigen page with bad matrices and bad functions. Each item is
(where, English text, the rules its page says it with: autogradlab/note_keys.py)."""

from __future__ import annotations

from pathlib import Path

from autogradlab import gallery, note_keys

ROOT = Path(__file__).resolve().parents[2]


def programs() -> list[tuple[str, str, int]]:
    """(id, source, seed) of every gallery entry and every tests/programs program."""
    found = [(e.id, e.program, e.seed) for e in gallery.entries()]
    found += [(p.name, p.read_text(), 0) for p in sorted((ROOT / "tests" / "programs").glob("*.py"))
              if p.name != "manifest.py"]
    return found


def report_notes(where: str, report) -> list[tuple[str, str, tuple]]:
    """The notes a report puts on the pages: Graph (report.notes), Steps (its trace's notes and the
    direction's complaint), Jacobian (the checks' and the paths' notes beside the heatmap)."""
    items = [(where, n, note_keys.REPORT) for n in report.notes]
    if report.steps is not None:
        items += [(where, n, note_keys.STEPS) for n in report.steps.notes]
        if report.steps.direction_error:
            items.append((where, report.steps.direction_error, note_keys.DIRECTION))
    for record in report.jacobians:
        checks = record.checks.notes if record.checks is not None else ()
        items += [(where, n, note_keys.JACOBIAN) for n in (*checks, *record.notes)]
    return items


# The Jacobian page on a program without jacobian(): dY/dX from the graph it cannot give.
DYDX = [
    ("import torch\nx = torch.ones(2)\ny = x * 2\n", "y", "x"),                        # no requires_grad
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = torch.ones(2)\n", "y", "x"),  # no grad_fn
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\nn = 3\n", "n", "x"),   # not a tensor
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = x * 2\n", "z", "x"),          # no such name
    ("import torch\nx = torch.ones(2, requires_grad=True)\ny = (x * 2).sum()\ny.backward()\n", "y", "x"),
    ("import torch\nx = torch.ones(3000, requires_grad=True)\ny = x.repeat(1000)\n", "y", "x"),  # too big
    ("import torch\nx = torch.ones(2, requires_grad=True)\nz = torch.ones(2, requires_grad=True)\n"
     "y = z * 2\n", "y", "x"),                                                      # every entry 0
]

# The Eigen page: matrices it analyses (complex, defective, huge, singular, nearly so, 3×3) and
# matrices it refuses.
MATRICES = [
    ((2, 1), (1, 2)), ((0, -1), (1, 0)), ((1, 1), (0, 1)), ((1e15, 0), (0, 1)), ((1, 2), (2, 4)),
    ((1, 1e-9), (0, 1)), ((1, 1), (0, 1 + 1e-7)), ((1, 1), (1, 1 + 1e-12)), ((0, 0), (0, 0)),
    ((1, 0), (0, 1)), ((2, 0, 0), (0, 3, 4), (0, -4, 3)), ((1, 1, 0), (0, 1, 1), (0, 0, 1)),
    ((-1, 0), (0, -2)), ((0.5, 0.2), (0.1, 0.3)), ((1e-300, 0), (0, 1e-300)),
]
BAD_MATRICES = [[[1, 2], [3]], [[1]], 5, [[1, "a"], [1, 2]], [[1, float("nan")], [1, 2]],
                [[1, 1e300], [1, 2]], [[1] * 4] * 4, []]

# The Eigen page's function mode: f(p) at a point, with functions it cannot linearise.
FUNCTIONS = [
    "import torch\n\ndef f(p):\n    return torch.stack([p[0], p[1], p[0] * p[1]])\n",   # 3 outputs
    "import torch\n\ndef f(p):\n    return p[0] * p[1]\n",                                # a scalar
    "import torch\n\ndef f(p):\n    return 3\n",                                          # not a tensor
    "import torch\n\ndef f(p):\n    return [p[0], p[1]]\n",                               # a list
    "import torch\n\ndef f(p):\n    return q\n",                                          # an error
    "import torch\n\ndef f(p):\n    return torch.stack([p[0] ** 2, p[1].exp()])\n",       # fine
]
