; `go func() { ... }()`: the body is right here.
(go_statement (call_expression function: (func_literal) @literal)) @go

; `go worker(...)` / `go s.loop()`: Python looks the function up in the same file.
(go_statement (call_expression function: (identifier) @callee)) @go

(go_statement
  (call_expression function: (selector_expression field: (field_identifier) @method))) @go
