# bash completion for attune                                   -*- shell-script -*-
# Installed as share/bash-completion/completions/attune. The candidates come from attune
# itself (`attune complete words`, reading the words typed, one per line), so commands, options, exercise ids of the
# active plan and plan ids stay in step with the binary. Works with or without the
# bash-completion package.

_attune() {
  local cur words cword
  if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
    # Keep "=" and ":" inside words so "--color=al" is one word.
    _get_comp_words_by_ref -n =: cur words cword
  else
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${COMP_WORDS[COMP_CWORD]}
  fi

  local line directive="" candidates=()
  while IFS= read -r line; do
    case $line in
      :files | :dirs) directive=$line ;;
      *) candidates+=("${line%%$'\t'*}") ;;
    esac
  done < <(printf '%s\n' "${words[@]:1:cword-1}" "$cur" | "${words[0]}" complete words 2>/dev/null)

  COMPREPLY=()
  local c
  for c in "${candidates[@]}"; do
    [[ $c == "$cur"* ]] && COMPREPLY+=("$c")
  done
  case $directive in
    :files)
      compopt -o filenames 2>/dev/null
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
      ;;
    :dirs)
      compopt -o filenames 2>/dev/null
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -d -- "$cur")
      ;;
  esac
  if declare -F __ltrim_colon_completions >/dev/null 2>&1; then
    __ltrim_colon_completions "$cur"
  fi
  return 0
}
complete -F _attune attune
