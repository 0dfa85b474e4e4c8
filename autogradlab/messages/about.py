"""Texts of the about area."""

EN = {
}

ZH = {
}
