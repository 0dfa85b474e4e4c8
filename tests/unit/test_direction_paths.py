"""A tangent direction given to a leaf's path (`layers[0].w`, `d['w']`) in the three places a direction
is written: the link's `dir` (round trip through the URL's encoding), the Steps page's field (several
directions split at `;` outside quotes) and the CLI's `--direction` (the JSON names the path)."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import numpy as np
import pytest

from autogradlab import links
from autogradlab.leaf_paths import is_path, leaf_name, seedable, split_direction, split_parts
from autogradlab.report import GraphNode
from autogradlab.steps_json import parse_direction_arg
from tests.unit.cli_run import in_process as cli

PATHS = ["layers[0].w", "params[1]", "d['w']", 'd["it\'s"]', "d['a=b;c']", "net.w", "xs[-1]",
         "model['layers'][0].b", "flags[True]", "layers[10].w"]
LAYERS = ("import torch\n"
          "class Layer:\n"
          "    def __init__(self):\n"
          "        self.w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)\n"
          "layers = [Layer(), Layer()]\n"
          "y = (layers[0].w * layers[1].w ** 2).sum()\n")


@pytest.mark.parametrize("path", PATHS)
def test_a_path_round_trips_through_the_links_dir_parameter(path: str):
    text = links.format_direction(path, [[1, 0], [0.5, -2]])
    url = "http://host/steps?" + urlencode({"mode": "tangent", "dir": text})
    back = parse_qs(urlsplit(url).query)["dir"]
    assert back == [text]
    assert links.parse_direction(back[0]) == (path, [[1, 0], [0.5, -2]])


@pytest.mark.parametrize("path", PATHS)
def test_the_cli_reads_a_path(path: str):
    assert parse_direction_arg(f"{path}=[1,0,0]") == (path, [1, 0, 0])


@pytest.mark.parametrize("text", [
    "layers[0]..w=1", "layers[0.w=1", "layers[x]=1", "d['w=1", "[0]=1", "0x=1", "layers[0].=1",
    "layers[0] .w=1", "d[w']=1", "x.__class__", "layers[0].w",
])
def test_what_is_not_a_name_and_values_is_refused(text: str):
    with pytest.raises(links.LinkError, match="NAME=VALUES"):
        links.parse_direction(text)
    with pytest.raises(ValueError, match="NAME=VALUES"):
        parse_direction_arg(text)


def test_a_dunder_path_is_only_a_name_compared_with_the_graphs_labels():
    """Never evaluated: `x.__class__` reads as a path and is then refused as no leaf of the graph."""
    assert links.parse_direction("x.__class__=1") == ("x.__class__", 1)


def test_the_fields_parts_split_at_semicolons_outside_quotes():
    assert split_parts("x=[1,0]; d['a;b']=2 ;; layers[0].w=1") == ["x=[1,0]", "d['a;b']=2", "layers[0].w=1"]
    assert split_parts("d[\"it's;\"]=1;y=2") == ["d[\"it's;\"]=1", "y=2"]
    assert split_parts("d['\\';']=1;y=2") == ["d['\\';']=1", "y=2"]


def test_the_name_ends_where_its_grammar_does():
    assert split_direction("d['a=b']=[1]") == ("d['a=b']", "[1]")
    assert split_direction("  w = 2") == ("w", " 2")
    assert split_direction("=2") is None


def test_only_paths_and_variables_name_a_leaf():
    assert is_path("layers[0].w") and is_path("d['w']") and is_path("net.w")
    assert not is_path("w") and not is_path("t3") and not is_path("") and not is_path(None)
    assert leaf_name("leaf", None, "layers[0].w") == "layers[0].w"
    assert leaf_name("leaf", "w", "w") == "w"
    assert leaf_name("leaf", None, "t3") is None and leaf_name("leaf", None, "x") is None
    assert leaf_name("op", None, "layers[0].w") is None


def test_seedable_leaves_put_variables_first_and_skip_integer_leaves():
    def leaf(label, var=None, dtype="float32", shape=(3,)):
        return GraphNode(id=label, kind="leaf", label=label, var=var, dtype=dtype, shape=shape)
    nodes = [leaf("layers[0].w"), leaf("t4"), leaf("n", var="n", dtype="int64"),
             leaf("w", var="w", shape=(2,)), GraphNode(id="o", kind="op", label="mul")]
    assert seedable(nodes) == [("w", (2,)), ("layers[0].w", (3,))]


def test_the_cli_json_names_the_path_and_gives_its_tangent(tmp_path):
    path = tmp_path / "layers.py"
    path.write_text(LAYERS)
    result = cli("run", "--json", "--steps", "--direction", "layers[1].w=[0,1,0]", str(path))
    assert result.returncode == 0, result.stderr
    tangent = json.loads(result.stdout)["steps"]["tangent"]
    assert tangent["direction"] == {"layers[1].w": [0.0, 1.0, 0.0]}
    # y = Σ w₀·w₁²: along e₂ of w₁, ẏ = 2·w₀[1]·w₁[1] = 2·2·2 = 8
    np.testing.assert_allclose(tangent["entries"][-1]["tangent"], 8.0)


def test_the_cli_refuses_an_unknown_path_and_lists_the_leaves(tmp_path):
    path = tmp_path / "layers.py"
    path.write_text(LAYERS)
    result = cli("run", "--json", "--steps", "--direction", "layers[2].w=[0,1,0]", str(path))
    assert result.returncode != 0
    assert "layers[2].w: not a named leaf" in result.stderr and "layers[0].w, layers[1].w" in result.stderr


def test_the_pickers_e1_text_is_the_first_element_of_the_leafs_shape():
    from components.direction_leaves import e1_text

    assert e1_text("w", ()) == "w=1"
    assert e1_text("layers[0].w", (3,)) == "layers[0].w=[1,0,0]"
    assert e1_text("net.w", (2, 3)) == "net.w=[[1,0,0],[0,0,0]]"
    assert links.parse_direction(e1_text("d['w']", (2, 1, 2))) == ("d['w']", [[[1, 0]], [[0, 0]]])
    assert e1_text("p[0]", (0,)) is None


def test_the_picker_offers_a_leaf_whose_e1_fits_in_a_link_parameter_and_no_larger():
    """`p[0]=[1,0,…]` of n elements has 2n + 6 characters: n = 1997 is the largest that fits in
    links.MAX_PARAM_CHARS (4,000), and its text is read back from a link; a leaf of a billion
    elements is refused before any list is built."""
    from components.direction_leaves import e1_text

    fits = e1_text("p[0]", (1997,))
    assert len(fits) == links.MAX_PARAM_CHARS == 4_000
    assert links.parse_direction(fits)[0] == "p[0]"
    assert e1_text("p[0]", (1998,)) is None
    assert e1_text("p[0]", (10**9,)) is None


@pytest.mark.parametrize("text", [
    "a['" + "\\'" * 50_000, "a" + "[0]" * 30_000 + "x", "a" + ".b" * 50_000 + "[", 'a["' + "x" * 100_000,
])
def test_a_hostile_name_is_refused_in_linear_time(text: str):
    """The name's grammar has no nested repeats that backtrack: 100,000 characters take
    milliseconds (a link's `dir` is cut at 4,000 before it is read; the CLI's argument is not)."""
    import time

    started = time.perf_counter()
    assert split_direction(text) is None
    split_parts(text)
    assert time.perf_counter() - started < 1.0
