"""MC9xx: checks across all designs of one run (Annex II learning pathways, stackability)."""
