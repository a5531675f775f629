#!/usr/bin/zsh -f
# _zsh_capture.zsh FPATH_DIR "WORDS TYPED": prints, one a line, the candidates that zsh's own
# completion system offers when TAB is pressed after the words, driven through a pseudo
# terminal (zsh/zpty) exactly as in an interactive shell. compadd is wrapped to print what
# it is given; markers are split in the typed text so the echo of the input never matches.
zmodload zsh/zpty || exit 3
dir=$1; line=$2
zpty z zsh -f -i
zpty -w z "PS1=''; RPS1=''; fpath=(${(q)dir} \$fpath); autoload -Uz compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' list-grouped false; zstyle ':completion:*' insert-tab false"
zpty -w z "zstyle ':completion:*' list-separator ''; zstyle ':completion:*' format ''"
# Every candidate offered goes through compadd: print it, between markers, and add nothing.
zpty -w z 'compadd () {
  local -a __hits __dscr
  builtin compadd -O __hits "$@"
  (( ${#__hits} )) || return 1
  local i; for i in $__hits; do print -r -- "<CA""ND>$i</CA""ND>"; done
  builtin compadd -Q -U ""
}'
zpty -w z 'finish () { print "<DO""NE>"; exit }'
zpty -w z 'zstyle ":completion:*" completer _complete; comppostfuncs=(finish)'
zpty -w z "bindkey '^I' complete-word"
zpty -n -w z "$line"$'\t'
# Collect everything up to the end marker first: under load a read can end in the middle
# of a line, and a candidate split between two reads would be lost (the test was flaky).
buf=''
while zpty -r z chunk; do
  buf+=$chunk
  [[ $buf == *'<DONE>'* ]] && break
done
for c in ${(f)buf}; do
  [[ $c == *'<CAND>'*'</CAND>'* ]] && { c=${c#*<CAND>}; print -r -- ${c%%</CAND>*}; }
done
zpty -d z
