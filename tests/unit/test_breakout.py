"""Hostile programs, one per line: each is refused with the expected kind and a message naming why.

For every case, also: run_program never raises, the kind is never "internal", the refusal is quick,
nothing leaks into the printed or displayed text, no file appears, and no process-wide torch setting
(default dtype, print options, threads, RNG, grad mode) changes. Add a line for every new trick.
"""

from __future__ import annotations

import gc
import random
import re
import time
from collections.abc import Iterator
from typing import NamedTuple

import pytest
import torch

from autogradlab.engine import run_program
from autogradlab.limits import DEFAULT_LIMITS, Limits
from autogradlab.report import Report

# Kinds a refusal may have.
UNSUPPORTED = ("unsupported",)
NOT_IN_LANGUAGE = ("unsupported", "name")  # builtins outside the allowlist: unknown or refused by name
NOT_ALLOWED_HERE = ("unsupported", "type")  # an argument or use the language refuses
TEXT = ("syntax", "unsupported")           # refused while reading the text
LIMIT = ("limit",)
HUGE_TEXT = ("limit", "syntax")            # never "internal", never a RecursionError

SMALL = Limits(max_steps=20_000, max_loop_iterations=2_000, max_call_depth=20)
ELEMENTS = r"max_tensor_elements|max_total_elements|elements"
INT_BITS = r"max_int_bits|bits|integer"
SEQUENCE = r"max_sequence_len|sequence|length|string|list"
LOOPS = r"max_loop_iterations|max_steps|loop|iteration|step"
NESTING = r"max_nesting|nest|depth"
TEXT_SIZE = r"max_source_chars|max_lines|max_line_chars|characters|lines|long|size"
# CPU s per refusal, well under the 5 s worker limit (CPU, not wall). The slowest refusal takes 0.4-0.6 s
# on an idle machine; a loaded CI run measured 2.1 s for it (memory-bound kernels), hence 3 s.
FAST_S = 3.0


class Case(NamedTuple):
    program: str
    kinds: tuple[str, ...]
    message: str          # regex the message must match (case-insensitive)
    limits: Limits = DEFAULT_LIMITS


def garbage(n_chars: int) -> str:
    """Random punctuation, digits, letters, CJK and combining marks (a repeated 10,000-char block)."""
    rng = random.Random(2)
    alphabet = "([{<'\"\\:;,.=+-*/%&|^~!@#$ \t\n0123456789abcXYZ_é中\u0301"
    block = "".join(rng.choices(alphabet, k=10_000))
    return (block * (n_chars // len(block) + 1))[:n_chars]


def deep_if(levels: int) -> str:
    return "".join(" " * i + "if True:\n" for i in range(levels)) + " " * levels + "x = 1\n"


T = "import torch\nx = torch.ones(3)\n"  # a prelude; the hostile line follows it
D = "import torch\nfrom torch.distributions import Multinomial, Normal\np = torch.tensor([0.5, 0.5])\n"

CASES = [
    # Builtins and names outside the language.
    Case("__import__('os').system('echo pwned')", NOT_IN_LANGUAGE, r"__import__"),
    Case("eval('1+1')", NOT_IN_LANGUAGE, r"\beval\b"),
    Case("exec('y = 1')", NOT_IN_LANGUAGE, r"\bexec\b"),
    Case("compile('1', 'f', 'eval')", NOT_IN_LANGUAGE, r"\bcompile\b"),
    Case("open('/etc/passwd').read()", NOT_IN_LANGUAGE, r"\bopen\b"),
    Case(T + "getattr(torch, 'load')", NOT_IN_LANGUAGE, r"\bgetattr\b"),
    Case(T + "setattr(torch, 'x', 1)", NOT_IN_LANGUAGE, r"\bsetattr\b"),
    Case("globals()", NOT_IN_LANGUAGE, r"\bglobals\b"),
    Case("locals()", NOT_IN_LANGUAGE, r"\blocals\b"),
    Case("vars()", NOT_IN_LANGUAGE, r"\bvars\b"),
    Case(T + "help('os')", ("type",), r"by its name"),   # dir(torch) lists names (introspection.py)
    Case("breakpoint()", NOT_IN_LANGUAGE, r"\bbreakpoint\b"),
    Case("input()", NOT_IN_LANGUAGE, r"\binput\b"),
    Case("print(__builtins__)", NOT_IN_LANGUAGE, r"__builtins__"),
    Case("import builtins", UNSUPPORTED, r"builtins"),
    # Dunder walks.
    Case(T + "print(x.__class__)", UNSUPPORTED, r"__class__"),
    Case("().__class__.__bases__[0].__subclasses__()", UNSUPPORTED, r"__class__|__bases__|__subclasses__"),
    Case(T + "torch.__dict__", UNSUPPORTED, r"__dict__"),
    Case("def f():\n    return 1\nf.__globals__", UNSUPPORTED, r"__globals__"),
    Case("(lambda: 0).__code__", UNSUPPORTED, r"__code__"),
    Case(T + "x.__reduce_ex__(2)", UNSUPPORTED, r"__reduce_ex__"),
    Case(T + "x.__setattr__('grad', None)", UNSUPPORTED, r"__setattr__"),
    Case(T + "type(x).__mro__", UNSUPPORTED, r"__mro__"),
    Case(T + "y = x.grad_fn\ny._saved_self", UNSUPPORTED, r"_saved_self"),
    Case(T + "torch._C._get_tracing_state()", UNSUPPORTED, r"\b_C\b|_get_tracing_state|private"),
    # Format-string attribute walks.
    Case(T + "'{0.__class__}'.format(x)", NOT_IN_LANGUAGE, r"format|__class__"),
    Case("x = 5\nf\"{x:{'>'}{10**9}}\"", UNSUPPORTED + LIMIT, r"format|spec|nested|" + SEQUENCE),
    Case(T + "f'{x.__class__}'", UNSUPPORTED, r"__class__"),
    Case("'{}'.format.__globals__", UNSUPPORTED, r"__globals__|format"),
    # PyTorch's doors to files, memory and processes.
    Case(T + "torch.load('model.pt')", UNSUPPORTED, r"\bload\b"),
    Case(T + "torch.save(x, 'x.pt')", UNSUPPORTED, r"\bsave\b"),
    Case(T + "torch.from_file('x.bin', size=4)", UNSUPPORTED, r"from_file"),
    Case(T + "x.numpy().tofile('x.bin')", UNSUPPORTED, r"tofile"),
    # x.storage() is a wrapper offering indexing, len, size, tolist, dtype (lang/tensor_storage.py): PyTorch's
    # TypedStorage's doors stay shut
    Case(T + "x.storage().from_file('x.bin', False, 4)", UNSUPPORTED, r"from_file"),
    Case(T + "x.storage().type('os')", UNSUPPORTED, r"\btype\b"),
    Case(T + "x.storage()._share_filename_()", UNSUPPORTED, r"_share_filename_"),
    Case(T + "x.storage().data_ptr()", UNSUPPORTED, r"data_ptr"),
    Case(T + "x.storage().resize_(10)", UNSUPPORTED, r"resize_"),
    Case(T + "x.untyped_storage()", UNSUPPORTED, r"untyped_storage"),
    Case(T + "x.data_ptr()", UNSUPPORTED, r"data_ptr"),
    Case(T + "x.share_memory_()", UNSUPPORTED, r"share_memory_"),
    Case(T + "torch.ops.aten.add(x, x)", UNSUPPORTED, r"\bops\b"),
    Case(T + "torch.hub.load('a/b', 'c')", UNSUPPORTED, r"\bhub\b"),
    Case(T + "torch.utils.data", UNSUPPORTED, r"\butils\b"),
    Case(T + "torch.jit.script", UNSUPPORTED, r"\bjit\b"),
    Case(T + "torch.os.system('echo pwned')", UNSUPPORTED, r"\bos\b"),
    Case(T + "torch.Storage.type('os.system')", UNSUPPORTED, r"Storage"),
    Case(T + "torch.empty(10**10)", LIMIT, r"elements"),   # empty is zero-filled (torch_extras.py), sized
    Case(T + "x.new_empty(3)", UNSUPPORTED, r"new_empty"),
    Case(T + "x.resize_(100)", UNSUPPORTED, r"resize_"),
    Case(T + "torch.set_default_dtype(torch.float64)\ntorch.ones(10**10)", LIMIT, ELEMENTS),   # it runs
    Case(T + "torch.set_printoptions(profile='full')\nprint(torch.ones(10**6))", LIMIT, r"would print more"),
    Case(T + "torch.set_num_threads(1)", UNSUPPORTED, r"set_num_threads"),
    Case(T + "torch.use_deterministic_algorithms(True)", UNSUPPORTED, r"use_deterministic_algorithms"),
    # set_grad_enabled(False) as a call and set_default_tensor_type are lessons' calls now
    # (process_switches.py: restored when the program ends, test_tutorial_legacy.py); arguments stay checked:
    Case(T + "torch.set_grad_enabled(1)", NOT_ALLOWED_HERE, r"must be bool, not int"),
    Case(T + "torch.set_grad_enabled(mode=x)", NOT_ALLOWED_HERE, r"must be bool, not Tensor"),
    Case(T + "torch.set_default_tensor_type('os.system')", NOT_ALLOWED_HERE, r"invalid type: 'os.system'"),
    Case(T + "torch.set_default_tensor_type('torch.cuda.FloatTensor')", NOT_ALLOWED_HERE, r"invalid type"),
    Case(T + "torch.set_default_tensor_type(torch.LongTensor)", NOT_ALLOWED_HERE, r"only floating-point"),
    Case(T + "torch.set_default_tensor_type(x)", NOT_ALLOWED_HERE, r"only floating-point"),
    Case(T + "x.new(10**9)", LIMIT, ELEMENTS),
    Case(T + "x.new(2, -1)", ("value", "runtime", "unsupported"), r"negative dimension"),
    Case(T + "x.new([[0] * 10**5] * 10**4)", LIMIT, ELEMENTS),
    Case(T + "x.new(x)", NOT_ALLOWED_HERE, r"x\.new\(sizes"),   # PyTorch: shares x's memory
    # grad_fn.apply runs only the program's own custom Function's backward (interpreted, checked)
    # (PyTorch's AttributeError, raised before the arguments run: session 42, test_lookup_first_s42.py)
    Case(T + "w = torch.ones(2, requires_grad=True)\n(w * 2).grad_fn.apply(w)", ("value",),
         r"no attribute 'apply'"),
    Case(T + "w = torch.ones(2, requires_grad=True)\n(w * 2).grad_fn.next_functions[0][0].apply(w)",
         ("value",), r"no attribute 'apply'"),
    Case(T + "torch.ones(2, device='meta')", NOT_ALLOWED_HERE, r"device"),
    # an out= tensor of its own is resized as PyTorch does (session 35: test_records_s35.py); a view is not
    Case(T + "torch.add(x, 1, out=torch.zeros(4)[:2])", ("shape",), r"out=.*shape \[2\].*\[3\].*resize"),
    Case(T + "torch.add(x, 1, out=torch.zeros(4)[:0])", ("shape",), r"resize"),
    Case(T + "torch.add(x, 1, out=x.expand(2, 3))", ("shape",), r"\[2, 3\]"),
    Case(T + "torch.outer(torch.ones(10**5), torch.ones(10**5), out=x)", LIMIT, ELEMENTS),
    Case(T + "torch.add(x, 1, out=[1, 2, 3])", NOT_ALLOWED_HERE, r"out.*Tensor"),
    Case(T + "torch.randn_like(x, out=x)", NOT_ALLOWED_HERE, r"\bout\b"),   # rand(3, out=x) is allowed
    Case(T + "x.add(1, out=x)", NOT_ALLOWED_HERE, r"\bout\b"),
    Case(T + "x.type('os.system')", NOT_ALLOWED_HERE, r"invalid type"),
    Case(T + "x.type('torch.cuda.FloatTensor')", NOT_ALLOWED_HERE, r"invalid type"),
    Case(T + "x.type(torch.FloatTensor.__module__)", UNSUPPORTED, r"__module__"),
    Case(T + "torch.Tensor(3, 3.0)", NOT_ALLOWED_HERE, r"uninitialised"),   # sizes are zero-filled: ints only
    Case(T + "torch.Tensor(10**9)", LIMIT, ELEMENTS),
    Case(T + "torch.FloatTensor(2, 10**9)", LIMIT, ELEMENTS),
    Case(T + "torch.LongTensor(torch.Size([10**9]))", LIMIT, ELEMENTS),
    Case(T + "torch.Tensor([[0] * 10**5] * 10**4)", LIMIT, ELEMENTS),
    Case(T + "torch.Size(range(10**9))", LIMIT, SEQUENCE),
    Case(T + "torch.manual_seed(0).seed()", UNSUPPORTED, r"seed"),
    Case(T + "torch.manual_seed(0).__class__", UNSUPPORTED, r"__class__"),
    Case(T + "torch.__version__.__class__", UNSUPPORTED, r"__class__"),
    Case(T + "x.__version__", ("value",), r"'Tensor' object has no attribute '__version__'"),   # PyTorch's
    # NumPy: sizes checked from shapes before numpy allocates.
    Case("import numpy as np\na = np.ones(10**10)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.zeros((10**5, 10**5))", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones((2,) * 40)", LIMIT, ELEMENTS),   # (40 dimensions: NumPy 2, s44)
    Case("import numpy as np\na = np.arange(10**12)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.arange(0, 1, 1e-12)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.arange(0, float('inf'))", NOT_ALLOWED_HERE, r"finite"),
    Case("import numpy as np\na = np.linspace(0, 1, 10**10)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones(10**5)\nb = a.reshape(10**5, 1) + a", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones((10**5, 1))\nb = np.add(a, a.T)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones(10**4)\nb = a.reshape(10**4, 1) * a.reshape(1, 10**4)", LIMIT,
         ELEMENTS),
    Case("import numpy as np\na = np.ones((10**4, 1))\nb = a @ a.T", LIMIT, ELEMENTS),
    # `a * [0] * 10**9` is (a * [0]) * 10**9, three zeros as in NumPy (a list beside an array, session 30);
    # the list repeated first stays refused by its size
    Case("import numpy as np\na = np.ones(3)\nb = a * ([0] * 10**9)", LIMIT, r"repeated sequence"),
    Case("import numpy as np\ns = 'ab' * np.int64(10**9)", NOT_ALLOWED_HERE, r"numbers and other arrays"),
    Case("import numpy as np\ns = [0] * np.int64(10**9)", NOT_ALLOWED_HERE, r"numbers and other arrays"),
    # (np.ones(3) ** 10**100 runs since session 40, as in NumPy 2: [1. 1. 1.]; an int array's stays refused)
    Case("import numpy as np\na = np.ones(3, dtype=np.int64) ** 10**100", ("value",), r"too large"),
    Case("import numpy as np\na = np.ones(3)\na += np.ones(10**9)", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones(3)\nnp.add(a, 1, out=np.ones(10**9))", LIMIT, ELEMENTS),
    Case("import numpy as np\na = np.ones(3)\nnp.add(a, 1, out=[1, 2, 3])", NOT_ALLOWED_HERE, r"out="),
    Case("import numpy as np\na = np.ones(3)\na.ctypes", UNSUPPORTED, r"ctypes"),
    Case("import numpy as np\na = np.ones(3)\na.tofile('x')", UNSUPPORTED, r"tofile"),
    # (a.astype(str) makes a bounded array of strings since session 32: test_numpy_strings_s32)
    Case("import numpy as np\na = np.ones(3)\na.astype(object)", NOT_ALLOWED_HERE, r"dtype"),
    Case("import numpy as np\na = np.ones(3)\na.astype(np.float64).view('S8')", UNSUPPORTED, r"view"),
    Case("import numpy as np\nnp.random.RandomState(3).get_state()", UNSUPPORTED, r"RandomState"),   # s33
    Case("import numpy as np\nnp.float64('1e5')", UNSUPPORTED, r"number"),
    Case("import torch\nimport numpy as np\nt = torch.ones(3) + np.ones(3)", UNSUPPORTED,
         r"cannot be combined"),
    # torch.distributions: sizes checked before drawing, only the listed doors.
    Case(D + "Multinomial(10**10, p).sample()", LIMIT, ELEMENTS),
    Case(D + "Multinomial(10**6, p).sample((1000,))", LIMIT, ELEMENTS),
    Case(D + "Multinomial(1, p).sample((10**5, 10**5))", LIMIT, ELEMENTS),
    Case(D + "Normal(0., 1.).sample((10**10,))", LIMIT, ELEMENTS),
    Case(D + "Normal(torch.zeros(10**4), 1.).sample((10**4,))", LIMIT, ELEMENTS),
    Case(D + "Normal(0., 1.).sample((2,) * 40)", NOT_ALLOWED_HERE, r"dimensions"),
    Case(D + "Multinomial(1, p)._categorical", UNSUPPORTED, r"_categorical"),
    Case(D + "Multinomial(1, p).cdf(p)", UNSUPPORTED, r"cdf"),
    Case(D + "Normal(0., 1.).support", UNSUPPORTED, r"support"),
    Case(D + "Normal(0., 1.).__class__", UNSUPPORTED, r"__class__"),
    Case(D + "Normal(0., 1.).sample(generator=None)", NOT_ALLOWED_HERE, r"sample shape"),
    Case("import torch\ntorch.distributions.kl_divergence", UNSUPPORTED, r"kl_divergence"),
    Case("from torch.distributions import transforms", UNSUPPORTED, r"transforms"),
    Case("import torch.distributions.utils", UNSUPPORTED, r"utils"),
    # str.format: the f-string rules (a width or precision past the string limit is refused before
    # the text is built: format_spec.py), and no walks inside the braces.
    Case("s = '{:>100000000}'.format(1)", LIMIT, r"formatted string would have 100,000,000 items"),
    Case("s = '{:0100000000}'.format(1)", LIMIT, r"formatted string would have 100,000,000 items"),
    Case("s = '{:{}}'.format(1, 100000000)", LIMIT, r"formatted string would have 100,000,000 items"),
    Case("s = '{:.100000000f}'.format(1.0)", LIMIT, r"formatted string would have 100,000,002 items"),
    Case("s = f'{1:>100000000}'", LIMIT, r"f-string would have 100,000,000 items"),
    Case("w = 10**8\ns = f'{1.0:{w}.{w}f}'", LIMIT, r"f-string would have 100,000,002 items"),
    Case("s = '{!r:>100000000}'.format(1)", LIMIT, r"formatted string would have 100,000,000 items"),
    Case("s = '{0.__class__}'.format(1)", UNSUPPORTED, r"format field"),
    Case("s = '{0.__class__.__mro__}'.format(1)", UNSUPPORTED, r"format field"),
    Case("s = '{.__globals__}'.format(print)", UNSUPPORTED, r"format field|function"),
    Case("s = '{0[0]}'.format([1])", UNSUPPORTED, r"format field"),
    Case(T + "s = '{x.grad}'.format(x=x)", UNSUPPORTED, r"format field"),
    Case("s = '{!q}'.format(1)", ("value",), r"Unknown conversion specifier q"),
    Case("d = {i: 0 for i in range(10**6)}", LIMIT, r"limit is 100,000"),
    Case("x = [0] * 100000\nd = {i: x for i in range(3)}\nprint(d)", LIMIT, r"print more than"),
    Case("s = ('{0}' * 100000).format('x' * 100000)", LIMIT, SEQUENCE),
    Case("x = [[0] * 100000] * 1000\ns = '{}'.format(x)", LIMIT, SEQUENCE + r"|text|weigh|large"),
    # Dictionaries: bounded like lists, plain keys, weighed before printing.
    Case("d = {}\nfor i in range(200000):\n    d[i] = i", LIMIT, SEQUENCE + "|" + LOOPS),
    Case("d = {}\nfor i in range(2000):\n    d[i] = i", LIMIT, r"dictionary would have 1,001 items",
         Limits(max_sequence_len=1000)),
    Case("x = [[0] * 100000] * 400\nd = {'a': x, 'b': x}\nprint(d)", LIMIT, SEQUENCE + r"|text|weigh|large"),
    Case("x = [[0] * 100000] * 400\nd = {'a': x}\nprint(d.values())", LIMIT, SEQUENCE + r"|text|weigh|large"),
    Case("x = [[0] * 100000] * 400\nd = {'a': x}\ns = f'{d.items()}'",
         LIMIT, SEQUENCE + r"|text|weigh|large"),
    Case("x = [[0] * 100000] * 400\nd = {'a': x}\ns = str([d] * 1000)",
         LIMIT, SEQUENCE + r"|text|weigh|large"),
    Case("d = {}\nfor i in range(50):\n    d = {'a': [d]}\nprint(d)", LIMIT, SEQUENCE + r"|text|weigh|large"),
    Case("import numpy as np\nd = {np.ones(2): 1}", NOT_ALLOWED_HERE, r"key"),
    Case("d = {[1]: 1}", NOT_ALLOWED_HERE, r"unhashable type: 'list'"),   # Python's own words
    Case("d = {(1, [2]): 1}", NOT_ALLOWED_HERE, r"unhashable type: 'list'"),   # Python's TypeError (s22)
    Case("d = {2 ** 10000: 1}", LIMIT, INT_BITS),
    Case("d = {'a': 1}\nd.update(b=2)", UNSUPPORTED, r"update"),
    Case("d = {'a': 1}\nd.__class__", UNSUPPORTED, r"__class__"),
    Case("d = dict([[1], 2])", ("value",), r"length 1; 2 is required"),   # Python's own words
    Case("d = dict(zip(range(200000), range(200000)))", LIMIT, r"limit is 100,000"),
    # try/except: limits, timeouts, memory and refusals stay uncatchable.
    Case("try:\n    while True:\n        pass\nexcept:\n    pass", LIMIT, LOOPS, SMALL),
    Case("try:\n    while True:\n        pass\nexcept Exception as e:\n    print(e)", LIMIT, LOOPS, SMALL),
    Case("import torch\ntry:\n    x = torch.ones(10**10)\nexcept Exception:\n    x = 1", LIMIT, ELEMENTS),
    Case("import torch\ntry:\n    x = torch.ones(10**10)\nexcept RuntimeError:\n    x = 1", LIMIT, ELEMENTS),
    Case("try:\n    x = 4000000 ** 4000000\nexcept OverflowError:\n    x = 1", LIMIT, INT_BITS),
    Case("try:\n    s = 'a' * 10**9\nexcept MemoryError:\n    s = ''", NOT_IN_LANGUAGE + LIMIT, SEQUENCE),
    Case("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    pass",
         NOT_IN_LANGUAGE + LIMIT, NESTING + r"|RecursionError|levels"),
    Case("def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept Exception:\n    pass", LIMIT,
         NESTING + r"|levels"),
    Case(T + "try:\n    x.storage().from_file('x.bin')\nexcept Exception:\n    pass", UNSUPPORTED,
         r"from_file"),
    Case(T + "try:\n    x.to('cuda')\nexcept Exception:\n    pass", UNSUPPORTED, r"no GPU"),
    Case("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    e.__traceback__", UNSUPPORTED,
         r"__traceback__"),
    Case("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    e.with_traceback(None)", UNSUPPORTED,
         r"with_traceback"),
    Case("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    e.__context__", UNSUPPORTED, r"__context__"),
    Case("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    e.__cause__", UNSUPPORTED, r"__cause__"),
    Case("try:\n    1 / 0\nexcept print:\n    pass", NOT_ALLOWED_HERE, r"BaseException"),
    Case("try:\n    1 / 0\nexcept ZeroDivisionError as __builtins__:\n    pass", UNSUPPORTED,
         r"__builtins__"),
    # `raise` (session 23): the engine's own errors and Python's process-ending ones cannot be named
    Case("raise MemoryError", NOT_IN_LANGUAGE, r"MemoryError"),
    Case("e = RecursionError('boom')", NOT_IN_LANGUAGE, r"RecursionError"),
    Case("try:\n    while True:\n        pass\nexcept BaseException:\n    pass", LIMIT, LOOPS),
    Case("class L(LimitExceeded):\n    pass", UNSUPPORTED, r"base"),
    Case("try:\n    pass\nexcept* ValueError:\n    pass", UNSUPPORTED, r"except\*"),
    Case(T + "x.to('cuda')", UNSUPPORTED, r"no GPU"),
    Case(T + "x.to(torch.device('cuda:0'))", UNSUPPORTED, r"no GPU"),
    Case(T + "x.cuda()", UNSUPPORTED, r"no GPU"),
    Case(T + "torch.zeros(3, device='cuda')", UNSUPPORTED, r"no GPU"),
    Case(T + "torch.set_default_device('cuda')", UNSUPPORTED, r"no GPU"),
    Case(T + "x.to('meta')", UNSUPPORTED, r"only the CPU"),
    Case(T + "x.to(device='meta')", UNSUPPORTED, r"only the CPU"),
    Case(T + "torch.device('x' * 10**4)", NOT_ALLOWED_HERE, r"device"),
    Case(T + "torch.device('cpu').__class__", UNSUPPORTED, r"__class__"),
    Case(T + "torch.cuda.memory_allocated()", UNSUPPORTED, r"memory_allocated"),
    Case(T + "torch.cuda.set_device(0)", UNSUPPORTED, r"set_device"),
    Case(T + "x.numpy().ctypes", UNSUPPORTED, r"ctypes"),
    Case("import numpy as np\nnp.load('a.npy')", UNSUPPORTED, r"\bload\b"),
    Case("import numpy as np\nnp.fromfile('a.bin')", UNSUPPORTED, r"fromfile"),
    # Imports.
    Case("import os", UNSUPPORTED, r"import os"),
    Case("import sys", UNSUPPORTED, r"import sys"),
    Case("import subprocess", UNSUPPORTED, r"subprocess"),
    Case("import importlib", UNSUPPORTED, r"importlib"),
    Case("import pickle", UNSUPPORTED, r"pickle"),
    Case("import torch.hub", UNSUPPORTED, r"torch\.hub"),
    Case("from torch import *", UNSUPPORTED, r"\*|star|wildcard"),
    Case("from os import system", UNSUPPORTED, r"\bos\b"),
    Case("from torch import hub", UNSUPPORTED, r"\bhub\b"),
    Case("from torch.utils import data", UNSUPPORTED, r"utils"),
    Case("from torch.serialization import load", UNSUPPORTED, r"serialization|load"),
    Case("import numpy.ctypeslib", UNSUPPORTED, r"ctypeslib"),
    # Functions as values.
    Case("g = print\ng(1)", UNSUPPORTED, r"\bprint\b"),
    Case(T + "h = torch.dot", UNSUPPORTED, r"\bdot\b|function"),
    Case(T + "m = x.sum", UNSUPPORTED, r"\bsum\b|method|function"),
    Case("import torch\ndef f():\n    return f\ntorch.tensor(f())", UNSUPPORTED,   # s27: returned, no data
         r"\bf\b|function"),
    Case(T + "print(torch)", UNSUPPORTED, r"torch|module"),
    # Statements and syntax outside the language.
    Case("class A(dict):\n    pass", UNSUPPORTED, r"class"),   # plain classes run: test_plain_classes.py
    # Plain classes: their objects are the engine's, never Python objects with the program's dunders.
    Case("class A:\n    def __float__(self):\n        return 0.0\nimport torch\ntorch.ones(3)[A()]",
         UNSUPPORTED, r"defining `__float__`"),
    Case("class A:\n    def __torch_function__(self, *a):\n        return 0", UNSUPPORTED,
         r"__torch_function__"),
    Case("class A:\n    def __reduce__(self):\n        return (print, ('x',))", UNSUPPORTED, r"__reduce__"),
    Case("class A:\n    def __len__(self):\n        return 3\nimport torch\ntorch.tensor(A())", UNSUPPORTED,
         r"object cannot be used in `torch.tensor`"),
    Case("class A:\n    pass\nimport numpy as np\nnp.array(A())", UNSUPPORTED, r"object cannot be used"),
    Case("class A:\n    pass\nprint(A().__class__.__base__.__subclasses__())", UNSUPPORTED,
         r"double-underscore"),
    Case("class A:\n    def f(self):\n        return 1\nprint(A.f.__globals__)", UNSUPPORTED, r"__globals__"),
    Case("class A:\n    pass\na = A()\na.__dict__['x'] = 1", UNSUPPORTED, r"__dict__"),
    Case("class A(type):\n    pass", UNSUPPORTED, r"class A\(type\)"),
    Case("class A(metaclass=type):\n    pass", UNSUPPORTED, r"metaclass"),
    # a plain class lets `self._x` past the static checker: the runtime name check still guards the rest
    Case("class A:\n    pass\n" + T + "print(torch._C._get_tracing_state())", UNSUPPORTED, r"private"),
    Case("class A:\n    pass\n" + T + "y = (x * 2)\nprint(y.grad_fn._saved_self)", UNSUPPORTED, r"private"),
    Case("class A:\n    pass\n" + T + "x._version += 1", UNSUPPORTED, r"private"),
    Case("class A:\n    def f(self):\n        return self.__dict__\nA().f()", UNSUPPORTED, r"__dict__"),
    Case("class A:\n    pass\n" + T + "print(x.grad_fn.__name__)", UNSUPPORTED, r"__name__"),
    Case("class A:\n    def __init__(self):\n        self.x = A()\nA()", LIMIT, r"levels deep"),
    Case("class A:\n    def __init__(self):\n" + "".join(f"        self.a{i} = 0\n" for i in range(101))
         + "A()", LIMIT, r"more than 100 attributes"),
    Case("class A:\n    def __repr__(self):\n        return 'x' * 10**6\nprint(A())", LIMIT, r"limit|items"),
    Case("with open('a') as f:\n    pass", UNSUPPORTED, r"`open` is not supported"),
    Case("def f():\n    global __builtins__", UNSUPPORTED, r"__builtins__|double-underscore"),
    Case("def f():\n    y = 1\n    def g():\n        nonlocal y\n        y = g.__globals__\n    g()\nf()",
         UNSUPPORTED, r"__globals__"),
    Case("def f():\n    x = yield 1", UNSUPPORTED, r"yield"),
    Case("yield 1", UNSUPPORTED, r"yield"),
    Case("f = lambda: (yield 1)", UNSUPPORTED, r"yield"),
    Case("async def f():\n    pass", UNSUPPORTED, r"async"),
    Case("def deco(f):\n    return f.__globals__\n@deco\ndef g():\n    return 1", UNSUPPORTED,
         r"__globals__"),
    Case("class A:\n    @print\n    def m(self):\n        pass", UNSUPPORTED, r"`@print` on the method"),
    Case("(__builtins__ := 3)", UNSUPPORTED, r"double-underscore"),   # session 24: walrus runs, as `=`
    Case("x = [(__import__ := 1) for _ in range(2)]", UNSUPPORTED, r"double-underscore"),
    Case("x = [i := 0 for i in range(3)]", UNSUPPORTED, r"comprehension that loops over `i`"),
    Case("def f(*__class__):\n    return 0", UNSUPPORTED, r"__class__|double-underscore"),
    Case("def f(**__dict__):\n    return 0", UNSUPPORTED, r"__dict__|double-underscore"),
    Case("y = [1, 2]\na, *b.__dict__ = y", UNSUPPORTED, r"__dict__|double-underscore"),
    Case("def f(**k):\n    return k\nf(**{'__class__': 1}, **{'__init__': 2})", UNSUPPORTED,
         r"__class__|__init__"),
    Case("import torch\ns = {print}\ntorch.tensor(list(s))", UNSUPPORTED, r"print|function"),   # {print}: s26
    Case("import torch\ns = set([1]) | {len}\ntorch.ones(2)[list(s)]", UNSUPPORTED, r"len|function"),
    Case("m = list(map(eval, ['1']))", NOT_IN_LANGUAGE, r"\beval\b"),
    Case("y = [0] * 60000\nprint(*y, *y)", LIMIT, r"limit is 100,000"),
    Case("raise SystemExit", NOT_IN_LANGUAGE, r"SystemExit"),
    Case("match 1:\n    case int(__class__=c):\n        pass", UNSUPPORTED, r"__class__"),
    # Confusable and invisible characters (the message names the code point).
    Case("_\uff3fimport__('os')", TEXT, r"U\+FF3F|__import__"),
    Case("x\u200by = 1", TEXT, r"U\+200B"),
    Case("y = 1  # \u202e evil comment", TEXT, r"U\+202E"),
    Case("y\u00a0= 1", TEXT, r"U\+00A0"),
    Case("\uff50rint(1)", TEXT, r"U\+FF50"),
    Case("y = '\u200b'", TEXT, r"U\+200B"),
    # Sizes, refused before allocation.
    Case(T + "torch.ones(10**10)", LIMIT, ELEMENTS),
    Case(T + "torch.ones(100000).outer(torch.ones(100000))", LIMIT, ELEMENTS),
    Case(T + "torch.ones(1).expand(10**6, 10**6).sum()", LIMIT, ELEMENTS),
    Case(T + "torch.kron(torch.ones(3000,3000), torch.ones(3000,3000))", LIMIT, ELEMENTS),
    Case(T + "torch.kron(torch.ones(2000,2000), torch.ones(2000,2000))", LIMIT, ELEMENTS),
    Case(T + "torch.ones(10).repeat(10**9)", LIMIT, ELEMENTS),
    Case(T + "a = torch.ones(100)\ntorch.cartesian_prod(a, a, a, a, a)", LIMIT, ELEMENTS),
    Case(T + "torch.zeros(100000, 100000)", LIMIT, ELEMENTS),
    Case(T + "torch.randn(10**5, 10**5)", LIMIT, ELEMENTS),
    Case(T + "torch.arange(10**12)", LIMIT, ELEMENTS),
    Case(T + "torch.ones(3000, 3000) @ torch.ones(3000, 3000)", LIMIT, ELEMENTS),
    Case(T + "y = torch.ones(10**6)\nfor i in range(100):\n    y = torch.cat((y, y))", LIMIT, ELEMENTS),
    Case(T + "y = torch.ones(2000, 2000)\nzs = []\nfor i in range(100):\n    zs.append(y + y)", LIMIT,
         ELEMENTS),
    Case("4000000**4000000", LIMIT, INT_BITS),
    Case("2**100000", LIMIT, INT_BITS),
    Case("10**10**10", LIMIT, INT_BITS),
    Case("'a'*10**10", LIMIT, SEQUENCE),
    Case("[0]*10**10", LIMIT, SEQUENCE),
    Case("'ab'*60000", LIMIT, SEQUENCE),
    # Loops and recursion (small limits, so the budget is hit at once).
    Case("while True:\n    pass", LIMIT, LOOPS, SMALL),
    Case("for i in range(10**9):\n    pass", LIMIT, LOOPS, SMALL),
    Case("y = 0\nwhile y < 10**9:\n    y += 1", LIMIT, LOOPS, SMALL),
    Case("def f(n):\n    return f(n)\nf(1)", LIMIT, r"max_call_depth|call|depth|recursion", SMALL),
    Case("while True:\n    pass", LIMIT, LOOPS),
    # Deep nesting and huge text.
    Case("(" * 10_000 + ")" * 10_000, HUGE_TEXT, NESTING + "|" + TEXT_SIZE),
    Case("-" * 100_000 + "1", HUGE_TEXT, NESTING + "|" + TEXT_SIZE),
    Case("-" * 1_000 + "1", HUGE_TEXT, NESTING),
    Case("lambda: " * 100 + "0", HUGE_TEXT, NESTING),
    Case("lambda: " * 1_000 + "0", HUGE_TEXT, NESTING + "|" + TEXT_SIZE),
    Case("y = " + "[" * 60 + "]" * 60, HUGE_TEXT, NESTING),
    Case(deep_if(100), HUGE_TEXT, NESTING + "|indentation"),
    Case("x=1\n" * 1_000_000, HUGE_TEXT, TEXT_SIZE),
    Case("x=1\n" * 2_000, HUGE_TEXT, TEXT_SIZE),
    Case("[" * 100_000, HUGE_TEXT, NESTING + "|" + TEXT_SIZE),
    Case(garbage(10_000_000), HUGE_TEXT, TEXT_SIZE),
]

# Nothing a refused program shows may reveal the machine: addresses, modules, paths, tracebacks.
LEAKS = re.compile(
    r"0x[0-9a-fA-F]{4,}|<module|<class|<function|<built-in|<bound|Traceback|File \"|"
    r"/usr/|/work/|/tmp/|/etc/|site-packages|pwned|environ|posix",
)


def case_id(case: Case) -> str:
    text = case.program.removeprefix(T)
    text = text if len(text) < 60 else text[:40] + f"...({len(text)} chars)"
    return text.encode("unicode_escape").decode("ascii")


def torch_process_state() -> tuple:
    """Process-wide settings a program must never change (workers are reused between users)."""
    return (
        torch.get_default_dtype(),
        torch.get_num_threads(),
        torch.get_rng_state().tolist(),
        repr(torch.tensor([1 / 3, 1e-8])),
        torch.are_deterministic_algorithms_enabled(),
        torch.is_grad_enabled(),
        torch.is_inference_mode_enabled(),
    )


WARM_UP = """import torch
x = torch.arange(4.0, requires_grad=True)
y = 2 * torch.dot(x, x)
y.backward()
z = torch.cat((x, x)).reshape(2, 4) @ torch.ones(4, 3)
print(torch.kron(z, z).sum(), torch.ones(3).outer(torch.ones(2)).expand(2, 3, 2).repeat(2, 1, 1).shape)
"""


@pytest.fixture(scope="module", autouse=True)
def warm_engine() -> Iterator[None]:
    """The first run pays one-off costs (imports, first meta-device kernels); a pre-warmed worker has
    paid them already, and the time budget here is about the refusal itself. Torch runs on one
    thread, as in a sandbox worker (sandbox_warm): with more, the process's CPU time also counts
    OpenMP threads spinning between kernels (a CI run measured 2.1 s for a refusal that takes 0.4-0.6 s)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        assert run_program(WARM_UP).ok
        yield
    finally:
        torch.set_num_threads(threads)


@pytest.fixture()
def in_empty_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_there_are_at_least_60_hostile_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_program_is_refused(case: Case, in_empty_dir) -> None:
    before = torch_process_state()
    gc.collect()   # memory in use at the start is the run's baseline, as in a fresh sandbox job
    start = time.process_time()
    report: Report = run_program(case.program, limits=case.limits)
    elapsed = time.process_time() - start

    assert not report.ok and report.error is not None
    assert report.error.kind != "internal", report.error
    assert report.error.kind in case.kinds, report.error
    assert re.search(case.message, report.error.message, re.IGNORECASE), report.error.message
    assert elapsed < FAST_S, f"took {elapsed:.2f} s of CPU"
    shown = report.printed + "".join(d.text for d in report.displayed)
    assert not LEAKS.search(shown), shown
    assert list(in_empty_dir.iterdir()) == []
    assert torch_process_state() == before


def test_manual_seed_neither_touches_the_global_generator_nor_breaks_reproducibility() -> None:
    """`torch.manual_seed(n)` may be refused, or reseed the run's own generator; never the process's."""
    program = "import torch\ntorch.manual_seed(123)\nx = torch.randn(3)\n"
    before = torch_process_state()
    report = run_program(program, seed=0)
    assert torch_process_state() == before
    assert report.error is None or report.error.kind in UNSUPPORTED, report.error
    if report.ok:
        torch.manual_seed(123)
        expected = torch.randn(3)
        assert torch.equal(torch.as_tensor(report.variables["x"].value), expected)


def test_a_long_flat_expression_is_computed_or_refused_but_never_crashes() -> None:
    report = run_program("y = " + "1+" * 5_000 + "1\n")
    if report.ok:
        assert report.variables["y"].value == 5_001
    else:
        assert report.error.kind in LIMIT, report.error

