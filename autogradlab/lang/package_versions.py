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
from autogradlab.lang.safe_values import Namespace, SafeFunction

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

VERSIONS = {"torch": torch.__version__, "numpy": np.__version__}


def _version(interp: Interpreter, args: list, kwargs: dict, node: ast.AST) -> Any:
    if len(args) != 1 or kwargs:
        raise ProgramTypeError("version() takes one argument, the distribution's name")
    name = args[0]
    if type(name) is not str:   # Python's words (its re module reads the name)
        raise python_error(TypeError(f"expected string or bytes-like object, got '{type(name).__name__}'"))
    found = VERSIONS.get(name.lower().replace("_", "-"))
    if found is None:
        raise NotSupported("Autograd Lab knows the versions of torch and numpy only, "
                           "as `version(\"torch\")` and `version(\"numpy\")`")
    return found


def importlib_metadata_namespace() -> Namespace:
    return Namespace("importlib.metadata", {"version": SafeFunction("importlib.metadata.version", _version)})
