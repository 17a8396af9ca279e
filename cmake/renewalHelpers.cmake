include(GNUInstallDirs)

# Strict warnings for our own targets (STYLE: fmt, abseil).
function(renewal_warnings target)
  # Falling off the end of a non-void function is undefined behaviour that GCC
  # may compile into an endless loop: always an error.
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wconversion -Wsign-conversion
                         -Wno-sign-conversion -Werror=return-type)
  if(RENEWAL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# renewal_cc_test(NAME foo SRCS foo_test.cc [DEPS ...]) builds a GoogleTest binary and
# registers its tests with ctest, in the manner of abseil's absl_cc_test.
function(renewal_cc_test)
  cmake_parse_arguments(T "" "NAME" "SRCS;DEPS" ${ARGN})
  add_executable(${T_NAME} ${T_SRCS})
  target_link_libraries(${T_NAME} PRIVATE renewal::renewal GTest::gtest GTest::gmock
                        GTest::gtest_main ${T_DEPS})
  target_compile_definitions(${T_NAME} PRIVATE
    RENEWAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}" RENEWAL_BINARY_DIR="${PROJECT_BINARY_DIR}")
  renewal_warnings(${T_NAME})
  gtest_discover_tests(${T_NAME} DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1")
endfunction()

# Removes from list `var` the files whose name matches RENEWAL_SKIP_SOURCES.
macro(renewal_skip_sources var)
  if(RENEWAL_SKIP_SOURCES)
    list(FILTER ${var} EXCLUDE REGEX "/[^/]*(${RENEWAL_SKIP_SOURCES})[^/]*$")
  endif()
endmacro()
