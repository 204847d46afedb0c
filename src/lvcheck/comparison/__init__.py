"""The diff stage: two agreements -> what a lawyer must see, clause by clause and word by
word. flatten (clauses with their own words and citations), align (which clause is
which), moves, words (tokens and word operations), severity (data/diff_severity.toml),
header (header facts and filled fields), engine (the whole); results in changes."""
