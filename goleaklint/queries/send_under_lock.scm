; Every channel send; Python decides whether a mutex is held around it.
(send_statement channel: (_) @_channel) @send

; What the file keeps in fields and containers (`x.f = v`, `m[k] = v`, `T{f: v}`): the
; buffers of the channels stored there tell whether a send on one can wait.
(assignment_statement
  left: (expression_list . [(selector_expression) (index_expression)] @store_to .)
  right: (expression_list . (_) @store_value .))

(keyed_element
  key: (literal_element (identifier) @store_key)
  value: (literal_element (_) @store_value))
