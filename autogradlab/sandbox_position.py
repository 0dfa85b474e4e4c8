"""Where a job's program is: the line and column of the statement it is running, for the hard time limit.

The interpreter's own time check runs between steps, so a program stuck in one long C call (a big
`pinv`, `matrix_exp`, a matmul chain) is only stopped by the zygote killing its job process, and
that kill used to say nothing about where. The zygote maps 8 shared bytes (anonymous, MAP_SHARED)
before it forks each job process; the job's interpreter writes the packed position of every
statement it starts into them (one memoryview store, ~0.1 µs), and the zygote reads them after
the kill. Outside a sandbox job the store goes to a private buffer nobody reads.

The job ran a user program, so what it wrote is untrusted: `unpack` turns any 8 bytes into two
non-negative ints and `place` keeps a line only if the program has it (else no position at all).
Never imports torch.
"""

from __future__ import annotations

import mmap
import sys

SIZE = 8
COLUMN_BITS = 20
_COLUMN_MASK = (1 << COLUMN_BITS) - 1
_LINE_MAX = (1 << 40) - 1

_board = memoryview(bytearray(SIZE)).cast("q")   # outside a sandbox job: written, never read


def new_area() -> mmap.mmap:
    """The shared bytes of one job process, made by the zygote before the fork; 0 = no position."""
    return mmap.mmap(-1, SIZE, flags=mmap.MAP_SHARED)


def install(area: mmap.mmap) -> None:
    """In the forked job process: statements write their positions into `area` from now on."""
    global _board
    _board = memoryview(area).cast("q")
    _board[0] = 0


def board() -> memoryview:
    """What the interpreter writes `pack(line, column)` into (index 0); read once per run."""
    return _board


def pack(line: int, column: int) -> int:
    return min(max(line, 0), _LINE_MAX) << COLUMN_BITS | min(max(column, 0), _COLUMN_MASK)


def unpack(data: bytes) -> tuple[int, int]:
    """(line, column) from what a job wrote; any bytes give two ints in range, 0 meaning none."""
    value = int.from_bytes(bytes(data[:SIZE]).ljust(SIZE, b"\0"), sys.byteorder)
    return (value >> COLUMN_BITS) & _LINE_MAX, value & _COLUMN_MASK


def place(line: object, column: object, source: str) -> tuple[int | None, int | None]:
    """A reported position checked against the program: (None, None) unless `line` is one of its
    lines; the column only if it falls on that line (1-based, up to one past its end)."""
    if type(line) is not int or line < 1:
        return None, None
    lines = source.split("\n")
    if line > len(lines):
        return None, None
    if type(column) is not int or not 1 <= column <= len(lines[line - 1]) + 1:
        return line, None
    return line, column

