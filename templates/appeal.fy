{{! In fersyk om in ôfwiisde claim opnij te beoardieljen (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Fersyk om in nije beoardieling{{#if previous.ref}} fan claim {{previous.ref}}{{/if}} – bestelling {{order.number}}: {{product}}

{{#if previous}}
Myn claim{{#if previous.ref}} {{previous.ref}}{{/if}}{{#if previous.date}} fan {{previous.date}}{{/if}} oer de bestelling hjirûnder is {{#if previous.outcome}}{{previous.outcome}}{{else}}net tawiisd{{/if}}.
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
