{{! In klacht oan in bemiddeler of konsuminteorganisaasje (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Klacht oer {{#if order.seller}}{{order.seller}}{{else}}in ferkeaper{{/if}} – bestelling {{order.number}}: {{product}}

Ik freegje jo help by in skeel mei {{#if order.seller}}{{order.seller}}{{else}}in ferkeaper{{/if}}{{#if order.marketplace}} ({{order.marketplace}}){{/if}}. Ik haw earst besocht it mei de ferkeaper op te lossen, sûnder resultaat{{#if previous-claim}}: myn claim{{#if previous-claim.ref}} {{previous-claim.ref}}{{/if}}{{#if previous-claim.date}} fan {{previous-claim.date}}{{/if}} is {{#if previous-claim.outcome}}{{previous-claim.outcome}}{{else}}net tawiisd{{/if}}{{/if}}. Hjirûnder set ik de feiten en it kontakt oant no ta op in rige.
{{> details}}
{{> answers}}
{{> legal}}

# {{@heading.request}}
+ {{@label.resolution}}: {{resolution.kind}}
+ {{@label.amount}}: {{resolution.amount}}
{{#if resolution.text}}

{{resolution.text}}
{{/if}}

Ik freegje jo dizze klacht yn behanneling te nimmen en my te helpen dit resultaat te berikken. Graach krij ik uterlik op {{deadline}} jo reaksje.
{{> enclosures}}
