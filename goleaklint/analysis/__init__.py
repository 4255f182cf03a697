"""The semantic layer the rules share: what a name means (`names`), what type an
expression is declared with (`types`), and the channel facts several rules read
(`channels`). Each is computed once per file, lazily, and reached through the
rule's `Context` (`ctx.names`, `ctx.types`)."""
