"""Per-file result cache, like ruff's.

One JSON file per (goleaklint version, effective rule configuration) under the cache
directory, mapping each file's absolute path to its size, mtime, content hash and
result. A file whose size and mtime are unchanged is not read at all; one whose stat
changed but whose content hash is the same (a fresh checkout) is not analysed again.
Writes go through a temporary file and a rename, so concurrent runs never see a torn
cache: the last writer wins, and a lost update only costs a re-analysis.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from typing import Any

from goleaklint import __version__


def content_hash(source: bytes) -> str:
    return hashlib.blake2b(source, digest_size=16).hexdigest()


def config_key(payload: Any) -> str:
    text = json.dumps([__version__, payload], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Cache:
    def __init__(self, directory: str, key: str) -> None:
        self.directory = directory
        self.path = os.path.join(directory, __version__, f"{key}.json")
        self.entries: dict[str, list] = {}
        self.dirty = False
        try:
            with open(self.path, encoding="utf-8") as handle:
                data = json.load(handle)
            if isinstance(data, dict):
                self.entries = data
        except (OSError, ValueError):
            pass  # no cache yet, or an unreadable one: start empty

    @staticmethod
    def _stat(path: str) -> tuple[int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def lookup(self, path: str) -> dict | None:
        """The cached result for path if its stat, or else its content, is unchanged."""
        entry = self.entries.get(os.path.abspath(path))
        if not entry:
            return None
        size, mtime, digest, result = entry
        stat = self._stat(path)
        if stat is None:
            return None
        if stat == (size, mtime):
            return result
        try:
            with open(path, "rb") as handle:
                same = content_hash(handle.read()) == digest
        except OSError:
            return None
        if same:
            self.entries[os.path.abspath(path)] = [*stat, digest, result]
            self.dirty = True
            return result
        return None

    def store(self, path: str, digest: str, result: dict) -> None:
        stat = self._stat(path)
        if stat is None or result.get("errors"):
            return
        self.entries[os.path.abspath(path)] = [*stat, digest, result]
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                with open(ignore, "w", encoding="utf-8") as handle:
                    handle.write("# Created by goleaklint\n*\n")
            handle_fd, tmp = tempfile.mkstemp(dir=os.path.dirname(self.path), suffix=".tmp")
            with os.fdopen(handle_fd, "w", encoding="utf-8") as out:
                json.dump(self.entries, out, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only checkout still gets its findings; only speed is lost
