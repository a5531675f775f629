# Turns a plan file into a C++ source holding its text, so the binary needs no files.
file(READ "${INPUT}" text)
string(FIND "${text}" ")attune_plan\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_plan.cmake. Do not edit.\n"
  "#include \"attune/embedded_plan.hpp\"\n"
  "namespace attune {\n"
  "std::string_view embedded_default_plan() noexcept {\n"
  "  static constexpr char text[] = R\"attune_plan(${text})attune_plan\";\n"
  "  return {text, sizeof text - 1};\n"
  "}\n"
  "} // namespace attune\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
