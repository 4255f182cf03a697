"""Writing files: the one place that decides how an output, a baseline or the cache
reaches the disk."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: str, data: str | bytes | list) -> None:
    """Write data (str as UTF-8; a list of bytes or memoryviews, one after another,
    without joining them) to path. A regular file, or a new one, is replaced
    through a temporary file in the same directory, so no reader sees it half written;
    it keeps the old file's mode (a new one gets 0666 less the umask). Anything else is
    written straight through, since replacing it would change what it is: a symlink
    (its target is written), a file with other hard links (they would be cut off), a
    FIFO, a device or `/dev/fd/N` (a shell's `>(...)`). On failure (a full disk, a
    file size limit) the temporary file is removed and the error raised."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogateescape")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    if info is not None and (not stat.S_ISREG(info.st_mode) or info.st_nlink > 1):
        with open(path, "wb") as out:
            out.writelines(data) if isinstance(data, list) else out.write(data)
        return
    handle, tmp = tempfile.mkstemp(prefix=".goleaklint-", suffix=".tmp",
                                   dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(handle, "wb") as out:
            out.writelines(data) if isinstance(data, list) else out.write(data)
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
