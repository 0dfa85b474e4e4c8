"""The CPython exception class an error stands for, so the error box's heading names it as Python
would (`AttributeError`, `ZeroDivisionError`, `KeyError`), not by the engine's coarser kind: the
engine files `x.foo` and `1/0` under "value" (what `except ValueError` would catch is decided in the
worker, lang/exceptions.py), which read as "Value error" for a missing attribute.

The Report is left as it is (the worker's class is not sent): the class is read from what the
ErrorInfo already carries, its message key (error_keys*.py) and, when no key says it, CPython's own
wording in the (always English) message. An error no rule names keeps its kind's title."""

from __future__ import annotations

import re

from autogradlab.report import ErrorInfo

BY_KEY = {
    "errors.tensor_no_attribute": "AttributeError",
    "errors.module_no_attribute": "AttributeError",
    "errors_more.node_no_apply": "AttributeError",
    "errors_patterns.slot_read_only": "AttributeError",
    "errors_runtime.key_error": "KeyError",
    "errors_runtime.zero_division": "ZeroDivisionError",
    "errors_runtime.float_zero_division": "ZeroDivisionError",
    "errors_runtime.float_modulo_zero": "ZeroDivisionError",
    "errors_runtime.int_zero_division": "ZeroDivisionError",
    "errors_runtime.int_modulo_zero": "ZeroDivisionError",
    "errors_runtime.number_too_large": "OverflowError",
    "errors_runtime.assertion": "AssertionError",
    "errors_runtime.assertion_bare": "AssertionError",
    "errors_runtime.unbound_local": "UnboundLocalError",
    "errors_generators.stop_iteration": "StopIteration",
    "errors_runtime.inf_int": "OverflowError",
    "errors_runtime.free_variable": "NameError",
    "errors.name_not_defined": "NameError",
}
# CPython's own texts whose class is the kind's (lang/operators.python_error files Python's TypeError
# under "type", IndexError under "index", and ValueError with the classes above under "value").
KIND_CLASS = {"type": "TypeError", "index": "IndexError", "value": "ValueError", "name": "NameError"}
PYTHON_TEXTS = frozenset(f"errors_runtime.{name}" for name in (
    "index_range", "indices_type", "concatenate", "operand_types", "compare_types", "int_literal",
    "float_string", "nan_int", "math_domain", "pop_empty", "not_in_list", "not_integer", "no_len",
    "empty_sequence", "descriptor_str", "format_no_keywords", "format_spec_type"))
# The program's own `raise SomeError(...)`: the class is the message's first parameter.
RAISED = ("errors_runtime.raised", "errors_runtime.raised_bare")
# CPython's AttributeError texts, for the messages no key names ("'P' object has no attribute 'y'").
ATTRIBUTE_WORDING = re.compile(r"^(?:'[^']+' object|type object '[^']+'|module '[^']+') has no attribute '"
                               r"|^'[^']+' object attribute '[^']+' is read-only"
                               r"|^property '[^']+' of '[^']+' object has no (?:setter|deleter)")
# Kinds whose errors are Python's own runtime errors (the others, "shape", "autograd", limits,
# refusals, have no CPython class, and keep the Lab's titles).
# CPython's ZeroDivisionError texts (3.11-3.13) when no key names them ("float modulo").
ZERO_WORDING = re.compile(r"^(?:float |integer )?(?:floor )?(?:division|modulo|divmod\(\))"
                          r"(?: or modulo)?(?: by zero)?$")
# CPython's ImportError of `from torch import dott` (lang/statements.py), without the module's file path.
IMPORT_WORDING = re.compile(r"^cannot import name '[A-Za-z_][A-Za-z0-9_]*' from '[A-Za-z_][A-Za-z0-9_.]*'$")
PYTHON_KINDS = ("name", "type", "value", "index")
CLASS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}")


def python_class(error: ErrorInfo) -> str | None:
    """`AttributeError` for `x.foo`; None when the error is not one of Python's own (or not known)."""
    if error.kind not in PYTHON_KINDS:
        return None
    if error.key in RAISED:
        name = dict(error.params).get("type")
        return name if isinstance(name, str) and CLASS_NAME.fullmatch(name) else None
    if error.key in BY_KEY:
        return BY_KEY[error.key]
    if error.key in PYTHON_TEXTS:
        return KIND_CLASS[error.kind]
    if ATTRIBUTE_WORDING.search(error.message):
        return "AttributeError"
    if error.kind == "value" and IMPORT_WORDING.fullmatch(error.message):
        return "ImportError"
    if error.kind == "value" and ZERO_WORDING.fullmatch(error.message):
        return "ZeroDivisionError"
    return None
