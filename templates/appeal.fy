{{! In fersyk om in ôfwiisde claim opnij te beoardieljen (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Fersyk om in nije beoardieling{{#if previous-claim.ref}} fan claim {{previous-claim.ref}}{{/if}} – bestelling {{order.number}}: {{product}}

{{#if previous-claim}}
Myn claim{{#if previous-claim.ref}} {{previous-claim.ref}}{{/if}}{{#if previous-claim.date}} fan {{previous-claim.date}}{{/if}} oer de bestelling hjirûnder is {{#if previous-claim.outcome}}{{previous-claim.outcome}}{{else}}net tawiisd{{/if}}.
{{else}}
Myn eardere claim oer de bestelling hjirûnder is net tawiisd.
{{/if}}
Ik bin it net iens mei dit beslút en freegje jo it opnij te beoardieljen, om de redenen hjirûnder.
{{> details}}
{{> answers}}
{{> legal}}
{{> request}}
{{> deadline}}
{{> enclosures}}
