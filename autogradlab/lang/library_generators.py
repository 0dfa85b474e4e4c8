"""A generator expression handed straight to a NumPy or PyTorch function: `np.sum(x * x for x in xs)`.

The engine builds an argument's generator expression as a list at once (lang/compiled_blocks.py), which is
what a builtin such as sum() reads anyway. NumPy and PyTorch do not read a generator: NumPy 2 raises
TypeError for np.sum(generator) ("Calling np.sum(generator) is deprecated..."), makes a 0-d object array
of it in np.array, returns it unread from np.max; torch.tensor raises "Could not infer dtype of generator".
So the list gave numbers where the libraries give an error or an object (session 45, corpus s45). Now
np.sum's is NumPy's own catchable TypeError; any other function of the two libraries is refused by name,
with what to write instead. np.fromiter reads its generator as NumPy does (the list is the same items).
Found once per parsed program; the first iterable is still read first, as CPython makes the generator
before the call.
"""

from __future__ import annotations

import ast
import weakref
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramTypeError

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

_LIBRARIES = frozenset({"numpy", "torch"})
_READS_IT = frozenset({"fromiter"})   # np.fromiter(gen, dtype): NumPy reads the items, as the list gives
_FOUND: weakref.WeakKeyDictionary[ast.AST, dict[int, str]] = weakref.WeakKeyDictionary()
NUMPY_SUM = ("Calling np.sum(generator) is deprecated.Use np.sum(np.fromiter(generator)) or the python sum "
             "builtin instead.")   # NumPy 2's words (numpy/_core/fromnumeric.py), its typo kept


def library_call_of(tree: ast.AST, node: ast.AST) -> str | None:
    """'np.sum' when node is a generator expression given as an argument of a NumPy/PyTorch function."""
    found = _FOUND.get(tree)
    if found is None:
        found = _FOUND[tree] = _find(tree)
    return found.get(id(node))


def _find(tree: ast.AST) -> dict[int, str]:
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _LIBRARIES:
                    aliases[alias.asname or alias.name] = alias.name
    found: dict[int, str] = {}
    if not aliases:
        return found
    for call in ast.walk(tree):
        if type(call) is not ast.Call or type(call.func) is not ast.Attribute:
            continue
        root = call.func.value
        while type(root) is ast.Attribute:
            root = root.value
        if type(root) is not ast.Name or root.id not in aliases or call.func.attr in _READS_IT:
            continue
        for arg in (*call.args, *(keyword.value for keyword in call.keywords)):
            if type(arg) is ast.GeneratorExp:
                found[id(arg)] = ast.unparse(call.func)
    return found


def refuse(interp: Interpreter, node: ast.GeneratorExp, called: str) -> Any:
    """Read the first iterable (CPython makes the generator before the call), then NumPy's TypeError for
    np.sum, a refusal naming the call for the rest."""
    interp.eval(node.generators[0].iter)
    if called.rsplit(".", 1)[-1] == "sum" and not called.startswith("torch"):
        raise ProgramTypeError(NUMPY_SUM)
    raise NotSupported(f"a generator expression given to `{called}(...)` is not supported in Autograd Lab "
                       "(the library does not read a generator's items); write a list comprehension: "
                       f"`{called}([...])`")
