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

# renewal_cc_test(NAME foo SRCS foo_test.cc DEPS renewal::votes [INTERNALS_OF votes])
# builds a GoogleTest binary and registers its tests with ctest, in the manner of
# abseil's absl_cc_test. A test links only the areas it names, so it is held to the
# same layering as code. INTERNALS_OF lets a white-box test of an area include that
# area's private headers (src/<area>/) by their plain name.
function(renewal_cc_test)
  cmake_parse_arguments(T "" "NAME;INTERNALS_OF" "SRCS;DEPS" ${ARGN})
  add_executable(${T_NAME} ${T_SRCS})
  target_link_libraries(${T_NAME} PRIVATE ${T_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  if(T_INTERNALS_OF)
    target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src/${T_INTERNALS_OF})
  endif()
  target_compile_definitions(${T_NAME} PRIVATE
    RENEWAL_SOURCE_DIR="${PROJECT_SOURCE_DIR}" RENEWAL_BINARY_DIR="${PROJECT_BINARY_DIR}")
  renewal_warnings(${T_NAME})
  gtest_discover_tests(${T_NAME} DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "ASAN_OPTIONS=detect_leaks=1")
endfunction()

# renewal_area(NAME votes DEPS base registry
#              HEADERS vote.h ...          # installed, for users
#              PROJECT_HEADERS json.h ...  # for the project's other areas, not installed
#              SRCS vote_tally.cc ... [PRIVATE_DEPS Boost::json])
#
# One static library per area, `renewal_<name>` (exported as renewal::<name>), in the
# manner of abseil's absl_cc_library. The build enforces the dependency order: an
# area compiles against a folder of its own under build/layers/ that holds links to
# its listed headers only, and sees the headers of the areas in DEPS (transitively)
# and nothing else, so including a header of an undeclared area fails to compile.
# NAME may be a sub-area such as plan/knapsack (target renewal_plan_knapsack) whose
# headers live in include/renewal/plan/.
function(renewal_area)
  cmake_parse_arguments(A "" "NAME;HEADER_DIR" "HEADERS;PROJECT_HEADERS;SRCS;DEPS;PRIVATE_DEPS" ${ARGN})
  string(REPLACE "/" "_" flat ${A_NAME})
  set(target renewal_${flat})
  if(NOT A_HEADER_DIR)
    set(A_HEADER_DIR ${A_NAME})
  endif()
  add_library(${target} STATIC ${A_SRCS})
  add_library(renewal::${flat} ALIAS ${target})
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${flat})
  set(layer ${PROJECT_BINARY_DIR}/layers/${flat})
  file(REMOVE_RECURSE ${layer})
  file(MAKE_DIRECTORY ${layer}/renewal/${A_HEADER_DIR})
  foreach(h IN LISTS A_HEADERS A_PROJECT_HEADERS)
    set(src ${PROJECT_SOURCE_DIR}/include/renewal/${A_HEADER_DIR}/${h})
    if(NOT EXISTS ${src})
      message(FATAL_ERROR "renewal_area(${A_NAME}): no header ${src}")
    endif()
    file(CREATE_LINK ${src} ${layer}/renewal/${A_HEADER_DIR}/${h} SYMBOLIC)
  endforeach()
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${layer}> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${target} PUBLIC cxx_std_20)
  list(TRANSFORM A_DEPS REPLACE "/" "_")
  list(TRANSFORM A_DEPS PREPEND renewal_)
  target_link_libraries(${target} PUBLIC ${A_DEPS} PRIVATE ${A_PRIVATE_DEPS})
  renewal_warnings(${target})
  set_property(GLOBAL APPEND PROPERTY RENEWAL_AREA_TARGETS ${target})
  list(TRANSFORM A_HEADERS PREPEND ${PROJECT_SOURCE_DIR}/include/renewal/${A_HEADER_DIR}/)
  set_property(GLOBAL APPEND PROPERTY RENEWAL_INSTALLED_HEADERS_${flat} ${A_HEADERS})
  set_property(GLOBAL APPEND PROPERTY RENEWAL_HEADER_DIRS "${flat}:${A_HEADER_DIR}")
endfunction()
