# Hardening flags for every optimised build, so the binaries the tests run are the ones the package ships:
# _FORTIFY_SOURCE=2 (checked string and memory calls), full RELRO with immediate binding, and PIE
# (position-independent executables). `lintian` and `hardening-check` verify them on the package.
# Left out for sanitizer builds (the fuzzers), where FORTIFY hides what ASan would find.
option(BV_HARDENING "Build with FORTIFY_SOURCE, RELRO/BIND_NOW and PIE" ON)

if(BV_HARDENING AND NOT BV_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT WIN32
   AND NOT APPLE)
    include(CheckPIESupported)
    check_pie_supported(LANGUAGES C CXX)
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    # FORTIFY needs optimisation: not in Debug builds. The undef first avoids a redefinition warning where
    # the compiler already defines it (Ubuntu's gcc).
    add_compile_options("$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
    add_link_options(-Wl,-z,relro -Wl,-z,now)
endif()

# Not hardening, but for the same binaries: their debug sections compressed (gdb and objcopy read them as they
# are). The package's -dbgsym file is then a quarter of the size, and so is the work of compressing it.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT WIN32 AND NOT APPLE)
    add_link_options(-Wl,--compress-debug-sections=zlib)
endif()
