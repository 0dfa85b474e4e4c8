"""Issue 10 §2: a node's id is the same in the CLI JSON (`run --json`), in the exported SVG
(`export`, and the Graph page's SVG download, which draws the same DOT) and in the clickable drawing.
A leaf used by several ops is drawn again beside each further consumer as `<leaf id>~<consumer id>`."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from tests.unit.cli_run import in_process

pytestmark = pytest.mark.skipif(subprocess.run(["which", "dot"], capture_output=True).returncode != 0,
                                reason="Debian graphviz (`dot`) is not installed")

FAN_OUT = ("import torch\nx = torch.tensor(2.0, requires_grad=True)\nb = x * x\nc = b + x\nd = c * b\n"
           "d.backward()\n")
SHARED_LEAF = ("import torch\nx = torch.tensor([0.5, 1.0], requires_grad=True)\ny = x\nfor i in range(4):\n"
               "    y = torch.sin(y) * 1.01 + 0.1 * x\nz = y.sum()\nz.backward()\n")
NODE_IDS = re.compile(r'<g id="([^"]+)" class="node"')


def cli_graph(path) -> dict:
    done = in_process("run", "--json", str(path))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["graph"]


_EXPORTED: dict[str, list[str]] = {}   # one export per program (it also writes PNG, PDF and a GIF)


def exported_ids(path, out) -> list[str]:
    source = path.read_text()
    if source not in _EXPORTED:
        done = in_process("export", str(path), "--out", str(out))
        assert done.returncode == 0, done.stderr
        [svg] = [p for p in out.iterdir() if p.name.endswith("-graph.svg")]
        _EXPORTED[source] = NODE_IDS.findall(svg.read_text())
    return _EXPORTED[source]


@pytest.mark.parametrize("source", [FAN_OUT, SHARED_LEAF], ids=["fan_out", "shared_leaf"])
def test_exported_svg_and_cli_json_name_nodes_alike(tmp_path, source):
    path = tmp_path / "program.py"
    path.write_text(source)
    graph = cli_graph(path)
    json_ids = [node["id"] for node in graph["nodes"]]
    edges = {tuple(edge) for edge in graph["edges"]}
    drawn = exported_ids(path, tmp_path / "out")
    primary = [i for i in drawn if "~" not in i]
    assert sorted(primary) == sorted(json_ids)          # every node once, under its JSON id
    for copy in (i for i in drawn if "~" in i):          # a leaf drawn again beside a consumer
        leaf, consumer = copy.split("~")
        assert (leaf, consumer) in edges
        assert next(n for n in graph["nodes"] if n["id"] == leaf)["kind"] == "leaf"


def test_the_graph_pages_drawing_uses_the_exported_ids(tmp_path):
    """The page draws `annotated_dot` of the run's graph (components/graph_view.py): same ids as the
    exported file, so a click on the page names the node the CLI and the export name."""
    from autogradlab.engine.run import run_program
    from autogradlab.render.dot import annotated_dot
    from autogradlab.render.export import svg_for_web

    path = tmp_path / "program.py"
    path.write_text(FAN_OUT)
    report = run_program(FAN_OUT)
    page = NODE_IDS.findall(svg_for_web(annotated_dot(report.graph, max_nodes=500, fold=False)))
    assert page == exported_ids(path, tmp_path / "out")
    assert sorted(page) == sorted(node["id"] for node in cli_graph(path)["nodes"])
