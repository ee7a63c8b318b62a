{{! In werombetelling dy't útbliuwt (claimpack-template(5)). Dielde dielen: templates/fy/. }}
{{> head}}
%subject Werombetelling net ûntfongen – bestelling {{order.number}}: {{product}}

Ik wachtsje noch altyd op de werombetelling dêr't ik rjocht op haw foar de bestelling hjirûnder fan {{order.placed}}.
{{> details}}
{{> request}}
{{> legal}}
{{> deadline}}
{{> enclosures}}
