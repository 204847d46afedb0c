"""The catalog stage: one record per file of a repository, and the one resolver of the
relations between them."""
