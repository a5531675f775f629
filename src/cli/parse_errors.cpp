#include "parse_errors.hpp"

#include <cctype>
#include <vector>

#include "attune/text.hpp"

namespace attune::cli {
namespace {

/// Names a user could have meant at this level: subcommands and long options.
std::vector<std::string> candidates_for(const CLI::App &app) {
  std::vector<std::string> names;
  for (const CLI::App *sub : app.get_subcommands([](const CLI::App *) { return true; }))
    names.push_back(sub->get_name());
  for (const CLI::Option *opt : app.get_options())
    for (const auto &name : opt->get_lnames())
      names.push_back("--" + name);
  return names;
}

/// The option a CLI11 message names ("--date: At Most 1 ..." or "files is required").
const CLI::Option *named_option(const CLI::App &at, const std::string &name) {
  for (const CLI::App *up = &at; up != nullptr; up = up->get_parent())
    for (const CLI::Option *opt : up->get_options())
      if (opt->check_name(name) || opt->get_name() == name)
        return opt;
  return nullptr;
}

/// How a sentence names an option: "--date", or "FILE" for a positional.
std::string shown_name(const CLI::Option *opt, const std::string &fallback) {
  if (opt == nullptr)
    return fallback;
  if (opt->get_positional())
    return opt->get_type_name().empty() ? opt->get_name() : opt->get_type_name();
  return opt->get_name();
}

/// "see 'attune checkin --help'".
std::string see_help(const CLI::App &at) {
  return "see '" + command_path(at) + " --help'";
}

} // namespace

const CLI::App *deepest_parsed(const CLI::App &app) {
  const CLI::App *at = &app;
  for (;;) {
    const auto parsed = at->get_subcommands();
    if (parsed.empty())
      return at;
    at = parsed.front();
  }
}

std::string command_path(const CLI::App &at) {
  if (at.get_parent() == nullptr)
    return "attune";
  return command_path(*at.get_parent()) + " " + at.get_name();
}

Error unexpected_argument(const CLI::App &where, const std::string &word) {
  std::vector<std::string> names = candidates_for(where);
  for (const CLI::App *up = where.get_parent(); up != nullptr; up = up->get_parent())
    for (const CLI::Option *opt : up->get_options())
      for (const auto &name : opt->get_lnames())
        names.push_back("--" + name); // global options are accepted after the command too
  const std::string guess = did_you_mean(word, names);
  const std::string full = command_path(where);
  std::string hint = guess.empty() ? see_help(where) : "did you mean '" + guess + "'?";
  if (!word.empty() && word[0] == '-')
    return Error(ErrorKind::usage, "unknown option \"" + word + "\" for '" + full + "'", hint);
  if (where.get_parent() == nullptr)
    return Error(ErrorKind::usage, "unknown command \"" + word + "\"", hint);
  if (!where.get_subcommands([](const CLI::App *) { return true; }).empty())
    return Error(ErrorKind::usage, "unknown command \"" + word + "\" for '" + full + "'", hint);
  return Error(ErrorKind::usage, "unexpected argument \"" + word + "\" for '" + full + "'", hint);
}

Error from_parse_error(const CLI::ParseError &e, const CLI::App &app) {
  const CLI::App &at = *deepest_parsed(app);
  const std::string full = "'" + command_path(at) + "'";
  const std::string message = e.what();
  const std::string hint = see_help(at);
  const auto colon = message.find(": ");
  const std::string head = colon == std::string::npos ? message : message.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : message.substr(colon + 2);
  const CLI::Option *opt = named_option(at, head);
  const std::string name = shown_name(opt, head);

  if (dynamic_cast<const CLI::RequiredError *>(&e) != nullptr) {
    const auto subs =
        at.get_subcommands([](const CLI::App *sub) { return !sub->get_group().empty(); });
    if (message.find("subcommand") != std::string::npos && !subs.empty()) {
      std::vector<std::string> names;
      names.reserve(subs.size());
      for (const CLI::App *sub : subs)
        names.push_back(sub->get_name());
      return Error(ErrorKind::usage, full + " needs a command: " + or_list(names), hint);
    }
    const auto is = message.find(" is required");
    const std::string what = is == std::string::npos ? message : message.substr(0, is);
    const CLI::Option *req = named_option(at, what);
    const bool many = req != nullptr && req->get_positional() && req->get_items_expected_max() > 1;
    return Error(ErrorKind::usage,
                 full + " needs " + (many ? "at least one " : "") + shown_name(req, what), hint);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch *>(&e) != nullptr) {
    if (rest.find("At Most") != std::string::npos || rest.find("too many") != std::string::npos)
      return Error(ErrorKind::usage, name + " was given more than once; " + full + " takes one",
                   hint);
    const std::string type = opt != nullptr ? opt->get_type_name() : "";
    return Error(ErrorKind::usage,
                 name + " needs a value" + (type.empty() ? "" : " (" + type + ")") + " in " + full,
                 hint);
  }
  if (dynamic_cast<const CLI::ConversionError *>(&e) != nullptr) {
    // "Could not convert: --run = all"
    const auto eq = message.find(" = ");
    const auto start = message.find(": ");
    if (eq != std::string::npos && start != std::string::npos && start < eq) {
      const std::string option = message.substr(start + 2, eq - start - 2);
      const std::string value = message.substr(eq + 3);
      return Error(ErrorKind::usage,
                   shown_name(named_option(at, option), option) + " needs a whole number, not \"" +
                       value + "\"",
                   hint);
    }
  }
  if (dynamic_cast<const CLI::ValidationError *>(&e) != nullptr) {
    // "--color: sometimes not in {auto,always,never}"
    const auto not_in = rest.find(" not in {");
    if (not_in != std::string::npos) {
      std::string choices = rest.substr(not_in + 9);
      if (!choices.empty() && choices.back() == '}')
        choices.pop_back();
      std::vector<std::string> list;
      for (std::size_t from = 0; from <= choices.size();) {
        const auto comma = choices.find(',', from);
        list.push_back(choices.substr(from, comma - from));
        if (comma == std::string::npos)
          break;
        from = comma + 1;
      }
      return Error(ErrorKind::usage,
                   "\"" + rest.substr(0, not_in) + "\" is not a choice for " + name + " in " + full,
                   "choose " + or_list(list));
    }
  }
  if (dynamic_cast<const CLI::ExcludesError *>(&e) != nullptr) {
    const auto ex = message.find(" excludes ");
    if (ex != std::string::npos)
      return Error(ErrorKind::usage,
                   message.substr(0, ex) + " and " + message.substr(ex + 10) +
                       " cannot be used together in " + full,
                   hint);
  }
  std::string lower = message;
  if (!lower.empty())
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  return Error(ErrorKind::usage, lower + " (" + full + ")", hint);
}

} // namespace attune::cli
