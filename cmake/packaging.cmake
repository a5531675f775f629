# Installing and packaging: man pages, shell completions, contrib units and a Debian package.
# Included by the top CMakeLists after the targets exist. Everything goes to GNUInstallDirs
# places, so `cmake --install build --prefix DIR` and `cpack -G DEB` lay out the same tree:
#
#   bin/attune
#   share/attune/plans/*.toml                         (top CMakeLists)
#   share/man/man1/attune.1, share/man/man5/attune-*.5, share/man/man7/attune-*.7
#   share/bash-completion/completions/attune
#   share/zsh/vendor-completions/_attune
#   share/fish/vendor_completions.d/attune.fish
#   lib/systemd/user/attune-remind.{service,timer}   (shipped, never enabled)
#   share/doc/attune/contrib/                         (the same units and a crontab line)

# The installed binary looks for its plans relative to itself first, so a tree installed
# with --prefix (or unpacked from the .deb into a scratch folder) finds its own plans.
file(RELATIVE_PATH ATTUNE_PLANS_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}"
     "${CMAKE_INSTALL_FULL_DATADIR}/attune/plans")
target_compile_definitions(attune_cli PRIVATE ATTUNE_PLANS_FROM_BIN="${ATTUNE_PLANS_FROM_BIN}")

# Man pages: whatever man/*.1, man/*.5 and man/*.7 exist at install time.
install(DIRECTORY man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 FILES_MATCHING PATTERN "*.1")
install(DIRECTORY man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man5 FILES_MATCHING PATTERN "*.5")
install(DIRECTORY man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man7 FILES_MATCHING PATTERN "*.7")

# Shell completions, where each shell's package looks for vendor completions.
install(FILES completions/attune.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME attune)
install(FILES completions/_attune DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/attune.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# systemd user units. They name the installed binary, so the path is filled in here.
# Installed under lib/systemd/user (not LIBDIR: systemd does not look in multiarch folders),
# where `systemctl --user enable --now attune-remind.timer` finds them. Nothing is enabled.
set(ATTUNE_UNITS_DIR ${CMAKE_CURRENT_BINARY_DIR}/generated/systemd)
foreach(unit attune-remind.service attune-remind.timer)
  file(READ ${CMAKE_CURRENT_SOURCE_DIR}/contrib/${unit} text)
  string(REPLACE "/usr/bin/attune" "${CMAKE_INSTALL_FULL_BINDIR}/attune" text "${text}")
  file(CONFIGURE OUTPUT ${ATTUNE_UNITS_DIR}/${unit} CONTENT "${text}" @ONLY)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${CMAKE_CURRENT_SOURCE_DIR}/contrib/${unit})
  install(FILES ${ATTUNE_UNITS_DIR}/${unit} DESTINATION lib/systemd/user)
endforeach()
install(DIRECTORY contrib/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/contrib)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Debian package: `cpack -G DEB` in the build folder. Library dependencies come from
# dpkg-shlibdeps (libtomlplusplus3, libstdc++6, libc6 ...); tzdata is read at run time by
# attune's own zone reader (src/core/zone.cpp, no libdate-tz), so it is named by hand.
set(CPACK_PACKAGE_NAME attune)
set(CPACK_PACKAGE_VENDOR "attune")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "six-week practice for acting less avoidantly in relationships")
set(CPACK_PACKAGE_DESCRIPTION
    "attune walks you through a six-week programme of small daily exercises toward feeling\n"
    "and acting more secure in relationships, keeps a private journal of check-ins on your\n"
    "machine, and shows how the practice is going. It is a self-help practice, not therapy.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "Seed 08a3b109 maintainers <maintainers@users.noreply.r-seed-08a3b109.example>")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libnotify-bin, bash-completion")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Only what `cmake --install` puts in place; no test files.
set(CPACK_STRIP_FILES ON)
include(CPack)
