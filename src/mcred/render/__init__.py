"""Learner-facing renderings of designs: an HTML credential supplement and a catalogue."""
