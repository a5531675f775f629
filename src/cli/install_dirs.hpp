#pragma once
/// Where the installed plans are, for a binary that may have been installed anywhere.
#include <string>

namespace attune::cli {

/// The installed plans folder: PREFIX/share/attune/plans beside the running binary
/// (PREFIX/bin/attune) when that folder exists, so a tree installed with --prefix or unpacked
/// from the .deb finds its own plans; else the folder fixed at build time
/// (CMAKE_INSTALL_FULL_DATADIR/attune/plans).
std::string installed_plans_dir();

} // namespace attune::cli
