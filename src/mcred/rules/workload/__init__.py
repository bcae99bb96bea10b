"""MC3xx: notional workload and credits (Annex I; ECTS Users' Guide)."""
