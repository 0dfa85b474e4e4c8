"""Texts of hosting a class: the teacher's /status page (issue 11)."""

EN = {
    "hosting.status_title": "Server status",
    "hosting.status_off": "The status page is off. Start the server with `AUTOGRADLAB_STATUS_KEY` set to a "
                          "secret of your choice, then open `/status?key=` followed by that secret.",
    "hosting.status_key": "This page needs the status key: open `/status?key=` followed by the secret set "
                          "in `AUTOGRADLAB_STATUS_KEY`.",
    "hosting.sessions": "Open sessions",
    "hosting.runs_per_min": "Runs, last minute",
    "hosting.busy_per_min": "“Busy” answers, last minute",
    "hosting.queued": "Runs waiting",
    "hosting.running": "Running / workers",
    "hosting.mean_run": "Mean run time",
    "hosting.memory": "Memory (PSS)",
    "hosting.unknown": "n/a",
    "hosting.starting": "Starting the program runner (PyTorch loads once, after the server starts)…",
    "hosting.totals": "Since the server started: {runs} runs, {busy} “busy” answers. Memory is the "
                      "server with its sandbox workers. Updated every {seconds} s; no program text is "
                      "shown here or written to the log.",
}

ZH = {
    "hosting.status_title": "服务器状态",
    "hosting.starting": "正在启动程序运行器（服务器启动后只需加载一次 PyTorch）…",
    "hosting.status_off": "状态页面未开启。请在启动服务器时把 `AUTOGRADLAB_STATUS_KEY` 设为你自选的密钥，"
                          "然后打开 `/status?key=` 加上该密钥。",
    "hosting.status_key": "此页面需要状态密钥：请打开 `/status?key=` 加上 "
                          "`AUTOGRADLAB_STATUS_KEY` 中设置的密钥。",
    "hosting.sessions": "在线会话",
    "hosting.runs_per_min": "最近一分钟的运行次数",
    "hosting.busy_per_min": "最近一分钟的“繁忙”答复",
    "hosting.queued": "排队中的运行",
    "hosting.running": "运行中 / 工作进程",
    "hosting.mean_run": "平均运行时间",
    "hosting.memory": "内存（PSS）",
    "hosting.unknown": "不可用",
    "hosting.totals": "自服务器启动以来：运行 {runs} 次，“繁忙”答复 {busy} 次。"
                      "内存包括服务器及其沙箱工作进程。每 {seconds} 秒更新一次；"
                      "这里不显示、日志里也不记录任何程序文本。",
}
