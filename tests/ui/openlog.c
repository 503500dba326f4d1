// LD_PRELOAD library for tst_nolocalfiles: records the path of every file the process opens,
// one absolute path per line, in the file named by K8SFC_OPEN_LOG. It only watches; each call
// goes on to the real function.
#define _GNU_SOURCE
#undef _FORTIFY_SOURCE // we define open() ourselves
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static int logFd = -1;

__attribute__((constructor)) static void openLog(void)
{
    const char *name = getenv("K8SFC_OPEN_LOG");
    if (name) // the raw system call: open() here would be our own
        logFd = (int)syscall(SYS_openat, AT_FDCWD, name, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}

/// Writes DIR/PATH for a relative path, so the test can judge where it points.
static void record(int dirFd, const char *path)
{
    if (logFd < 0 || !path)
        return;
    char line[2 * PATH_MAX + 4];
    size_t used = 0;
    if (path[0] != '/') {
        char link[64];
        ssize_t n;
        if (dirFd == AT_FDCWD) {
            n = getcwd(line, PATH_MAX) ? (ssize_t)strlen(line) : -1;
        } else {
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirFd);
            n = readlink(link, line, PATH_MAX);
        }
        if (n > 0) {
            used = (size_t)n;
            line[used++] = '/';
        }
    }
    size_t length = strnlen(path, PATH_MAX);
    memcpy(line + used, path, length);
    used += length;
    line[used++] = '\n';
    ssize_t written = write(logFd, line, used); // one write per line: threads do not interleave
    (void)written;
}

#define REAL(name)                                                                                                     \
    static __typeof__(&name) real_##name;                                                                              \
    if (!real_##name)                                                                                                  \
    real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

static mode_t modeOf(int flags, va_list args)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(args, int) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    mode_t mode = modeOf(flags, args);
    va_end(args);
    REAL(open);
    record(AT_FDCWD, path);
    return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    mode_t mode = modeOf(flags, args);
    va_end(args);
    REAL(open64);
    record(AT_FDCWD, path);
    return real_open64(path, flags, mode);
}

int openat(int dirFd, const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    mode_t mode = modeOf(flags, args);
    va_end(args);
    REAL(openat);
    record(dirFd, path);
    return real_openat(dirFd, path, flags, mode);
}

int openat64(int dirFd, const char *path, int flags, ...)
{
    va_list args;
    va_start(args, flags);
    mode_t mode = modeOf(flags, args);
    va_end(args);
    REAL(openat64);
    record(dirFd, path);
    return real_openat64(dirFd, path, flags, mode);
}

// The fortified forms that -D_FORTIFY_SOURCE builds call.
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirFd, const char *path, int flags);
int __openat64_2(int dirFd, const char *path, int flags);

int __open_2(const char *path, int flags)
{
    REAL(__open_2);
    record(AT_FDCWD, path);
    return real___open_2(path, flags);
}

int __open64_2(const char *path, int flags)
{
    REAL(__open64_2);
    record(AT_FDCWD, path);
    return real___open64_2(path, flags);
}

int __openat_2(int dirFd, const char *path, int flags)
{
    REAL(__openat_2);
    record(dirFd, path);
    return real___openat_2(dirFd, path, flags);
}

int __openat64_2(int dirFd, const char *path, int flags)
{
    REAL(__openat64_2);
    record(dirFd, path);
    return real___openat64_2(dirFd, path, flags);
}

FILE *fopen(const char *path, const char *mode)
{
    REAL(fopen);
    record(AT_FDCWD, path);
    return real_fopen(path, mode);
}

FILE *fopen64(const char *path, const char *mode)
{
    REAL(fopen64);
    record(AT_FDCWD, path);
    return real_fopen64(path, mode);
}
