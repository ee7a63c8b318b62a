{{! Un reembolso que no llega (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Reembolso no recibido – pedido {{order.number}}: {{product}}

Sigo esperando el reembolso al que tengo derecho por el pedido que se indica a continuación, del {{order.placed}}.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
