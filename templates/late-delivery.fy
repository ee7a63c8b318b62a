{{! In te let levere bestelling (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Te lette levering – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo besteld{{#if order.expected}}, mei levering uterlik op {{order.expected}}{{/if}}. {{#if order.delivered}}It is pas op {{order.delivered}} levere.{{else}}It is noch altyd net levere.{{/if}}
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
