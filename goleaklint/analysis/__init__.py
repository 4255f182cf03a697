"""The semantic layer shared by the rules: what the source alone says about names,
types, control flow and who owns a value."""
