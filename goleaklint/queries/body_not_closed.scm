; `resp, err := x.Get(url)` / `=`: a call bound to two names; the check decides whether
; it is an HTTP request (net/http, a client) or a same-file helper returning one. The
; left side holds at least two expressions (the check wants exactly two): `x := f()`,
; most assignments of a call, never match.
(short_var_declaration
  left: (expression_list . (_) . (_))
  right: (expression_list . (call_expression) @call .)) @acquire

(assignment_statement
  left: (expression_list . (_) . (_))
  right: (expression_list . (call_expression) @call .)) @acquire

; `http.Get(url)` as a statement: the response is dropped.
(expression_statement
  (call_expression
    function: (selector_expression field: (field_identifier) @_method)) @dropped
  (#any-of? @_method "Get" "Post" "PostForm" "Do"))
