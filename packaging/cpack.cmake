# CPack: `cmake --build build --target package` (or `cpack -G DEB` in the build folder) makes
# build/k8s-flashcards_<version>_<arch>.deb, installable with `apt install ./build/k8s-flashcards_*.deb`.
# Included at the end of the top-level CMakeLists.txt, once every install rule is known.

set(K8SFC_PACKAGE_MAINTAINER "K8s Flashcards maintainers <maintainers@k8sflashcards.invalid>"
    CACHE STRING "Maintainer field of the .deb: Name <email>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME k8s-flashcards)
set(CPACK_PACKAGE_VENDOR "The K8s Flashcards contributors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The extended description, one control-file line per string (CPack indents them).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "K8s Flashcards teaches the architecture of a Kubernetes cluster on its diagram:"
    "click a component to study its flashcards, scheduled with FSRS-6 spaced repetition."
    "For learners: daily reviews, quizzes, mastery colours on the diagram, statistics."
    "For teachers: a presentation mode with step-by-step walkthroughs, hidden labels,"
    "and export to PNG, SVG and PDF handouts.")
set(CPACK_PACKAGE_CONTACT "${K8SFC_PACKAGE_MAINTAINER}")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
# Debian packages install under /usr; the binary finds its content at ../share/k8s-flashcards.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# The build type may keep debug info (RelWithDebInfo); the package should not carry it.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # k8s-flashcards_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${K8SFC_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps (package dpkg-dev; it needs `file`) derives the library dependencies from the
# binary. It cannot see what Qt loads at run time, so those are named here: the xcb platform
# plugin, the SVG image plugin, and DejaVu Sans, the font the diagrams are drawn in.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, fonts-dejavu-core")

include(CPack)
