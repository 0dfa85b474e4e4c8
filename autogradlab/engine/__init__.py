"""Runs a program and produces a Report (see engine/run.py). Importing this package imports torch."""

from autogradlab.engine.run import run_program

__all__ = ["run_program"]
