#pragma once
/// SHA-256 (FIPS 180-4): the plan hash stored with each run, and the check that an imported
/// plan's text matches its hash. Small and dependency-free.
#include <string>
#include <string_view>

namespace attune {

/// Hex SHA-256 of a text (64 lowercase digits): sha256_hex("abc") -> "ba7816bf...f20015ad".
std::string sha256_hex(std::string_view text);

} // namespace attune
