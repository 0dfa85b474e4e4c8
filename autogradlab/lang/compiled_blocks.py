"""`with torch.no_grad():` blocks, list comprehensions, list/tuple displays and lambdas compiled
into closures (issue 9).

Like compiled.py (read its docstring first): each closure does exactly what the generic handler
does for its node, in the same order, through the same checked calls; compiled.py wraps it with
the node's step and error position. StatementsMixin._with: every item's grad mode is fixed by the
code (checker.grad_mode_of), the base `torch` of `torch.no_grad()` is evaluated (a step) and must be
the torch module, a bare `no_grad()` must not be a variable of the program; the grad mode is restored
however the block ends. ExpressionsMixin._listcomp (also generator expressions): a comprehension
scope, every iteration charged, the target bound without an assignment hook, the tests through
truth(), every element checked and the list's length charged. Anything else (an unsupported
context manager, an async comprehension) returns None: the generic handler keeps its refusal.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from autogradlab.errors import NotSupported, ProgramTypeError
from autogradlab.lang import compiled, library_generators
from autogradlab.lang.checker import grad_manager_of, grad_mode_of
from autogradlab.lang.comprehension_words import loop_words, short_circuit
from autogradlab.lang.grad_managers import run_with
from autogradlab.lang.iteration import loop_iterable
from autogradlab.lang.library_generators import library_call_of
from autogradlab.lang.safe_values import Namespace
from autogradlab.lang.scope import COMPREHENSION_BLOCKS, Scope, hide_class_scope
from autogradlab.lang.stored_objects import require_item

if TYPE_CHECKING:
    from autogradlab.lang.interpreter import Interpreter

Run = Callable[[], Any]


# -- with torch.no_grad(): -----------------------------------------------------------------------
def with_statement(interp: Interpreter, node: ast.With) -> Run | None:
    checks: list[Run] = []
    mode = None
    if not all(grad_mode_of(item) is not None for item in node.items):
        return _argument_managers(interp, node)
    for item in node.items:
        mode = grad_mode_of(item)
        func = item.context_expr.func
        if isinstance(func, ast.Attribute):
            checks.append(_torch_base(compiled.compile_expression(interp, func.value), func.attr))
        else:
            checks.append(_not_a_variable(interp, func.id))
    if mode is None:
        return None
    body = compiled.compile_block(interp, node.body)

    set_grad_mode = torch._C._set_grad_enabled   # what torch.set_grad_enabled(mode) does, minus an object

    def work() -> None:
        for check in checks:
            check()
        previous = torch.is_grad_enabled()
        try:
            set_grad_mode(mode)
            for statement in body:
                statement()
        finally:
            set_grad_mode(previous)
    return work


def _argument_managers(interp: Interpreter, node: ast.With) -> Run | None:
    """`with torch.set_grad_enabled(False):`, `with torch.inference_mode():` (and mixed items):
    lang/grad_managers.run_with, as the generic handler does, around the compiled body."""
    if not all(grad_manager_of(item) is not None for item in node.items):
        return None   # the generic handler refuses it
    body = compiled.compile_block(interp, node.body)

    def run_body() -> None:
        for statement in body:
            statement()
    return lambda: run_with(interp, node.items, run_body)


def _torch_base(base_of: Run, attr: str) -> Run:
    def check() -> None:
        base = base_of()
        if not (isinstance(base, Namespace) and base.qualname == "torch"):
            raise NotSupported(f"`with ...{attr}()` works with the torch module only",
                               hint=f"write `with torch.{attr}():`")
    return check


def _not_a_variable(interp: Interpreter, name: str) -> Run:
    def check() -> None:
        found, _ = interp.scope.find(name)
        if found:
            raise ProgramTypeError(f"`{name}` is a variable of the program here, not "
                                   f"torch.{name}", hint=f"write `with torch.{name}():`")
    return check


# -- [elt for target in iter if test ...] --------------------------------------------------------
def list_comprehension(interp: Interpreter, node: ast.ListComp | ast.GeneratorExp) -> Run | None:
    if any(generator.is_async for generator in node.generators):
        return None
    if short_circuit(interp, node):   # any(... for ...), all(... for ...): read lazily
        from autogradlab.lang.lazy_genexp import lazy_generator_expression
        return lambda: lazy_generator_expression(interp, node)
    if type(node) is ast.GeneratorExp and (called := library_call_of(interp.tree, node)) is not None:
        return lambda: library_generators.refuse(interp, node, called)   # np.sum(x for x in xs)
    levels = [(compiled.compile_expression(interp, generator.iter), generator.iter,
               _target_binder(interp, generator.target),
               [(compiled.compile_expression(interp, test), test) for test in generator.ifs])
              for generator in node.generators]
    element_of = compiled.compile_expression(interp, node.elt)
    depth = len(levels)
    loop_what, length_what = loop_words(interp, node)

    def comprehend(level: int, result: list) -> None:
        if level == depth:
            result.append(require_item(element_of(), "inside a list"))
            interp.sizes.charge_sequence(len(result), length_what, added=1)
            return
        iter_of, iter_node, bind, tests = levels[level]
        iterable = loop_iterable(iter_of(), "in a comprehension")
        if not level:   # the first iterable read: a class body around is no longer seen (scope.py)
            hide_class_scope(interp.scope)
        for item in interp.iterate(iterable, iter_node):
            interp.charge_loop_iterations(1, loop_what)
            bind(item)
            if all(interp.truth(test_of(), test) for test_of, test in tests):
                comprehend(level + 1, result)

    def work() -> list:
        result: list = []
        outer = interp.scope   # Interpreter.comprehension_scope
        interp.scope = Scope(outer, outer.function_name, comprehension=True)
        interp.scope.block = COMPREHENSION_BLOCKS[type(node)]
        try:
            comprehend(0, result)
        finally:
            interp.scope = outer
        return result
    return work


def _target_binder(interp: Interpreter, target: ast.expr) -> Callable[[Any], None]:
    """Interpreter.assign(target, item, target, hook=False): a plain name bound to a plain value
    inline, everything else through assign itself."""
    assign = interp.assign
    if not isinstance(target, ast.Name) or target.id.startswith("__"):
        return lambda value: assign(target, value, target, hook=False)
    name = target.id
    plain = compiled._PLAIN_VALUES

    def bind(value: Any) -> None:
        if type(value) in plain:
            interp.scope.vars[name] = value
        else:
            assign(target, value, target, hook=False)
    return bind


# -- [a, b, c], (a, b), lambda ---------------------------------------------------------------------
def display(interp: Interpreter, node: ast.List | ast.Tuple) -> Run | None:
    """ExpressionsMixin._list/_tuple: every element checked in order, the length charged. A `*`
    element returns None (the generic handler materializes it)."""
    if any(isinstance(element, ast.Starred) for element in node.elts):
        return None
    elements_of = [compiled.compile_expression(interp, element) for element in node.elts]
    is_list = isinstance(node, ast.List)

    def work() -> list | tuple:
        items = [require_item(element_of(), "inside a list or tuple") for element_of in elements_of]
        interp.sizes.charge_sequence(len(items), "the list")
        return items if is_list else tuple(items)
    return work


def lambda_function(interp: Interpreter, node: ast.Lambda) -> Run:
    """ExpressionsMixin._lambda: a UserFunction of the current scope (its defaults evaluated now)."""
    return lambda: interp.make_function("<lambda>", node.args, node.body, node)
