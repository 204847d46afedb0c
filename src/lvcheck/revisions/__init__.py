"""The review of a pull request: the agreements changed between two git revisions, each
paired with the version it follows, compared, and written as one comment."""
