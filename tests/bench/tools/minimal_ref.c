/* The floor for committing one output: compare two files and, in "move" mode, unlink the source
 * when identical or rename it over the destination when different; in "copy" mode, leave an
 * identical destination alone or copy the source through a temporary file and rename it.
 * No locks, no leftover sweep, no symlink handling: only what any write-if-changed step must do.
 *
 *   minimal_ref move|copy <source> <destination>
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { kChunk = 64 * 1024 };
static char buffer_a[kChunk], buffer_b[kChunk];

static ssize_t read_full(int fd, char* buffer, size_t size) {
  size_t filled = 0;
  while (filled < size) {
    ssize_t n = read(fd, buffer + filled, size - filled);
    if (n < 0) return -1;
    if (n == 0) break;
    filled += (size_t)n;
  }
  return (ssize_t)filled;
}

/* 1 identical, 0 different, -1 error */
static int same(const char* a, const char* b) {
  int fa = open(a, O_RDONLY | O_CLOEXEC);
  if (fa < 0) return -1;
  int fb = open(b, O_RDONLY | O_CLOEXEC);
  if (fb < 0) {
    close(fa);
    return 0;
  }
  struct stat sa, sb;
  int result = 0;
  if (fstat(fa, &sa) == 0 && fstat(fb, &sb) == 0 && sa.st_size == sb.st_size) {
    for (;;) {
      ssize_t na = read_full(fa, buffer_a, kChunk);
      ssize_t nb = read_full(fb, buffer_b, kChunk);
      if (na < 0 || nb < 0) {
        result = -1;
        break;
      }
      if (na != nb || memcmp(buffer_a, buffer_b, (size_t)na) != 0) break;
      if (na == 0) {
        result = 1;
        break;
      }
    }
  }
  close(fa);
  close(fb);
  return result;
}

static int copy_over(const char* source, const char* destination) {
  char temporary[4096];
  snprintf(temporary, sizeof temporary, "%s.ref-tmp", destination);
  int in = open(source, O_RDONLY | O_CLOEXEC);
  if (in < 0) return -1;
  int out = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (out < 0) {
    close(in);
    return -1;
  }
  ssize_t n;
  while ((n = read(in, buffer_a, kChunk)) > 0) {
    if (write(out, buffer_a, (size_t)n) != n) n = -1;
    if (n < 0) break;
  }
  close(in);
  if (close(out) != 0 || n < 0) return -1;
  return rename(temporary, destination);
}

int main(int argc, char** argv) {
  if (argc != 4) {
    fputs("usage: minimal_ref move|copy <source> <destination>\n", stderr);
    return 2;
  }
  int move = strcmp(argv[1], "move") == 0;
  int s = same(argv[2], argv[3]);
  if (s < 0) return 3;
  if (s == 1) return move && unlink(argv[2]) != 0 ? 3 : 0;
  if (move) return rename(argv[2], argv[3]) != 0 ? 3 : 0;
  return copy_over(argv[2], argv[3]) != 0 ? 3 : 0;
}
