"""MC4xx: assessment (Annex I; ESG 1.3)."""
