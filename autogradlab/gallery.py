"""The gallery: every code example of the lessons, with where it opens and a link to open it there.

The programs live in `lessons/` at the top of the repository (shipped with the app, read by the
tests too), described by `lessons/gallery.toml`: a stable id, English and 简体中文 titles, the lesson
it comes from and the page that shows it best. Pure (no Streamlit, no torch): the /gallery page, the
CLI (`python -m autogradlab gallery`) and the exporters read the same records.

    find("autograd-dot-example").link()   -> "/steps?code=eJy...&..."
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from autogradlab.links import encode_code

REPO = Path(__file__).resolve().parent.parent
LESSONS_DIR = REPO / "lessons"
CATALOGUE = LESSONS_DIR / "gallery.toml"

# Page name -> URL path, as in shared/links.md (the Graph page is the app's root).
PAGE_PATHS = {"graph": "/", "steps": "/steps", "jacobian": "/jacobian", "eigen": "/eigen"}
PAGES = tuple(PAGE_PATHS)
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PARAM_NAMES = frozenset({"output", "mode", "step", "dir", "call", "cell", "matrix", "v", "var", "fn", "at"})


class GalleryError(ValueError):
    """lessons/gallery.toml says something impossible (named: which entry, which field)."""


@dataclass(frozen=True)
class Lesson:
    id: str              # "001": the order of shared/seeds/
    title: str
    title_zh: str
    seed_file: str       # the lesson's text in shared/seeds/


@dataclass(frozen=True)
class Entry:
    id: str              # stable slug: "autograd-dot-example"
    title: str
    title_zh: str
    lesson: str          # Lesson.id ("001"); lesson(entry.lesson) gives its titles
    page: str            # "graph" | "steps" | "jacobian" | "eigen"
    source: str          # path relative to the repository root: "lessons/seed001_autograd_dot.py"
    program: str         # the program text
    seed: int = 0        # the randn/rand seed the example is shown with
    params: tuple[tuple[str, str], ...] = ()   # the page's own link parameters (Eigen: var=B)

    @property
    def file(self) -> str:
        """The program's file name in lessons/."""
        return Path(self.source).name

    def query(self) -> dict[str, str]:
        """The link's query parameters (shared/links.md): code, seed unless 0, the page's own."""
        query = {"code": encode_code(self.program)}
        if self.seed:
            query["seed"] = str(self.seed)
        query.update(self.params)
        return query

    def link(self) -> str:
        """The path and query that open this example on its page: "/steps?code=..."."""
        return f"{PAGE_PATHS[self.page]}?{urlencode(self.query())}"

    def as_json(self) -> dict[str, str]:
        """The CLI's contract: exactly these keys."""
        return {"id": self.id, "title": self.title, "title_zh": self.title_zh, "page": self.page,
                "source": self.source}


def _text(table: dict, key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise GalleryError(f"{where}: `{key}` must be a non-empty string, got {value!r}")
    return value


def _lesson(key: str, table: dict) -> Lesson:
    where = f"{CATALOGUE.name} [lessons.{key}]"
    return Lesson(key, _text(table, "title", where), _text(table, "title_zh", where),
                  _text(table, "seed", where))


def _entry(index: int, table: dict, known_lessons: dict[str, Lesson], folder: Path) -> Entry:
    where = f"{CATALOGUE.name} entry {index + 1} ({table.get('id', 'no id')})"
    entry_id = _text(table, "id", where)
    if not ID_PATTERN.match(entry_id):
        raise GalleryError(f"{where}: the id must be a lowercase slug like `autograd-dot-example`")
    page = _text(table, "page", where)
    if page not in PAGE_PATHS:
        raise GalleryError(f"{where}: unknown page {page!r} (one of {', '.join(PAGES)})")
    lesson = _text(table, "lesson", where)
    if lesson not in known_lessons:
        raise GalleryError(f"{where}: unknown lesson {lesson!r} (one of {', '.join(known_lessons)})")
    file = _text(table, "file", where)
    path = folder / file
    if Path(file).name != file or not path.is_file():
        raise GalleryError(f"{where}: no program file {file!r} in {folder.name}/")
    seed = table.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool) or seed < 0:
        raise GalleryError(f"{where}: `seed` must be a whole number ≥ 0, got {seed!r}")
    params = table.get("params", {})
    if not isinstance(params, dict) or not set(params) <= PARAM_NAMES \
            or not all(isinstance(v, str) for v in params.values()):
        raise GalleryError(f"{where}: `params` must map link parameters ({', '.join(sorted(PARAM_NAMES))}) "
                           f"to strings, got {params!r}")
    return Entry(entry_id, _text(table, "title", where), _text(table, "title_zh", where), lesson, page,
                 f"{folder.name}/{file}", path.read_text(encoding="utf-8"), seed, tuple(params.items()))


def load(catalogue: Path = CATALOGUE) -> tuple[tuple[Lesson, ...], tuple[Entry, ...]]:
    """Read and check a catalogue: every id unique, every page, lesson and file real."""
    try:
        data = tomllib.loads(catalogue.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GalleryError(f"cannot read {catalogue.name}: {exc}") from None
    known = {key: _lesson(key, table) for key, table in data.get("lessons", {}).items()}
    found = tuple(_entry(i, table, known, catalogue.parent) for i, table in enumerate(data.get("entry", [])))
    seen: set[str] = set()
    for entry in found:
        if entry.id in seen:
            raise GalleryError(f"{catalogue.name}: the id {entry.id!r} is used twice")
        seen.add(entry.id)
    return tuple(known.values()), found


@cache
def _catalogue() -> tuple[tuple[Lesson, ...], tuple[Entry, ...]]:
    return load()


def entries() -> tuple[Entry, ...]:
    """Every gallery entry, in lesson order."""
    return _catalogue()[1]


def find(entry_id: str) -> Entry | None:
    """The entry with this id, or None."""
    return next((entry for entry in entries() if entry.id == entry_id), None)


def lessons() -> tuple[Lesson, ...]:
    return _catalogue()[0]


def lesson(lesson_id: str) -> Lesson | None:
    return next((item for item in lessons() if item.id == lesson_id), None)


def search(query: str = "", lesson_id: str | None = None) -> tuple[Entry, ...]:
    """The entries of a lesson (None: all) whose id, titles or program hold every word of `query`
    (case-insensitive; Chinese words too)."""
    words = query.casefold().split()

    def hit(entry: Entry) -> bool:
        text = " ".join((entry.id, entry.title, entry.title_zh, entry.program)).casefold()
        return all(word in text for word in words)

    return tuple(entry for entry in entries() if (not lesson_id or entry.lesson == lesson_id) and hit(entry))
