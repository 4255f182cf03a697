; `ctx, cancel := context.WithX(...)` / `=`; the check makes sure the operand is the
; context package.
(short_var_declaration
  right: (expression_list .
    (call_expression
      function: (selector_expression
        operand: (identifier)
        field: (field_identifier) @_func)) @call .)
  (#any-of? @_func "WithCancel" "WithTimeout" "WithDeadline" "WithCancelCause"
    "WithTimeoutCause" "WithDeadlineCause")) @acquire

(assignment_statement
  right: (expression_list .
    (call_expression
      function: (selector_expression
        operand: (identifier)
        field: (field_identifier) @_func)) @call .)
  (#any-of? @_func "WithCancel" "WithTimeout" "WithDeadline" "WithCancelCause"
    "WithTimeoutCause" "WithDeadlineCause")) @acquire

; `var _, cancel = context.WithX(...)`.
(var_spec
  value: (expression_list .
    (call_expression
      function: (selector_expression
        operand: (identifier)
        field: (field_identifier) @_func)) @call .)
  (#any-of? @_func "WithCancel" "WithTimeout" "WithDeadline" "WithCancelCause"
    "WithTimeoutCause" "WithDeadlineCause")) @acquire
