; `t := time.NewTicker(d)` / `time.NewTimer(d)`, with `:=` or `=`.
(short_var_declaration
  right: (expression_list .
    (call_expression
      function: (selector_expression
        operand: (identifier)
        field: (field_identifier) @_func)) @call .)
  (#any-of? @_func "NewTicker" "NewTimer")) @acquire

(assignment_statement
  right: (expression_list .
    (call_expression
      function: (selector_expression
        operand: (identifier)
        field: (field_identifier) @_func)) @call .)
  (#any-of? @_func "NewTicker" "NewTimer")) @acquire

; Any `time.Tick(d)`: its ticker can never be stopped.
(call_expression
  function: (selector_expression
    operand: (identifier)
    field: (field_identifier) @_func)
  (#eq? @_func "Tick")) @tick
