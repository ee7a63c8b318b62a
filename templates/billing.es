{{! Un cargo incorrecto (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Cargo incorrecto – pedido {{order.number}}: {{product}}

Por el pedido que se indica a continuación, del {{order.placed}}, se me ha cobrado un importe incorrecto. Les solicito que lo corrijan.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
