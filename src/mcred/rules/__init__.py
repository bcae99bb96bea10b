"""All rules, one module per rule, grouped by area; importing a module registers its rule."""
