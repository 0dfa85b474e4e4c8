"""Links: what is said when a link (or a typed link-style value) cannot be used."""

EN = {
    "links.bad_link": "**This link could not be used as it is:** {message}. Showing the default instead.",
}

ZH = {
    "links.bad_link": "**此链接无法按原样使用：** {message}。已改为显示默认内容。",
}
