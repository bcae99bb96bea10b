"""MC6xx: quality assurance (Annex I; Annex II quality; ESG)."""
