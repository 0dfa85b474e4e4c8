"""Generator functions, iter()/next() and naming the program's own functions (lang/generators.py):
d2l's "linear regression from scratch" reads its minibatches with a `yield` generator and names its
model `net = linreg`. Real Python + PyTorch is the oracle: printed text (in its order: a generator's
prints interleave with the loop's), variables, the error and its line."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Iterator

import pytest

from autogradlab.engine import run_program
from autogradlab.lang import generators
from autogradlab.limits import DEFAULT_LIMITS
from tests.oracle import PROGRAM_FILENAME, run_trusted, value_mismatches

LIMITS = dataclasses.replace(DEFAULT_LIMITS, timeout_s=60)   # a loaded test machine never cuts these


def same_as_python(source: str) -> None:
    report = run_program(source, seed=0, limits=LIMITS)
    oracle = run_trusted(source, 0)
    assert report.printed == oracle.printed, (report.printed, oracle.printed, report.error)
    if oracle.error is None:
        assert report.error is None, report.error
    else:
        assert report.error is not None, oracle.error
        # the engine names the innermost line, where the error happened (the oracle: the outermost)
        frames = [f for f in traceback.extract_tb(oracle.error.__traceback__)
                  if f.filename == PROGRAM_FILENAME]
        assert report.error.line == frames[-1].lineno, (report.error, frames)
    for name, real in oracle.variables.items():
        if isinstance(real, Iterator):   # generators and iterators are not variables the report shows
            continue
        assert name in report.variables, (name, sorted(report.variables))
        assert not value_mismatches(report.variables[name], real, name)


PROGRAMS = {
    "prints_interleave": """
def count(n):
    print('start')
    for i in range(n):
        print('give', i)
        yield i * i
    print('end')

total = 0
for v in count(4):
    print('got', v)
    total += v
print(total)
""",
    "break_then_new_generator": """
def count(n):
    for i in range(n):
        yield i
got = []
for v in count(10):
    if v == 3:
        break
    got.append(v)
for v in count(2):
    got.append(v)
print(got)
""",
    "next_and_default": """
def two():
    yield 'a'
    yield 'b'
g = two()
first = next(g)
second = next(g)
third = next(g, 'none')
print(first, second, third)
""",
    "iter_next_of_sequences": """
import torch
it = iter([1, 2, 3])
a = next(it)
rest = list(it)
t = iter(torch.arange(3.))
row = next(t)
s = iter('xy')
print(a, rest, row, next(s), next(s), next(s, '-'))
""",
    "list_and_tuple_of_generator": """
def squares(n):
    for i in range(n):
        yield i * i
xs = list(squares(5))
ys = tuple(squares(3))
print(xs, ys)
""",
    "yield_from_and_return": """
def inner(n):
    for i in range(n):
        yield i
    return
    yield 99
def outer():
    yield 'x'
    yield from inner(3)
    yield from [7, 8]
print(list(outer()))
""",
    "recursive_generator": """
def walk(n):
    if n > 0:
        yield from walk(n - 1)
        yield n
print(list(walk(20)))
""",
    "generator_of_generator": """
def numbers():
    for i in range(6):
        yield i
def evens(source):
    for v in source:
        if v % 2 == 0:
            yield v
print(list(evens(numbers())))
""",
    "finally_runs_when_dropped": """
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print('closed')
for v in guarded():
    print(v)
    break
print('after')
""",
    "no_grad_inside_generator": """
import torch
w = torch.ones(2, requires_grad=True)
def batches():
    for i in range(3):
        with torch.no_grad():
            x = w * i
        yield x
out = [b.requires_grad for b in batches()]
y = (w * 2).sum()
y.backward()
print(out, w.grad, torch.is_grad_enabled())
""",
    "error_inside_generator": """
def bad(xs):
    for i in range(5):
        yield xs[i]
seen = []
for v in bad([1, 2, 3]):
    seen.append(v)
""",
    "stop_iteration_caught": """
it = iter([1])
first = next(it)
try:
    next(it)
except Exception as e:
    print('caught', repr(str(e)))
""",
    "named_functions": """
import torch
def linreg(X, w, b):
    return torch.matmul(X, w) + b
def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2
net = linreg
loss = squared_loss
X = torch.ones(3, 2)
w = torch.tensor([[1.], [2.]], requires_grad=True)
b = torch.zeros(1, requires_grad=True)
l = loss(net(X, w, b), torch.ones(3))
l.sum().backward()
print(l, w.grad, b.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_python(name):
    same_as_python(PROGRAMS[name])


D2L_LINREG = """
import random
import torch

def synthetic_data(w, b, num_examples):  #@save
    X = torch.normal(0, 1, (num_examples, len(w)))
    y = torch.matmul(X, w) + b
    y += torch.normal(0, 0.01, y.shape)
    return X, y.reshape((-1, 1))

true_w = torch.tensor([2, -3.4])
true_b = 4.2
features, labels = synthetic_data(true_w, true_b, 200)

def data_iter(batch_size, features, labels):
    num_examples = len(features)
    indices = list(range(num_examples))
    random.shuffle(indices)
    for i in range(0, num_examples, batch_size):
        batch_indices = torch.tensor(indices[i: min(i + batch_size, num_examples)])
        yield features[batch_indices], labels[batch_indices]

for X, y in data_iter(10, features, labels):
    print(X, '\\n', y)
    break

w = torch.normal(0, 0.01, size=(2,1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)

def linreg(X, w, b):
    return torch.matmul(X, w) + b

def squared_loss(y_hat, y):
    return (y_hat - y.reshape(y_hat.shape)) ** 2 / 2

def sgd(params, lr, batch_size):
    with torch.no_grad():
        for param in params:
            param -= lr * param.grad / batch_size
            param.grad.zero_()

lr = 0.03
net = linreg
loss = squared_loss
for epoch in range(2):
    for X, y in data_iter(10, features, labels):
        l = loss(net(X, w, b), y)
        l.sum().backward()
        sgd([w, b], lr, 10)
    with torch.no_grad():
        train_l = loss(net(features, w, b), labels)
        print(f'epoch {epoch + 1}, loss {float(train_l.mean()):f}')
print(f'w的估计误差: {true_w - w.reshape(true_w.shape)}')
"""


def test_d2l_linear_regression_from_scratch_as_written():
    same_as_python(D2L_LINREG)


# --- what stays refused, and every limit through a generator ---------------------------------------

def refused(source: str, limits=LIMITS):
    report = run_program(source, limits=limits)
    assert report.error is not None, source
    return report.error


@pytest.mark.parametrize(("source", "line", "words"), [
    ("def f():\n    x = yield 1\n", 2, "`yield` anywhere but as a statement"),
    ("yield 1\n", 1, "`yield` anywhere but"),
    ("f = lambda: (yield 1)\n", 1, "`yield` anywhere but"),
    ("def f():\n    return [(yield 1)]\n", 2, "`yield` anywhere but"),
    ("def f():\n    print((yield from [1]))\n", 2, "`yield from` anywhere but"),
])
def test_yield_anywhere_else_is_refused_at_its_place(source, line, words):
    error = refused(source)
    assert error.kind == "unsupported" and error.line == line and words in error.message, error


@pytest.mark.parametrize("source", [
    "def g():\n    yield 1\nxs = [g()]\nimport torch\ntorch.tensor(xs)\n",   # stored since s25; no data
    "def g():\n    yield 1\nimport torch\ntorch.tensor(g())\n",
    "it = iter([1])\nd = {'a': it}\nimport torch\ntorch.tensor([1, d['a']])\n",
])
def test_generators_are_not_data(source):
    error = refused(source)
    assert error.kind == "unsupported" and "generator or iterator may only be looped over" in error.message


def test_len_of_a_generator_is_pythons_type_error():   # session 24: as CPython, not a refusal
    error = refused("def g():\n    yield 1\nn = len(g())\n")
    assert error.kind == "type" and error.message == "object of type 'generator' has no len()", error


def test_library_functions_still_cannot_be_named():
    error = refused("g = print\ng(1)\n")
    assert error.kind == "unsupported" and "cannot be stored in variables" in error.message, error
    error = refused("import torch\nh = torch.dot\n")
    assert error.kind == "unsupported" and "cannot be stored in variables" in error.message, error


def test_running_generators_are_bounded():
    def program(count: int) -> str:
        starts = "".join(f"g{i} = g()\nnext(g{i})\n" for i in range(count))
        return "def g():\n    yield 1\n    yield 2\n" + starts
    assert run_program(program(generators.MAX_RUNNING), limits=LIMITS).error is None
    error = refused(program(generators.MAX_RUNNING + 1))
    assert error.kind == "limit" and f"more than {generators.MAX_RUNNING} generators" in error.message
    assert error.line == 3 + 2 * (generators.MAX_RUNNING + 1), error


def test_dropped_generators_do_not_count_against_the_bound():
    source = ("def g():\n    for i in range(5):\n        yield i\nn = 0\n"
              f"for k in range({3 * generators.MAX_RUNNING}):\n"
              "    for v in g():\n        n += v\n        break\n"
              "print(n)\n")
    report = run_program(source, limits=LIMITS)
    assert report.error is None and report.printed == "0\n", report.error


def test_generator_resumes_count_against_call_depth():
    depth = DEFAULT_LIMITS.max_call_depth
    source = ("def walk(n):\n    if n > 0:\n        yield from walk(n - 1)\n        yield n\n"
              "xs = list(walk({}))\n")
    assert run_program(source.format(depth - 5), limits=LIMITS).error is None
    error = refused(source.format(depth + 5))
    assert error.kind == "limit" and "levels deep" in error.message, error


def test_an_endless_generator_meets_the_sequence_limit():
    limits = dataclasses.replace(LIMITS, max_sequence_len=1000)
    source = ("def forever():\n    i = 0\n    while True:\n        yield i\n        i += 1\n"
              "xs = list(forever())\n")
    error = refused(source, limits)
    assert error.kind == "limit" and "1,000" in error.message and error.line == 6, error


def test_an_endless_generator_in_a_for_loop_meets_the_step_limit():
    limits = dataclasses.replace(LIMITS, max_steps=5000)
    source = "def forever():\n    while True:\n        yield 1\nn = 0\nfor v in forever():\n    n += v\n"
    error = refused(source, limits)
    assert error.kind == "limit" and "5,000 steps" in error.message, error


def test_time_limit_inside_a_generator_is_not_catchable():
    # budgets out of reach, so the time limit (not the step or loop budget) is what stops it
    limits = dataclasses.replace(DEFAULT_LIMITS, timeout_s=1.0, max_steps=10**9, max_loop_iterations=10**9)
    source = ("def slow():\n    while True:\n        yield 1\n"
              "n = 0\ntry:\n    for v in slow():\n        n += v\nexcept Exception:\n    print('caught')\n")
    error = refused(source, limits)
    assert error.kind == "timeout", error


def test_unfinished_generators_are_closed_when_the_run_ends():
    source = ("def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('closed')\n"
              "keep = g()\nfirst = next(keep)\nprint('end of program')\n")
    report = run_program(source, limits=LIMITS)
    assert report.error is None
    assert report.printed == "end of program\nclosed\n", report.printed
