{{! Una solicitud de revisión de una reclamación rechazada (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Solicitud de revisión{{#if previous.ref}} de la reclamación {{previous.ref}}{{/if}} – pedido {{order.number}}: {{product}}

{{#if previous}}
Mi reclamación{{#if previous.ref}} {{previous.ref}}{{/if}}{{#if previous.date}} del {{previous.date}}{{/if}} sobre el pedido que se indica a continuación {{#if previous.outcome}}fue {{previous.outcome}}{{else}}no fue atendida{{/if}}.
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
