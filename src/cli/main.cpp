#include <iostream>

#include "app.hpp"

int main(int argc, char **argv) {
  return attune::cli::run_app(argc, argv, std::cout, std::cerr, std::cin);
}
