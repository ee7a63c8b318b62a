{{! In beskeadige levere produkt (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Beskeadige levere – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo kocht. It is{{#if order.delivered}} op {{order.delivered}}{{/if}} beskeadige oankommen. Ik freegje jo dit op te lossen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
