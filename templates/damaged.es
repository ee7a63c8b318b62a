{{! Un producto entregado dañado (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Producto entregado dañado – pedido {{order.number}}: {{product}}

El {{order.placed}} les compré el producto que se indica a continuación. Llegó dañado{{#if order.delivered}} el {{order.delivered}}{{/if}}. Les solicito que lo solucionen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
