"""The validate stage: the schema gate, then the semantic rules (rules/, one module per
concern, each finding with a stable code), file by file and across the repository."""
