; Every channel send; Python decides whether something proves a receiver.
(send_statement channel: (_) @_channel) @send

; Receives from struct fields anywhere in the file: the receiver loops of the type.
(unary_expression
  operator: "<-"
  operand: (selector_expression field: (field_identifier) @received_field)) @receive

(range_clause
  right: (selector_expression field: (field_identifier) @received_field)) @receive

; Channels made into struct fields anywhere in the file: their capacity tells whether a
; send can wait.
(assignment_statement
  left: (expression_list (selector_expression field: (field_identifier) @field))
  right: (expression_list
    (call_expression
      function: (identifier) @_make
      arguments: (argument_list (channel_type))) @make)
  (#eq? @_make "make"))

(keyed_element
  key: (literal_element (identifier) @field)
  value: (literal_element
    (call_expression
      function: (identifier) @_make
      arguments: (argument_list (channel_type))) @make)
  (#eq? @_make "make"))

; `go fetch(url, results)`: a worker of this file handed a channel made by the caller.
(go_statement
  (call_expression
    function: (identifier) @go_callee
    arguments: (argument_list))) @go

; `Go(f)` as a statement, or `_ = Go(f)`: a caller that drops what a function returns.
(expression_statement
  (call_expression function: (identifier) @dropped_callee)) @dropped

(assignment_statement
  left: (expression_list . (identifier) @_blank .)
  right: (expression_list . (call_expression function: (identifier) @dropped_callee) .)
  (#eq? @_blank "_")) @dropped

; `drain(t.events, stop)`: a field handed to a function of this file, whose receives
; from the parameter are receives from the field.
; The arguments are read in Python: a pattern for a child of argument_list stays open
; while the matcher descends into every argument, which is quadratic in nested calls
; (`len(x[len(x[...])])`, benchmarks/scaling.py nested-len).
(call_expression
  function: (identifier) @passed_callee
  arguments: (argument_list) @passed_arguments) @passed

; `go func() { ... }()`: goroutines whose calls may hand a local channel to a sender.
(go_statement
  (call_expression function: (func_literal) @spawn_literal)) @spawn

; `case <-ping(a):` next to other cases: once another case goes first, nothing has the
; channel the call returned.
(communication_case
  communication: (receive_statement
    right: (unary_expression
      operator: "<-"
      operand: (call_expression function: (identifier) @selected_callee)))) @selected

; `go l.OnAccept(conn, ch)`: a goroutine whose callee this file does not show, handed a
; channel the starter made.
(go_statement
  (call_expression
    function: (selector_expression) @go_handed_callee
    arguments: (argument_list))) @go
