{{! Un producto defectuoso (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Producto defectuoso – pedido {{order.number}}: {{product}}

El {{order.placed}} les compré el producto que se indica a continuación{{#if order.delivered}}, que me fue entregado el {{order.delivered}}{{/if}}. El producto es defectuoso. Les solicito que lo subsanen{{#if claim.jurisdiction = UK}} conforme a la Consumer Rights Act 2015{{else}}{{#if claim.jurisdiction = US}}{{else}} en virtud de la garantía legal{{/if}}{{/if}}.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
