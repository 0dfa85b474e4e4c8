"""Texts of the eigen area."""

EN = {
}

ZH = {
}
