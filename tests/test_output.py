"""output.py: writing output that a killed run cannot leave behind as litter."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from lvcheck import output
from lvcheck.output import write_atomic


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def _age(path: Path, seconds: float) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_killed_run_leaves_nothing_that_the_next_run_does_not_remove(tmp_path: Path) -> None:
    target = tmp_path / "out" / "page.html"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from lvcheck import output\n"
            "Path.replace = lambda *a: (print('written', flush=True), time.sleep(60))\n"
            f"output.write_atomic(Path({str(target)!r}), b'x' * 1000)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline() == "written\n"
    child.kill()
    child.wait()
    (left,) = target.parent.iterdir()  # the temporary file of the killed run
    assert left.name.startswith(".page.html.lvcheck-") and left.name.endswith(".tmp")
    output._tidied.clear()
    write_atomic(target, b"next run")
    assert sorted(p.name for p in target.parent.iterdir()) == ["page.html"]


def test_temporaries_of_running_writers_and_other_files_are_kept(tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    hour = 3600.0
    try:
        names = {  # name: (age in seconds, whether it must be kept)
            f".a.html.lvcheck-{writer.pid}-abcdefgh.tmp": (0.0, True),  # still being written
            f".a.html.lvcheck-{_dead_pid()}-abcdefgh.tmp": (0.0, False),  # its writer is gone
            f".b.xml.lvcheck-{writer.pid}-ijklmnop.tmp": (hour, False),  # its pid reused
            ".a.html.qrstuvwx": (hour, False),  # an older lvcheck's, abandoned
            ".a.html.abcdefgh": (0.0, True),  # an older lvcheck's, maybe still being written
            ".notes.abcdefgh": (hour, True),  # not beside a file that lvcheck writes
            "a.html": (hour, True),
        }
        for name, (age, _) in names.items():
            (tmp_path / name).touch()
            _age(tmp_path / name, age)
        removed = output.remove_abandoned_temporaries(tmp_path)
        assert sorted(p.name for p in removed) == sorted(n for n, (_, k) in names.items() if not k)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            n for n, (_, k) in names.items() if k
        )
    finally:
        writer.kill()
        writer.wait()
