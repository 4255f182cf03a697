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

; `var t = time.NewTicker(d)` in a function body, alone or in a `var ( ... )` group.
(var_spec
  name: (identifier)
  value: (expression_list .
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

; `time.NewTicker(d).C`: a ticker nobody holds, so nobody can stop it.
(selector_expression
  operand: (call_expression
    function: (selector_expression
      operand: (identifier)
      field: (field_identifier) @_func)) @tick
  field: (field_identifier) @_c
  (#eq? @_func "NewTicker")
  (#eq? @_c "C"))
