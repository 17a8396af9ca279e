include(CMakePackageConfigHelpers)

# One static library per area, and renewal::renewal linking them all.
get_property(_areas GLOBAL PROPERTY RENEWAL_AREA_TARGETS)
install(TARGETS renewal ${_areas} EXPORT renewalTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS renewal_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The headers each area lists for users (renewal_area HEADERS); the project's own
# shared headers (PROJECT_HEADERS) and private ones are not installed.
get_property(_dirs GLOBAL PROPERTY RENEWAL_HEADER_DIRS)
foreach(pair IN LISTS _dirs)
  string(REPLACE ":" ";" pair "${pair}")
  list(GET pair 0 _area)
  list(GET pair 1 _dir)
  get_property(_headers GLOBAL PROPERTY RENEWAL_INSTALLED_HEADERS_${_area})
  install(FILES ${_headers} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/renewal/${_dir})
endforeach()
install(EXPORT renewalTargets NAMESPACE renewal::
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/renewal)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/renewalConfig.cmake.in
  ${PROJECT_BINARY_DIR}/renewalConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/renewal)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/renewalConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/renewalConfig.cmake
              ${PROJECT_BINARY_DIR}/renewalConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/renewal)
# Every JSON schema (inputs and the CLI's --json outputs), by the folder: a schema is
# added by adding its file.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/schemas/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/renewal/schemas
        FILES_MATCHING PATTERN "*.schema.json")
# China's working-day calendar, one file per year (docs/calendar.md).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/data/calendar/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/renewal/calendar FILES_MATCHING PATTERN "*.json")
