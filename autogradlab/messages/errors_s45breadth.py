"""Session 45 (breadth): messages of a generator expression handed to a NumPy or PyTorch function
(lang/library_generators.py). The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s45breadth.library_generator": "a generator expression given to `{called}(...)` is not "
                                           "supported in Autograd Lab (the library does not read a "
                                           "generator's items); write a list comprehension: "
                                           "`{called}([...])`",
    "errors_s45breadth.protocol_mro": "`{name}.mro()` of a {kind} class is not supported in Autograd Lab "
                                      "(Python lists typing's own classes in it)",
}

ZH = {
    "errors_s45breadth.library_generator": "Autograd Lab 不支持把生成器表达式传给 `{called}(...)`"
                                           "（这个库不会读取生成器的元素）；请改写成列表推导式："
                                           "`{called}([...])`",
    "errors_s45breadth.protocol_mro": "Autograd Lab 不支持 {kind} 类的 `{name}.mro()`"
                                      "（Python 会在其中列出 typing 自己的类）",
}
