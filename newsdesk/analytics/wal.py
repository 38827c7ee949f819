"""An append-only write-ahead log of accepted events, one segment file per process.

Why a log file and not the database: the beacon must answer in well under a millisecond and
must never lose an event it acknowledged. ``os.write`` on an ``O_APPEND`` descriptor puts the
bytes in the kernel's page cache before the 2xx goes out, so a killed process (even SIGKILL)
loses nothing: the kernel still owns the data. Only a machine crash or power loss can drop
page-cache bytes that were not fsynced yet; ``NEWSDESK_ANALYTICS_FSYNC=always`` closes that
gap at the cost of one fsync per request, ``batch`` (default) fsyncs every flush interval.

Locking protocol: a writer creates its segment under a ``.tmp`` name, takes an exclusive
``flock`` on it and only then renames it to ``.wal``. The lock lives as long as the writer's
descriptor, so the kernel drops it when the process dies however it dies. A flusher takes
only segments it can lock without waiting: closed segments and those of dead processes.
"""

from __future__ import annotations

import fcntl
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

SUFFIX = ".wal"


def wal_dir() -> Path:
    """The directory of the log, created on first use."""
    path = Path(settings.NEWSDESK_ANALYTICS_WAL_DIR)
    path.mkdir(parents=True, exist_ok=True)
    return path


class WalWriter:
    """Appends encoded events to this process's open segment; thread-safe."""

    def __init__(self, directory: Path, *, fsync_always: bool, max_bytes: int) -> None:
        self.directory = directory
        self.fsync_always = fsync_always
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.fd: int | None = None
        self.pid = 0
        self.size = 0
        self.opened_at = 0.0
        self.dirty = False

    def _open(self) -> None:
        name = f"{socket.gethostname()}-{os.getpid()}-{time.time_ns()}"
        tmp = self.directory / f"{name}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_EXCL, 0o640)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.rename(tmp, self.directory / f"{name}{SUFFIX}")
        self.fd, self.pid, self.size, self.opened_at = fd, os.getpid(), 0, time.monotonic()

    def _close(self) -> None:
        if self.fd is not None and self.pid == os.getpid():
            if self.dirty:
                os.fsync(self.fd)
            os.close(self.fd)  # releases the flock: the segment is now the flusher's
        self.fd, self.dirty = None, False

    def append(self, data: bytes) -> None:
        """Write whole lines to the log; returns once the kernel holds them."""
        with self.lock:
            if self.fd is None or self.pid != os.getpid():  # first use or a forked child
                self.fd = None
                self._open()
            elif self.size >= self.max_bytes:
                self._close()
                self._open()
            written = os.write(self.fd, data)
            while written < len(data):  # short writes are rare but legal
                written += os.write(self.fd, data[written:])
            self.size += len(data)
            if self.fsync_always:
                os.fsync(self.fd)
            else:
                self.dirty = True

    def rotate(self) -> None:
        """Close the open segment (if it holds anything) so a flusher may take it."""
        with self.lock:
            if self.fd is not None and self.size:
                self._close()

    def sync(self) -> None:
        """fsync the open segment (the ``batch`` policy calls this periodically)."""
        with self.lock:
            if self.fd is not None and self.dirty and self.pid == os.getpid():
                os.fsync(self.fd)
                self.dirty = False

    def close(self) -> None:
        with self.lock:
            self._close()


_writer: WalWriter | None = None
_writer_lock = threading.Lock()


def wal_writer() -> WalWriter:
    """This process's writer for the configured directory."""
    global _writer
    directory = wal_dir()
    writer = _writer
    if writer is not None and writer.directory == directory:
        return writer
    with _writer_lock:
        if _writer is not None and _writer.directory != directory:
            _writer.close()
            _writer = None
        if _writer is None:
            _writer = WalWriter(
                directory,
                fsync_always=settings.NEWSDESK_ANALYTICS_FSYNC == "always",
                max_bytes=settings.NEWSDESK_ANALYTICS_WAL_SEGMENT_BYTES,
            )
        return _writer


def wal_writer_reset() -> None:
    """Close this process's segment (tests and shutdown)."""
    global _writer
    with _writer_lock:
        if _writer is not None:
            _writer.close()
        _writer = None


@dataclass
class Segment:
    """A segment a flusher holds locked; ``unlink`` it after its events are committed."""

    path: Path
    fd: int
    data: bytes

    def unlink(self) -> None:
        self.path.unlink(missing_ok=True)

    def release(self) -> None:
        os.close(self.fd)


def segments_claim(directory: Path | None = None) -> Iterator[Segment]:
    """Yield every segment nobody writes to any more, locked for the caller.

    The caller must commit the events, ``unlink()`` and then ``release()`` (or only
    ``release()`` to leave the segment for a later attempt).
    """
    directory = directory or wal_dir()
    for path in sorted(directory.glob(f"*{SUFFIX}")):
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:  # another flusher finished it meanwhile
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # a live writer still appends to it
            os.close(fd)
            continue
        if os.fstat(fd).st_nlink == 0:  # flushed and unlinked after we opened it
            os.close(fd)
            continue
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        yield Segment(path=path, fd=fd, data=b"".join(chunks))
