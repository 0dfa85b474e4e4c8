"""operator.itemgetter (lang/item_getter.py): `key=itemgetter(1)` as sorting lessons write it, against
plain Python as the oracle; its items are counted as a sequence, and its call indexes as `obj[i]` does."""

from __future__ import annotations

import contextlib
import io

import pytest

from autogradlab.engine import run_program

CASES = {
    "sorted_key": "from operator import itemgetter\npairs = [(1, 'b'), (2, 'a'), (0, 'c')]\n"
                  "print(sorted(pairs, key=itemgetter(1)))\n",
    "module_form": "import operator\npairs = [(1, 'b'), (2, 'a')]\n"
                   "print(sorted(pairs, key=operator.itemgetter(0), reverse=True))\n",
    "several": "from operator import itemgetter\ng = itemgetter(0, 2)\nprint(g, g([5, 6, 7]), g('xyz'))\n",
    "dict_items": "from operator import itemgetter\nd = {'a': 3, 'b': 1}\n"
                  "print(sorted(d.items(), key=itemgetter(1)), max(d.items(), key=itemgetter(1)))\n"
                  "print(itemgetter('a')(d))\n",
    "tensor": "import torch\nfrom operator import itemgetter\nt = torch.arange(6.0).reshape(2, 3)\n"
              "print(itemgetter(1)(t), itemgetter(slice(0, 2))([1, 2, 3]))\n",
    "map": "from operator import itemgetter\nprint(list(map(itemgetter(0), [(1, 2), (3, 4)])))\n",
    "errors": "from operator import itemgetter\n"
              "for call in (lambda: itemgetter(5)([1]), lambda: itemgetter(), lambda: itemgetter(1)(),\n"
              "             lambda: itemgetter(1)([1, 2], [3]), lambda: itemgetter('k')({})):\n"
              "    try:\n        call()\n    except (IndexError, TypeError, KeyError) as e:\n"
              "        print(type(e).__name__, e)\n",
}


def _plain(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "oracle", "exec"), {"__name__": "__main__"})  # noqa: S102 - test text
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CASES))
def test_itemgetter_runs_as_python(name: str) -> None:
    source = CASES[name]
    report = run_program(source)
    assert report.error is None, report.error
    assert "".join(report.printed) == _plain(source)


def test_many_items_are_counted_before_the_getter_is_made() -> None:
    report = run_program("from operator import itemgetter\ng = itemgetter(*range(200_000))\n")
    assert report.error is not None and report.error.kind == "limit" and report.error.line == 2
    assert run_program("from operator import itemgetter\ng = itemgetter(*range(1_000))\n").error is None


def test_the_getter_indexes_as_a_subscript_does() -> None:
    """A huge advanced index through the getter is refused as `t[index]` is."""
    source = ("import torch\nfrom operator import itemgetter\nt = torch.zeros(10)\n"
              "i = torch.zeros(10_000_000, dtype=torch.long)\nprint(itemgetter(i)(t).shape)\n")
    direct = run_program(source.replace("itemgetter(i)(t)", "t[i]"))
    through = run_program(source)
    assert (direct.error is None) == (through.error is None)
    if direct.error is not None:
        assert through.error.kind == direct.error.kind and through.error.line == direct.error.line
