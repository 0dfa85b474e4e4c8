"""Session 42 (breadth): messages of `s.encode(...)` (lang/bytes_values.py). The English texts give back the
engine's sentences exactly."""

EN = {
    "errors_s42breadth.encode_codec": "Autograd Lab supports `s.encode(encoding, errors)` with encoding "
                                      "utf-8, ascii, latin-1, utf-16, utf-32, gbk, gb2312 or gb18030 and "
                                      "errors strict, ignore or replace",
    "errors_s42breadth.encode_args": "Autograd Lab supports `s.encode(encoding, errors)`",
    "errors_s42breadth.method_value": "the method `.{name}` of {type} values without its call is not "
                                      "supported in Autograd Lab; call it: `.{name}(...)`",
}

ZH = {
    "errors_s42breadth.encode_codec": "Autograd Lab 支持的 `s.encode(encoding, errors)`：encoding 为 utf-8、"
                                      "ascii、latin-1、utf-16、utf-32、gbk、gb2312 或 gb18030，errors 为 "
                                      "strict、ignore 或 replace",
    "errors_s42breadth.encode_args": "Autograd Lab 支持 `s.encode(encoding, errors)`",
    "errors_s42breadth.method_value": "Autograd Lab 不支持不加调用地使用 {type} 值的方法 `.{name}`；"
                                      "请调用它：`.{name}(...)`",
}
