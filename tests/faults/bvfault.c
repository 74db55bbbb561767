/* bvfault: an LD_PRELOAD library that makes the Nth write, fsync or rename under one folder fail, or
 * kills the process exactly there. tests/app/tst_faultsweep runs branchvault-cli under it.
 *
 * Environment (nothing happens unless BV_FAULT_DIR is set):
 *   BV_FAULT_DIR=DIR          only files under DIR count (several folders: DIR1:DIR2). fd-based calls are
 *                             resolved through /proc/self/fd/N; only regular files count, and for the fsync
 *                             family also directories (the directory fsync after a rename is a durable
 *                             step). Sockets, pipes and everything outside DIR (the D-Bus traffic to the
 *                             keychain, stdout) are never counted and never fail.
 *   BV_FAULT_OP=write|fsync|rename
 *                             write:  write, pwrite, pwrite64, writev, pwritev, pwritev2, ftruncate,
 *                                     ftruncate64, truncate, fallocate, posix_fallocate, copy_file_range,
 *                                     sendfile (the output side)
 *                             fsync:  fsync, fdatasync, sync_file_range (msync is not intercepted:
 *                                     SQLite's -shm mapping is never synced)
 *                             rename: rename, renameat, renameat2, link, linkat
 *   BV_FAULT_AT=N             the Nth counted call of that op (1-based) is the fault point
 *   BV_FAULT_ERRNO=EIO|ENOSPC the fault point fails with this errno (default EIO)
 *   BV_FAULT_STICKY=1         every later counted call of that op fails too (a full or dead disk); without
 *                             it the fault is transient: only the Nth call fails, later ones succeed
 *   BV_FAULT_KILL=1           instead of failing, SIGKILL the process before the Nth call runs: a crash
 *                             exactly at that step (the call does not happen; the page cache survives, so
 *                             this is a process crash, not a power loss)
 *   BV_FAULT_COUNT_FILE=FILE  at exit, append "write N\nfsync N\nrename N\n" (counted calls per op) and
 *                             "fired OP N" when a fault was injected; one block per process (a reader sums
 *                             them; counts and the fault point are per process)
 * Only calls through the dynamic symbols are seen: stdio's internal writes are not, which is fine for
 * Qt (QFile writes with write(2)) and SQLite (pwrite64/fdatasync through its syscall table).
 * unlink, open and close are never failed. With BV_FAULT_VERBOSE=1 each failed call is named on stderr
 * (off by default: the CLI's stderr must stay one line).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum
{
    OP_WRITE = 0,
    OP_FSYNC = 1,
    OP_RENAME = 2,
    OP_COUNT = 3
};
static const char* const kOpNames[OP_COUNT] = {"write", "fsync", "rename"};

#define MAX_DIRS 4

static struct
{
    int initialised;
    int active;
    char dirs[MAX_DIRS][PATH_MAX];
    size_t dirLengths[MAX_DIRS];
    int dirCount;
    int op; /* -1: counting only */
    long at; /* 0: no fault */
    int error;
    int sticky;
    int kill;
    int verbose;
    char countFile[PATH_MAX];
    long counts[OP_COUNT];
    long fired; /* how many calls were failed */
} g;

static void addDir(const char* dir, size_t length)
{
    if (g.dirCount >= MAX_DIRS || length == 0 || length >= PATH_MAX)
        return;
    char raw[PATH_MAX];
    memcpy(raw, dir, length);
    raw[length] = '\0';
    char resolved[PATH_MAX];
    const char* use = realpath(raw, resolved) ? resolved : raw;
    size_t n = strlen(use);
    while (n > 1 && use[n - 1] == '/')
        --n;
    memcpy(g.dirs[g.dirCount], use, n);
    g.dirs[g.dirCount][n] = '\0';
    g.dirLengths[g.dirCount] = n;
    ++g.dirCount;
}

static void initialise(void)
{
    if (__atomic_load_n(&g.initialised, __ATOMIC_ACQUIRE))
        return;
    /* Single-threaded in practice: the first intercepted call happens long before threads start. */
    const int savedErrno = errno;
    const char* dirs = getenv("BV_FAULT_DIR");
    if (dirs && *dirs) {
        const char* start = dirs;
        for (const char* p = dirs;; ++p) {
            if (*p == ':' || *p == '\0') {
                addDir(start, (size_t)(p - start));
                if (*p == '\0')
                    break;
                start = p + 1;
            }
        }
    }
    g.active = g.dirCount > 0;
    g.op = -1;
    const char* op = getenv("BV_FAULT_OP");
    for (int i = 0; op && i < OP_COUNT; ++i) {
        if (strcmp(op, kOpNames[i]) == 0)
            g.op = i;
    }
    const char* at = getenv("BV_FAULT_AT");
    g.at = at ? atol(at) : 0;
    const char* error = getenv("BV_FAULT_ERRNO");
    g.error = (error && strcmp(error, "ENOSPC") == 0) ? ENOSPC : EIO;
    const char* sticky = getenv("BV_FAULT_STICKY");
    g.sticky = sticky && strcmp(sticky, "1") == 0;
    const char* kill = getenv("BV_FAULT_KILL");
    g.kill = kill && strcmp(kill, "1") == 0;
    const char* verbose = getenv("BV_FAULT_VERBOSE");
    g.verbose = verbose && strcmp(verbose, "1") == 0;
    const char* countFile = getenv("BV_FAULT_COUNT_FILE");
    if (countFile && strlen(countFile) < sizeof g.countFile)
        strcpy(g.countFile, countFile);
    errno = savedErrno;
    __atomic_store_n(&g.initialised, 1, __ATOMIC_RELEASE);
}

static int underDirs(const char* path)
{
    for (int i = 0; i < g.dirCount; ++i) {
        const size_t n = g.dirLengths[i];
        if (strncmp(path, g.dirs[i], n) == 0 && (path[n] == '/' || path[n] == '\0'))
            return 1;
    }
    return 0;
}

/* The absolute, symlink-free form of a path whose last component may not exist. */
static int absolutePath(int dirfd, const char* path, char* out)
{
    char joined[PATH_MAX];
    if (!path)
        return 0;
    if (path[0] == '/') {
        if (strlen(path) >= sizeof joined)
            return 0;
        strcpy(joined, path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base))
                return 0;
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            const ssize_t n = readlink(link, base, sizeof base - 1);
            if (n <= 0)
                return 0;
            base[n] = '\0';
        }
        if (snprintf(joined, sizeof joined, "%s/%s", base, path) >= (int)sizeof joined)
            return 0;
    }
    /* resolve the folder part (the file itself may be about to be created or renamed away) */
    char* slash = strrchr(joined, '/');
    if (!slash)
        return 0;
    if (slash == joined) {
        strcpy(out, joined);
        return 1;
    }
    *slash = '\0';
    char resolved[PATH_MAX];
    const char* folder = realpath(joined, resolved) ? resolved : joined;
    if (snprintf(out, PATH_MAX, "%s/%s", folder, slash + 1) >= PATH_MAX)
        return 0;
    return 1;
}

static int pathCounts(int dirfd, const char* path)
{
    char absolute[PATH_MAX];
    return absolutePath(dirfd, path, absolute) && underDirs(absolute);
}

static int fdCounts(int fd, int allowDirectory)
{
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        return 0;
    if (!S_ISREG(st.st_mode) && !(allowDirectory && S_ISDIR(st.st_mode)))
        return 0;
    char link[64];
    char target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    return underDirs(target);
}

/* 0: go ahead; -1: fail the call (errno set). Never returns when the process is killed. */
static int decide(int op, int counts)
{
    if (!counts)
        return 0;
    const long n = __atomic_add_fetch(&g.counts[op], 1, __ATOMIC_SEQ_CST);
    if (op != g.op || g.at <= 0)
        return 0;
    if (n == g.at && g.kill) {
        kill(getpid(), SIGKILL);
        for (;;)
            pause();
    }
    if (n == g.at || (g.sticky && n > g.at)) {
        __atomic_add_fetch(&g.fired, 1, __ATOMIC_SEQ_CST);
        if (g.verbose) {
            char line[96];
            const int len = snprintf(line, sizeof line, "bvfault: %s #%ld fails\n", kOpNames[op], n);
            if (len > 0) {
                ssize_t (*realWrite)(int, const void*, size_t) = dlsym(RTLD_NEXT, "write");
                if (realWrite)
                    (void)!realWrite(STDERR_FILENO, line, (size_t)len);
            }
        }
        errno = g.error;
        return -1;
    }
    return 0;
}

static int fdFault(int op, int fd)
{
    initialise();
    if (!g.active)
        return 0;
    const int savedErrno = errno;
    const int counts = fdCounts(fd, op == OP_FSYNC);
    errno = savedErrno;
    return decide(op, counts);
}

static int pathFault(int op, int dirfd1, const char* path1, int dirfd2, const char* path2)
{
    initialise();
    if (!g.active)
        return 0;
    const int savedErrno = errno;
    const int counts = pathCounts(dirfd1, path1) || (path2 && pathCounts(dirfd2, path2));
    errno = savedErrno;
    return decide(op, counts);
}

/* the next definition of `name` (libc's), looked up once */
#define REAL(name)                                                                                                     \
    static __typeof__(name)* real_##name;                                                                              \
    if (!real_##name)                                                                                                  \
        real_##name = (__typeof__(name)*)dlsym(RTLD_NEXT, #name);                                                      \
    if (!real_##name) {                                                                                                \
        errno = ENOSYS;                                                                                                \
        return -1;                                                                                                     \
    }

/* ---- the write family ---- */

ssize_t write(int fd, const void* buf, size_t count)
{
    REAL(write);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_write(fd, buf, count);
}

ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset)
{
    REAL(pwrite);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_pwrite(fd, buf, count, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset)
{
    REAL(pwrite64);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_pwrite64(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec* iov, int iovcnt)
{
    REAL(writev);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_writev(fd, iov, iovcnt);
}

ssize_t pwritev(int fd, const struct iovec* iov, int iovcnt, off_t offset)
{
    REAL(pwritev);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_pwritev(fd, iov, iovcnt, offset);
}

ssize_t pwritev64(int fd, const struct iovec* iov, int iovcnt, off64_t offset)
{
    REAL(pwritev64);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_pwritev64(fd, iov, iovcnt, offset);
}

ssize_t pwritev2(int fd, const struct iovec* iov, int iovcnt, off_t offset, int flags)
{
    REAL(pwritev2);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_pwritev2(fd, iov, iovcnt, offset, flags);
}

int ftruncate(int fd, off_t length)
{
    REAL(ftruncate);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_ftruncate(fd, length);
}

int ftruncate64(int fd, off64_t length)
{
    REAL(ftruncate64);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_ftruncate64(fd, length);
}

int truncate(const char* path, off_t length)
{
    REAL(truncate);
    if (pathFault(OP_WRITE, AT_FDCWD, path, AT_FDCWD, NULL))
        return -1;
    return real_truncate(path, length);
}

int fallocate(int fd, int mode, off_t offset, off_t len)
{
    REAL(fallocate);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_fallocate(fd, mode, offset, len);
}

int fallocate64(int fd, int mode, off64_t offset, off64_t len)
{
    REAL(fallocate64);
    if (fdFault(OP_WRITE, fd))
        return -1;
    return real_fallocate64(fd, mode, offset, len);
}

/* posix_fallocate returns the error instead of setting errno */
int posix_fallocate(int fd, off_t offset, off_t len)
{
    static int (*real)(int, off_t, off_t);
    if (!real)
        real = (int (*)(int, off_t, off_t))dlsym(RTLD_NEXT, "posix_fallocate");
    if (!real)
        return ENOSYS;
    if (fdFault(OP_WRITE, fd))
        return errno;
    return real(fd, offset, len);
}

int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    static int (*real)(int, off64_t, off64_t);
    if (!real)
        real = (int (*)(int, off64_t, off64_t))dlsym(RTLD_NEXT, "posix_fallocate64");
    if (!real)
        return ENOSYS;
    if (fdFault(OP_WRITE, fd))
        return errno;
    return real(fd, offset, len);
}

ssize_t copy_file_range(int fdIn, off64_t* offIn, int fdOut, off64_t* offOut, size_t len, unsigned int flags)
{
    REAL(copy_file_range);
    if (fdFault(OP_WRITE, fdOut))
        return -1;
    return real_copy_file_range(fdIn, offIn, fdOut, offOut, len, flags);
}

ssize_t sendfile(int outFd, int inFd, off_t* offset, size_t count)
{
    REAL(sendfile);
    if (fdFault(OP_WRITE, outFd))
        return -1;
    return real_sendfile(outFd, inFd, offset, count);
}

ssize_t sendfile64(int outFd, int inFd, off64_t* offset, size_t count)
{
    REAL(sendfile64);
    if (fdFault(OP_WRITE, outFd))
        return -1;
    return real_sendfile64(outFd, inFd, offset, count);
}

/* ---- the fsync family ---- */

int fsync(int fd)
{
    REAL(fsync);
    if (fdFault(OP_FSYNC, fd))
        return -1;
    return real_fsync(fd);
}

int fdatasync(int fd)
{
    REAL(fdatasync);
    if (fdFault(OP_FSYNC, fd))
        return -1;
    return real_fdatasync(fd);
}

int sync_file_range(int fd, off64_t offset, off64_t nbytes, unsigned int flags)
{
    REAL(sync_file_range);
    if (fdFault(OP_FSYNC, fd))
        return -1;
    return real_sync_file_range(fd, offset, nbytes, flags);
}

/* ---- the rename family ---- */

int rename(const char* oldPath, const char* newPath)
{
    REAL(rename);
    if (pathFault(OP_RENAME, AT_FDCWD, oldPath, AT_FDCWD, newPath))
        return -1;
    return real_rename(oldPath, newPath);
}

int renameat(int oldDirFd, const char* oldPath, int newDirFd, const char* newPath)
{
    REAL(renameat);
    if (pathFault(OP_RENAME, oldDirFd, oldPath, newDirFd, newPath))
        return -1;
    return real_renameat(oldDirFd, oldPath, newDirFd, newPath);
}

int renameat2(int oldDirFd, const char* oldPath, int newDirFd, const char* newPath, unsigned int flags)
{
    REAL(renameat2);
    if (pathFault(OP_RENAME, oldDirFd, oldPath, newDirFd, newPath))
        return -1;
    return real_renameat2(oldDirFd, oldPath, newDirFd, newPath, flags);
}

int link(const char* oldPath, const char* newPath)
{
    REAL(link);
    if (pathFault(OP_RENAME, AT_FDCWD, oldPath, AT_FDCWD, newPath))
        return -1;
    return real_link(oldPath, newPath);
}

int linkat(int oldDirFd, const char* oldPath, int newDirFd, const char* newPath, int flags)
{
    REAL(linkat);
    /* linkat(fd, "", AT_FDCWD, new, AT_EMPTY_PATH) (QTemporaryFile/QSaveFile materialising an O_TMPFILE)
       counts through its new name */
    if (pathFault(OP_RENAME, oldDirFd, *oldPath ? oldPath : NULL, newDirFd, newPath))
        return -1;
    return real_linkat(oldDirFd, oldPath, newDirFd, newPath, flags);
}

/* ---- the counting report ---- */

__attribute__((destructor)) static void reportCounts(void)
{
    initialise();
    if (!g.active || !g.countFile[0])
        return;
    static int (*realOpen)(const char*, int, ...);
    static ssize_t (*realWrite)(int, const void*, size_t);
    realOpen = (int (*)(const char*, int, ...))dlsym(RTLD_NEXT, "open");
    realWrite = (ssize_t(*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
    if (!realOpen || !realWrite)
        return;
    const int fd = realOpen(g.countFile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    char text[256];
    int len = snprintf(text, sizeof text, "write %ld\nfsync %ld\nrename %ld\n", g.counts[OP_WRITE], g.counts[OP_FSYNC],
        g.counts[OP_RENAME]);
    if (g.fired > 0 && g.op >= 0)
        len += snprintf(text + len, sizeof text - (size_t)len, "fired %s %ld\n", kOpNames[g.op], g.fired);
    if (len > 0)
        (void)!realWrite(fd, text, (size_t)len);
    close(fd);
}
