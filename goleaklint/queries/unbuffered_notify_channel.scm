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
