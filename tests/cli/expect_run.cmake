# expect_run(ARGS ... RC n [STDOUT regex] [STDERR regex] [INPUT file] [HELP]): runs
# ${CLI} and checks its exit code, its output and, when it fails, that stderr is one
# line. Shared by the CLI's script tests (cli_smoke.cmake, progress_cli.cmake).
# INPUT FILE: stdin; HELP: stderr is a help text (several lines) rather than one error line.
function(expect_run)
  cmake_parse_arguments(R "HELP" "RC;STDOUT;STDERR;INPUT" "ARGS" ${ARGN})
  set(input)
  if(R_INPUT)
    set(input INPUT_FILE ${R_INPUT})
  endif()
  execute_process(COMMAND ${CLI} ${R_ARGS} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err ${input})
  if(NOT rc EQUAL R_RC)
    message(FATAL_ERROR "renewal ${R_ARGS}: exit ${rc}, expected ${R_RC}\n${out}\n${err}")
  endif()
  if(R_STDOUT AND NOT out MATCHES "${R_STDOUT}")
    message(FATAL_ERROR "renewal ${R_ARGS}: stdout does not match ${R_STDOUT}:\n${out}")
  endif()
  if(R_STDERR AND NOT err MATCHES "${R_STDERR}")
    message(FATAL_ERROR "renewal ${R_ARGS}: stderr does not match ${R_STDERR}:\n${err}")
  endif()
  if(NOT rc EQUAL 0 AND NOT R_HELP)
    string(REGEX MATCHALL "\n" lines "${err}")
    list(LENGTH lines n)
    if(NOT n EQUAL 1)
      message(FATAL_ERROR "renewal ${R_ARGS}: expected one line on stderr, got ${n}:\n${err}")
    endif()
  endif()
endfunction()
