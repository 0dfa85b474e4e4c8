"""The shape NumPy broadcasts shapes to, worked out in Python: np.broadcast_shapes goes through np.broadcast,
which NumPy 2 still limits to 32 dimensions (a RuntimeError "this function only supports up to 32
dimensions"), while its arrays and ufuncs take 64 (red team s44: `a + b` of two 40-dimension arrays was
that RuntimeError from the engine's size check, where NumPy adds them)."""

from __future__ import annotations


def broadcast_shape(*shapes: tuple) -> tuple[int, ...]:
    """NumPy's broadcast of `shapes`, or ValueError when two lengths of one axis differ and neither is 1."""
    rank = max((len(shape) for shape in shapes), default=0)
    result = [1] * rank
    for shape in shapes:
        for axis, length in enumerate(shape, start=rank - len(shape)):
            length = int(length)
            if length == 1 or length == result[axis]:
                continue
            if result[axis] != 1:
                raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
            result[axis] = length
    return tuple(result)
