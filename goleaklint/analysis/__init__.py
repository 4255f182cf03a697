"""The semantic layer shared by the rules: what the source alone says about names
(`names`), declared types (`types`), control flow and who owns a value. Per-file
results are computed once, lazily, and reached through the rule's `Context`
(`ctx.names`, `ctx.types`)."""
