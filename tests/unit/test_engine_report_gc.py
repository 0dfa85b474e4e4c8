"""engine/run.py's _report_objects: in a one-shot process (a sandbox job) the objects a report part
made are frozen out of the cyclic collector instead of scanned; elsewhere the collector resumes as
before. Each case runs in a fresh interpreter: freezing is process-wide."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHECK = """
import gc, weakref
import autogradlab.engine.run as run

class Thing:
    pass

run.ONE_SHOT_PROCESS = {one_shot}
gc.collect()
frozen_before = gc.get_freeze_count()
scans = []
gc.callbacks.append(lambda phase, info: scans.append(info["generation"]) if phase == "start" else None)
with run._report_objects():
    assert not gc.isenabled()
    made = [[Thing()] for _ in range(30_000)]   # tracked objects: far past the gen-0 threshold
    probe = weakref.ref(made[0][0])
assert gc.isenabled()
young = gc.get_count()[0]
frozen = gc.get_freeze_count() - frozen_before
del made
print(young, frozen, probe() is None, len(scans))
"""


def _run(one_shot: bool) -> tuple[int, int, bool, int]:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(CHECK.format(one_shot=one_shot))], cwd=REPO,
                         capture_output=True, text=True, check=True, timeout=120).stdout.split()
    return int(out[0]), int(out[1]), out[2] == "True", int(out[3])


def test_one_shot_process_freezes_the_report_objects_without_a_scan():
    young, frozen, freed, scans = _run(True)
    assert scans == 0
    assert frozen >= 60_000          # the 30,000 lists and their 30,000 things
    assert young < 100               # the young generation starts again from (almost) nothing
    assert freed                     # frozen objects are still freed by their reference counts


def test_other_processes_keep_the_collector_as_it_was():
    young, frozen, freed, scans = _run(False)
    assert scans >= 1                # the young objects were scanned, as before
    assert frozen == 0
    assert freed


def test_a_one_shot_run_reports_what_a_normal_run_reports():
    code = """
import dataclasses, pickle
import autogradlab.engine.run as run
source = ("import torch\\nx = torch.tensor(0.5, requires_grad=True)\\ny = x\\nfor i in range(50):\\n"
          "    y = torch.sin(y) * 1.01 + 0.1 * x\\ny.backward()\\n")
def dumped():
    report = run.run_program(source)
    return pickle.dumps(dataclasses.replace(report, timing_ms=0.0))
normal = dumped()
run.ONE_SHOT_PROCESS = True
print(normal == dumped())
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         timeout=300).stdout.split()
    assert out == ["True"]
