"""Python's `string` module as lessons on Python basics use it (`string.ascii_lowercase`, `string.digits`,
`from string import punctuation`; session 38): its constant texts only, each under 101 characters.
Its Template and Formatter classes and capwords stay unoffered (refused by name)."""

from __future__ import annotations

import string

from autogradlab.lang.allowed_imports import STRING_CONSTANTS
from autogradlab.lang.safe_values import Namespace


def string_namespace() -> Namespace:
    return Namespace("string", {name: getattr(string, name) for name in STRING_CONSTANTS})
