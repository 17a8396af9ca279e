include(CMakePackageConfigHelpers)

install(TARGETS renewal EXPORT renewalTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS renewal_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Public headers only: include/renewal/internal stays private.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/renewal DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        PATTERN internal EXCLUDE)
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
install(FILES ${PROJECT_SOURCE_DIR}/docs/schemas/registry.schema.json
        DESTINATION ${CMAKE_INSTALL_DATADIR}/renewal/schemas OPTIONAL)
