"""Statements run together on one line (lesson code scraped from a web page) are split and run."""

from __future__ import annotations

import torch

from autogradlab.engine import run_program
from autogradlab.lang.repair import split_run_together
from tests.oracle import run_trusted

# Seed 002, examples 1, 2 and 5, exactly as the scraped page has them.
PASTED_SUM = ('import torch mat = torch.tensor([[1.0, 2.0],[3.0, 4.0]]) jacobian = '
              'torch.autograd.functional.jacobian(lambda val: val.sum(), mat) '
              'print("Jacobian Matrix:") print(jacobian)')
PASTED_MATMUL = ('import torch def mat_mul(A, B): return torch.mm(A, B) mat1 = torch.tensor([[2.0, 3.0],'
                 '[4.0, 5.0]]) mat2 = torch.tensor([[1.0, 2.0],[3.0, 4.0]]) jacobian = '
                 'torch.autograd.functional.jacobian(lambda x: mat_mul(mat1, x), mat2) '
                 'print("Jacobian Matrix:") print(jacobian)')
PASTED_NUMPY = ('import torch import numpy as np array = np.array([[1.0, 2.0, 3.0],[4.0, 5.0, 6.0]]) '
                'mat = torch.tensor(array) jacobian = torch.autograd.functional.jacobian('
                'lambda val: val.sum(), mat) print("Jacobian Matrix:") print(jacobian)')


def test_pasted_one_line_jacobian_prints_what_plain_pytorch_prints():
    report = run_program(PASTED_SUM)
    oracle = run_trusted(split_run_together(PASTED_SUM), 0)
    assert report.ok
    assert report.printed == oracle.printed
    assert report.printed.startswith("Jacobian Matrix:\ntensor([[1., 1.],")


def test_pasted_one_line_def_runs_and_matches_plain_pytorch():
    report = run_program(PASTED_MATMUL)
    mat1 = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
    expected = torch.autograd.functional.jacobian(lambda x: torch.mm(mat1, x),
                                                  torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    assert report.ok
    assert report.printed == f"Jacobian Matrix:\n{expected}\n"


def test_pasted_one_line_numpy_example_gives_float64():
    report = run_program(PASTED_NUMPY)
    assert report.ok
    assert report.printed.rstrip().endswith("dtype=torch.float64)")


def test_repair_is_reported_in_a_note_with_the_program_that_ran():
    report = run_program(PASTED_SUM)
    assert any("separate lines" in note and "print(jacobian)" in note for note in report.notes)


def test_ops_point_at_lines_of_the_split_program():
    report = run_program(PASTED_SUM)
    tensor_op = next(op for op in report.ops if op.op == "tensor")
    assert tensor_op.line == 2
    assert tensor_op.source.startswith("mat = torch.tensor(")


def test_number_glued_to_name_is_not_split():
    assert split_run_together("x = 2x") is None
    assert run_program("x = 2x").error.hint == "write 2*x"


def test_from_import_is_kept_whole():
    repaired = split_run_together("from torch.autograd.functional import jacobian x = 1")
    assert repaired == "from torch.autograd.functional import jacobian\nx = 1"


def test_conditional_expression_is_not_split():
    assert split_run_together("y = 1 if 2 > 1 else 3 z = 4") == "y = 1 if 2 > 1 else 3\nz = 4"


def test_valid_program_is_not_touched():
    report = run_program("import torch\nx = torch.ones(2)\nprint(x)")
    assert report.notes == ()
