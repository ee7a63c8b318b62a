{{! Un artículo distinto del pedido (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Artículo equivocado – pedido {{order.number}}: {{product}}

El {{order.placed}} les pedí el producto que se indica a continuación. {{#if order.delivered}}El {{order.delivered}} recibí{{else}}Recibí{{/if}} en su lugar un artículo distinto. Les solicito que lo solucionen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
