"""MC1xx: identity of the credential and its awarding body (Annex I)."""
