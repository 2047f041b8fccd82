# Fedora's CMake macros (%cmake, %cmake_build, %cmake_install, %ctest), written for rpm where the
# distribution does not ship them: Debian's rpm package has none.  On Fedora, RHEL and openSUSE
# the cmake-rpm-macros package (or its equivalent) defines them: do not load this file there.
#
#   rpmbuild -bb --load=macros.cmake cpython-like.spec
#
# They behave as Fedora's: configure into a build directory next to the sources with the
# distribution's flags and directories, build it with %{_smp_mflags} and --verbose, install it
# into %{buildroot}, run its tests with ctest.  One difference: the generator is Ninja, which
# Fedora is moving %cmake to; define __cmake_generator as "Unix Makefiles" to get Fedora's current
# default.

%__cmake /usr/bin/cmake
%__ctest /usr/bin/ctest
%__cmake_generator Ninja
%__cmake_builddir %{_vpath_builddir}
%_vpath_srcdir .
%_vpath_builddir %{_target_platform}

# The reproducible-build settings Fedora's distribution macros turn on (rpm 4.18 knows them, off
# by default): SOURCE_DATE_EPOCH from the date of the spec's newest %changelog entry, the package's
# build time and every file's mtime taken from it, and no build host name in the package.
%source_date_epoch_from_changelog 1
%use_source_date_epoch_as_buildtime 1
%clamp_mtime_to_source_date_epoch 1
%_buildhost reproducible
# The build directory out of the compiled code, as Debian's build flags do (-ffile-prefix-map) and
# Fedora's debugedit does after the fact (Debian's rpm has no debuginfo step): the path is hashed
# into the program's build-id even after rpm strips its debug information.
%build_cflags %{optflags} -ffile-prefix-map=%{_builddir}=%{_usrsrc}/debug
%build_cxxflags %{optflags} -ffile-prefix-map=%{_builddir}=%{_usrsrc}/debug

# Configure: the distribution's compiler flags (%set_build_flags), Release-like flags without
# -O3 (CMAKE_BUILD_TYPE is left empty, as Fedora and Debian do, so %optflags rule), the install
# directories of the distribution, and no stripping by CMake (rpm's brp-strip strips).
%cmake \
  %{set_build_flags} \
  %{__cmake} \\\
    -G "%{__cmake_generator}" \\\
    -DCMAKE_C_FLAGS_RELEASE:STRING="-DNDEBUG" \\\
    -DCMAKE_CXX_FLAGS_RELEASE:STRING="-DNDEBUG" \\\
    -DCMAKE_VERBOSE_MAKEFILE:BOOL=ON \\\
    -DCMAKE_INSTALL_DO_STRIP:BOOL=OFF \\\
    -DCMAKE_INSTALL_PREFIX:PATH=%{_prefix} \\\
    -DCMAKE_INSTALL_BINDIR:PATH=%{_bindir} \\\
    -DCMAKE_INSTALL_INCLUDEDIR:PATH=%{_includedir} \\\
    -DCMAKE_INSTALL_LIBDIR:PATH=%{_libdir} \\\
    -DCMAKE_INSTALL_DATADIR:PATH=%{_datadir} \\\
    -DCMAKE_INSTALL_SYSCONFDIR:PATH=%{_sysconfdir} \\\
    -DCMAKE_INSTALL_LOCALSTATEDIR:PATH=%{_localstatedir} \\\
    -DBUILD_SHARED_LIBS:BOOL=ON \\\
    -S "%{_vpath_srcdir}" -B "%{__cmake_builddir}"

# Build: every target, or the ones given after the macro (%cmake_build --target regen-all all),
# with rpm's parallelism (-jN from %{_smp_build_ncpus}, that is RPM_BUILD_NCPUS).
%cmake_build %{__cmake} --build "%{__cmake_builddir}" %{?_smp_mflags} --verbose

%cmake_install DESTDIR="%{buildroot}" %{__cmake} --install "%{__cmake_builddir}"

%ctest %{__ctest} --test-dir "%{__cmake_builddir}" --output-on-failure --force-new-ctest-process %{?_smp_mflags}
