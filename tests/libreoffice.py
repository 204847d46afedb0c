"""LibreOffice for the Word tests: one headless soffice per test session, driven through
UNO by tests/uno_worker.py under Debian's /usr/bin/python3 (python3-uno), which answers one
JSON request per line. In CI a missing LibreOffice fails the tests (tests/needs.py)."""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .needs import missing, program

SYSTEM_PYTHON = Path("/usr/bin/python3")
SOFFICE = Path("/usr/bin/soffice")
INSTALL = "apt-get install libreoffice-writer-nogui python3-uno"
WORKER = Path(__file__).with_name("uno_worker.py")
NOTE_SEPARATOR = "\n\f\n"  # the worker writes each footnote after one


class Reading(NamedTuple):
    """A document as LibreOffice saves it as text: the body, then each footnote."""

    body: str
    notes: list[str]


class Office:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.process = subprocess.Popen(
            [str(SYSTEM_PYTHON), str(WORKER), str(folder / "profile"), f"lvcheck-{id(self)}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=WORKER.parent,
        )
        ready = self._answer()
        assert ready.get("ready"), ready
        self.count = 0

    def _answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError("LibreOffice's worker ended")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def request(self, **request: Any) -> dict[str, Any]:
        """One request to the worker (see uno_worker.py); raises on its error."""
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = self._answer()
        if "error" in answer:
            raise AssertionError(f"LibreOffice: {answer['error']}")
        return answer

    def read(self, docx: Path, changes: str | None = None) -> Reading:
        """The document as LibreOffice saves it as text, after accepting (``changes``
        "accept") or rejecting ("reject") every tracked change, or neither."""
        self.count += 1
        target = self.folder / f"text-{self.count}.txt"
        self.request(load=str(docx), changes=changes, text=str(target))
        body, *notes = target.read_text(encoding="utf-8-sig").split(NOTE_SEPARATOR)
        return Reading(body, notes)

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


def office_session() -> Iterator[Office]:
    """The fixture's body: LibreOffice started once, stopped at the end."""
    program(SOFFICE, INSTALL)
    program(SYSTEM_PYTHON, INSTALL)
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import uno"], capture_output=True, check=False
    )
    if probe.returncode:
        missing(f"needs python3-uno for {SYSTEM_PYTHON} ({INSTALL})")
    with tempfile.TemporaryDirectory(prefix="lvcheck-office-") as folder:
        office = Office(Path(folder))
        try:
            yield office
        finally:
            office.close()
