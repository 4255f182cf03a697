"""Per-file result cache, like ruff's, that cannot change what is reported.

One JSON file per (goleaklint version, effective rule configuration) under the cache
directory, mapping each file (its name in the real path of its folder) to the size,
mtime and inode number it had before it was read, the content hash of the bytes
analysed and the result (as JSON text). A file whose stat is unchanged is not read at
all (another file moved or linked into its place has another inode; one copied
over it with its size and mtime kept is not seen); one whose stat changed but whose content
hash is the same (a fresh checkout) is not analysed again (an entry stored without a
hash, for a file that costs less to analyse again than to hash, is then a miss). A file modified in the
last seconds before it was read is always hashed on the next run: an edit within the
same timestamp tick would not change its stat.

A cache directory can come with a checkout, so the entries carry an HMAC under a
per-user key kept outside any repository (`$XDG_CACHE_HOME/goleaklint/key`, else
`~/.cache/goleaklint/key`, made on first use, mode 0600), one over the JSON text of
them all and the configuration (an HMAC per entry cost a quarter of a second per
scan of 36,000 files): a cache that was not made by this user, or was altered, or
belongs to another configuration, is ignored, as is any malformed entry. Without a
usable key there is no cache. Entries of files that no longer exist are dropped when
the cache is saved.

Writes go through a temporary file and a rename (files.write_file), so concurrent
runs never see a torn cache: the last writer wins, and a lost update only costs a
re-analysis.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from typing import Any, NamedTuple

from goleaklint import __version__
from goleaklint.files import write_file

# A file modified this recently before it was read may change again within the same
# mtime tick: its entry is checked by content next time.
RACY_SECONDS = 2.0
# The cache's text is made and written this many entries at a time (Cache._parts).
ENTRIES_PER_PART = 2048


# A cache file: _HEAD, the HMAC of the entries' JSON text (64 hex digits), _ENTRIES,
# that text, "}".
_HEAD, _ENTRIES = '{"mac":"', '","entries":'
# json.dumps(..., separators=(",", ":")) without making an encoder per call.
_encode = json.JSONEncoder(separators=(",", ":")).encode


class Version(NamedTuple):
    """What a result was computed from: the file's stat before reading, and the hash
    of the bytes read."""

    stat: tuple[int, int | None, int] | None
    digest: str


def content_hash(source: bytes) -> str:
    # SHA-256: with the SHA instructions of current x86 and ARM CPUs, twice as fast as BLAKE2.
    return hashlib.sha256(source).hexdigest()[:32]


def config_key(payload: Any) -> str:
    text = json.dumps([__version__, payload], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def key_path() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "goleaklint", "key")


def user_key() -> bytes | None:
    """This user's secret for the cache's HMACs, made on first use; None when it cannot
    be read or made, or when the file is not this user's own and private."""
    path = key_path()
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        if not os.path.exists(path):
            # Written whole under a unique name, then linked into place: a concurrent
            # first run reads the winner's key, never an empty file.
            tmp = f"{path}.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(secrets.token_bytes(32))
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    pass
            finally:
                os.unlink(tmp)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
                return None
            key = handle.read()
    except OSError:
        return None
    return key if len(key) >= 16 else None


def file_stat(file: str | int | os.stat_result) -> tuple[int, int | None, int] | None:
    """(size, mtime, inode) of a path or an open file (or its os.stat_result), taken
    before its bytes are read; the mtime is None when the file changed so recently that
    another edit could keep it."""
    try:
        info = file if isinstance(file, os.stat_result) else os.stat(file)
    except OSError:
        return None
    mtime: int | None = info.st_mtime_ns
    if time.time() - info.st_mtime_ns / 1e9 < RACY_SECONDS:
        mtime = None
    return info.st_size, mtime, info.st_ino


class Cache:
    def __init__(self, directory: str, key: str) -> None:
        self.directory = directory
        self.key = key
        self.path = os.path.join(directory, __version__, f"{key}.json")
        self.secret = user_key()
        self.entries: dict[str, list] = {}
        self.names: dict[str, str] = {}  # path as given -> real path
        self.folders: dict[str, str] = {}  # folder as given -> real path
        self.seen: set[str] = set()
        self.dirty = False
        if self.secret is None:
            return
        try:
            with open(self.path, encoding="utf-8") as handle:
                text = handle.read()
            body = text[len(_HEAD) + 64 + len(_ENTRIES):-1]
            if text.startswith(_HEAD) and text[len(_HEAD) + 64:].startswith(_ENTRIES) \
                    and hmac.compare_digest(text[len(_HEAD):len(_HEAD) + 64], self._mac(body)):
                data = json.loads(body)
                if isinstance(data, dict):
                    self.entries = data
        except (OSError, ValueError):
            pass  # no cache yet, or an unreadable one: start empty

    def _name(self, path: str) -> str:
        """One spelling per file, whatever the cwd or the path given: its name in the
        real path of its folder, resolved once per folder (a scan of 36,000 files spent
        2 s resolving every folder of every path twice, and 0.2 s asking whether each
        file is a symbolic link). A linked file has its own entry, checked through the
        link like any other: linked to another file, it has another inode."""
        name = self.names.get(path)
        if name is None:
            folder, base = os.path.split(path)
            name = self.names[path] = os.path.join(self._folder(folder), base)
        return name

    def _folder(self, folder: str) -> str:
        """The real path of folder, from its parent's when it is no symbolic link
        itself: one lstat per folder, where realpath takes one per component."""
        real = self.folders.get(folder)
        if real is None:
            parent, base = os.path.split(folder)
            if base in ("", ".", "..") or os.path.islink(folder):
                real = os.path.realpath(folder or ".")
            else:
                real = os.path.join(self._folder(parent), base)
            self.folders[folder] = real
        return real

    def _mac(self, entries: str | list) -> str:
        """The HMAC of the JSON text of the entries (or of its UTF-8, in parts: `_parts`)
        under this configuration."""
        mac = hmac.new(self.secret or b"", f"{self.key}\n".encode("utf-8", "surrogateescape"), "sha256")
        for part in [entries.encode("utf-8", "surrogateescape")] if isinstance(entries, str) else entries:
            mac.update(part)
        return mac.hexdigest()

    def _parts(self) -> list:
        """The UTF-8 of the JSON text of the entries (`json.dumps(self.entries)`), in
        parts of ENTRIES_PER_PART entries: the text of a whole corpus's entries (22 MB)
        made at once, then encoded, then joined, raised a scan's peak memory by each copy."""
        items = list(self.entries.items())
        parts: list = [b"{"]
        for start in range(0, len(items), ENTRIES_PER_PART):
            text = json.dumps(dict(items[start:start + ENTRIES_PER_PART]), separators=(",", ":"))
            parts += [b","] if start else []
            parts.append(memoryview(text.encode("utf-8", "surrogateescape"))[1:-1])  # without its braces
        return parts + [b"}"]

    def _entry(self, name: str) -> tuple[int, int | None, int, str, str] | None:
        """The entry for name if it is well formed."""
        entry = self.entries.get(name)
        if self.secret is None or not isinstance(entry, list) or len(entry) != 5:
            return None
        size, mtime, inode, digest, result = entry
        if not (isinstance(size, int) and (mtime is None or isinstance(mtime, int)) and isinstance(inode, int)
                and isinstance(digest, str) and isinstance(result, str)):
            return None
        return size, mtime, inode, digest, result

    def lookup(self, path: str) -> Any | None:
        """The cached result (parsed JSON) for path if its stat, or else its content,
        is unchanged; None for a miss or an entry that cannot be trusted."""
        name = self._name(path)
        self.seen.add(name)
        entry = self._entry(name)
        if entry is None:
            return None
        size, mtime, inode, digest, result = entry
        stat = file_stat(path)
        if stat is None:
            return None
        if mtime is None or stat != (size, mtime, inode):
            if not digest:
                return None  # stored without a hash (a file cheaper to analyse again)
            try:
                with open(path, "rb") as handle:
                    if content_hash(handle.read()) != digest:
                        return None
            except OSError:
                return None
            self._put(name, stat, digest, result)  # stat was taken before the read
        try:
            return json.loads(result)
        except ValueError:
            return None

    def store(self, path: str, stat: tuple[int, int | None, int] | None, digest: str,
              result: dict | str) -> None:
        """Remember result (a dict, or the JSON text of one) for path, whose
        file_stat before it was read was `stat` and whose bytes read hash to digest."""
        if stat is None or self.secret is None:
            return
        if isinstance(result, str):
            text = result
        elif result.get("errors"):
            return
        else:
            text = _encode(result)
        name = self._name(path)
        self.seen.add(name)
        self._put(name, stat, digest, text)

    def _put(self, name: str, stat: tuple[int, int | None, int], digest: str, result: str) -> None:
        size, mtime, inode = stat
        self.entries[name] = [size, mtime, inode, digest, result]
        self.dirty = True

    def save(self) -> None:
        for name in [n for n in self.entries if n not in self.seen]:
            if not os.path.lexists(name):
                del self.entries[name]
                self.dirty = True
        if not self.dirty or self.secret is None:
            return
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            ignore = os.path.join(self.directory, ".gitignore")
            if not os.path.exists(ignore):
                write_file(ignore, "# Created by goleaklint\n*\n")
            parts = self._parts()
            write_file(self.path, [_HEAD.encode(), self._mac(parts).encode(), _ENTRIES.encode(), *parts, b"}"])
        except OSError:
            pass  # a read-only checkout still gets its findings; only speed is lost
