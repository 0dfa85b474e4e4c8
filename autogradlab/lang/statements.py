"""Statement execution: one handler per allowed statement type, dispatched through a dict."""

from __future__ import annotations

import ast
import functools
from typing import TYPE_CHECKING, Any

from autogradlab.errors import NotSupported, ProgramValueError
from autogradlab.lang import attributes, module_constants, plot_calls
from autogradlab.lang.allowed_imports import (
    ALLOWED_IMPORTS,
    STAR_MODULES,
    import_refusal,
    is_future_import,
    library_has,
)
from autogradlab.lang.annotation_names import read_variable_annotation
from autogradlab.lang.attribute_returns import returned_value
from autogradlab.lang.builtins import text_of
from autogradlab.lang.class_dispatch import unpack_objects, unpacks_objects
from autogradlab.lang.exception_objects import run_raise
from autogradlab.lang.exceptions import run_try
from autogradlab.lang.grad_decorators import body_under_grad_mode, is_grad_mode_decorated
from autogradlab.lang.inert_values import listed_import
from autogradlab.lang.item_deletion import delete_item
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.loop_skim import known_length, loop_hooks
from autogradlab.lang.match_statement import run_match
from autogradlab.lang.namespaces import resolve_import
from autogradlab.lang.operators import BINARY
from autogradlab.lang.plain_classes import RETURNABLE, attribute_allowed, subscript_base
from autogradlab.lang.safe_values import STORED_OBJECT_TYPES, is_data
from autogradlab.lang.stored_objects import display_value, require_storable
from autogradlab.lang.with_objects import run_with
from autogradlab.sandbox_position import pack

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

STATEMENT_NAMES: dict[type, str] = {
    ast.AsyncWith: "`async with` blocks", ast.Try: "`try` blocks",
    ast.ClassDef: "classes", ast.Global: "`global`",
    ast.Nonlocal: "`nonlocal`", ast.AsyncFunctionDef: "`async def`", ast.AsyncFor: "`async for`",
}


class BreakLoop(BaseException):
    """`break` (BaseException so no handler for program errors can swallow it)."""


class ContinueLoop(BaseException):
    """`continue`."""


class ReturnValue(BaseException):
    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class StatementsMixin:
    def _statement_handlers(self: Interpreter) -> dict[type, Any]:
        return {
            ast.Expr: self._expr_stmt, ast.Assign: self._assign_stmt, ast.AugAssign: self._augassign,
            ast.AnnAssign: self._annassign, ast.If: self._if, ast.While: self._while,
            ast.For: self._for, ast.Break: self._break, ast.Continue: self._continue,
            ast.Pass: lambda node: None, ast.FunctionDef: self._functiondef,
            ast.Return: self._return, ast.Assert: self._assert, ast.Delete: self._delete,
            ast.Import: self._import, ast.ImportFrom: self._importfrom, ast.With: self._with,
            ast.Try: lambda node: run_try(self, node), ast.ClassDef: self._classdef,
            ast.Raise: lambda node: run_raise(self, node),   # lang/exception_objects.py
            ast.Global: lambda node: None, ast.Nonlocal: lambda node: None,   # lang/declarations.py
            ast.Match: lambda node: run_match(self, node),   # lang/match_statement.py
        }

    def exec_block(self: Interpreter, body: list[ast.stmt]) -> None:
        for statement in body:
            self.exec(statement)

    def _expr_stmt(self: Interpreter, node: ast.Expr) -> None:
        call = plot_calls.plotting_call(node)
        if call is not None and plot_calls.skips(self, call):   # `plt.plot(...)` (lang/plot_calls.py)
            return
        value = self.eval(node.value)
        if id(node) in self.top_level and value is not None:
            if is_data(value):
                self.hooks.on_display(value, node)
            elif (shown := display_value(self, value)) is not None:   # `layer`, `layers` (stored_objects.py)
                self.hooks.on_display(shown, node)

    def _assign_stmt(self: Interpreter, node: ast.Assign) -> None:
        if unpacks_objects(self, node):   # `a, b = A(), B()`: the objects are never a tuple
            unpack_objects(self, node)
            return
        value = self.eval(node.value)
        for target in node.targets:
            self.assign(target, value, node)

    def _annassign(self: Interpreter, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.assign(node.target, self.eval(node.value), node)
        if self.scope is self.globals:   # Python evaluates it at the top level, not in a def's body
            read_variable_annotation(self, node)

    def _augassign(self: Interpreter, node: ast.AugAssign) -> None:
        name, _, inplace_fn, inplace_name = BINARY[type(node.op)]
        target = node.target   # Python's order: the target (base, index, current value), then the value
        if isinstance(target, ast.Name):
            current = self.lookup(target.id, False)   # `cat += 1`: Python's NameError (bare_names.py)
            value = self.eval(node.value)
            result = self.apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
            self.assign(target, result, node)
        elif isinstance(target, ast.Subscript):
            base = subscript_base(self.eval(target.value))
            index = self.index_value(target.slice)
            current = attributes.get_item(self, base, index, target)
            value = self.eval(node.value)
            result = self.apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
            attributes.set_item(self, base, index, result, node)
        elif isinstance(target, ast.Attribute):
            base = self.eval(target.value)
            if not attribute_allowed(base, target.attr):
                attributes.check_attribute_name(target.attr)
            current = attributes.read_attribute(self, base, target.attr, target)
            value = self.eval(node.value)
            result = self.apply_binary(name, inplace_fn, current, value, node, inplace_of=inplace_name)
            attributes.set_attribute(self, base, target.attr, result, node)
        else:
            raise NotSupported("this augmented assignment target is not supported in Autograd Lab")

    def _if(self: Interpreter, node: ast.If) -> None:
        if self.truth(self.eval(node.test), node.test):
            self.exec_block(node.body)
        else:
            self.exec_block(node.orelse)

    def _loop_body(self: Interpreter, body: list[ast.stmt]) -> bool:
        """Run one iteration; False when the loop must stop (break)."""
        try:
            self.exec_block(body)
        except BreakLoop:
            return False
        except ContinueLoop:
            pass
        return True

    def _while(self: Interpreter, node: ast.While) -> None:
        spot = pack(node.lineno, node.col_offset + 1)
        while self._at(spot) and self.truth(self.eval(node.test), node.test):
            self.charge_loop_iterations(1, "a while loop")
            if not self._loop_body(node.body):
                return
        self.exec_block(node.orelse)

    def _at(self: Interpreter, spot: int) -> bool:
        """The while test runs at the loop's own line (sandbox_position), not its body's last one."""
        self.board[0] = spot
        return True

    def _for(self: Interpreter, node: ast.For) -> None:
        iterable = loop_iterable(self.eval(node.iter))
        items = self.iterate(iterable, node.iter)
        told = loop_hooks(self, node, known_length(iterable))
        left = known_length(iterable) if told is not None else 0
        telling = told is not None
        try:
            for item in items:
                self.charge_loop_iterations(1, "a for loop")
                if telling:
                    left -= 1
                    telling = told.on_loop(node, left)
                self.assign(node.target, item, node)
                if not self._loop_body(node.body):
                    return
        finally:
            if told is not None:
                told.on_loop_end(node)
        self.exec_block(node.orelse)

    def _break(self, node: ast.Break) -> None:
        raise BreakLoop

    def _continue(self, node: ast.Continue) -> None:
        raise ContinueLoop

    def _functiondef(self: Interpreter, node: ast.FunctionDef) -> None:
        body = node.body
        managed = False
        if node.decorator_list:
            from autogradlab.lang.context_managers import is_contextmanager_decorated, managed_function
            managed = is_contextmanager_decorated(node)
            if not managed and not is_grad_mode_decorated(node):   # `@timer`: the program's own
                from autogradlab.lang.decorators import decorated_function
                value = decorated_function(self, node)   # `f = d(f)`: listed as that assignment lists it
                self.assign(ast.Name(id=node.name, ctx=ast.Store()), value, node)
                return
            if not managed:
                body = body_under_grad_mode(self, node)   # @torch.no_grad(): the body runs inside the `with`
        if getattr(node, "type_params", None):
            raise NotSupported("type parameters are not supported in Autograd Lab")
        function = self.make_function(node.name, node.args, body, node)
        self._bind_name(node.name, managed_function(self, function, node) if managed else function)

    def _classdef(self: Interpreter, node: ast.ClassDef) -> None:
        from autogradlab.lang.class_checks import is_plain_class, program_classes
        if self.class_names is None:
            self.class_names = program_classes(self.tree)
        if is_plain_class(node, self.class_names):
            from autogradlab.lang.class_dispatch import define_plain_class
            define_plain_class(self, node, self.class_names)   # lang/plain_classes.py
            return
        from autogradlab.lang.custom_functions import define_class
        define_class(self, node)   # a custom autograd Function

    def _return(self: Interpreter, node: ast.Return) -> None:
        if self.scope.function_name is None:
            raise NotSupported("`return` outside a function")
        value = None if node.value is None else self.eval(node.value)
        raise ReturnValue(value if isinstance(value, RETURNABLE)
                          else returned_value(self, value))

    def _assert(self: Interpreter, node: ast.Assert) -> None:
        if not self.truth(self.eval(node.test), node.test):
            message = "" if node.msg is None else text_of(self, self.eval(node.msg))
            error = ProgramValueError(f"assertion failed{': ' + message if message else ''}")
            error.py_type, error.py_message = AssertionError, message
            raise error

    def _delete(self: Interpreter, node: ast.Delete) -> None:
        """`del name`, `del x[i]`, `del x[a:b]`, `del d[k]`, `del a, b[0]`: left to right, as Python."""
        for target in node.targets:
            self._delete_target(target)

    def _delete_target(self: Interpreter, target: ast.expr) -> None:
        if isinstance(target, ast.Name):
            self.scope.delete(target.id)
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._delete_target(element)
        elif isinstance(target, ast.Subscript):
            base = require_storable(self.eval(target.value), "before `[...]`")
            delete_item(self, base, self.index_value(target.slice))
        elif isinstance(target, ast.Attribute):   # `del obj.x` (lang/attribute_deletion.py)
            from autogradlab.lang.attribute_deletion import delete_attribute
            delete_attribute(self, self.eval(target.value), target.attr)
        else:
            raise NotSupported("only `del name` and `del x[i]` are supported in Autograd Lab")

    def _with(self: Interpreter, node: ast.With) -> None:
        """`with torch.no_grad():` and the other grad-mode managers (lang/grad_managers.py), and the
        program's objects defining `__enter__`/`__exit__` (lang/with_objects.py). Every mode is restored
        however the block ends (error, return, break)."""
        run_with(self, node.items, lambda: self.exec_block(node.body))

    def _import(self: Interpreter, node: ast.Import) -> None:
        for alias in node.names:
            namespace = resolve_import(alias.name)
            if alias.asname:
                self._bind_name(alias.asname, namespace)
            else:
                top = alias.name.split(".")[0]
                self._bind_name(top, resolve_import(top))

    def _importfrom(self: Interpreter, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if is_future_import(node):   # `from __future__ import print_function`: nothing to do
            from autogradlab.lang.annotation_names import note_future
            note_future(self, node)   # `annotations`: a def's annotations stay unread
            return
        if node.level:
            raise NotSupported("relative imports are not supported in Autograd Lab")
        namespace = resolve_import(module)
        for alias in node.names:
            if alias.name == "*":
                if module not in STAR_MODULES:
                    raise NotSupported(f"`from {module} import *` is not supported in Autograd Lab")
                for name in star_names(module, namespace):   # numpy's __all__, math's public names
                    self._import_member(namespace, name, name)
                self.__dict__.setdefault("_star_modules", []).append(module)   # name_binding.lookup
                continue
            starred = module == "numpy" and alias.name in star_names(module, namespace)   # as `import *`
            if not starred and (alias.name not in namespace.members
                                or f"{module}.{alias.name}" not in ALLOWED_IMPORTS):
                if not library_has(module, alias.name):   # Python's ImportError, without the module's path
                    from autogradlab.lang.operators import python_error
                    raise python_error(ImportError(f"cannot import name '{alias.name}' from '{module}'"))
                raise import_refusal(module, alias.name)
            self._import_member(namespace, alias.name, alias.asname or alias.name)

    def _import_member(self: Interpreter, namespace: Any, name: str, bound: str) -> None:
        value = module_constants.read(self, namespace, name) \
            if module_constants.is_constant(namespace, name) else namespace.members[name]
        if type(value) is dict:   # `from numpy import typecodes`: a copy, as np.typecodes is read
            value = dict(value)
        elif type(value) is list:   # `from keyword import kwlist`: the run's own copy (keyword_module.py)
            from autogradlab.lang.keyword_module import run_list
            value = run_list(self, namespace, name, value)
        self._bind_name(bound, value)
        if self.scope.is_global and listed_import(value):   # `from torch import pi, float64`, `from numpy
            self._assigned.setdefault(bound, None)     # import ogrid`: data Python lists

    def _bind_name(self: Interpreter, name: str, value: Any) -> None:
        """An import or a def binds `name`; at the top level its place in the Variables table is taken
        now, as Python's namespace keeps a name where it was first bound (`from torch.func import grad`,
        later `grad = vjpfunc(v)[0]`: listed where the import was). Only for a function or a module:
        a value the table would list (`from torch.autograd import Variable`, a type) stays unlisted."""
        self.scope.set(name, value)
        if self.scope.is_global and not is_data(value) and type(value) not in STORED_OBJECT_TYPES:
            self._assigned.setdefault(name, None)


def starred_refusal(modules: list[str], name: str) -> Exception | None:
    """A name `from numpy import *` binds in Python but not here (`savetxt`, `matrix`): refused by its
    module's name, as `np.savetxt` is (attribute_errors.py), not a NameError Python would not give."""
    from autogradlab.lang.attribute_errors import _no_module_member
    from autogradlab.lang.namespaces import resolve_import
    for module in modules:
        if name in _public_names(module):
            return _no_module_member(resolve_import(module), name)
    return None


@functools.cache
def _public_names(module: str) -> frozenset[str]:
    import importlib
    real = importlib.import_module(module)   # numpy or math (STAR_MODULES), imported already
    return frozenset(getattr(real, "__all__", None) or [n for n in vars(real) if not n.startswith("_")])


def star_names(module: str, namespace: Any) -> list[str]:
    """What `from module import *` binds: the names Python would bind (numpy's __all__, math's public
    names, in their order) that the module's namespace here has; the others stay unbound."""
    import importlib
    real = importlib.import_module(module)   # numpy or math (STAR_MODULES), imported already
    public = getattr(real, "__all__", None) or [name for name in vars(real) if not name.startswith("_")]
    return [name for name in public if name in namespace.members]

