"""Reading the guide file never waits for ever: pipes, FIFOs, devices and sockets (issue #21).

A FIFO or a pipe (``--content <(command)``) is read at start, to its end, within a time limit; a reload
refuses it at once. A device or a socket is refused without being opened.
"""

from __future__ import annotations

import contextlib
import gc
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import cli
from tui.guide import ContentError, Guide, load_guide, read_guide_bytes
from tui.guide.model import MAX_FILE_BYTES

FIXTURE = Path(__file__).parent / "fixtures" / "guide.yaml"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def read_within(path: Path, seconds: float = 10, **options: float) -> bytes | ContentError:
    """What reading ``path`` gives, its bytes or its error, failing the test (not hanging it) if the
    read takes more than ``seconds``."""
    found: list[bytes | ContentError] = []

    def read() -> None:
        try:
            found.append(read_guide_bytes(path, **options))
        except ContentError as error:
            found.append(error)

    reading = threading.Thread(target=read, daemon=True)
    reading.start()
    reading.join(timeout=seconds)
    assert not reading.is_alive(), f"still reading {path} after {seconds} s"
    return found[0]


def refusal(path: Path, **options: float) -> str:
    """The one problem reading ``path`` gives (the test fails if it gives the bytes)."""
    error = read_within(path, **options)
    assert isinstance(error, ContentError), "read, not refused"
    [issue] = error.issues
    assert (issue.path, issue.line, issue.column) == (str(path), 1, 1)
    return issue.message


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO with no writer. Afterwards a writer opens and closes it, so that a reader stuck opening
    it (the fault under test) is let go and the test fails instead of hanging."""
    path = tmp_path / "guide.yaml"
    os.mkfifo(path)
    yield path
    with contextlib.suppress(OSError):  # ENXIO: no reader waiting, nothing to let go
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def write_later(path: Path, data: bytes, delay: float = 0.2) -> threading.Thread:
    """Open the FIFO ``path`` to write, after ``delay``, write ``data`` and close it, in a thread."""

    def write() -> None:
        time.sleep(delay)
        with path.open("wb") as pipe:
            pipe.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_a_fifo_is_read_to_its_end_at_start(fifo: Path) -> None:
    write_later(fifo, FIXTURE.read_bytes())
    assert read_within(fifo) == FIXTURE.read_bytes()


def test_the_start_up_reads_a_fifo_and_caches_the_guide(
    fifo: Path, private_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--content <(command)``: the command line reads the pipe to its end and hands the reader the
    guide, which it also keeps in the cache."""
    started: list[Guide] = []

    class FakeApp:
        return_code: int | None = None

        def __init__(self, guide: Guide, **_: object) -> None:
            started.append(guide)

        def run(self) -> None:
            pass

    monkeypatch.setattr("tui.app.GuideApp", FakeApp)
    write_later(fifo, FIXTURE.read_bytes())
    try:
        assert cli.run(["--content", str(fifo)]) == 0
    finally:
        gc.unfreeze()  # what cli.run set aside for the app, which a real app releases when it ends
    assert started == [load_guide(FIXTURE)]
    assert len(list(private_cache.rglob("*.guide"))) == 1


def test_a_fifo_with_no_writer_is_refused_after_the_time_limit(fifo: Path) -> None:
    start = time.monotonic()
    assert refusal(fifo, pipe_seconds=0.5) == "the pipe did not come to its end within 0.5 seconds"
    assert 0.4 < time.monotonic() - start < 5


def test_a_writer_that_never_closes_is_refused_after_the_time_limit(fifo: Path) -> None:
    held: list[int] = []
    opened = threading.Thread(target=lambda: held.append(os.open(fifo, os.O_WRONLY)), daemon=True)
    opened.start()  # waits for the reader's open, which must not wait for it
    try:
        assert refusal(fifo, pipe_seconds=0.5) == "the pipe did not come to its end within 0.5 seconds"
    finally:
        opened.join(timeout=5)
        for fd in held:
            os.close(fd)


def test_an_endless_pipe_stops_one_byte_past_the_limit(fifo: Path) -> None:
    def flood() -> None:
        try:
            with fifo.open("wb") as pipe:
                while True:
                    pipe.write(b"#" * 65536)
        except BrokenPipeError:
            pass  # the reader has stopped reading: what the test wants

    threading.Thread(target=flood, daemon=True).start()
    data = read_within(fifo, 60, pipe_seconds=30)
    assert isinstance(data, bytes) and len(data) == MAX_FILE_BYTES + 1


def test_a_reload_refuses_a_fifo_at_once(fifo: Path) -> None:
    start = time.monotonic()
    assert refusal(fifo, pipe_seconds=0) == "this is a pipe, not a file: a pipe is read once, at start"
    assert time.monotonic() - start < 1


@pytest.mark.parametrize("device", ["/dev/tty", "/dev/zero", "/dev/null"])
def test_a_link_to_a_device_is_refused_unopened(tmp_path: Path, device: str) -> None:
    """``/dev/tty`` would read the keys typed at the app; ``/dev/zero`` never ends."""
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing")
    link = tmp_path / "guide.yaml"
    link.symlink_to(device)
    assert refusal(link) == "this is a device or a socket, not a file"


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "guide.yaml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        assert refusal(path) == "this is a device or a socket, not a file"


def test_a_link_to_a_guide_is_the_guide(tmp_path: Path) -> None:
    link = tmp_path / "guide.yaml"
    link.symlink_to(FIXTURE)
    assert load_guide(link) == load_guide(FIXTURE)


def test_check_reads_a_process_substitution() -> None:
    """``ketamine-tui check <(cat guide.yaml)``: the shell hands over a pipe as /dev/fd/N."""
    command = f"{sys.executable} -m tui check <(cat {FIXTURE})"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert ": OK: 4 topics" in done.stdout
