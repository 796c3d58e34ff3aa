# Installation (GNUInstallDirs) and the Debian package (CPack). The `package` preset installs to
# /usr with the bundle compiled in as /usr/share/magnesium-kiosk/bundle; scripts/package.sh builds
# the .deb. Layout:
#   /usr/bin/kiosk, kiosk-content, kiosk-screen, kiosk-store
#   /usr/share/magnesium-kiosk/bundle/{structure,locales,assets}   the shipped content
#   /etc/magnesium-kiosk/kiosk.toml                                 configuration (a conffile)
#   /lib/systemd/system/magnesium-kiosk.service                     the kiosk under cage
#   /var/lib/magnesium-kiosk/                                       data, 0700, made by postinst (never in the package)
# Debian names the documentation folder after the package, not the CMake project.
set(CMAKE_INSTALL_DOCDIR share/doc/magnesium-kiosk CACHE PATH "Documentation folder")
include(GNUInstallDirs)

install(TARGETS kiosk kiosk-content kiosk-screen kiosk-store RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/structure ${PROJECT_SOURCE_DIR}/locales ${PROJECT_SOURCE_DIR}/assets
        DESTINATION ${CMAKE_INSTALL_DATADIR}/magnesium-kiosk/bundle)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/kiosk.toml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/magnesium-kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/magnesium-kiosk.service DESTINATION /lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/DEPLOY.md ${PROJECT_SOURCE_DIR}/docs/CONTENT.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME magnesium-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Clinic IT <it@clinic.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Offline touchscreen kiosk: magnesium IV education and self-screening")
set(CPACK_PACKAGE_DESCRIPTION "Educates patients in their language about IV magnesium, screens them with a questionnaire
whose flags route them to staff, and gives staff a PIN-protected review mode with exports.
Runs full screen under the cage compositor as a locked-down systemd service.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Libraries as dpkg-shlibdeps finds them in the programs; what they open at run time besides.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, cage, xwayland, libgl1-mesa-dri, fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core, sound-theme-freedesktop")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/debian/conffiles ${PROJECT_SOURCE_DIR}/packaging/debian/postinst
    ${PROJECT_SOURCE_DIR}/packaging/debian/prerm ${PROJECT_SOURCE_DIR}/packaging/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
include(CPack)
