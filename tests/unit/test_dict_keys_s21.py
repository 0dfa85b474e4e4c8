"""Session 21: tensors and objects of the program's classes as dict keys (issue 9: `grads = {p:
torch.zeros_like(p) for p in params}`, micrograd's topo/visited dicts), hashed by identity as Python
hashes them; every dict path compared with real Python (tests/oracle.py run_trusted), and what library
calls still refuse."""

from __future__ import annotations

import pytest

from tests.unit.test_stored_objects import compare, refused

TENSORS = '''import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor(0.5, requires_grad=True)
params = [w, b]
grads = {p: torch.zeros_like(p) for p in params}
names = {w: 'w', b: 'b'}
loss = (w * 3).sum() + b * 2
loss.backward()
for p in params:
    grads[p] += p.grad
print(grads)
print(names[w], names.get(b), names.get(torch.ones(1), 'none'), w in names, torch.ones(1) in names)
for p, g in grads.items():
    print(names[p], g)
print(list(names.values()), [names[k] for k in names.keys()], len(names), w in names.keys())
d = dict(zip(params, ['w', 'b']))
print(d[b], d == names, f"{d}", str(d) == repr(d))
def by_id(ts):
    ids = {id(t): t for t in ts}
    return len(ids), ids[id(ts[0])] is ts[0]
print(by_id(params))
del d[w]
print(len(d), d.pop(b), d, d.setdefault(w, 'again'), d)
names.update({b: 'bias'})
names.update([(loss, 'loss')])
print(names[b], list(names.values()), names.pop(loss), dict.fromkeys(params, 0))
pairs = {(w, 0): 1, (b, 'x'): 2}
print(pairs[(w, 0)], pairs[w, 0], (b, 'x') in pairs, (b, 'y') in pairs, pairs)
pairs[b, 'x'] += 5
print(pairs)
print(sum(grads), sorted(names.values()), list(reversed(names)) == [b, w])
'''

VALUE = '''class Value:
    def __init__(self, data, children=()):
        self.data = data
        self._prev = children
    def __repr__(self):
        return f"Value({self.data})"
a = Value(2.0)
b = Value(3.0)
c = Value(5.0, (a, b))
e = Value(1.0, (c, a))
'''

TOPO = VALUE + '''order = {}
def visit(v):
    if v not in order:
        for child in v._prev:
            visit(child)
        order[v] = len(order)
visit(e)
print(order)
print([v.data for v in order], order[a], order.get(e), order.get(Value(0), -1), a in order, Value(1) in order)
grads = {v: 0.0 for v in order}
grads[e] = 1.0
for v in reversed(list(order)):
    for child in v._prev:
        grads[child] += grads[v]
print(grads, f"{grads}", str(grads), '%s' % grads, '{}'.format(grads))
labels = dict(zip([a, b], 'ab'))
labels.update([(c, 'c')])
print(labels, labels.setdefault(e, 'e'), labels.pop(a), len(labels))
del labels[b]
print(labels, list(labels.items()), list(labels.keys()), {**labels, a: 'again'})
edges = {(a, c): 1, (b, c): 2}
print(edges[(a, c)], edges[b, c], (b, c) in edges, (c, b) in edges, edges)
kinds = {Value: 'class', (Value, 1): 2}
print(kinds[Value], kinds[Value, 1], kinds)
fk = dict.fromkeys([a, b], 0)
fk[a] += 1
print(fk, fk == {a: 1, b: 0}, a in fk.keys())
nodes = {v: [u for u in v._prev] for v in order}
print(nodes)
'''

COPIES = VALUE + '''import copy
import torch
d = {a: [b], b: 'x'}
a.back = d
d2 = copy.deepcopy(d)
k = list(d2)
print(len(d2), k[0] is a, k[0].back is d2, d2[k[0]][0] is k[1], d2)
d3 = copy.copy(d)
print(list(d3)[0] is a, d3 == d, d.copy() == d)
t = torch.tensor([1.0])
dt = {t: 1, (t, 2): 3}
dt2 = copy.deepcopy(dt)
k2 = list(dt2)
print(k2[0] is t, k2[1][0] is k2[0], dt2)
del d, d2, d3, k, dt2, k2
'''


VIEWS_AND_LOOPS = """import torch
class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
a, b = V(1), V(2)
d = {a: 3, b: 1}
print(d.items(), d.keys(), d.values())
print(max(d, key=d.get), min(d, key=lambda v: d[v]), sorted(d, key=lambda v: -v.x))
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
print(list(zip(d, d.values())), list(d), tuple(d), [k for k in d if d[k] > 1])
w = torch.tensor([1.0, 2.0], requires_grad=True)
params = [w]
state = {p: {'m': torch.zeros_like(p)} for p in params}
(w * w).sum().backward()
with torch.no_grad():
    for p in params:
        state[p]['m'].mul_(0.9).add_(p.grad)
        p -= 0.1 * state[p]['m']
print(state, w)
counts = {}
for node in [a, b, a]:
    counts[node] = counts.get(node, 0) + 1
print(counts, {k.x: v for k, v in counts.items()})
print(str(d.keys()), f"{d.items()}")
"""


@pytest.mark.parametrize("source", [TENSORS, TOPO, COPIES, VIEWS_AND_LOOPS])
def test_runs_as_python_does(source):
    compare(source)


def test_an_object_key_whose_class_gains_attributes_later():
    compare("class A:\n    pass\na = A()\nd = {a: 1}\nA.x = 5\na.y = 3\nd[a] += 1\nprint(d[a], a in d, a.x, "
            "len(d))\ndel d\n")


A = "import torch\nimport numpy as np\nclass A:\n    pass\n"


@pytest.mark.parametrize(("tail", "says", "kind"), [
    ("np.array({A(): 1})\n", "the `A` object cannot be used in `np.array`", "unsupported"),
    ("torch.tensor({A(): 1})\n", "the `A` object cannot be used in `torch.tensor`", "unsupported"),
    ("torch.tensor([{(1, A()): 1}])\n", "the `A` object cannot be used in `torch.tensor`", "unsupported"),
    ("torch.tensor(list({A(): 1}))\n", "the `A` object cannot be used in `torch.tensor`", "unsupported"),
    ("d = {A(): 1}\nnp.array(d.keys())\n", "cannot be used in `np.array`", "unsupported"),
    ("d = {A(): 1, A(): 2}\nprint(sorted(d))\n", "'<' not supported between instances of 'A' and 'A'",
     "type"),
    ("print(sum({A(): 1}))\n", "unsupported operand", "type"),
    ("xs = [1, 2]\nxs[A()]\n", "list indices must be integers or slices, not A", "type"),   # Python's
    ("xs = [1, 2]\nxs[A()] = 3\n", "the `A` object cannot be used as an index", "unsupported"),
    ("xs = [1, 2]\ndel xs[A()]\n", "the `A` object cannot be used as an index", "unsupported"),
    ("t = torch.ones(2)\nt[A(), 0]\n", "the `A` object cannot be used as an index", "unsupported"),
    ("a = np.ones(2)\nk = (A(), 0)\na[k]\n", "the `A` object cannot be used as an index", "unsupported"),
    ("d = {[1]: 2}\n", "unhashable type: 'list'", "type"),
    ("d = {(1, [A()]): 2}\n", "unhashable type: 'list'", "type"),
    ("d = {np.ones(2): 1}\n", "keys are numbers, strings, None, tensors, objects of your classes", "type"),
    ("s = {(torch.ones(1), 1)}\n", "set items are numbers, strings, None or short tuples", "type"),
    ("s = {torch.ones(1)}\n", "tensors cannot be set items", "unsupported"),
])
def test_library_calls_and_other_uses_still_refuse_them(tail, says, kind):
    refused(A + tail, says, kind)
