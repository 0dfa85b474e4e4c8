"""safe_values.is_data after the issue-9 speed work (short lists walked without a set/dict, exact
list/tuple skipping the type tests) answers exactly as the walk it replaced, on nested, shared,
cyclic and deep values with a non-data value hidden at every position, within and past the
walk's container budget."""

from __future__ import annotations

import random

import pytest
import torch

from autogradlab.lang import safe_values as sv
from autogradlab.lang.safe_values import Namespace, UserFunction, is_data


@pytest.fixture(autouse=True)
def _fresh_run_state():
    """is_data as a fresh run starts it: a program run earlier in this process that stored an object of its
    classes in a list leaves the exact walk on until the next run's Interpreter resets it (safe_values
    note_stored_object), and these tests compare the budgeted walk (found by CI's file order, session 43)."""
    sv.reset_stored_objects()
    yield
    sv.reset_stored_objects()


def reference(value) -> bool:
    """The walk as it was before (session 6), kept here as the oracle."""
    if type(value) in sv._ATOM_TYPES:
        return True
    seen: set[int] = set()
    keep: list = []
    stack = [value]
    budget, containers = sv.DATA_CHECK_ITEMS, sv.DATA_CHECK_CONTAINERS
    while stack and budget > 0 and containers > 0:
        item = stack.pop()
        if isinstance(item, sv._ATOMS):
            continue
        if not isinstance(item, (tuple, list, *sv._MAPPINGS)):
            return False
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, sv._MAPPINGS):
            keep.append(item)
            item = list(item.values()) if isinstance(item, dict) else list(item)
        budget -= len(item)
        containers -= 1
        if set(map(type, item)) <= sv._ATOM_TYPES:
            continue
        distinct = dict(zip(map(id, item), item, strict=True))
        stack.extend(x for key, x in distinct.items() if type(x) not in sv._ATOM_TYPES and key not in seen)
    return True


def _bad():
    return random.choice([UserFunction("f", [], [], [], None, None), Namespace("torch", {}), object(), print])


def _value(rng: random.Random, depth: int, pool: list):
    roll = rng.random()
    if depth <= 0 or roll < 0.3:
        return rng.choice([1, 2.5, "s", None, True, torch.ones(2), torch.Size([2]), range(3)])
    if roll < 0.35:
        return _bad()
    if roll < 0.45 and pool:
        return rng.choice(pool)        # shared inner containers
    size = rng.choice([0, 1, 1, 2, 3, 4, 5, 8])
    items = [_value(rng, depth - 1, pool) for _ in range(size)]
    kind = rng.choice(["list", "tuple", "dict", "keys", "values"])
    made = {"list": lambda: items, "tuple": lambda: tuple(items),
            "dict": lambda: {i: v for i, v in enumerate(items)},
            "keys": lambda: list({i: v for i, v in enumerate(items)}.values()),
            "values": lambda: {i: v for i, v in enumerate(items)}.values()}[kind]()
    pool.append(made)
    return made


@pytest.mark.parametrize("seed", range(300))
def test_random_nested_values_answer_as_before(seed):
    rng = random.Random(seed)
    random.seed(seed)
    value = _value(rng, rng.choice([2, 4, 8]), [])
    assert is_data(value) == reference(value)


@pytest.mark.parametrize("depth", [1, 10, *(sv.DATA_CHECK_CONTAINERS + k for k in (-2, -1, 0, 1)), 5000])
@pytest.mark.parametrize("width", [1, 4, 5])
def test_deep_nesting_with_a_function_at_the_bottom(depth, width):
    value = [print]
    for _ in range(depth):
        value = [value] + [0] * (width - 1)
    assert is_data(value) == reference(value)
    # found while the budget lasts; deeper, the checks where values go into lists are what refuses
    assert is_data(value) is (depth >= sv.DATA_CHECK_CONTAINERS - 1)


def test_cycles_and_shared_lists():
    a = [1, 2]
    a.append(a)
    b = [a, a, (a, [a])]
    assert is_data(b) and reference(b)
    b[2][1].append(print)
    assert not is_data(b) and not reference(b)


@pytest.mark.parametrize("depth", [0, 1, 2, *(sv.DATA_CHECK_CONTAINERS + k for k in (-3, -2, -1, 0, 1)), 300])
@pytest.mark.parametrize("end", ["bad", "atom", "wide", "cycle", "dict"])
def test_one_item_chains_of_lists_and_tuples(depth, end):
    """The walk down `x = [x]`-style chains (safe_values._one_item_chain) answers as the reference at
    every depth around the container budget, whatever ends the chain."""
    bottom = {"bad": print, "atom": 3, "wide": [1, 2, print], "dict": {"k": [print]}, "cycle": None}[end]
    value = [bottom]
    first = value
    for level in range(depth):
        value = [value] if level % 3 else (value,)
    if end == "cycle":
        first[0] = value   # the chain's bottom holds its top
    assert is_data(value) == reference(value)
    assert is_data([1, value]) == reference([1, value])
    assert is_data((value, print)) is False
