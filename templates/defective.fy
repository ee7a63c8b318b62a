{{! In defekt produkt (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Defekt produkt – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo kocht{{#if order.delivered}}; it is op {{order.delivered}} levere{{/if}}. It produkt is stikken. Ik freegje jo dit {{#if claim.jurisdiction = UK}}op grûn fan de Consumer Rights Act 2015 {{else}}{{#if claim.jurisdiction = US}}{{else}}op grûn fan de wetlike garânsje {{/if}}{{/if}}op te lossen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
