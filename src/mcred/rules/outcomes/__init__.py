"""MC2xx: learning outcomes (Annex I; outcome-writing guides)."""
