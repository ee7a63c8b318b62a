{{! Un requerimiento formal tras vencer el plazo de una carta anterior (claimpack-template(5)). Partes compartidas: templates/es/. }}
{{> head}}
%subject Requerimiento formal{{#if previous-claim.ref}} – referencia {{previous-claim.ref}}{{/if}} – pedido {{order.number}}: {{product}}

{{#if previous-claim.date}}
El {{previous-claim.date}} les escribí sobre el pedido que se indica a continuación{{#if previous-claim.ref}} (su referencia {{previous-claim.ref}}){{/if}} y les pedí una respuesta dentro del plazo indicado.
{{else}}
Les escribí anteriormente sobre el pedido que se indica a continuación y les pedí una respuesta dentro del plazo indicado.
{{/if}}
{{#if previous-claim.outcome = rejected denied refused closed partial other}}
Ese plazo ha vencido sin una respuesta satisfactoria.
{{else}}
Ese plazo ha vencido sin que haya recibido respuesta.
{{/if}}
Por medio de la presente les requiero formalmente y les concedo un último plazo, hasta el {{deadline}}, para atender lo que solicito a continuación.
{{> details}}
{{> answers}}
{{> legal}}
{{> request}}

{{! The next step names the body of the claim's jurisdiction (data/law/, claimpack-template(5): escalation.body); a UK letter before claim says its own (letter-before-claim). }}
{{#if claim.letter-before-claim}}
{{> law pre-action}}
{{else}}
{{#if escalation.ecc}}
Si el {{deadline}} no lo he recibido, acudiré sin más aviso al Centro Europeo del Consumidor de mi país ({{escalation.body}}), ya que usted está establecido en otro país, o someteré el asunto a los tribunales.
{{else}}
{{#if escalation.body}}
Si el {{deadline}} no lo he recibido, someteré el asunto, sin más aviso, a un organismo de resolución de conflictos de consumo ({{escalation.body}}) o a los tribunales.
{{else}}
Si el {{deadline}} no lo he recibido, someteré el asunto, sin más aviso, a un organismo de resolución de conflictos de consumo o a los tribunales.
{{/if}}
{{/if}}
{{/if}}
{{> enclosures}}
