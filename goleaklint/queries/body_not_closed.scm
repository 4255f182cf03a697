; `resp, err := x.Get(url)` / `=` with an HTTP request method; the check decides
; whether x is net/http or a client.
(short_var_declaration
  right: (expression_list .
    (call_expression
      function: (selector_expression field: (field_identifier) @_method)) @call .)
  (#any-of? @_method "Get" "Post" "PostForm" "Do")) @acquire

(assignment_statement
  right: (expression_list .
    (call_expression
      function: (selector_expression field: (field_identifier) @_method)) @call .)
  (#any-of? @_method "Get" "Post" "PostForm" "Do")) @acquire

; `http.Get(url)` as a statement: the response is dropped.
(expression_statement
  (call_expression
    function: (selector_expression field: (field_identifier) @_method)) @dropped
  (#any-of? @_method "Get" "Post" "PostForm" "Do"))
