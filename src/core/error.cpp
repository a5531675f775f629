#include "attune/error.hpp"

namespace attune {

Location locate(std::string_view text, std::size_t offset, const std::string &file) {
  Location where{file, 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++where.line;
      where.col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++where.col; // a character counts once, at its first byte
    }
  }
  return where;
}

std::string format_location(const Location &where) {
  std::string out = where.file;
  if (where.line > 0) {
    out += ':' + std::to_string(where.line);
    if (where.col > 0)
      out += ':' + std::to_string(where.col);
  }
  return out;
}

Error::Error(ErrorKind kind, const std::string &message, std::string hint,
             std::optional<Location> where)
    : std::runtime_error(message), kind_(kind), hint_(std::move(hint)), where_(std::move(where)) {}

int exit_code_for(ErrorKind kind) noexcept {
  switch (kind) {
  case ErrorKind::usage:
  case ErrorKind::invalid:
  case ErrorKind::no_data:
    return exit_code::usage;
  case ErrorKind::data:
    return exit_code::data;
  case ErrorKind::io:
    return exit_code::io;
  case ErrorKind::busy:
    return exit_code::busy;
  case ErrorKind::permission:
    return exit_code::permission;
  case ErrorKind::config:
    return exit_code::config;
  case ErrorKind::unconfirmed:
    return exit_code::unconfirmed;
  case ErrorKind::unavailable:
    return exit_code::unavailable;
  }
  return exit_code::internal;
}

} // namespace attune
