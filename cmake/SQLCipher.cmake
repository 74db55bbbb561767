# Finds SQLCipher through pkg-config and checks, by running a tiny program, that the library really is
# SQLCipher >= 4.4.2 with a crypto provider. pkg-config only reports the SQLite base version
# (e.g. 3.46.1 for SQLCipher 4.6.1), so the cipher version is asked of the library itself.
# Provides the imported target SQLCipher::SQLCipher, which carries SQLITE_HAS_CODEC.

set(BV_SQLCIPHER_MIN_VERSION "4.4.2")
pkg_check_modules(SQLCIPHER_PC QUIET sqlcipher)
if(NOT SQLCIPHER_PC_FOUND)
    message(FATAL_ERROR
        "SQLCipher was not found (pkg-config module 'sqlcipher').\n"
        "On Debian 12 install SQLCipher 4 from bookworm-backports: run 'tools/dev.sh setup', or\n"
        "  apt-get install -t bookworm-backports libsqlcipher-dev sqlcipher\n"
        "Debian stable's SQLCipher 3.4.1 is too old; BranchVault needs ${BV_SQLCIPHER_MIN_VERSION} or newer.")
endif()

find_library(SQLCIPHER_LIBRARY NAMES sqlcipher HINTS ${SQLCIPHER_PC_LIBRARY_DIRS} REQUIRED)
find_path(SQLCIPHER_INCLUDE_DIR NAMES sqlite3.h HINTS ${SQLCIPHER_PC_INCLUDE_DIRS} PATH_SUFFIXES sqlcipher REQUIRED)

if(NOT DEFINED BV_SQLCIPHER_VERSION_CHECKED OR NOT BV_SQLCIPHER_VERSION_CHECKED STREQUAL SQLCIPHER_LIBRARY)
    set(_probe_dir "${CMAKE_BINARY_DIR}/CMakeFiles/sqlcipher-probe")
    file(MAKE_DIRECTORY "${_probe_dir}")
    file(WRITE "${_probe_dir}/probe.c" [=[
#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>
#include <stdio.h>
static int print_row(void* tag, int n, char** values, char** names)
{
    printf("%s=%s\n", (const char*)tag, (n > 0 && values[0]) ? values[0] : "");
    return 0;
}
int main(void)
{
    sqlite3* db = 0;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 2;
    sqlite3_exec(db, "PRAGMA cipher_version;", print_row, (void*)"version", 0);
    /* the crypto provider is initialised when a key is set */
    sqlite3_key(db, "probe", 5);
    sqlite3_exec(db, "PRAGMA cipher_provider;", print_row, (void*)"provider", 0);
    sqlite3_close(db);
    return 0;
}
]=])
    try_run(_run_result _compile_result "${_probe_dir}/build" "${_probe_dir}/probe.c"
        CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${SQLCIPHER_INCLUDE_DIR}"
        LINK_LIBRARIES "${SQLCIPHER_LIBRARY}"
        COMPILE_OUTPUT_VARIABLE _compile_output
        RUN_OUTPUT_VARIABLE _run_output)
    if(NOT _compile_result OR NOT _run_result EQUAL 0)
        message(FATAL_ERROR "Could not build or run a test program against SQLCipher (${SQLCIPHER_LIBRARY}).\n${_compile_output}")
    endif()
    string(REGEX MATCH "version=([0-9]+\\.[0-9]+\\.[0-9]+)" _m "${_run_output}")
    set(_version "${CMAKE_MATCH_1}")
    string(REGEX MATCH "provider=([A-Za-z0-9_]+)" _m "${_run_output}")
    set(_provider "${CMAKE_MATCH_1}")
    if(NOT _version)
        message(FATAL_ERROR "The library at ${SQLCIPHER_LIBRARY} is plain SQLite, not SQLCipher (PRAGMA cipher_version is empty).")
    endif()
    if(_version VERSION_LESS BV_SQLCIPHER_MIN_VERSION)
        message(FATAL_ERROR
            "SQLCipher ${_version} is too old; BranchVault needs ${BV_SQLCIPHER_MIN_VERSION} or newer.\n"
            "On Debian 12: apt-get install -t bookworm-backports libsqlcipher-dev sqlcipher (or run 'tools/dev.sh setup').")
    endif()
    if(NOT _provider)
        message(FATAL_ERROR "SQLCipher ${_version} reports no crypto provider; it cannot encrypt.")
    endif()
    set(BV_SQLCIPHER_VERSION "${_version}" CACHE INTERNAL "")
    set(BV_SQLCIPHER_PROVIDER "${_provider}" CACHE INTERNAL "")
    set(BV_SQLCIPHER_VERSION_CHECKED "${SQLCIPHER_LIBRARY}" CACHE INTERNAL "")
endif()
message(STATUS "SQLCipher ${BV_SQLCIPHER_VERSION} (${BV_SQLCIPHER_PROVIDER}) at ${SQLCIPHER_LIBRARY}")

if(NOT TARGET SQLCipher::SQLCipher)
    add_library(SQLCipher::SQLCipher UNKNOWN IMPORTED)
    set_target_properties(SQLCipher::SQLCipher PROPERTIES
        IMPORTED_LOCATION "${SQLCIPHER_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${SQLCIPHER_INCLUDE_DIR}"
        INTERFACE_COMPILE_DEFINITIONS "SQLITE_HAS_CODEC=1")
endif()
