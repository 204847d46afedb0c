"""Importing: Word, PDF and text sources into the document model, word for word.

readers (plain.py, word.py, pdf.py) -> paragraphs (source.py) -> structure (structure.py,
blocks.py, fields.py, conclusions.py) -> identities (eids.py, identity.py) -> the result
(run.py), checked word for word against the source (fidelity.py).
"""
