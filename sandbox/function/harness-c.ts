/**
 * C harness. main.c is the standard headers a solution may use (stdio, stdlib, string, stdbool,
 * stdint, limits, math, ctype, time), `#line 1 "solution.c"`, the learner's code,
 * `#line 1 "harness.c"` and the harness: a typed JSON reader into malloc'd buffers, writers, and
 * one runner per function following the C conventions of starter.ts. Pointer arguments are passed
 * as `void*`, so a solution may declare them `const` (as the starter does) or not (LeetCode
 * style) without a warning either way. The arguments are private copies, freed by the harness
 * once the result is written (a result may point into them); results are never freed (they may
 * be static, the input itself, or malloc'd). A crash (segfault, abort) ends the process: RE for
 * that test, the following tests do not run. A string argument is NUL-terminated, so a string
 * holding U+0000 reaches C cut at that character.
 */
import type { HarnessInput } from "./harness";
import { typeShape, type FunctionSignature, type FunctionType } from "./signature";

function readParam(type: FunctionType, k: number): string {
  const v = `a${k}`;
  switch (type) {
    case "int":
      return `int ${v} = (int)avj_ll();`;
    case "long":
      return `long long ${v} = avj_ll();`;
    case "double":
      return `double ${v} = avj_dbl();`;
    case "bool":
      return `bool ${v} = avj_bool();`;
    case "string":
      return `char* ${v} = avj_str(NULL);`;
    case "int[]":
      return `int ${v}n; int* ${v} = avj_ints(&${v}n);`;
    case "long[]":
      return `int ${v}n; long long* ${v} = avj_lls(&${v}n);`;
    case "double[]":
      return `int ${v}n; double* ${v} = avj_dbls(&${v}n);`;
    case "string[]":
      return `int ${v}n; char** ${v} = avj_strs(&${v}n);`;
    case "int[][]":
      return `int ${v}n; int* ${v}c; int** ${v} = avj_ints2(&${v}n, &${v}c);`;
    case "string[][]":
      return `int ${v}n; int* ${v}c; char*** ${v} = avj_strs2(&${v}n, &${v}c);`;
  }
}

function freeParam(type: FunctionType, k: number): string | null {
  const v = `a${k}`;
  switch (type) {
    case "string":
    case "int[]":
    case "long[]":
    case "double[]":
      return `free(${v});`;
    case "string[]":
      return `avj_free_strs(${v}, ${v}n);`;
    case "int[][]":
      return `avj_free_ints2(${v}, ${v}n, ${v}c);`;
    case "string[][]":
      return `avj_free_strs2(${v}, ${v}n, ${v}c);`;
    default:
      return null;
  }
}

function callArgs(type: FunctionType, k: number): string {
  const { base, depth } = typeShape(type);
  const v = `a${k}`;
  if (depth === 0) return base === "string" ? `(void*)${v}` : v;
  if (depth === 1) return `(void*)${v}, ${v}n`;
  return `(void*)${v}, ${v}n, (void*)${v}c`;
}

const PUT_1D: Record<string, string> = { int: "avj_put_ints", long: "avj_put_lls", double: "avj_put_dbls", string: "avj_put_strs" };
const PUT_2D: Record<string, string> = { int: "avj_put_ints2", string: "avj_put_strs2" };
const C_ELEMENT: Record<string, string> = { int: "int", long: "long long", double: "double", string: "char*" };

function runner(s: FunctionSignature, entry: number): string {
  const { base, depth } = typeShape(s.returns);
  const args = s.params.map((p, k) => callArgs(p.type, k));
  const reads = s.params.map((p, k) => `${k > 0 ? "  avj_expect(',');\n" : ""}  ${readParam(p.type, k)}`).join("\n");
  // the arguments are freed once the result is written (it may point into them); results never are
  const frees = s.params.map((p, k) => freeParam(p.type, k)).filter((f): f is string => f !== null);
  let call: string;
  let write: string;
  if (depth === 0) {
    const holder = { int: "long long", long: "long long", double: "double", bool: "bool", string: "const char*" }[base];
    call = base === "string" ? `const char* r = (const char*)(void*)${s.name}(${args.join(", ")});` : `${holder} r = ${s.name}(${args.join(", ")});`;
    write = {
      int: "avj_put_ll(&b, r);",
      long: "avj_put_ll(&b, r);",
      double: "avj_put_dbl(&b, r);",
      bool: 'avj_puts(&b, r ? "true" : "false");',
      string: 'if (!r) bad = "returned NULL"; else avj_put_str(&b, r);',
    }[base];
  } else if (depth === 1) {
    call = `int rs = -1;\n  void* r = (void*)${s.name}(${[...args, "&rs"].join(", ")});`;
    write = `bad = ${PUT_1D[base]}(&b, (${C_ELEMENT[base]} const*)r, rs);`;
  } else {
    call = `int rs = -1; int* rc = NULL;\n  void* r = (void*)${s.name}(${[...args, "&rs", "&rc"].join(", ")});`;
    write = `bad = ${PUT_2D[base]}(&b, (${C_ELEMENT[base]}* const*)r, rs, rc);`;
  }
  return `static void avj_run${entry}(int i) {
  avj_expect('[');
${reads}
  avj_expect(']');
  double start = avj_now();
  ${call}
  double ms = avj_now() - start;
  avj_buf b = {0};
  const char* bad = NULL;
  ${write}
  if (bad) avj_emit_bad(i, ms, bad);
  else avj_emit_out(i, ms, &b);
  free(b.d);
${frees.map((f) => `  ${f}\n`).join("")}}`;
}

export function cHarness(input: HarnessInput): string {
  const cases = input.signatures.map((_, entry) => `      case ${entry}: avj_run${entry}(i); break;`).join("\n");
  const learner = input.learnerSource;
  return `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>
#include <limits.h>
#include <math.h>
#include <ctype.h>
#include <time.h>
#line 1 "solution.c"
${learner}${learner.endsWith("\n") ? "" : "\n"}#line 1 "harness.c"
extern int dup(int);
extern int dup2(int, int);
extern FILE* fdopen(int, const char*);

static FILE* avj_out;
static char avj_prefix[96];
static const char* avj_p;
static const char* avj_end;

typedef struct { char* d; size_t n, cap; } avj_buf;

static void avj_put(avj_buf* b, const char* s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->n + n + 1) cap *= 2;
    char* d = (char*)realloc(b->d, cap);
    if (!d) abort();
    b->d = d;
    b->cap = cap;
  }
  memcpy(b->d + b->n, s, n);
  b->n += n;
  b->d[b->n] = 0;
}
static void avj_puts(avj_buf* b, const char* s) { avj_put(b, s, strlen(s)); }
static void avj_putc(avj_buf* b, char c) { avj_put(b, &c, 1); }
static void avj_put_ll(avj_buf* b, long long v) {
  char t[32];
  int n = snprintf(t, sizeof t, "%lld", v);
  avj_put(b, t, (size_t)n);
}
static void avj_put_dbl(avj_buf* b, double v) {
  if (isnan(v)) { avj_puts(b, "NaN"); return; }
  if (isinf(v)) { avj_puts(b, v > 0 ? "Infinity" : "-Infinity"); return; }
  char t[40];
  for (int precision = 15; precision <= 17; precision++) {
    snprintf(t, sizeof t, "%.*g", precision, v);
    if (strtod(t, NULL) == v) break;
  }
  avj_puts(b, t);
}
static void avj_put_str(avj_buf* b, const char* s) {
  static const char hex[] = "0123456789abcdef";
  avj_putc(b, '"');
  for (const unsigned char* c = (const unsigned char*)s; *c; c++) {
    if (*c == '"') avj_puts(b, "\\\\\\"");
    else if (*c == '\\\\') avj_puts(b, "\\\\\\\\");
    else if (*c < 0x20) { char e[7] = {'\\\\', 'u', '0', '0', hex[*c >> 4], hex[*c & 15], 0}; avj_puts(b, e); }
    else avj_putc(b, (char)*c);
  }
  avj_putc(b, '"');
}

static void avj_emit(const char* text, size_t n) {
  fputs(avj_prefix, avj_out);
  fwrite(text, 1, n, avj_out);
  fputc('\\n', avj_out);
  fflush(avj_out);
}
static void avj_emit_out(int i, double ms, const avj_buf* value) {
  avj_buf b = {0};
  char head[96];
  snprintf(head, sizeof head, "{\\"i\\":%d,\\"ms\\":%.3f,\\"out\\":", i, ms);
  avj_puts(&b, head);
  avj_put(&b, value->d ? value->d : "", value->n);
  avj_putc(&b, '}');
  avj_emit(b.d, b.n);
  free(b.d);
}
static void avj_emit_bad(int i, double ms, const char* message) {
  avj_buf b = {0};
  char head[96];
  snprintf(head, sizeof head, "{\\"i\\":%d,\\"ms\\":%.3f,\\"bad\\":", i, ms);
  avj_puts(&b, head);
  avj_put_str(&b, message);
  avj_putc(&b, '}');
  avj_emit(b.d, b.n);
  free(b.d);
}
static void avj_fatal(const char* what) {
  avj_buf b = {0};
  avj_puts(&b, "{\\"fatal\\":");
  avj_put_str(&b, what);
  avj_putc(&b, '}');
  avj_emit(b.d, b.n);
  exit(3);
}

/* One line of stdin (without its newline) into avj_line; the reader's cursor is set on it. */
static char* avj_line;
static size_t avj_line_cap;
static bool avj_next_line(void) {
  size_t len = 0;
  if (!avj_line) {
    avj_line_cap = 1 << 16;
    avj_line = (char*)malloc(avj_line_cap);
    if (!avj_line) abort();
  }
  for (;;) {
    if (!fgets(avj_line + len, (int)(avj_line_cap - len), stdin)) {
      if (len == 0) return false;
      break;
    }
    len += strlen(avj_line + len);
    if (avj_line[len - 1] == '\\n') {
      avj_line[--len] = 0;
      break;
    }
    if (len + 1 >= avj_line_cap) {
      avj_line_cap *= 2;
      char* grown = (char*)realloc(avj_line, avj_line_cap);
      if (!grown) abort();
      avj_line = grown;
    }
  }
  avj_p = avj_line;
  avj_end = avj_line + len;
  return true;
}

static double avj_now(void) {
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void avj_ws(void) { while (avj_p < avj_end && (*avj_p == ' ' || *avj_p == '\\t' || *avj_p == '\\r')) avj_p++; }
static void avj_expect(char c) {
  avj_ws();
  if (avj_p >= avj_end || *avj_p != c) avj_fatal("unexpected character in the input");
  avj_p++;
}
static bool avj_peek(char c) { avj_ws(); return avj_p < avj_end && *avj_p == c; }
static long long avj_ll(void) {
  avj_ws();
  char* e;
  long long v = strtoll(avj_p, &e, 10);
  if (e == avj_p) avj_fatal("expected an integer");
  avj_p = e;
  return v;
}
static double avj_dbl(void) {
  avj_ws();
  char* e;
  double v = strtod(avj_p, &e);
  if (e == avj_p) avj_fatal("expected a number");
  avj_p = e;
  return v;
}
static bool avj_bool(void) {
  avj_ws();
  if (avj_end - avj_p >= 4 && strncmp(avj_p, "true", 4) == 0) { avj_p += 4; return true; }
  if (avj_end - avj_p >= 5 && strncmp(avj_p, "false", 5) == 0) { avj_p += 5; return false; }
  avj_fatal("expected a bool");
  return false;
}
static unsigned avj_hex4(void) {
  if (avj_end - avj_p < 4) avj_fatal("bad \\\\u escape");
  unsigned v = 0;
  for (int k = 0; k < 4; k++) {
    char c = *avj_p++;
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
    else avj_fatal("bad \\\\u escape");
  }
  return v;
}
static void avj_utf8(avj_buf* s, unsigned cp) {
  if (cp < 0x80) avj_putc(s, (char)cp);
  else if (cp < 0x800) { avj_putc(s, (char)(0xC0 | (cp >> 6))); avj_putc(s, (char)(0x80 | (cp & 0x3F))); }
  else if (cp < 0x10000) { avj_putc(s, (char)(0xE0 | (cp >> 12))); avj_putc(s, (char)(0x80 | ((cp >> 6) & 0x3F))); avj_putc(s, (char)(0x80 | (cp & 0x3F))); }
  else { avj_putc(s, (char)(0xF0 | (cp >> 18))); avj_putc(s, (char)(0x80 | ((cp >> 12) & 0x3F))); avj_putc(s, (char)(0x80 | ((cp >> 6) & 0x3F))); avj_putc(s, (char)(0x80 | (cp & 0x3F))); }
}
static char* avj_str(int* length) {
  avj_expect('"');
  avj_buf s = {0};
  avj_put(&s, "", 0);
  for (;;) {
    if (avj_p >= avj_end) avj_fatal("unterminated string");
    char c = *avj_p++;
    if (c == '"') break;
    if (c != '\\\\') { avj_putc(&s, c); continue; }
    if (avj_p >= avj_end) avj_fatal("bad escape");
    char e = *avj_p++;
    switch (e) {
      case 'n': avj_putc(&s, '\\n'); break;
      case 't': avj_putc(&s, '\\t'); break;
      case 'r': avj_putc(&s, '\\r'); break;
      case 'b': avj_putc(&s, '\\b'); break;
      case 'f': avj_putc(&s, '\\f'); break;
      case 'u': {
        unsigned cp = avj_hex4();
        if (cp >= 0xD800 && cp < 0xDC00 && avj_end - avj_p >= 6 && avj_p[0] == '\\\\' && avj_p[1] == 'u') {
          const char* save = avj_p;
          avj_p += 2;
          unsigned low = avj_hex4();
          if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          else avj_p = save;
        }
        avj_utf8(&s, cp);
        break;
      }
      default: avj_putc(&s, e);
    }
  }
  if (length) *length = (int)s.n;
  return s.d;
}

/* A growable array of fixed-size items; never NULL, even when empty. */
typedef struct { char* d; int n, cap; size_t size; } avj_vec;
static void* avj_vec_push(avj_vec* v) {
  if (v->n == v->cap) {
    v->cap = v->cap ? v->cap * 2 : 8;
    char* d = (char*)realloc(v->d, (size_t)v->cap * v->size);
    if (!d) abort();
    v->d = d;
  }
  return v->d + (size_t)v->n++ * v->size;
}
#define AVJ_READ_ARRAY(NAME, T, READ) \\
  static T* NAME(int* n) { \\
    avj_vec v = {NULL, 0, 0, sizeof(T)}; \\
    avj_expect('['); \\
    if (avj_peek(']')) avj_p++; \\
    else for (;;) { \\
      T item = READ; \\
      *(T*)avj_vec_push(&v) = item; \\
      if (avj_peek(',')) { avj_p++; continue; } \\
      avj_expect(']'); \\
      break; \\
    } \\
    if (!v.d) { v.d = (char*)malloc(sizeof(T)); if (!v.d) abort(); } \\
    *n = v.n; \\
    return (T*)v.d; \\
  }
AVJ_READ_ARRAY(avj_ints, int, (int)avj_ll())
AVJ_READ_ARRAY(avj_lls, long long, avj_ll())
AVJ_READ_ARRAY(avj_dbls, double, avj_dbl())
AVJ_READ_ARRAY(avj_strs, char*, avj_str(NULL))

static int** avj_ints2(int* rows, int** cols) {
  avj_vec v = {NULL, 0, 0, sizeof(int*)};
  avj_vec c = {NULL, 0, 0, sizeof(int)};
  avj_expect('[');
  if (avj_peek(']')) avj_p++;
  else for (;;) {
    int n;
    int* row = avj_ints(&n);
    *(int**)avj_vec_push(&v) = row;
    *(int*)avj_vec_push(&c) = n;
    if (avj_peek(',')) { avj_p++; continue; }
    avj_expect(']');
    break;
  }
  if (!v.d) v.d = (char*)malloc(sizeof(int*));
  if (!c.d) c.d = (char*)malloc(sizeof(int));
  if (!v.d || !c.d) abort();
  *rows = v.n;
  *cols = (int*)c.d;
  return (int**)v.d;
}
static char*** avj_strs2(int* rows, int** cols) {
  avj_vec v = {NULL, 0, 0, sizeof(char**)};
  avj_vec c = {NULL, 0, 0, sizeof(int)};
  avj_expect('[');
  if (avj_peek(']')) avj_p++;
  else for (;;) {
    int n;
    char** row = avj_strs(&n);
    *(char***)avj_vec_push(&v) = row;
    *(int*)avj_vec_push(&c) = n;
    if (avj_peek(',')) { avj_p++; continue; }
    avj_expect(']');
    break;
  }
  if (!v.d) v.d = (char*)malloc(sizeof(char**));
  if (!c.d) c.d = (char*)malloc(sizeof(int));
  if (!v.d || !c.d) abort();
  *rows = v.n;
  *cols = (int*)c.d;
  return (char***)v.d;
}

static void avj_free_strs(char** a, int n) {
  for (int k = 0; k < n; k++) free(a[k]);
  free(a);
}
static void avj_free_ints2(int** a, int n, int* cols) {
  for (int k = 0; k < n; k++) free(a[k]);
  free(a);
  free(cols);
}
static void avj_free_strs2(char*** a, int n, int* cols) {
  for (int k = 0; k < n; k++) avj_free_strs(a[k], cols[k]);
  free(a);
  free(cols);
}

static const char* avj_check(const void* a, int n) {
  if (n < 0) return "*returnSize was not set (or is negative)";
  if (!a && n > 0) return "returned NULL with *returnSize > 0";
  return NULL;
}
static const char* avj_put_ints(avj_buf* b, const int* a, int n) {
  const char* bad = avj_check(a, n);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) { if (k) avj_putc(b, ','); avj_put_ll(b, a[k]); }
  avj_putc(b, ']');
  return NULL;
}
static const char* avj_put_lls(avj_buf* b, const long long* a, int n) {
  const char* bad = avj_check(a, n);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) { if (k) avj_putc(b, ','); avj_put_ll(b, a[k]); }
  avj_putc(b, ']');
  return NULL;
}
static const char* avj_put_dbls(avj_buf* b, const double* a, int n) {
  const char* bad = avj_check(a, n);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) { if (k) avj_putc(b, ','); avj_put_dbl(b, a[k]); }
  avj_putc(b, ']');
  return NULL;
}
static const char* avj_put_strs(avj_buf* b, char* const* a, int n) {
  const char* bad = avj_check(a, n);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) {
    if (!a[k]) return "returned a NULL string in the array";
    if (k) avj_putc(b, ',');
    avj_put_str(b, a[k]);
  }
  avj_putc(b, ']');
  return NULL;
}
static const char* avj_check2(const void* a, int n, const int* cols) {
  const char* bad = avj_check(a, n);
  if (bad) return bad;
  if (n > 0 && !cols) return "*returnColumnSizes was not set";
  return NULL;
}
static const char* avj_put_ints2(avj_buf* b, int* const* a, int n, const int* cols) {
  const char* bad = avj_check2(a, n, cols);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) {
    if (k) avj_putc(b, ',');
    if ((bad = avj_put_ints(b, a[k], cols[k]))) return cols[k] < 0 ? "a row length in *returnColumnSizes is negative" : "returned a NULL row";
  }
  avj_putc(b, ']');
  return NULL;
}
static const char* avj_put_strs2(avj_buf* b, char** const* a, int n, const int* cols) {
  const char* bad = avj_check2(a, n, cols);
  if (bad) return bad;
  avj_putc(b, '[');
  for (int k = 0; k < n; k++) {
    if (k) avj_putc(b, ',');
    if ((bad = avj_put_strs(b, a[k], cols[k]))) return cols[k] < 0 ? "a row length in *returnColumnSizes is negative" : bad;
  }
  avj_putc(b, ']');
  return NULL;
}

${input.signatures.map(runner).join("\n\n")}

int main(void) {
  int fd = dup(1);
  dup2(2, 1);
  avj_out = fdopen(fd, "w");
  if (!avj_out) return 4;
  char magic[8] = {0}, nonce[64] = {0};
  int count = 0, stackMb = 0, capture = 0;
  if (!avj_next_line() || sscanf(avj_line, "%7s %63s %d %d %d", magic, nonce, &count, &stackMb, &capture) != 5 || strcmp(magic, "avj1") != 0) {
    snprintf(avj_prefix, sizeof avj_prefix, "@avj:%s ", nonce);
    avj_fatal("bad header");
  }
  snprintf(avj_prefix, sizeof avj_prefix, "@avj:%s ", nonce);
  for (int i = 0; i < count; i++) {
    if (!avj_next_line()) avj_fatal("missing test line");
    int entry = (int)avj_ll();
    if (capture) {
      fflush(stdout);
      fprintf(stderr, "\\x1e" "avj:%s:%d\\x1e", nonce, i);
    }
    switch (entry) {
${cases}
      default: avj_fatal("bad entry");
    }
    avj_ws();
    if (avj_p != avj_end) avj_fatal("unexpected text after the arguments");
  }
  fflush(stdout);
  char done[48];
  int n = snprintf(done, sizeof done, "{\\"done\\":%d}", count);
  avj_emit(done, (size_t)n);
  return 0;
}
`;
}
