#pragma once
/// `attune import` as core words: what the command says once select_new_records (exchange.hpp)
/// has chosen the records. The front end reads the file, locks, writes and prints these.
#include <cstddef>
#include <string>

#include "attune/exchange.hpp"

namespace attune {

/// "1 record", "14 records".
std::string count_records(std::size_t n);

/// The first sentence, unwrapped; `records_in_file` counts the file's records, fresh or not.
///   file without records           -> "The file holds no records; nothing to import."
///   nothing fresh, 1 already here  -> "Nothing new: the record was already here."
///   nothing fresh, 14 already here -> "Nothing new: all 14 records were already here."
///   14 fresh, none here            -> "Imported 14 records."
///   1 fresh, 14 here, dry run      -> "Would import 1 record (14 were already here); nothing
///                                      was written."
std::string import_summary(const ImportSelection &selection, std::size_t records_in_file,
                           bool dry_run);

/// One line per programme the import adds, gives records to or renumbers, then the running
/// programme when it changes:
///   "  programme 2 (anxious, from 2026-03-05): added, 95 records"
///   "  programme 2 (avoidant, from 2026-03-02): was programme 1 here, 3 records added to it"
///   "  programme 1 (avoidant, from 2026-03-02): 2 records added to it"
///   "  the running programme is now 2 (the one started last)"
/// A dry run says "would be added", "would be programme 1 here", "would be 2".
std::string describe_import_outcome(const ImportSelection &selection, bool dry_run);

/// All `attune import` prints: the summary wrapped to `width`, then, when anything is fresh,
/// describe_import_outcome.
std::string render_import(const ImportSelection &selection, std::size_t records_in_file,
                          bool dry_run, std::size_t width);

} // namespace attune
