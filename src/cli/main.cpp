#include <iostream>

#include <unistd.h>

#include "app.hpp"

int main(int argc, char **argv) {
  attune::cli::StdoutBuffer buffer(STDOUT_FILENO);
  std::ostream out(&buffer);
  // A prompt shows before input is read, and an error after what was printed before it.
  std::cin.tie(&out);
  std::cerr.tie(&out);
  const int rc = attune::cli::run_app(argc, argv, out, std::cerr, std::cin);
  const int code = attune::cli::finish_stdout(rc, buffer, std::cerr);
  // `out` dies with main, before the standard streams are flushed at exit: untie them, or
  // that flush follows the tie into a destroyed stream (ASan: SEGV in ios_base::Init).
  std::cin.tie(nullptr);
  std::cerr.tie(nullptr);
  return code;
}
