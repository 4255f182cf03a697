; Every channel send; Python decides whether a mutex is held around it.
(send_statement channel: (_) @_channel) @send

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
