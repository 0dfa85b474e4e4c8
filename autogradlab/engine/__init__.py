"""Runs a program and produces a Report (see engine/run.py).

`run_program` is imported on first use (PEP 562), so the torch-free modules of this package
(eigen, eigen_words, eigen_presets, eigen_sources) can be imported without torch: the CLI's
`gallery`, `--help` and typed-matrix `eigen` stay fast, and the UI process stays torch-free."""

from __future__ import annotations

from typing import Any

__all__ = ["run_program"]


def __getattr__(name: str) -> Any:
    if name == "run_program":
        from autogradlab.engine.run import run_program

        return run_program
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
