"""Texts of the graph area."""

EN = {
}

ZH = {
}
