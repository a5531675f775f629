/* An LD_PRELOAD shim that injects I/O errors into calls on the journal file only.
 *
 *   ATTUNE_FAULT=write    the first write to the journal writes half its bytes, the next fails
 *   ATTUNE_FAULT=write0   every write to the journal fails before writing anything
 *   ATTUNE_FAULT=fsync    fsync of the journal fails (after the data was written)
 *   ATTUNE_FAULT=close    close of the journal closes it, then reports failure
 *   ATTUNE_FAULT=fsyncdir fsync of the folder holding the journal fails
 *   ATTUNE_FAULT=readplan every read of a saved plan copy (DIR/plans/HASH.toml) fails
 *   ATTUNE_FAULT_TRUNCATE=1  ftruncate of the journal fails too (the cut-back after a failure)
 *   ATTUNE_FAULT=slow     a slow disk: each write to the journal or to a new journal being
 *                         made (".journal.attune-XXXXXX") takes at most 16 KiB and 2 ms, so a
 *                         kill -9 can land in the middle of writing a large import
 *   ATTUNE_FAULT_ERRNO=N  the errno to report (default EIO = 5; ENOSPC = 28)
 *   ATTUNE_FAULT_PATH=S   aim at descriptors whose path contains S instead of the journal
 *                         (e.g. the folder of an --output file, whatever its temporary name)
 * "The journal" is any descriptor whose path ends in "/journal" (not journal.lock).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int fault_errno(void) {
  const char *e = getenv("ATTUNE_FAULT_ERRNO");
  return e != NULL && *e != '\0' ? atoi(e) : EIO;
}

static int fault_is(const char *mode) {
  const char *f = getenv("ATTUNE_FAULT");
  return f != NULL && strcmp(f, mode) == 0;
}

static int is_journal(int fd) {
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  const char *aim = getenv("ATTUNE_FAULT_PATH");
  if (aim != NULL && *aim != '\0')
    return strstr(target, aim) != NULL;
  const size_t len = (size_t)n;
  return len >= 8 && strcmp(target + len - 8, "/journal") == 0;
}

/* The journal, or a temporary that will become it (store.hpp, temp_file_template). */
static int is_journal_or_its_temporary(int fd) {
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  return is_journal(fd) || strstr(target, "/.journal.attune-") != NULL;
}

/* A folder with a file named "journal" in it. */
static int is_journal_folder(int fd) {
  char link[64];
  char target[4096];
  struct stat st;
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 9);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  strcat(target, "/journal");
  return lstat(target, &st) == 0;
}

static int is_plan_copy(int fd) {
  char link[64];
  char target[4096];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = readlink(link, target, sizeof target - 1);
  if (n <= 0)
    return 0;
  target[n] = '\0';
  const size_t len = (size_t)n;
  return strstr(target, "/plans/") != NULL && len >= 5 && strcmp(target + len - 5, ".toml") == 0;
}

ssize_t read(int fd, void *buf, size_t count) {
  static ssize_t (*real_read)(int, void *, size_t);
  if (real_read == NULL)
    real_read = (ssize_t(*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
  if (fault_is("readplan") && is_plan_copy(fd)) {
    errno = fault_errno();
    return -1;
  }
  return real_read(fd, buf, count);
}

int ftruncate(int fd, off_t length) {
  static int (*real_ftruncate)(int, off_t);
  if (real_ftruncate == NULL)
    real_ftruncate = (int (*)(int, off_t))dlsym(RTLD_NEXT, "ftruncate");
  const char *t = getenv("ATTUNE_FAULT_TRUNCATE");
  if (t != NULL && strcmp(t, "1") == 0 && is_journal(fd)) {
    errno = fault_errno();
    return -1;
  }
  return real_ftruncate(fd, length);
}

ssize_t write(int fd, const void *buf, size_t count) {
  static ssize_t (*real_write)(int, const void *, size_t);
  static int wrote_half;
  if (real_write == NULL)
    real_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (fault_is("slow") && count > 16384 && is_journal_or_its_temporary(fd)) {
    usleep(2000);
    return real_write(fd, buf, 16384);
  }
  if ((fault_is("write") || fault_is("write0")) && is_journal(fd)) {
    if (fault_is("write") && !wrote_half && count > 1) {
      wrote_half = 1;
      return real_write(fd, buf, count / 2);
    }
    errno = fault_errno();
    return -1;
  }
  return real_write(fd, buf, count);
}

int fsync(int fd) {
  static int (*real_fsync)(int);
  if (real_fsync == NULL)
    real_fsync = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
  if ((fault_is("fsync") && is_journal(fd)) || (fault_is("fsyncdir") && is_journal_folder(fd))) {
    errno = fault_errno();
    return -1;
  }
  return real_fsync(fd);
}

int close(int fd) {
  static int (*real_close)(int);
  if (real_close == NULL)
    real_close = (int (*)(int))dlsym(RTLD_NEXT, "close");
  if (fault_is("close") && is_journal(fd)) {
    real_close(fd);
    errno = fault_errno();
    return -1;
  }
  return real_close(fd);
}
