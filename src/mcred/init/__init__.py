"""``mcred init``: start a new design, guided by the planning steps or as a TODO skeleton."""
