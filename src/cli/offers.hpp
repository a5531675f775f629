#pragma once
/// Values an option offers to the shell completion (`attune complete words`) when the command
/// checks them itself, in its own words: a validator that accepts everything, shows nothing in
/// --help, and carries the list in its name ("offers:json,csv").
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace attune::cli {

inline const std::string offers_prefix = "offers:";

inline CLI::Validator offers(const std::vector<std::string> &values) {
  std::string name = offers_prefix;
  for (std::size_t i = 0; i < values.size(); ++i)
    name += (i == 0 ? "" : ",") + values[i];
  return CLI::Validator([](std::string &) { return std::string(); }, "", name);
}

} // namespace attune::cli
