"""Session 30 (red team's note): torch's allocator failing inside a call Python makes itself (a list
comparison compares the tensors) reached the program as a plain error whose text named a C++ file
(`[enforce fail at alloc_cpu.cpp:127] ... DefaultCPUAllocator`). It is now the memory error torch's own
calls give: plain words, the bytes asked for, uncatchable, no file name."""

from __future__ import annotations

import pytest

from autogradlab.errors import MemoryLimitExceeded, ProgramValueError
from autogradlab.lang.operators import python_error

ALLOCATOR = ("[enforce fail at alloc_cpu.cpp:127] data. DefaultCPUAllocator: not enough memory: you tried to "
             "allocate 25000000000000 bytes.")


CANNOT = "DefaultCPUAllocator: can't allocate memory: you tried to allocate 8 bytes. Error code 12"


@pytest.mark.parametrize("text", [ALLOCATOR, CANNOT])
def test_an_allocator_failure_is_the_memory_error(text: str) -> None:
    error = python_error(RuntimeError(text))
    assert isinstance(error, MemoryLimitExceeded)
    assert "not enough memory for the result" in str(error)
    assert ".cpp" not in str(error) and "enforce" not in str(error)


def test_other_runtime_errors_stay_the_program_s() -> None:
    error = python_error(RuntimeError("Boolean value of Tensor with more than one value is ambiguous"))
    assert type(error) is ProgramValueError and "ambiguous" in str(error)
