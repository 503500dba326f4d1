# package_install: build the .deb with CPack, unpack it into a scratch root, and check that the
# installed app runs on the installed content and that its desktop files validate.
#
#   cmake -DCPACK=<cpack> -DBUILD_DIR=<build> -DSOURCE_DIR=<source> -DWORK_DIR=<scratch>
#         -DVERSION=<project version> -P package_test.cmake
#
# Any problem stops the script with FATAL_ERROR, which fails the test.
cmake_minimum_required(VERSION 3.25)

foreach(var CPACK BUILD_DIR SOURCE_DIR WORK_DIR VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "package_test.cmake: -D${var}=... is required")
    endif()
endforeach()

set(app_id io.github.k8sflashcards.K8sFlashcards)

# Runs a command; fails unless it exits with `expect_rc`. Sets <prefix>_out (stdout and stderr).
function(run prefix expect_rc)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT rc STREQUAL expect_rc)
        list(JOIN ARGN " " cmd)
        message(FATAL_ERROR "`${cmd}` exited with ${rc}, expected ${expect_rc}:\n${out}")
    endif()
    set(${prefix}_out "${out}" PARENT_SCOPE)
endfunction()

function(require_file path)
    if(NOT EXISTS "${path}")
        message(FATAL_ERROR "missing from the package: ${path}")
    endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}/out" "${WORK_DIR}/root")

# 1. Build the package into the scratch folder, so build/ keeps whatever `package` made there.
message(STATUS "cpack -G DEB")
run(cpack 0 "${CPACK}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}/out")
file(GLOB debs "${WORK_DIR}/out/*.deb")
list(LENGTH debs count)
if(NOT count EQUAL 1)
    message(FATAL_ERROR "expected one .deb in ${WORK_DIR}/out, found ${count}:\n${cpack_out}")
endif()
get_filename_component(deb_name "${debs}" NAME)
if(NOT deb_name MATCHES "^k8s-flashcards_${VERSION}_[a-z0-9]+\\.deb$")
    message(FATAL_ERROR "unexpected package file name ${deb_name}")
endif()
message(STATUS "built ${deb_name}")

# 2. The control fields: name, version, section, and dependencies both computed and explicit.
run(fields 0 dpkg-deb --field "${debs}" Package Version Section Depends)
message(STATUS "control fields:\n${fields_out}")
foreach(expected "Package: k8s-flashcards\n" "Version: ${VERSION}\n" "Section: education\n")
    string(FIND "${fields_out}" "${expected}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "control field missing: ${expected}")
    endif()
endforeach()
string(REGEX MATCH "Depends: [^\n]*" depends "${fields_out}")
# libqt6widgets6, libqt6charts6 (for the statistics plugin), libyaml-cpp and libmd4c-html0 come from dpkg-shlibdeps; the rest are named in cpack.cmake.
foreach(dep libqt6widgets6 libqt6core6 libqt6charts6 libyaml-cpp libmd4c-html0 libsqlite3-0 libc6 qt6-qpa-plugins libqt6svg6 fonts-dejavu-core)
    if(NOT depends MATCHES "(: |, )${dep}")
        message(FATAL_ERROR "Depends lacks ${dep}: ${depends}")
    endif()
endforeach()

# 3. Unpack and check the layout.
set(root "${WORK_DIR}/root")
run(unpack 0 dpkg-deb -x "${debs}" "${root}")
set(share "${root}/usr/share")
set(content "${share}/k8s-flashcards")
require_file("${root}/usr/bin/k8s-flashcards")
require_file("${share}/applications/${app_id}.desktop")
require_file("${share}/metainfo/${app_id}.metainfo.xml")
require_file("${share}/icons/hicolor/scalable/apps/${app_id}.svg")
foreach(size 16 32 48 64 128 256)
    require_file("${share}/icons/hicolor/${size}x${size}/apps/${app_id}.png")
endforeach()
foreach(doc README.md LICENSE LICENSE-content.md copyright)
    require_file("${share}/doc/k8s-flashcards/${doc}")
endforeach()
require_file("${content}/diagrams/components.yaml")
# The statistics window is a plugin the app loads on demand from <bindir>/../lib.../k8s-flashcards.
file(GLOB_RECURSE plugin "${root}/usr/lib*/statistics.so")
if(NOT plugin MATCHES "/k8s-flashcards/statistics\\.so$")
    message(FATAL_ERROR "the statistics plugin is not in the package: ${plugin}")
endif()
# Every deck, diagram and walkthrough of the source tree is in the package.
foreach(pattern decks/*.yaml diagrams/*.svg diagrams/walkthroughs/*.yaml)
    file(GLOB sources RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${pattern}")
    if(NOT sources)
        message(FATAL_ERROR "no ${pattern} in the source tree")
    endif()
    foreach(file IN LISTS sources)
        require_file("${content}/${file}")
    endforeach()
endforeach()
# The decks parsed at build time, one entry per deck, so a first start parses no bundled YAML.
file(GLOB decks "${content}/decks/*.yaml")
file(GLOB entries "${content}/deck-cache/*.deck")
list(LENGTH decks deck_count)
list(LENGTH entries entry_count)
if(NOT deck_count EQUAL entry_count)
    message(FATAL_ERROR "${deck_count} decks but ${entry_count} parsed-deck entries in ${content}/deck-cache")
endif()
file(GLOB walkthroughs "${content}/diagrams/walkthroughs/*.yaml")
list(LENGTH walkthroughs walkthrough_count)

# 4. The installed binary runs, and validates the installed content.
set(app "${root}/usr/bin/k8s-flashcards")
run(version 0 "${app}" --version)
if(NOT version_out STREQUAL "k8s-flashcards ${VERSION}\n")
    message(FATAL_ERROR "unexpected --version output: ${version_out}")
endif()
run(validate 0 "${app}" validate)
message(STATUS "validate: ${validate_out}")
if(NOT validate_out MATCHES ", ${walkthrough_count} walkthroughs: 0 errors, 0 warnings\n$")
    message(FATAL_ERROR "validate of the installed content was not clean:\n${validate_out}")
endif()
# The binary also knows the source tree it was built from, so prove it read the installed copy:
# take one walkthrough out of the scratch root and the count must drop.
list(GET walkthroughs 0 removed)
file(REMOVE "${removed}")
math(EXPR fewer "${walkthrough_count} - 1")
run(validate2 0 "${app}" validate)
if(NOT validate2_out MATCHES ", ${fewer} walkthroughs: 0 errors")
    message(FATAL_ERROR "validate did not read ${content}:\n${validate2_out}")
endif()

# 5. The desktop entry and the AppStream metainfo, as installed, validate without a complaint.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
if(DESKTOP_FILE_VALIDATE)
    run(desktop 0 "${DESKTOP_FILE_VALIDATE}" "${share}/applications/${app_id}.desktop")
    if(NOT desktop_out STREQUAL "")
        message(FATAL_ERROR "desktop-file-validate:\n${desktop_out}")
    endif()
    message(STATUS "desktop-file-validate: clean")
else()
    message(STATUS "desktop-file-validate not found (package desktop-file-utils): skipped")
endif()
find_program(APPSTREAMCLI appstreamcli)
if(APPSTREAMCLI)
    # --strict fails on warnings too; pedantic hints (the id's capitals, fixed by design) do not.
    run(appstream 0 "${APPSTREAMCLI}" validate --no-net --strict "${share}/metainfo/${app_id}.metainfo.xml")
    message(STATUS "appstreamcli validate: ${appstream_out}")
else()
    message(STATUS "appstreamcli not found (package appstream): skipped")
endif()

message(STATUS "package_install: all checks passed")
