"""MC7xx: level, relevance and delivery (Annex I; Annex II; QF-EHEA)."""
