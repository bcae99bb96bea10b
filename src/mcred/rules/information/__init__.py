"""MC8xx: learner information and portability (Annex II transparency and portability)."""
