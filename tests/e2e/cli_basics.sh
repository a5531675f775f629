#!/usr/bin/env bash
# The front end's own behaviour: version, help, unknown commands and options.
. "$(dirname "$0")/_lib.sh"

run --version
expect_rc 0 "--version"
expect_out_has "attune " "--version names the program"
expect_err_empty "--version"

run --help
expect_rc 0 "--help"
expect_out_has "checkin" "--help lists checkin"
expect_out_has "report" "--help lists report"

run help checkin
expect_rc 0 "help checkin"
expect_out_has "checkin" "help checkin shows the command"

run stat
expect_rc 2 "unknown command"
expect_err_has 'attune: error: unknown command "stat"' "unknown command message"
expect_err_has "did you mean 'start'?" "unknown command did-you-mean"
expect_err_lines 1 "unknown command is one line"
expect_out_empty "unknown command prints nothing on stdout"

run --dta-dir /tmp/x today
expect_rc 2 "unknown option"
expect_err_has 'unknown option "--dta-dir"' "unknown option message"
expect_err_has "did you mean '--data-dir'?" "unknown option did-you-mean"
expect_err_lines 1 "unknown option is one line"

run help nosuch
expect_rc 2 "help for an unknown command"
expect_err_has 'unknown command "nosuch"' "help nosuch"

run --color sometimes today
expect_rc 2 "bad --color value"
expect_err_lines 1 "bad --color is one line"

finish
