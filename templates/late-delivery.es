{{! Un pedido entregado con retraso (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Entrega con retraso – pedido {{order.number}}: {{product}}

El {{order.placed}} les pedí el producto que se indica a continuación{{#if order.expected}}, con entrega prevista a más tardar el {{order.expected}}{{/if}}. {{#if order.delivered}}No se entregó hasta el {{order.delivered}}.{{else}}Todavía no se ha entregado.{{/if}}
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
