{{! Una reclamación ante un mediador o una organización de consumidores (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Reclamación contra {{#if order.seller}}{{order.seller}}{{else}}un vendedor{{/if}} – pedido {{order.number}}: {{product}}

Les pido ayuda en un conflicto con {{#if order.seller}}{{order.seller}}{{else}}un vendedor{{/if}}{{#if order.marketplace}} ({{order.marketplace}}){{/if}}. Primero intenté resolverlo con el vendedor, sin éxito{{#if previous-claim}}: mi reclamación{{#if previous-claim.ref}} {{previous-claim.ref}}{{/if}}{{#if previous-claim.date}} del {{previous-claim.date}}{{/if}} {{#if previous-claim.outcome}}fue {{previous-claim.outcome}}{{else}}no fue atendida{{/if}}{{/if}}. A continuación resumo los hechos y los contactos mantenidos hasta ahora.
{{> details}}
{{> answers}}
{{> legal}}

# {{@heading.request}}
+ {{@label.resolution}}: {{resolution.kind}}
+ {{@label.amount}}: {{resolution.amount}}
{{#if resolution.text}}

{{resolution.text}}
{{/if}}

Les ruego que tramiten esta reclamación y me ayuden a obtener este resultado. Les agradecería una respuesta a más tardar el {{deadline}}.
{{> enclosures}}
