"""Texts of the links area."""

EN = {
}

ZH = {
}
