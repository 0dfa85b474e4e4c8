"""A small memo of values computed from frozen objects, kept while the object lives (render/fold.py)."""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable


class IdentityMemo:
    """What was computed from the last few frozen objects, by identity, with the rest of the question
    (e.g. a node budget, a language). An entry lives only while its object does (weakref.finalize) and at most
    `entries` are kept (least recently used first out); the key is id(obj) with the question, checked
    against a weak reference, so a reused id never answers. Meant for frozen objects and results
    that only depend on them, which threads (Streamlit sessions) may then share."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self.lock = threading.Lock()
        self.kept: OrderedDict[tuple[int, Hashable], tuple[weakref.ref, object]] = OrderedDict()
        # keys of objects that died: a finalizer may run inside any allocation, even one made under
        # the lock in this thread, so it only appends here (atomic) and the next call drops them
        self.dead: list[tuple[tuple[int, Hashable], weakref.ref]] = []

    def get(self, obj: object, question: Hashable) -> object | None:
        key = (id(obj), question)
        with self.lock:
            self._purge()
            entry = self.kept.get(key)
            if entry is None or entry[0]() is not obj:
                return None
            self.kept.move_to_end(key)
            return entry[1]

    def put(self, obj: object, question: Hashable, value: object) -> None:
        key = (id(obj), question)
        try:
            ref = weakref.ref(obj)
        except TypeError:       # not weakly referable: never kept
            return
        with self.lock:
            self._purge()
            self.kept[key] = (ref, value)
            self.kept.move_to_end(key)
            while len(self.kept) > self.entries:
                self.kept.popitem(last=False)
        weakref.finalize(obj, self._drop, key, ref)

    def _drop(self, key: tuple[int, Hashable], ref: weakref.ref) -> None:
        self.dead.append((key, ref))

    def _purge(self) -> None:
        while self.dead:
            key, ref = self.dead.pop()
            entry = self.kept.get(key)
            if entry is not None and entry[0] is ref:
                del self.kept[key]

    def __len__(self) -> int:
        with self.lock:
            self._purge()
            return len(self.kept)
