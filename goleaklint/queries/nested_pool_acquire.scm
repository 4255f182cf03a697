; Every call: `f(...)`, `recv.m(...)`, `pool.Get()`, `s.pool.GetContext(ctx)`, `c.Close()`.
; Python groups them by function into acquisitions, releases and same-package calls.
(call_expression
  function: (identifier)) @call

(call_expression
  function: (selector_expression
    field: (field_identifier))) @call

; Function boundaries, so that calls are grouped by byte ranges instead of parent walks.
(function_declaration) @func

(method_declaration) @func

(func_literal) @literal
