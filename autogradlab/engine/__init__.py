"""Runs a program and produces a Report (see engine/run.py).

`run_program` is loaded on first use: importing a torch-free submodule (eigen_presets, eigen,
eigen_words, eigen_sources: the Eigen page's pure helpers) must not import torch into the UI
process. `from autogradlab.engine import run_program` still works and imports torch then.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run_program"]


def __getattr__(name: str) -> Any:
    if name == "run_program":
        from autogradlab.engine.run import run_program

        return run_program
    raise AttributeError(f"module 'autogradlab.engine' has no attribute {name!r}")
