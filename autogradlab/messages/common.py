"""Texts shared by every page: the Run button, navigation, language and presentation toggles."""

EN = {
    "common.run": "Run",
    "common.language": "Language",
}

ZH = {
    "common.run": "运行",
    "common.language": "语言",
}
