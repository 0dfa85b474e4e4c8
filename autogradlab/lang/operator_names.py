"""The names Python's `operator` module offers in the engine (lang/operator_module.py) and the operator
node of each: no torch import, since the page's side reads them (allowed_imports, the checker)."""

from __future__ import annotations

import ast

_BINARY = {"add": ast.Add, "sub": ast.Sub, "mul": ast.Mult, "truediv": ast.Div, "floordiv": ast.FloorDiv,
           "mod": ast.Mod, "pow": ast.Pow, "matmul": ast.MatMult, "lshift": ast.LShift, "rshift": ast.RShift,
           "and_": ast.BitAnd, "or_": ast.BitOr, "xor": ast.BitXor}
_COMPARE = {"eq": ast.Eq, "ne": ast.NotEq, "lt": ast.Lt, "le": ast.LtE, "gt": ast.Gt, "ge": ast.GtE}
_UNARY = {"neg": ast.USub, "pos": ast.UAdd, "invert": ast.Invert, "inv": ast.Invert}
OPERATOR_NAMES: tuple[str, ...] = (*_BINARY, *_COMPARE, *_UNARY, "not_", "truth", "itemgetter",
                                  "attrgetter")
