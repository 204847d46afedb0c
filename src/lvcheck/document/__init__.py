"""The document stage: an agreement file as a model.

Hardened parsing (parse), the schema gate (schema), XML to model and back (read, write),
the canonical layout (canonical), the vocabulary of units (kinds), citations as lawyers
write them (citation), numbers, dates, statutes and folded text. Nothing here imports
another stage of lvcheck.
"""
