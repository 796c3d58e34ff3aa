# Warnings for the project's own targets only (third-party headers come in as SYSTEM includes).
function(kiosk_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)
  # Not -Wnull-dereference: at -O3 GCC 12 reports it inside inlined third-party headers
  # (nlohmann/json), where no system-header exemption applies.
  # GCC 12 at -O2/-O3 reports a false -Wrestrict inside libstdc++ for "literal" + std::string
  # (GCC bug 105329, fixed in GCC 13). It is the library's inlined memcpy, not our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(KIOSK_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
