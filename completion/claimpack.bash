# bash completion for claimpack(1)                          -*- shell-script -*-
# Installed as $(datadir)/bash-completion/completions/claimpack; it can also
# be sourced by hand: . completion/claimpack.bash

_claimpack_templates()
{
    # The names `claimpack templates` lists (built-in and the user's own),
    # asked of the claimpack being completed, and the bare types (-t appeal
    # picks the claim's language).
    local prog=$1
    command -v "$prog" >/dev/null 2>&1 || prog=claimpack
    "$prog" templates 2>/dev/null | while read -r name state _; do
        [[ $state == missing ]] || printf '%s\n' "$name"
    done
    printf '%s\n' $2
}

_claimpack()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands='build check init templates channels'
    local types='defective damaged wrong-item not-received late-delivery billing refund-missing appeal escalation reminder'
    local langs='en nl fy es de fr'

    # The command is the first word after claimpack that is not an option.
    local cmd= i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
        -*) ;;
        *) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '--help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$commands" -- "$cur"))
        fi
        return
    fi

    # Values of the options that take one.
    case $cmd:$prev in
    build:-l | build:--lang | init:-l | init:--lang | channels:-l | channels:--lang)
        COMPREPLY=($(compgen -W "$langs" -- "$cur"))
        return ;;
    build:-p | build:--paper)
        COMPREPLY=($(compgen -W 'a4 letter' -- "$cur"))
        return ;;
    init:-t | init:--type)
        COMPREPLY=($(compgen -W "$types" -- "$cur"))
        return ;;
    build:-t | build:--template)
        # A template name, or a path (anything holding a '/').
        if [[ $cur == */* || $cur == .* || $cur == \~* ]]; then
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_claimpack_templates "${words[0]}" "$types")" -- "$cur"))
        fi
        return ;;
    build:-o | build:--output | init:-o | init:--output | init:--from)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    build:--max-size | build:--split)
        COMPREPLY=($(compgen -W '1M 2M 5M 10M 20M 25M' -- "$cur"))
        return ;;
    build:--for)
        # The channels claimpack knows (the user's own too): the first word of
        # each line of `claimpack channels` that starts with a name.
        COMPREPLY=($(compgen -W "$("${words[0]}" channels 2>/dev/null | sed -n 's/^\([a-z0-9][a-z0-9-]*\) .*/\1/p')" -- "$cur"))
        return ;;
    build:--stamp | build:--max-chars)
        return ;;
    esac

    local opts
    case $cmd in
    build) opts='--output --template --lang --paper --max-size --print --stamp --force --keep-metadata --split --text --max-chars --eml --for --issuer-letter --quiet --verbose --help' ;;
    check) opts='--json --print --help' ;;
    init) opts='--type --lang --output --from --help' ;;
    templates) opts='--help' ;;
    channels) opts='--lang --help' ;;
    *) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
    build | check)
        # The claim file: XML files and directories to walk into.
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -X '!*.[xX][mM][lL]' -- "$cur") $(compgen -d -- "$cur"))
        ;;
    esac
} &&
    complete -F _claimpack claimpack
