# Installs the built project into a scratch prefix, then configures, builds and runs
# a consumer project that uses find_package(renewal) (fmt's find-package-test).
file(REMOVE_RECURSE ${PREFIX} ${CONSUMER_BIN})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SRC} -B ${CONSUMER_BIN} -G ${GENERATOR}
                        -DCMAKE_PREFIX_PATH=${PREFIX}
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${CONSUMER_BIN} RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CONSUMER_BIN}/consumer ${CONSUMER_SRC}/../data/tiny_city.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "consumer said: ${out}")
if(rc OR NOT out MATCHES "5 dwellings")
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()

# Every schema is installed (docs/schemas → share/renewal/schemas).
file(GLOB source_schemas RELATIVE ${CONSUMER_SRC}/../../docs/schemas ${CONSUMER_SRC}/../../docs/schemas/*.schema.json)
list(LENGTH source_schemas n)
if(n LESS 30)
  message(FATAL_ERROR "expected the schemas in docs/schemas, found ${n}")
endif()
foreach(s IN LISTS source_schemas)
  if(NOT EXISTS ${PREFIX}/share/renewal/schemas/${s})
    message(FATAL_ERROR "schema ${s} is not installed in ${PREFIX}/share/renewal/schemas")
  endif()
endforeach()

# The installed Python package imports from where it was put.
if(PYTHON)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${PREFIX}/${PYTHON_DIR}
                          ${PYTHON} -c "import renewal; print(renewal.__file__)"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc OR NOT out MATCHES "${PREFIX}")
    message(FATAL_ERROR "the installed Python package does not import: ${out}${err}")
  endif()
  message(STATUS "installed package: ${out}")
endif()
