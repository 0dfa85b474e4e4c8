"""Expression evaluation: one handler per allowed ast node type, dispatched through a dict.

A node type without a handler is refused with NotSupported naming it, so this stays an allowlist
even if the parser's static walk ever lets something through.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import (
    attributes,
    custom_functions,
    dicts,
    generators,
    library_generators,
    method_binding,
    sets,
)
from autogradlab.lang.bare_names import is_callee
from autogradlab.lang.calls import require_data
from autogradlab.lang.class_dispatch import call_object
from autogradlab.lang.comprehension_words import loop_words, short_circuit
from autogradlab.lang.format_spec import format_field
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.keyword_unpacking import repeated_keyword, spread_keywords
from autogradlab.lang.library_generators import library_call_of
from autogradlab.lang.numpy_ops import make_scalar
from autogradlab.lang.numpy_poly1d import CallableValue
from autogradlab.lang.object_format import f_string_field
from autogradlab.lang.operators import BINARY, UNARY
from autogradlab.lang.plain_classes import PLAIN_VALUES, attribute_allowed, subscript_base
from autogradlab.lang.safe_values import (
    SafeFunction,
    SafeNumpyDtype,
    SafeType,
    UserFunction,
    is_data,
    type_text,
)
from autogradlab.lang.scope import hide_class_scope
from autogradlab.lang.stored_objects import CONTAINERS, require_index, require_item, require_storable

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter


NODE_NAMES: dict[type, str] = {
    ast.Dict: "dictionaries", ast.Set: "sets", ast.DictComp: "dict comprehensions",
    ast.SetComp: "set comprehensions", ast.Await: "`await`", ast.Yield: "`yield`",
    ast.YieldFrom: "`yield from`", ast.NamedExpr: "the `:=` operator", ast.Starred: "`*` unpacking here",
}


def construct_name(node: ast.AST) -> str:
    return NODE_NAMES.get(type(node), f"`{type(node).__name__}` expressions")


class ExpressionsMixin:
    def _expression_handlers(self: Interpreter) -> dict[type, Any]:
        return {
            ast.Dict: lambda node: dicts.build(self, node), ast.Constant: self._constant,
            ast.Name: self._name, ast.BinOp: self._binop,
            ast.UnaryOp: self._unaryop, ast.BoolOp: self._boolop, ast.Compare: self.compare,
            ast.IfExp: self._ifexp, ast.Call: self._call, ast.Attribute: self._attribute,
            ast.Subscript: self._subscript, ast.Slice: self._slice, ast.Tuple: self._tuple,
            ast.List: self._list, ast.ListComp: self._listcomp, ast.GeneratorExp: self._listcomp,
            ast.DictComp: self._dictcomp,
            ast.Set: lambda node: sets.build(self, node),
            ast.SetComp: lambda node: sets.comprehension(self, node),
            ast.JoinedStr: self._joinedstr, ast.Lambda: self._lambda,
            ast.Yield: lambda node: generators.yield_value(self, node),
            ast.YieldFrom: lambda node: generators.yield_from(self, node),
            ast.NamedExpr: self._named_expr,
        }

    def _constant(self, node: ast.Constant) -> Any:
        if isinstance(node.value, bytes):   # b"hello" (lang/bytes_values.py)
            from autogradlab.lang.bytes_values import BytesValue
            return BytesValue(node.value)
        return node.value

    def _name(self: Interpreter, node: ast.Name) -> Any:
        return self.lookup(node.id, is_callee(node))

    def _binop(self: Interpreter, node: ast.BinOp) -> Any:
        left, right = self.eval(node.left), self.eval(node.right)
        name, fn, _, _ = BINARY[type(node.op)]
        return self.apply_binary(name, fn, left, right, node)

    def _unaryop(self: Interpreter, node: ast.UnaryOp) -> Any:
        value = self.eval(node.operand)
        if isinstance(node.op, ast.Not):
            return not self.truth(value, node)
        name, fn = UNARY[type(node.op)]
        return self.apply_unary(name, fn, value, node)

    def _boolop(self: Interpreter, node: ast.BoolOp) -> Any:
        is_and = isinstance(node.op, ast.And)
        value: Any = None
        for operand in node.values:
            value = self.eval(operand)
            if type(value).__name__ != "ProgramObject":   # `node or Node()`: its own truth (object_protocols)
                value = require_data(value, "in `and`/`or`")
            if self.truth(value, node) != is_and:
                return value
        return value

    def _named_expr(self: Interpreter, node: ast.NamedExpr) -> Any:
        """`(n := value)`: binds as `n = value` would, in the function (or globals) around any
        comprehension it is written in, as Python's PEP 572 says; its value is the expression's."""
        value = self.eval(node.value)
        scope = self.scope
        while scope.comprehension and scope.parent is not None:
            if node.target.id in scope.vars:   # CPython refuses this when it compiles the program
                raise NotSupported(f"`{node.target.id} :=` inside a comprehension that loops over "
                                   f"`{node.target.id}` is not supported in Autograd Lab")
            scope = scope.parent
        outer, self.scope = self.scope, scope
        try:
            self.assign(node.target, value, node)
        finally:
            self.scope = outer
        return value

    def _ifexp(self: Interpreter, node: ast.IfExp) -> Any:
        return self.eval(node.body) if self.truth(self.eval(node.test), node) else self.eval(node.orelse)

    # -- calls -------------------------------------------------------------------------------
    def _arguments(self: Interpreter, node: ast.Call) -> tuple[list, dict]:
        args: list = []
        for arg in node.args:
            if isinstance(arg, ast.Starred):   # f(*items): a list of the arguments is built
                items = self.materialize(require_storable(self.eval(arg.value), "after `*`"), arg)
                self.sizes.charge_sequence(len(args) + len(items), "the list", added=len(items))
                args.extend(items)
            else:
                args.append(self.eval(arg))
        kwargs: dict = {}
        for keyword in node.keywords:
            if keyword.arg is None:   # f(**options): lang/keyword_unpacking.py
                spread_keywords(self, node, keyword, kwargs)
                continue
            if keyword.arg in kwargs:   # given by a `**` before it
                raise repeated_keyword(self, node, keyword.arg)
            kwargs[keyword.arg] = self.eval(keyword.value)
        return args, kwargs

    def _call(self: Interpreter, node: ast.Call) -> Any:
        if isinstance(node.func, ast.Attribute):
            base = self.eval(node.func.value)
            if not attribute_allowed(base, node.func.attr):   # `super().__init__(...)`, `self._step()`
                attributes.check_attribute_name(node.func.attr)
            call = method_binding.bind(self, base, node.func.attr, node)   # looked up first, as in Python
            args, kwargs = self._arguments(node)
            return call(args, kwargs)
        callee = self.eval(node.func)
        args, kwargs = self._arguments(node)
        return self.call_value(callee, args, kwargs, node)

    def _attribute(self: Interpreter, node: ast.Attribute) -> Any:
        base = self.eval(node.value)
        if not attribute_allowed(base, node.attr):   # `self._count` of the program's own objects
            attributes.check_attribute_name(node.attr)
        return attributes.read_attribute(self, base, node.attr, node)

    # -- indexing ----------------------------------------------------------------------------
    def _slice(self: Interpreter, node: ast.Slice) -> slice:
        parts = [None if part is None else require_data(self.eval(part), "in a slice")
                 for part in (node.lower, node.upper, node.step)]
        return slice(*parts)

    def index_value(self: Interpreter, node: ast.expr) -> Any:
        if isinstance(node, ast.Tuple):
            return tuple(self.index_value(item) for item in node.elts)
        return require_index(self.eval(node))   # data, or an object as a dict's key

    def _subscript(self: Interpreter, node: ast.Subscript) -> Any:
        base = subscript_base(self.eval(node.value))
        index = self.index_value(node.slice)
        return attributes.get_item(self, base, index, node)

    # -- displays ----------------------------------------------------------------------------
    def _elements(self: Interpreter, nodes: list[ast.expr]) -> list:
        items: list = []
        for element in nodes:
            if isinstance(element, ast.Starred):
                items.extend(self.materialize(require_storable(self.eval(element.value), "after `*`"),
                                              element))
            else:
                items.append(require_item(self.eval(element), "inside a list or tuple"))
        self.sizes.charge_sequence(len(items), "the list")
        return items

    def _tuple(self: Interpreter, node: ast.Tuple) -> tuple:
        return tuple(self._elements(node.elts))

    def _list(self: Interpreter, node: ast.List) -> list:
        return self._elements(node.elts)

    def _listcomp(self: Interpreter, node: ast.ListComp | ast.GeneratorExp) -> list:
        if short_circuit(self, node):   # any(... for ...), all(... for ...): read lazily
            from autogradlab.lang.lazy_genexp import lazy_generator_expression
            return lazy_generator_expression(self, node)
        if type(node) is ast.GeneratorExp and (called := library_call_of(self.tree, node)) is not None:
            return library_generators.refuse(self, node, called)   # np.sum(x for x in xs)
        result: list = []
        with self.comprehension_scope(node):
            self._comprehend(node, 0, result, *loop_words(self, node))
        return result

    def _dictcomp(self: Interpreter, node: ast.DictComp) -> dict:
        """`{k: v for ...}`: the key first, then the value (Python 3.8+), each new key counted like
        `d[k] = v` (dicts.set_item)."""
        result: dict = {}

        def emit() -> None:
            key = self.eval(node.key)
            value = require_item(self.eval(node.value), "as a dictionary value")
            dicts.set_item(self, result, key, value, "the dict comprehension")
        with self.comprehension_scope(node):
            self._comprehend(node, 0, emit, "a dict comprehension")
        return result

    def _comprehend(self: Interpreter, node: ast.ListComp | ast.DictComp, level: int, result: Any,
                    what: str = "a list comprehension", length_what: str = "the list comprehension") -> None:
        if level == len(node.generators):
            if callable(result):
                result()
                return
            result.append(require_item(self.eval(node.elt), "inside a list"))
            self.sizes.charge_sequence(len(result), length_what, added=1)
            return
        generator = node.generators[level]
        if generator.is_async:
            raise NotSupported("async comprehensions are not supported in Autograd Lab")
        iterable = loop_iterable(self.eval(generator.iter), "in a comprehension")
        if not level:   # the first iterable was read in the enclosing scope: a class body is left behind
            hide_class_scope(self.scope)
        for item in self.iterate(iterable, generator.iter):
            self.charge_loop_iterations(1, what)
            self.assign(generator.target, item, generator.target, hook=False)
            if all(self.truth(self.eval(test), test) for test in generator.ifs):
                self._comprehend(node, level + 1, result, what, length_what)

    # -- f-strings and lambdas ---------------------------------------------------------------
    def _joinedstr(self: Interpreter, node: ast.JoinedStr) -> str:
        """Python's order for each field: the value, then the spec's own fields, then the conversion
        (`!r`, `!s`, `!a`; `{x=}` is the text `x=` and a `!r` field) and format(); the length of the
        whole string is checked before a field's padding or digits are built (format_spec.py)."""
        parts: list[str] = []
        total = 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
                total += len(parts[-1])
                continue
            if not isinstance(value, ast.FormattedValue):
                raise NotSupported(f"{construct_name(value)} in f-strings")
            field = self.eval(value.value)
            if isinstance(field, PLAIN_VALUES):   # a class or an instance: its __str__ / __repr__
                spec = self._joinedstr(value.format_spec) if value.format_spec is not None else ""
                parts.append(f_string_field(self, field, value.conversion, spec))
                total += len(parts[-1])
                self.sizes.check_length(total, "the f-string")
                continue
            if isinstance(field, CONTAINERS) and value.format_spec is None \
                    and not is_data(field) and require_storable(field, "in an f-string") is field:
                from autogradlab.lang.stored_objects import container_text  # f"{layers}"
                parts.append(container_text(self, field))
                total += len(parts[-1])
                self.sizes.check_length(total, "the f-string")
                continue
            if value.format_spec is None and value.conversion in (-1, 114, 115):   # f"{f}", f"{f!r}"
                from autogradlab.lang.function_text import printed_code_text
                text = printed_code_text(field)
                if text is not None:
                    parts.append(text)
                    total += len(text)
                    self.sizes.check_length(total, "the f-string")
                    continue
            require_data(field, "in an f-string")
            spec = self._joinedstr(value.format_spec) if value.format_spec is not None else ""
            conversion = None if value.conversion == -1 else chr(value.conversion)
            # format(), not str(): a 0-d tensor formats as its number (f"{y}" -> 28.0), as in Python
            parts.append(format_field(self, field, conversion, spec, total, "the f-string"))
            total += len(parts[-1])
            self.sizes.check_length(total, "the f-string")
        if node.values and isinstance(node.values[-1], ast.Constant):   # text after the last field
            self.sizes.check_length(total, "the f-string")
        return "".join(parts)

    def _lambda(self: Interpreter, node: ast.Lambda) -> UserFunction:
        return self.make_function("<lambda>", node.args, node.body, node)

    # -- calling values ----------------------------------------------------------------------
    def call_value(self: Interpreter, callee: Any, args: list, kwargs: dict, node: ast.AST) -> Any:
        if isinstance(callee, UserFunction):
            return self.call_user(callee, args, kwargs, node)
        if isinstance(callee, SafeFunction):
            return callee.impl(self, args, kwargs, node)
        if isinstance(callee, SafeType):
            if callee.convert is None:
                raise NotSupported(f"calling {callee.text} is not supported in Autograd Lab")
            return callee.convert(self, args, kwargs, node)
        if isinstance(callee, SafeNumpyDtype):   # np.float64(2.5): a numpy scalar
            if callee.instance:   # `a.dtype(3)`, np.dtype('float64')(3): a dtype, not a type (NumPy's words)
                raise ProgramTypeError(f"'{type_text(callee)}' object is not callable")
            return make_scalar(callee, args, kwargs)   # (imported above: here it cost ~1 us a call)
        if isinstance(callee, torch.Tensor):
            raise ProgramTypeError("'Tensor' object is not callable")
        if isinstance(callee, PLAIN_VALUES):   # `Name(...)`, `obj(...)` (lang/plain_classes.py)
            return call_object(self, callee, args, kwargs, node)
        if isinstance(callee, CallableValue):   # p(2.0), p(x), p(q), Polynomial([1, 2]) (numpy_poly1d.py)
            return callee.call(self, args, kwargs)
        if isinstance(callee, custom_functions.FunctionClass):   # `Name(...)`: use Name.apply(...)
            raise custom_functions.call_class(callee)
        raise ProgramTypeError(f"'{type_text(callee)}' object is not callable")   # Python's name: 'FBackward'
