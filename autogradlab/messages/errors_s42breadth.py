"""Session 42 (breadth): messages of `s.encode(...)` (lang/bytes_values.py). The English texts give back the
engine's sentences exactly."""

EN = {
    "errors_s42breadth.encode_codec": "Autograd Lab supports `s.encode(encoding, errors)` with encoding "
                                      "utf-8, ascii, latin-1, utf-16 or utf-32 and errors strict, ignore or "
                                      "replace",
    "errors_s42breadth.encode_args": "Autograd Lab supports `s.encode(encoding, errors)`",
}

ZH = {
    "errors_s42breadth.encode_codec": "Autograd Lab 支持的 `s.encode(encoding, errors)`：encoding 为 utf-8、"
                                      "ascii、latin-1、utf-16 或 utf-32，errors 为 strict、ignore 或 replace",
    "errors_s42breadth.encode_args": "Autograd Lab 支持 `s.encode(encoding, errors)`",
}
