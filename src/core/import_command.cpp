// attune import's words (see import_command.hpp).
#include "attune/import_command.hpp"

#include "attune/calendar.hpp"
#include "attune/text.hpp"

namespace attune {

std::string count_records(std::size_t n) {
  return plural(static_cast<long long>(n), "record", "records");
}

std::string import_summary(const ImportSelection &selection, std::size_t records_in_file,
                           bool dry_run) {
  if (records_in_file == 0)
    return "The file holds no records; nothing to import.";
  const std::size_t already = selection.already;
  if (selection.fresh.empty())
    return already == 1 ? "Nothing new: the record was already here."
                        : "Nothing new: all " + count_records(already) + " were already here.";
  return std::string(dry_run ? "Would import " : "Imported ") +
         count_records(selection.fresh.size()) +
         (already == 0 ? std::string()
                       : " (" + std::to_string(already) + (already == 1 ? " was" : " were") +
                             " already here)") +
         (dry_run ? "; nothing was written." : ".");
}

std::string describe_import_outcome(const ImportSelection &selection, bool dry_run) {
  std::string out;
  for (const ImportedProgramme &p : selection.programmes) {
    out += "  programme " + std::to_string(p.number) + " (" +
           (p.plan_id.empty() ? std::string("no start record") : p.plan_id) + ", from " +
           format_day(p.start) + "): ";
    if (!p.was)
      out += std::string(dry_run ? "would be added" : "added") + ", " + count_records(p.records);
    else if (*p.was != p.number)
      out += std::string(dry_run ? "would be" : "was") + " programme " + std::to_string(*p.was) +
             " here" +
             (p.records > 0 ? ", " + count_records(p.records) + " added to it" : std::string());
    else
      out += count_records(p.records) + " added to it";
    out += '\n';
  }
  if (selection.running_after && selection.running_after != selection.running_before)
    out += "  the running programme " + std::string(dry_run ? "would be " : "is now ") +
           std::to_string(*selection.running_after) + " (the one started last)\n";
  return out;
}

std::string render_import(const ImportSelection &selection, std::size_t records_in_file,
                          bool dry_run, std::size_t width) {
  std::string out = wrap_words(import_summary(selection, records_in_file, dry_run), width, "", "");
  if (!selection.fresh.empty())
    out += describe_import_outcome(selection, dry_run);
  return out;
}

} // namespace attune
