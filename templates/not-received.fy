{{! In bestelling dy't nea oankommen is (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Produkt net ûntfongen – bestelling {{order.number}}: {{product}}

Op {{order.placed}} haw ik it produkt hjirûnder by jo besteld{{#if order.expected}}, mei levering uterlik op {{order.expected}}{{/if}}. Ik haw it net ûntfongen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
