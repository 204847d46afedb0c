"""The pull-request comment: contract text never becomes Markdown, however it reads.

GitHub renders comments with cmark-gfm; its Python binding renders what lvcheck writes,
and the text a reader sees must be the contract's text, with no link, image, emphasis,
code, heading, list, table, math or autolink made of it.
"""

from __future__ import annotations

import cmarkgfm
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from lvcheck.rendering.diff_markdown import _md, _starting

HOSTILE = [*list("[]()!<>&*_`~|#@$\\-+=.:/ \n1aA"), "https://", "www.", "<script>", "&amp;"]


def _rendered(markdown: str) -> html.HtmlElement:
    return html.fromstring(
        "<div>"
        + cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)
        + "</div>"
    )


def _elements(tree: html.HtmlElement) -> list[str]:
    return [e.tag for e in tree.iter() if isinstance(e.tag, str)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join))
def test_contract_text_inside_a_change_stays_text(text: str) -> None:
    shown = " ".join(text.split())  # the diff folds spaces before it renders
    tree = _rendered(f"> <ins>{_md(text)}</ins>")
    assert _elements(tree) == ["div", "blockquote", "p", "ins"]
    assert " ".join(tree.text_content().split()) == shown


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HOSTILE), max_size=30).map("".join))
def test_contract_text_that_begins_a_line_makes_no_list_rule_or_heading(text: str) -> None:
    shown = " ".join(text.split())  # the diff folds spaces before it renders
    tree = _rendered(f"> {_starting(_md(text))}")
    assert set(_elements(tree)) <= {"div", "blockquote", "p"}
    assert " ".join(tree.text_content().split()) == shown
