#pragma once
/// CSV as RFC 4180 has it: cells separated by commas, rows ended by CRLF (LF accepted when
/// reading), a cell holding a comma, a double quote, CR or LF is put in double quotes with
/// its quotes doubled. Everything else is literal, so any text round-trips.
#include <string>
#include <string_view>
#include <vector>

namespace attune {

/// One cell and where it starts (1-based line and column, in characters).
struct CsvCell {
  std::string text;
  int line = 0;
  int col = 0;
};

struct CsvRow {
  int line = 0;
  std::vector<CsvCell> cells;
};

/// `text` as one cell: quoted only when it holds a comma, a quote, CR or LF.
/// csv_cell("a,b") -> "\"a,b\"", csv_cell("say \"hi\"") -> "\"say \"\"hi\"\"\"".
std::string csv_cell(std::string_view text);

/// Reads every row. The line ending after the last row is optional; an empty text has no
/// rows. Throws Error(data) at `source_name:line:col` for invalid UTF-8, a quote inside an
/// unquoted cell, text after a closing quote, a bare CR, or a quoted cell never closed.
std::vector<CsvRow> parse_csv(std::string_view text, const std::string &source_name);

} // namespace attune
