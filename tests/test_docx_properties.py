"""The redline keeps its promise for every edit a contract goes through: hypothesis draws
edit scripts as the diff's property tests do (tests/test_diff_properties.py: words, numbers
and headings changed, units inserted, deleted, moved, swapped and moved to another list,
renumbered or not, layout-only edits), writes the Word redline, and reads the package back
as lvcheck reads it: every revision accepted gives the new version's text export, every
revision rejected the old one's, word for word."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from lvcheck.comparison.engine import diff_agreements
from lvcheck.document.canonical import serialize
from lvcheck.document.load import load_agreement_bytes
from lvcheck.rendering.docx.check import resolved_paragraphs
from lvcheck.rendering.docx.redline import render_redline
from lvcheck.rendering.text import render_text

from .test_diff_properties import SOURCES, _apply, _start

REVISION_TAGS = (b"<w:ins ", b"<w:del ", b"<w:moveFrom ")


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(st.sampled_from(SOURCES), st.data())
def test_accepting_the_redline_gives_new_and_rejecting_it_gives_old(
    source_path,  # type: ignore[no-untyped-def]
    data: st.DataObject,
) -> None:
    source = source_path.read_bytes()
    _, script = _start(source)
    _apply(data, script)
    old = load_agreement_bytes(source, "old.xml")
    new = load_agreement_bytes(serialize(etree.ElementTree(script.root)), "new.xml")
    package = render_redline(diff_agreements(old, new))  # refuses (LV501) a broken one
    accepted, rejected = resolved_paragraphs(package)
    old_text, new_text = render_text(old), render_text(new)
    assert " ".join(accepted).split() == new_text.split()
    assert " ".join(rejected).split() == old_text.split()
    import io
    import zipfile

    body = zipfile.ZipFile(io.BytesIO(package)).read("word/document.xml")
    changed = old_text.split() != new_text.split()
    assert any(tag in body for tag in REVISION_TAGS) == changed
