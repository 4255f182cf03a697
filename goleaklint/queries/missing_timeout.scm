; Package calls that wait without a bound: redis.Dial, http.Get, http.ListenAndServe,
; net.Dial, ... (Python resolves the package through the file's imports).
(call_expression
  function: (selector_expression
    operand: (identifier)
    field: (field_identifier) @_name)
  (#any-of? @_name "Dial" "DialContext" "DialURL" "Get" "Head" "Post" "PostForm"
    "ListenAndServe" "ListenAndServeTLS" "Serve" "ServeTLS")) @call

; http.DefaultClient.Get(...) and friends.
(call_expression
  function: (selector_expression
    operand: (selector_expression
      operand: (identifier)
      field: (field_identifier) @_client)
    field: (field_identifier) @_name)
  (#eq? @_client "DefaultClient")
  (#any-of? @_name "Do" "Get" "Head" "Post" "PostForm")) @call

; http.Client{...}, http.Server{...}, redis.Pool{...} literals.
(composite_literal
  type: (qualified_type
    name: (type_identifier) @_type)
  (#any-of? @_type "Client" "Server" "Pool")) @literal

; new(http.Client), new(http.Server), new(http.Transport): literals with no fields set.
(call_expression
  function: (identifier) @_new
  arguments: (argument_list . (qualified_type
    name: (type_identifier) @_type) .)
  (#eq? @_new "new")
  (#any-of? @_type "Client" "Server")) @literal

; pool.Get(): compared with the package's redis.Pool{Wait: true} literals.
(call_expression
  function: (selector_expression
    field: (field_identifier) @_get)
  arguments: (argument_list . ")")
  (#eq? @_get "Get")) @get

; `p := newPool()`, `s.pool = newPool()`: names a factory's pool is stored under.
(short_var_declaration
  left: (expression_list . (_) @bind_target)
  right: (expression_list . (call_expression function: (_) @bind_callee) @bind_call))

(assignment_statement
  left: (expression_list . (_) @bind_target)
  right: (expression_list . (call_expression function: (_) @bind_callee) @bind_call))

(var_spec
  name: (identifier) @bind_target
  value: (expression_list . (call_expression function: (_) @bind_callee) @bind_call))

(keyed_element
  key: (literal_element (identifier) @bind_target)
  value: (literal_element (call_expression function: (_) @bind_callee) @bind_call))

; client.Do(req), s.hc.Get(url): how a client literal's requests are sent (a client whose
; every request is a Do with a context-carrying request is bounded by those contexts).
(call_expression
  function: (selector_expression
    field: (field_identifier) @_method)
  (#any-of? @_method "Do" "Get" "Head" "Post" "PostForm")) @use
