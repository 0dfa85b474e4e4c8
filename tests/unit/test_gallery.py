"""The gallery's catalogue (lessons/gallery.toml): sound entries, in step with the test manifest, links
that reproduce the program, the CLI's JSON contract, and the cards' figures compared with PyTorch.

Every entry's run against plain PyTorch is in test_seed_programs.py (its cases are named by entry id).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
import torch

from autogradlab import gallery, links
from autogradlab.cli import Streams, main
from autogradlab.engine import run_program
from autogradlab.gallery import GalleryError
from autogradlab.render import thumbs
from tests.programs.manifest import PROGRAMS

ENTRIES = gallery.entries()
CJK = re.compile(r"[\u4e00-\u9fff]")


def by_entry(function):
    return pytest.mark.parametrize("entry", ENTRIES, ids=[entry.id for entry in ENTRIES])(function)


def test_every_id_is_a_unique_slug():
    ids = [entry.id for entry in ENTRIES]
    assert len(ids) == len(set(ids))
    assert all(gallery.ID_PATTERN.match(entry_id) for entry_id in ids)
    assert gallery.find("autograd-dot-example").file == "seed001_autograd_dot.py"
    assert gallery.find("no-such-example") is None


@by_entry
def test_entry_is_complete(entry):
    assert entry.page in ("graph", "steps", "jacobian", "eigen")
    path = gallery.REPO / entry.source
    assert entry.source.startswith("lessons/") and path.is_file()
    assert path.read_text(encoding="utf-8") == entry.program
    assert entry.title.strip() and entry.title_zh.strip()
    assert CJK.search(entry.title_zh), "the Chinese title is written in Chinese"
    lesson = gallery.lesson(entry.lesson)
    assert lesson is not None and lesson.title and CJK.search(lesson.title_zh)


def test_every_lesson_program_is_in_the_gallery_and_the_manifest():
    files = {path.name for path in gallery.LESSONS_DIR.glob("*.py")}
    assert files == {entry.file for entry in ENTRIES}
    seed_specs = [spec for spec in PROGRAMS if spec.file.startswith("seed")]
    assert {spec.file for spec in seed_specs} == files
    keys = {(spec.file, spec.seed) for spec in seed_specs}
    missing = [entry.id for entry in ENTRIES if (entry.file, entry.seed) not in keys]
    assert not missing, f"gallery entries without expectations in tests/programs/manifest.py: {missing}"


def test_every_lesson_in_shared_seeds_has_examples():
    assert [lesson.id for lesson in gallery.lessons()] == ["001", "002", "003", "004"]
    assert {entry.lesson for entry in ENTRIES} == {"001", "002", "003", "004"}


def test_pages_follow_the_kind_of_example():
    for entry in ENTRIES:
        if "jacobian" in entry.program:
            assert entry.page == "jacobian", entry.id
        elif ".backward(" in entry.program and entry.page != "graph":
            assert entry.page == "steps", entry.id
    assert {entry.page for entry in ENTRIES} == {"graph", "steps", "jacobian", "eigen"}


@by_entry
def test_link_opens_the_entry_program_on_its_page(entry):
    parts = urlsplit(entry.link())
    assert parts.path == gallery.PAGE_PATHS[entry.page]
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert links.decode_code(query.pop("code")) == entry.program
    assert int(query.pop("seed", "0")) == entry.seed
    assert query == dict(entry.params)


def test_search_finds_english_chinese_and_code():
    assert {e.id for e in gallery.search("雅可比")} >= {"jacobian-sum", "jacobian-funx"}
    assert [e.id for e in gallery.search("detach", "001")] == ["autograd-zero-sum-detach"]
    assert {e.lesson for e in gallery.search("", "002")} == {"002"}
    assert gallery.search("no such words anywhere") == ()


def write_catalogue(tmp_path: Path, entry: str) -> Path:
    (tmp_path / "a.py").write_text("import torch\n", encoding="utf-8")
    path = tmp_path / "gallery.toml"
    path.write_text('[lessons.001]\ntitle = "T"\ntitle_zh = "课"\nseed = "s.txt"\n' + entry, encoding="utf-8")
    return path


GOOD_ENTRY = ('[[entry]]\nid = "a"\nlesson = "001"\nfile = "a.py"\npage = "graph"\n'
              'title = "A"\ntitle_zh = "甲"\n')


@pytest.mark.parametrize(("change", "says"), [
    (("", GOOD_ENTRY), "used twice"),
    (('page = "graph"', 'page = "plot"'), "unknown page 'plot'"),
    (('file = "a.py"', 'file = "../a.py"'), "no program file"),
    (('title_zh = "甲"', 'title_zh = ""'), "`title_zh` must be a non-empty string"),
    (('id = "a"', 'id = "A b"'), "lowercase slug"),
    (('lesson = "001"', 'lesson = "009"'), "unknown lesson '009'"),
])
def test_bad_catalogue_is_refused_naming_the_entry(tmp_path, change, says):
    old, new = change
    text = GOOD_ENTRY + new if old == "" else GOOD_ENTRY.replace(old, new)
    with pytest.raises(GalleryError, match=re.escape(says)):
        gallery.load(write_catalogue(tmp_path, text))
    lessons, entries = gallery.load(write_catalogue(tmp_path, GOOD_ENTRY))
    assert [entry.id for entry in entries] == ["a"] and lessons[0].title_zh == "课"


# --- CLI ------------------------------------------------------------------------------------------

def run_cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), streams=Streams(io.StringIO(), out, io.StringIO()))
    return code, out.getvalue()


def test_cli_gallery_json_is_one_object_per_entry_with_exactly_the_contract_keys():
    code, out = run_cli("gallery", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["id"] for row in rows] == [entry.id for entry in ENTRIES]
    for row, entry in zip(rows, ENTRIES, strict=True):
        assert list(row) == ["id", "title", "title_zh", "page", "source"]
        assert row == {"id": entry.id, "title": entry.title, "title_zh": entry.title_zh, "page": entry.page,
                       "source": entry.source}
    assert "雅可比" in out, "Chinese titles are written as text, not \\u escapes"


def test_cli_gallery_table_has_one_line_per_entry():
    code, out = run_cli("gallery")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(ENTRIES)
    assert lines[0].split()[:2] == [ENTRIES[0].id, ENTRIES[0].page]


# --- the cards' figures ---------------------------------------------------------------------------

def test_jacobian_card_shows_the_jacobian_pytorch_computes():
    entry = gallery.find("jacobian-matsq")
    thumb = thumbs.choose(run_program(entry.program, torchviz=False), entry.page)
    mat = torch.tensor([[2.0, 3.0], [4.0, 5.0]])
    want = torch.autograd.functional.jacobian(lambda m: torch.mm(m, m), mat).reshape(4, 4)
    assert thumb.kind == "matrix" and np.allclose(thumb.matrix, want.numpy())


def test_eigen_card_shows_the_matrix_variable_and_backward_card_the_graph():
    entry = gallery.find("symmetric-matrix")
    thumb = thumbs.choose(run_program(entry.program, torchviz=False), entry.page, dict(entry.params))
    assert thumb.kind == "matrix" and thumb.label == "B"
    assert np.array_equal(thumb.matrix, np.array([[1, 2, 3], [2, 0, 5], [3, 5, 5]]))
    entry = gallery.find("autograd-dot-example")
    assert thumbs.choose(run_program(entry.program, torchviz=False), entry.page).kind == "graph"


def test_failing_card_carries_the_error_message():
    entry = gallery.find("cat-dim2-error")
    thumb = thumbs.choose(run_program(entry.program, torchviz=False), entry.page)
    assert thumb.kind == "error" and "dimension out of range" in thumb.message


def test_heatmap_svg_draws_one_cell_per_value_up_to_the_limit():
    svg = thumbs.heatmap_svg(np.arange(6.0).reshape(2, 3) - 2)
    assert svg.count("<rect") == 6 and svg.count("<text") == 6 and ">-2<" in svg
    big = thumbs.heatmap_svg(np.ones((40, 40)))
    assert big.count("<rect") == thumbs.MAX_CELLS ** 2 and "<text" not in big
    assert thumbs.heatmap_svg(np.array([[np.nan, 1.0]])).count("#bbbbbb") == 1
