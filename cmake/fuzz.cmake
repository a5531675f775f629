# libFuzzer harnesses (fuzz/fuzz_*.cpp), only with -DATTUNE_FUZZ=ON and clang.
# scripts/fuzz.sh builds them -O1 with line tables only: the usual for fuzzing, and far
# quicker to compile for the CLI11-heavy front end.
# scripts/fuzz.sh configures such a tree (build-fuzz) and runs each harness for a while.
option(ATTUNE_FUZZ "Build the libFuzzer harnesses (clang only)" OFF)
if(NOT ATTUNE_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(WARNING "ATTUNE_FUZZ needs clang (CXX=clang++-14); the harnesses are not built")
  return()
endif()

# Coverage instrumentation for everything the harnesses reach, plus ASan and UBSan so a
# memory error or undefined behaviour is a crash the fuzzer reports.
set(ATTUNE_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
target_compile_options(attune_core PRIVATE ${ATTUNE_FUZZ_FLAGS})

# The front end without main() (attune_cli), for the command-line harness.
target_compile_options(attune_cli PRIVATE ${ATTUNE_FUZZ_FLAGS})
# The build-time plan generator links the instrumented core, so it needs the runtimes too.
target_link_options(attune_plan_codegen PRIVATE -fsanitize=address,undefined)

file(GLOB ATTUNE_FUZZ_HARNESSES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_*.cpp)
foreach(harness ${ATTUNE_FUZZ_HARNESSES})
  get_filename_component(name ${harness} NAME_WE)
  # Until the journal reader is merged there is nothing for its harness to link against.
  if(name STREQUAL "fuzz_journal" AND NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/core/journal.cpp)
    message(STATUS "fuzz_journal skipped: src/core/journal.cpp is not there yet")
    continue()
  endif()
  add_executable(${name} ${harness})
  target_link_libraries(${name} PRIVATE attune_core attune_warnings)
  if(name STREQUAL "fuzz_cli")
    target_link_libraries(${name} PRIVATE attune_cli)
  endif()
  target_compile_options(${name} PRIVATE ${ATTUNE_FUZZ_FLAGS})
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
endforeach()
