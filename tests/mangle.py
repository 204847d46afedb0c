"""A real agreement made structurally wrong at random, for property tests."""

from __future__ import annotations

import copy
import random

from lvcheck.document.canonical import serialize
from lvcheck.document.parse import parse_bytes

from .conftest import TEMPLATES


def mangled(seed: int, operation: str) -> bytes:
    """A real agreement with one element removed, duplicated or moved somewhere else."""
    tree = parse_bytes(TEMPLATES["nrw"].read_bytes(), "t.xml")
    chooser = random.Random(seed)
    elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)][1:]
    victim = chooser.choice(elements)
    parent = victim.getparent()
    assert parent is not None
    if operation == "remove":
        parent.remove(victim)
    elif operation == "duplicate":
        parent.insert(parent.index(victim), copy.deepcopy(victim))
    else:
        target = chooser.choice(
            [e for e in elements if e is not victim and victim not in e.iterancestors()]
        )
        parent.remove(victim)
        target.append(victim)
    return serialize(tree)
