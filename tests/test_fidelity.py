"""Word-for-word fidelity of both templates to their sources, with the shared tool.

Runs whenever ../shared (beside the repository) holds the tool and the seeds, as it does
on every developer machine and in CI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SHARED, TEMPLATES

SEEDS = {
    "nrw": SHARED / "seeds" / "nrw-lvr-ihl-externe-leistungserbringer.txt",
    "bayern": SHARED / "seeds" / "bayern-niederbayern-t-k-kita.md",
}
TOOL = SHARED / "tools" / "fidelity.py"


@pytest.mark.skipif(not TOOL.exists(), reason="../shared/tools/fidelity.py is not beside the repo")
@pytest.mark.parametrize("region", sorted(SEEDS))
def test_template_has_every_source_word_in_order(region: str) -> None:
    # The tool runs `lvcheck export`; make sure it finds this interpreter's lvcheck.
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        [sys.executable, str(TOOL), str(SEEDS[region]), str(TEMPLATES[region]), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    result = json.loads(done.stdout)
    assert result["text_from"] == "lvcheck export --format text"
    assert result["missing_words"] == 0, result["missing"]
    assert result["share_of_source"] == 1.0
    # Only the visible footnote marker "[1]" may be added.
    assert result["added_words"] <= 1, result["added"]
