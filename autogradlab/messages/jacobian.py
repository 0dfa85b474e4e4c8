"""Texts of the jacobian area."""

EN = {
}

ZH = {
}
