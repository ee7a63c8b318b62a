{{! In oar artikel as besteld (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Ferkeard artikel levere – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo besteld. {{#if order.delivered}}Op {{order.delivered}} haw ik{{else}}Ik haw{{/if}} dêrfoar yn it plak in oar artikel krigen. Ik freegje jo dit op te lossen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
