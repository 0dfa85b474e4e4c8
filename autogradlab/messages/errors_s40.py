"""Session 40: messages of lang/display_calls.py (a notebook's display(x)) and class_checks' hint for a call
in a class body. The English texts give back the engine's sentences exactly."""

EN = {
    "errors_s40.display_keywords": "Autograd Lab supports `display(value, ...)` without keyword arguments "
                                   "(`{name}=` was given)",
    "errors_s40.display_limit": "the program showed more than {limit} values with display(); the limit is "
                                "{limit}",
    "errors_s40.display_limit_hint": "show fewer values, e.g. only every 100th pass of a loop, or print them",
    "errors_s40.class_call_hint": "make the call after the class or inside a method (a plotting "
                                  "statement such as `plt.plot(...)` outside a class body is skipped, its "
                                  "arguments run)",
}

ZH = {
    "errors_s40.display_keywords": "Autograd Lab 只支持不带关键字参数的 `display(value, ...)`"
                                   "（传入了 `{name}=`）",
    "errors_s40.display_limit": "程序用 display() 显示了超过 {limit} 个值；上限是 {limit}",
    "errors_s40.display_limit_hint": "少显示一些值，例如循环中每 100 次才显示一次，或者用 print 输出",
    "errors_s40.class_call_hint": "把这个调用放到类的后面或某个方法里（类体之外作为语句的绘图调用，如 "
                                  "`plt.plot(...)`，会被跳过，它的参数照常运行）",
}
