"""MC0xx: problems with the file itself, reported by the loader and the model."""
