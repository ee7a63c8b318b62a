{{! Una solicitud de revisión de una reclamación rechazada (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Solicitud de revisión{{#if previous-claim.ref}} de la reclamación {{previous-claim.ref}}{{/if}} – pedido {{order.number}}: {{product}}

{{#if previous-claim}}
Mi reclamación{{#if previous-claim.ref}} {{previous-claim.ref}}{{/if}}{{#if previous-claim.date}} del {{previous-claim.date}}{{/if}} sobre el pedido que se indica a continuación {{#if previous-claim.outcome}}fue {{previous-claim.outcome}}{{else}}no fue atendida{{/if}}.
{{else}}
Mi reclamación anterior sobre el pedido que se indica a continuación no fue atendida.
{{/if}}
No estoy de acuerdo con esta decisión y les solicito que la revisen, por los motivos que expongo a continuación.
{{> details}}
{{> answers}}
{{> legal}}
{{> request}}
{{> deadline}}
{{> enclosures}}
