/* make_table <header> <extra input> <depfile>: writes a header whose value is the length of the
   extra input, and a depfile naming that input (so changing it re-runs the generator). */
#include <stdio.h>

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  FILE* in = fopen(argv[2], "rb");
  if (!in) return 3;
  long length = 0;
  while (fgetc(in) != EOF) ++length;
  fclose(in);
  FILE* out = fopen(argv[1], "w");
  if (!out) return 4;
  fprintf(out, "#define TABLE_VALUE %ld\n", length);
  if (fclose(out) != 0) return 5;
  FILE* dep = fopen(argv[3], "w");
  if (!dep) return 6;
  fprintf(dep, "%s: %s\n", argv[1], argv[2]);
  return fclose(dep) != 0 ? 7 : 0;
}
