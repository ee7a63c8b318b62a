{{! In defekt produkt (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Defekt produkt – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo kocht{{#if order.delivered}}; it is op {{order.delivered}} levere{{/if}}. It produkt is stikken. Ik freegje jo dit op grûn fan de wetlike garânsje op te lossen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
