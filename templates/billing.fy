{{! In ferkearde ôfskriuwing (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Ferkearde ôfskriuwing – bestelling {{order.number}}: {{product}}

Foar de bestelling hjirûnder fan {{order.placed}} is in ferkeard bedrach by my yn rekken brocht. Ik freegje jo dat te ferbetterjen.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
