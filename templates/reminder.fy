{{! In formele oanmoanning nei't de termyn fan in eardere brief ferrûn is (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Formele oanmoanning{{#if previous-claim.ref}} – kenmerk {{previous-claim.ref}}{{/if}} – bestelling {{order.number}}: {{product}}

{{#if previous-claim.date}}
Op {{previous-claim.date}} haw ik jo skreaun oer de bestelling hjirûnder{{#if previous-claim.ref}} (jo kenmerk {{previous-claim.ref}}){{/if}} en jo frege binnen de termyn dy't ik stelde te reagearjen.
{{else}}
Ik haw jo earder skreaun oer de bestelling hjirûnder en jo frege binnen de termyn dy't ik stelde te reagearjen.
{{/if}}
{{#if previous-claim.outcome = rejected denied refused closed partial other}}
Dy termyn is ferrûn sûnder in foldwaande antwurd.
{{else}}
Dy termyn is ferrûn sûnder dat ik in antwurd krige haw.
{{/if}}
Dizze brief is in formele oanmoanning: ik jou jo in lêste termyn oant en mei {{deadline}} om te dwaan wat ik hjirûnder freegje.
{{> details}}
{{> answers}}
{{> legal}}
{{> request}}

{{! The next step names the body of the claim's jurisdiction (data/law/, claimpack-template(5): escalation.body); a UK letter before claim says its own (letter-before-claim). }}
{{#if claim.letter-before-claim}}
{{> law pre-action}}
{{else}}
{{#if escalation.ecc}}
As ik dit uterlik op {{deadline}} net krigen haw, gean ik sûnder fierdere warskôging nei it Europeesk sintrum foar konsuminten fan myn lân ({{escalation.body}}), om't jo yn in oar lân fêstige binne, of lis ik de saak foar oan de rjochter.
{{else}}
{{#if escalation.body}}
As ik dit uterlik op {{deadline}} net krigen haw, lis ik de saak sûnder fierdere warskôging foar oan in ynstânsje foar skeel ({{escalation.body}}) of oan de rjochter.
{{else}}
As ik dit uterlik op {{deadline}} net krigen haw, lis ik de saak sûnder fierdere warskôging foar oan in kommisje foar skeel of oan de rjochter.
{{/if}}
{{/if}}
{{/if}}
{{> enclosures}}
