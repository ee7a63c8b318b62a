{{! Un pedido que nunca llegó (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Producto no recibido – pedido {{order.number}}: {{product}}

El {{order.placed}} les pedí el producto que se indica a continuación{{#if order.expected}}, con entrega prevista a más tardar el {{order.expected}}{{/if}}. No lo he recibido.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
