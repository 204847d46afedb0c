"""comparison/header.py: header facts compared directly where no list differs, and by
deepdiff where one does. The oracle is deepdiff itself: on any two views without a changed
list, the direct comparison names exactly the changes deepdiff names."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from lvcheck.comparison.header import changed_facts, changed_facts_by_deepdiff
from lvcheck.document.load import load_agreement

from .conftest import EXAMPLES, TEMPLATES

KEYS = st.sampled_from(["id", "name", "start", "end", "governed_by", "notice_period"])
SCALARS = st.one_of(st.none(), st.sampled_from(["", "12 Monate", "6 Monate", "§ 14 Abs. 1"]))
VIEWS = st.recursive(
    SCALARS,
    lambda inner: st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
WITH_LISTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.dictionaries(KEYS, inner, max_size=3), st.lists(SCALARS, max_size=3)
    ),
    max_leaves=10,
)


def _key(change: tuple[str, str, Any, Any]) -> str:
    return repr(change)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, VIEWS, max_size=5), st.dictionaries(KEYS, VIEWS, max_size=5))
def test_without_lists_the_direct_comparison_names_what_deepdiff_names(
    before: dict[str, Any], after: dict[str, Any]
) -> None:
    direct = changed_facts(before, after)
    assert direct is not None
    assert sorted(direct, key=_key) == sorted(changed_facts_by_deepdiff(before, after), key=_key)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, WITH_LISTS, max_size=4), st.dictionaries(KEYS, WITH_LISTS, max_size=4))
def test_where_it_answers_at_all_it_answers_as_deepdiff_does(
    before: dict[str, Any], after: dict[str, Any]
) -> None:
    """A changed list makes the direct comparison give way (None); else it agrees."""
    direct = changed_facts(before, after)
    if direct is not None:
        assert sorted(direct, key=_key) == sorted(
            changed_facts_by_deepdiff(before, after), key=_key
        )


def test_a_changed_list_is_left_to_deepdiff_which_ignores_the_order() -> None:
    assert changed_facts({"notes": ["a"]}, {"notes": ["b"]}) is None
    assert changed_facts({"notes": ["a", "b"]}, {"notes": ["b", "a"]}) is None
    assert changed_facts_by_deepdiff({"notes": ["a", "b"]}, {"notes": ["b", "a"]}) == []
    assert changed_facts({"notes": ["a"]}, {"notes": ["a"]}) == []


def test_the_repository_templates_against_their_examples_as_deepdiff_compares_them() -> None:
    """The header views of real pairs: the direct answer, where given, is deepdiff's."""
    from lvcheck.comparison import header

    for region in ("nrw", "bayern"):
        old, new = load_agreement(TEMPLATES[region]), load_agreement(EXAMPLES[region])
        before = header._meta_view(old.meta, str)
        after = header._meta_view(new.meta, str)
        for fact in before.keys() | after.keys():  # fact by fact: a list elsewhere does not stop it
            one, other = {fact: before.get(fact)}, {fact: after.get(fact)}
            direct = changed_facts(one, other)
            if direct is not None:
                assert sorted(direct, key=_key) == sorted(
                    changed_facts_by_deepdiff(one, other), key=_key
                )
