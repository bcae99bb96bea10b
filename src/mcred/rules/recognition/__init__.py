"""MC5xx: recognition, stackability and learning pathways (Annex I optional; Annex II)."""
