"""Differential testing: one program run by real Python + PyTorch (tests/oracle.run_trusted, in a
child process under a timeout, one torch thread) and by run_program; every difference listed.

Compared: printed text, each final variable's text (repr, str for tensors), whether an error
happened, its kind (Python's exception type mapped to the engine's kinds), its line, and, for
Python's own errors (not PyTorch's, which the engine rewords), the message. A refusal
("unsupported" naming the construct, at a line) is not a mismatch: it is counted apart.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from autogradlab.engine import run_program
from autogradlab.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
LIMITS = Limits(timeout_s=5.0)

KINDS = {   # Python's exception -> the engine's error kinds that may stand for it
    "ZeroDivisionError": {"value"}, "IndexError": {"index"}, "KeyError": {"index"},
    "StopIteration": {"value"}, "UnboundLocalError": {"name"},
    "TypeError": {"type"}, "ValueError": {"value"}, "NameError": {"name"},
    "AttributeError": {"type", "value"},   # the engine shows Python's AttributeError as a value error
    "SyntaxError": {"syntax"}, "NotImplementedError": {"value", "type"},
    "OverflowError": {"value", "limit"}, "RecursionError": {"limit"},
    "RuntimeError": {"shape", "value", "autograd", "type", "index"},
}
# PyTorch's own messages, which the engine rewords (lang/torch_errors.py): not compared word for word
TORCH_WORDS = re.compile(r"tensor|dimension|Tensor|size|shape|grad|dtype|Float|Long|scalar|"
                         r"sequence of length")
MESSAGE_CHECKED = {"ZeroDivisionError", "IndexError", "KeyError", "TypeError", "ValueError", "NameError",
                   "UnboundLocalError"}

_CHILD = r"""
import json, sys, torch
torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
from tests.oracle import run_trusted, data_variables, without_address
import signal
class Late(BaseException):
    pass
def alarm(_signal, frame):
    # An import cut half-way leaves its package without the submodule for the rest of the process
    # ("module 'torch._dynamo' has no attribute 'compiled_autograd'" in every later torch.func call):
    # the alarm waits until the import is over.
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            return
        frame = frame.f_back
    raise Late()
signal.signal(signal.SIGALRM, alarm)
# torch.func's first use imports torch._dynamo (seconds under load): paid before any program's alarm
torch.func.grad(lambda x: x.sum())(torch.ones(1))
import torch.autograd.functional
out = []
for source in json.loads(sys.stdin.read()):
    signal.setitimer(signal.ITIMER_REAL, float(sys.argv[2]) if len(sys.argv) > 2 else 3.0)
    try:
        run = run_trusted(source)
    except Late:
        out.append(None)
        continue
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    variables = {}
    for name, value in data_variables(run.namespace).items():
        try:
            variables[name] = without_address(str(value) if isinstance(value, torch.Tensor) else repr(value))
        except ValueError:   # an int of more than 4,300 digits: past the engine's max_int_bits anyway
            variables[name] = "(too long to print)"
    error = None
    if run.error is not None:
        import traceback
        frames = [f.lineno for f in traceback.extract_tb(run.error.__traceback__)
                  if f.filename == "<program>"]
        error = [type(run.error).__name__, str(run.error), run.error_line, frames[-1] if frames else None]
    out.append({"printed": run.printed, "error": error, "variables": variables})
print(json.dumps(out))
"""


def oracle_batch(programs: list[str], timeout_s: float = 120.0, program_s: float = 3.0) -> list[dict]:
    """Each program's result (None: it ran past `program_s` seconds), one child process for all."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), str(program_s)],
                          input=json.dumps(programs), capture_output=True, text=True, timeout=timeout_s,
                          check=True)
    return json.loads(done.stdout)


def engine_run(source: str, limits: Limits = LIMITS) -> dict:
    report = run_program(source, limits=limits, torchviz=False)
    error = None
    if report.error is not None:
        error = [report.error.kind, report.error.message, report.error.line]
    variables = {name: value.text for name, value in report.variables.items()}
    return {"printed": report.printed, "error": error, "variables": variables}


@dataclass
class Outcome:
    refused: str | None = None            # the engine's "unsupported" message
    problems: list[str] = field(default_factory=list)


def compare(oracle: dict | None, engine: dict) -> Outcome:
    if oracle is None:   # real Python took more than 3 s: the generator's fault, not compared
        return Outcome(refused="(python took too long)")
    o_err, e_err = oracle["error"], engine["error"]
    if e_err is not None and e_err[0] == "unsupported":
        if not e_err[2] or "not" not in e_err[1]:
            return Outcome(problems=[f"refusal without a line or a clear message: {e_err}"])
        if not oracle["printed"].startswith(engine["printed"]):
            return Outcome(problems=["printed text before the refusal differs"])
        return Outcome(refused=e_err[1])
    problems = []
    if oracle["printed"] != engine["printed"]:
        problems.append(f"printed:\n  python: {oracle['printed']!r}\n  engine: {engine['printed']!r}")
    if (o_err is None) != (e_err is None):
        problems.append(f"error: python {o_err} engine {e_err}")
    elif o_err is not None:
        kinds = KINDS.get(o_err[0], set())
        if e_err[0] not in kinds:
            problems.append(f"error kind: python {o_err} engine {e_err}")
        if e_err[2] not in o_err[2:]:   # the engine may name the line inside the function
            problems.append(f"error line: python {o_err} engine {e_err}")
        if o_err[0] in MESSAGE_CHECKED and o_err[1] != e_err[1] and not TORCH_WORDS.search(o_err[1]):
            problems.append(f"error message: python {o_err} engine {e_err}")
    for name, text in oracle["variables"].items():
        got = engine["variables"].get(name)
        if got != text:
            problems.append(f"variable {name}:\n  python: {text!r}\n  engine: {got!r}")
    extra = set(engine["variables"]) - set(oracle["variables"])
    if extra:
        problems.append(f"variables only the engine has: {sorted(extra)}")
    return Outcome(problems=problems)
