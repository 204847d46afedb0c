"""The diff stage: two agreements -> what a lawyer must see, clause by clause and word by
word. flatten (clauses with their own words and citations), outline (each side as a tree
with content fingerprints and weights), align (which clause is which, by content, eIds a
hint), moves, tokens (what counts as one word), words (bounded word diff), severity
(data/diff_severity.toml), header (header facts and filled fields), engine (the whole);
results in changes."""
