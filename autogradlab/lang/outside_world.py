"""The hints of refused names that reach outside the program (files, the keyboard, the debugger): a
lesson's `open(...)`, `torch.load(f)`, `input()` or `pdb.set_trace()` is told what to write instead.
The messages stay the refusal's own (`open` is not supported ...); only the hint is added."""

from __future__ import annotations

from autogradlab.errors import NotSupported

FILE_HINT = ("Autograd Lab reads and writes no files; write the data into the program, e.g. "
             "torch.tensor([[4.0, 1.0], [5.0, 3.0]])")
INPUT_HINT = "a program here runs without a keyboard; assign the value in the program instead, e.g. n = 5"
DEBUGGER_HINT = ("the Steps page shows every step's values; print the values you would inspect, or leave "
                 "the debugger lines out to run the rest")

FROZENSET_HINT = ("use a set (`set(...)`), or a tuple where a fixed collection that can be a dict key is "
                  "needed")   # (session 43: refused, not built: no lesson of the corpora uses one)
BUILTIN_HINTS = {"open": FILE_HINT, "input": INPUT_HINT, "breakpoint": DEBUGGER_HINT,
                 "frozenset": FROZENSET_HINT}
MEMBER_HINTS = {name: FILE_HINT for name in (
    "torch.save", "torch.load", "numpy.load", "numpy.save", "numpy.savez", "numpy.loadtxt", "numpy.savetxt",
    "numpy.genfromtxt", "numpy.fromfile", "numpy.savez_compressed", "numpy.memmap")}   # (the last two: s40)


def debugger_refusal(name: str) -> NotSupported:
    """`pdb.set_trace()`: `import pdb` binds a module without members (hunkim's PyTorchZeroToAll imports
    it and never calls it), its first use stops the program there."""
    return NotSupported(f"`pdb.{name}`: the debugger is not available in Autograd Lab; the lines before "
                        "this one ran", hint=DEBUGGER_HINT)
