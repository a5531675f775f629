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
  return attune::cli::finish_stdout(rc, buffer, std::cerr);
}
