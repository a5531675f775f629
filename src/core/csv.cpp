#include "attune/csv.hpp"

#include "attune/error.hpp"
#include "attune/json_reader.hpp"
#include "attune/text.hpp"

namespace attune {

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::vector<CsvRow> parse_csv(std::string_view text, const std::string &source_name) {
  const auto fail = [&](std::size_t at, const std::string &message, const std::string &hint) {
    throw Error(ErrorKind::data, message, hint, locate(text, at, source_name));
  };
  const std::size_t bad = first_invalid_utf8(text);
  if (bad != std::string_view::npos)
    fail(bad, "the file is not valid UTF-8 here", "save it as UTF-8");

  std::vector<CsvRow> rows;
  int line = 1;
  int col = 1;
  std::size_t pos = 0;
  // Moves past one byte, keeping line and column (columns count characters).
  const auto advance = [&]() {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if (pos + 1 >= text.size() ||
               (static_cast<unsigned char>(text[pos + 1]) & 0xC0) != 0x80) {
      ++col;
    }
    ++pos;
  };
  while (pos < text.size()) {
    CsvRow row;
    row.line = line;
    for (;;) { // one cell per turn
      CsvCell cell;
      cell.line = line;
      cell.col = col;
      if (pos < text.size() && text[pos] == '"') {
        const std::size_t open = pos;
        advance();
        for (;;) {
          if (pos >= text.size())
            fail(open, "a quoted cell that starts here is never closed",
                 "was the file cut short? a quote inside a cell is written twice (\"\")");
          if (text[pos] == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              cell.text += '"';
              advance();
              advance();
              continue;
            }
            advance();
            break;
          }
          cell.text += text[pos];
          advance();
        }
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' &&
            !(text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n'))
          fail(pos, "text after the closing quote of a cell",
               "put the whole cell in quotes and write a quote inside it twice (\"\")");
      } else {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') {
          if (text[pos] == '"')
            fail(pos, "a double quote inside a cell that does not start with one",
                 "put the whole cell in quotes and write the quote twice (\"\")");
          if (text[pos] == '\r') {
            if (pos + 1 < text.size() && text[pos + 1] == '\n')
              break;
            fail(pos, "a carriage return inside a cell that is not quoted",
                 "put the cell in double quotes");
          }
          cell.text += text[pos];
          advance();
        }
      }
      row.cells.push_back(std::move(cell));
      if (pos >= text.size())
        break;
      if (text[pos] == ',') {
        advance();
        continue;
      }
      if (text[pos] == '\r')
        advance();
      advance(); // the LF
      break;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace attune
