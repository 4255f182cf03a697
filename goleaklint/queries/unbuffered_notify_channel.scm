; A call to a method or function named Notify* (amqp's NotifyClose, signal.Notify, ...).
; The check looks at each argument: an inline make(chan T) or a name made unbuffered.
(call_expression
  function: (selector_expression field: (field_identifier) @_name)
  arguments: (argument_list) @args
  (#match? @_name "^Notify")) @call

(call_expression
  function: (identifier) @_name
  arguments: (argument_list) @args
  (#match? @_name "^Notify")) @call

; `notify := signal.Notify` (or a method value, `n := conn.NotifyClose`): the check
; follows the calls of that name.
(short_var_declaration
  right: (expression_list .
    (selector_expression field: (field_identifier) @_name) .)
  (#match? @_name "^Notify")) @alias
