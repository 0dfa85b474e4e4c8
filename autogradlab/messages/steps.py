"""Texts of the steps area."""

EN = {
}

ZH = {
}
