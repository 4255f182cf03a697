; `rows, err := x.Method(...)` / `=`: one method call bound on the right. The check keeps
; the query and prepare methods (and the configured extra ones) by name.
(short_var_declaration
  right: (expression_list . (call_expression function: (selector_expression)) @call .)) @acquire

(assignment_statement
  right: (expression_list . (call_expression function: (selector_expression)) @call .)) @acquire
