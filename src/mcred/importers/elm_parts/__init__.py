"""The parts of an ELM specification that need more than one property: bodies, assessment,
quality assurance, recognition."""
