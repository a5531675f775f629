# fish completion for attune. Installed as share/fish/vendor_completions.d/attune.fish.
# The candidates come from attune itself (`attune complete words`, reading the words typed, one per line), so commands,
# options, exercise ids of the active plan and plan ids stay in step with the binary.

function __attune_complete
    set -l args (commandline -opc)
    set -l cur (commandline -ct)
    set -e args[1]
    for line in (printf '%s\n' $args "$cur" | command attune complete words 2>/dev/null)
        switch $line
            case ':files'
                __fish_complete_path "$cur"
            case ':dirs'
                __fish_complete_directories "$cur"
            case '*'
                echo $line
        end
    end
end

complete -c attune -f -a '(__attune_complete)'
