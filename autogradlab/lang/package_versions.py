"""`from importlib.metadata import version` and `version("torch")`: the first cell of every chapter of
Raschka's "Build a Large Language Model (From Scratch)" (issue 9, session 39). Only the name `version`
is importable (the checker's table), and it answers from a fixed table, torch's and numpy's own
`__version__` (what the installed metadata says too); any other name is refused with the two it knows,
so a program learns nothing about what else the worker has installed.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang.operators import python_error
from autogradlab.lang.safe_values import Namespace, SafeFunction, type_text

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

VERSIONS = {"torch": str(torch.__version__), "numpy": str(np.__version__)}   # plain str, as the metadata's
# (torch.__version__ is a TorchVersion, which compares with tuples: `version("torch") > (2, 0)`)


def _version(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise ProgramTypeError("version() takes one argument, the distribution's name")
    name = args[0]
    if type(name) is not str:   # Python's words (its re module reads the name)
        if type_text(name) == "bytes":
            raise python_error(TypeError("cannot use a string pattern on a bytes-like object"))
        raise python_error(TypeError(f"expected string or bytes-like object, got '{type(name).__name__}'"))
    found = VERSIONS.get(name.lower().replace("_", "-"))
    if found is None:
        raise NotSupported("Autograd Lab knows the versions of torch and numpy only, "
                           "as `version(\"torch\")` and `version(\"numpy\")`")
    return found


def importlib_metadata_namespace() -> Namespace:
    return Namespace("importlib.metadata", {"version": SafeFunction("importlib.metadata.version", _version)})
