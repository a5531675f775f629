// A main() for the libFuzzer harnesses without libFuzzer: feeds each file named on the
// command line (or each file inside a named folder) to LLVMFuzzerTestOneInput once. The test
// suite builds every harness with it and the normal compiler, and replays fuzz/regressions/,
// so a crash the fuzzer once found stays fixed (the harness aborts, ctest fails) on every
// build, sanitized or not, with no clang needed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);
// Optional in a harness, as under libFuzzer.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace fs = std::filesystem;

int main(int argc, char **argv) {
  // Paths first: a harness may change the working folder (fuzz_cli works in a sandbox).
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path arg = fs::absolute(argv[i]);
    if (fs::is_directory(arg)) {
      for (const auto &entry : fs::directory_iterator(arg))
        if (entry.is_regular_file())
          inputs.push_back(entry.path());
    } else {
      inputs.push_back(arg);
    }
  }
  std::sort(inputs.begin(), inputs.end());
  if (LLVMFuzzerInitialize != nullptr)
    LLVMFuzzerInitialize(&argc, &argv);
  for (const fs::path &input : inputs) {
    // stdio rather than istreambuf_iterator: GCC 12 -Wnull-dereference misfires on that.
    std::FILE *file = std::fopen(input.c_str(), "rb");
    if (file == nullptr) {
      std::cerr << "replay: cannot read " << input << '\n';
      return 2;
    }
    std::string bytes;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
      bytes.append(buffer, n);
    std::fclose(file);
    // An abort() or a sanitizer report inside the harness ends the process: ctest sees it.
    std::cout << "replay: " << input.filename().string() << '\n' << std::flush;
    (void)LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.data()),
                                 bytes.size());
  }
  std::cout << "replay: " << inputs.size() << " inputs, no crash\n";
  return inputs.empty() ? 2 : 0;
}
