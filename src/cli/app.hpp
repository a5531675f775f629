#pragma once
#include <iosfwd>

#include "stdout_buffer.hpp"

namespace attune::cli {
/// Parses the command line, runs the command, and turns errors into exit codes (the only
/// place that decides them).
int run_app(int argc, const char *const *argv, std::ostream &out, std::ostream &err,
            std::istream &in);

} // namespace attune::cli
