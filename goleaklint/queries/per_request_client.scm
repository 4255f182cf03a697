; Client constructors are package functions (`grpc.Dial(...)`) or composite literals of a
; package's type (`&http.Transport{...}`). Python resolves the package through the file's
; imports, matches the configured names and decides whether the code runs per request.
(call_expression
  function: (selector_expression
    operand: (identifier)
    field: (field_identifier))) @call

(composite_literal
  type: (qualified_type)) @literal

; `t.Clone()` of an *http.Transport (the type is checked in Python).
(call_expression
  function: (selector_expression
    field: (field_identifier) @_clone (#eq? @_clone "Clone"))) @clone
