"""engine/tensor_numbers.py: a numbered tensor's entry is its weak reference; when the tensor dies
(Python frees it), every id-keyed fact about it goes and max_ops stops counting it."""

import ast

import torch

from autogradlab.engine.recorder import Recorder


def node(line: int) -> ast.AST:
    return ast.parse("\n" * (line - 1) + "y = f(x)").body[0].value


def test_a_result_that_dies_leaves_no_fact_behind_and_is_no_longer_counted():
    rec = Recorder("y = f(x)")
    x = torch.ones(3)
    y = x * 2
    rec.on_op("mul", (x, 2), {}, y, node(1), None)
    rec.on_assign("y", y, ast.parse("y = f(x)").body[0], None)
    key = id(y)
    assert rec.alive_results == 1 and rec.tensor_id(x) == 0 and rec.tensor_id(y) == 1
    assert key in rec._ids and key in rec._created_by and rec.name_of(y) == "y"
    rec.on_assign("y", 0.5, ast.parse("y = f(x)").body[0], None)   # the recorder let go of it
    del y                                                         # ... and so does the program
    assert rec.alive_results == 0
    assert key not in rec._ids and key not in rec._created_by and key not in rec._names
    z = torch.zeros(3)   # may get the dead tensor's id: it is a new tensor all the same
    assert rec.tensor_id(z) == 2 and rec.name_of(z) is None


def test_an_input_that_later_comes_out_of_an_op_counts_as_a_result_once():
    rec = Recorder("")
    x = torch.ones(3)
    rec.tensor_id(x)                                   # seen first as an input
    assert rec.alive_results == 0
    rec.on_op("mul_", (x, 2), {}, x.mul_(2), node(1), None)   # in place: the same tensor comes out
    rec.on_op("add_", (x, 1), {}, x.add_(1), node(1), None)
    assert rec.alive_results == 1 and rec.tensor_id(x) == 0
    del x
    assert rec.alive_results == 0 and not rec._ids
