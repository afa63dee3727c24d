/**
 * C++ harness. main.cpp is `#include <bits/stdc++.h>` (first: the precompiled header applies),
 * `using namespace std;`, `#line 1 "solution.cpp"`, the learner's code, `#line 1 "harness.cpp"`
 * and the harness: a small typed JSON reader, overloaded writers (so a solution may return
 * `long` instead of `long long`, `vector<long>` and so on) and one runner per function. Every
 * test gets a fresh `Solution`; a C++ exception is RE for that test and the others still run; a
 * signal (segfault, abort) ends the process (RE for that test, the rest not run).
 */
import type { HarnessInput } from "./harness";
import { cppType } from "./starter";
import type { FunctionType } from "./signature";

function readerFor(type: FunctionType): string {
  return {
    int: "(int)r.integer()",
    long: "r.integer()",
    double: "r.dbl()",
    bool: "r.boolean()",
    string: "r.str()",
    "int[]": "r.array<int>([&] { return (int)r.integer(); })",
    "long[]": "r.array<long long>([&] { return r.integer(); })",
    "double[]": "r.array<double>([&] { return r.dbl(); })",
    "string[]": "r.array<std::string>([&] { return r.str(); })",
    "int[][]": "r.array<std::vector<int>>([&] { return r.array<int>([&] { return (int)r.integer(); }); })",
    "string[][]": "r.array<std::vector<std::string>>([&] { return r.array<std::string>([&] { return r.str(); }); })",
  }[type];
}

export function cppHarness(input: HarnessInput): string {
  const runners = input.signatures.map((s, entry) => {
    const reads = s.params.map((p, k) => `${k > 0 ? "  r.expect(',');\n" : ""}  ${cppType(p.type).replace(/\bvector\b/g, "std::vector").replace(/\bstring\b/g, "std::string")} a${k} = ${readerFor(p.type)};`).join("\n");
    const args = s.params.map((_, k) => `a${k}`).join(", ");
    return `static void run${entry}(int i, Reader& r) {
  r.expect('[');
${reads}
  r.expect(']');
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); };
  auto call = [&]() { ::Solution solution; return solution.${s.name}(${args}); };
  std::string value;
  double ms = 0;
  try {
    auto result = call();
    ms = elapsed();
    put(value, result);
  } catch (const Bad& bad) {
    emitBad(i, ms, bad.message);
    return;
  } catch (const std::exception& e) {
    emitError(i, elapsed(), demangle(typeid(e).name()), e.what());
    return;
  } catch (...) {
    emitError(i, elapsed(), "unknown exception", "an exception that is not a std::exception");
    return;
  }
  emitOut(i, ms, value);
}`;
  });
  const cases = input.signatures.map((_, entry) => `      case ${entry}: avj::run${entry}(i, r); break;`).join("\n");
  const learner = input.learnerSource;
  return `#include <bits/stdc++.h>
using namespace std;
#line 1 "solution.cpp"
${learner}${learner.endsWith("\n") ? "" : "\n"}#line 1 "harness.cpp"
#include <cxxabi.h>
#include <unistd.h>

namespace avj {

static FILE* out = nullptr;
static std::string prefix;

struct Bad {
  std::string message;
};

struct Reader {
  const char* p;
  const char* end;
  [[noreturn]] void fail(const char* what);
  void ws() { while (p < end && (*p == ' ' || *p == '\\t' || *p == '\\r')) ++p; }
  void expect(char c) { ws(); if (p >= end || *p != c) fail("unexpected character"); ++p; }
  bool peek(char c) { ws(); return p < end && *p == c; }
  long long integer() {
    ws();
    char* e = nullptr;
    long long v = std::strtoll(p, &e, 10);
    if (e == p) fail("expected an integer");
    p = e;
    return v;
  }
  double dbl() {
    ws();
    char* e = nullptr;
    double v = std::strtod(p, &e);
    if (e == p) fail("expected a number");
    p = e;
    return v;
  }
  bool boolean() {
    ws();
    if (end - p >= 4 && std::strncmp(p, "true", 4) == 0) { p += 4; return true; }
    if (end - p >= 5 && std::strncmp(p, "false", 5) == 0) { p += 5; return false; }
    fail("expected a bool");
  }
  static void utf8(std::string& s, unsigned cp) {
    if (cp < 0x80) s += (char)cp;
    else if (cp < 0x800) { s += (char)(0xC0 | (cp >> 6)); s += (char)(0x80 | (cp & 0x3F)); }
    else if (cp < 0x10000) { s += (char)(0xE0 | (cp >> 12)); s += (char)(0x80 | ((cp >> 6) & 0x3F)); s += (char)(0x80 | (cp & 0x3F)); }
    else { s += (char)(0xF0 | (cp >> 18)); s += (char)(0x80 | ((cp >> 12) & 0x3F)); s += (char)(0x80 | ((cp >> 6) & 0x3F)); s += (char)(0x80 | (cp & 0x3F)); }
  }
  unsigned hex4() {
    if (end - p < 4) fail("bad \\\\u escape");
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
      char c = *p++;
      v <<= 4;
      if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
      else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
      else fail("bad \\\\u escape");
    }
    return v;
  }
  std::string str() {
    expect('"');
    std::string s;
    for (;;) {
      if (p >= end) fail("unterminated string");
      char c = *p++;
      if (c == '"') return s;
      if (c != '\\\\') { s += c; continue; }
      if (p >= end) fail("bad escape");
      char e = *p++;
      switch (e) {
        case 'n': s += '\\n'; break;
        case 't': s += '\\t'; break;
        case 'r': s += '\\r'; break;
        case 'b': s += '\\b'; break;
        case 'f': s += '\\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\\\' && p[1] == 'u') {
            const char* save = p;
            p += 2;
            unsigned low = hex4();
            if (low >= 0xDC00 && low < 0xE000) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            else p = save;
          }
          utf8(s, cp);
          break;
        }
        default: s += e;
      }
    }
  }
  template <class T, class F> std::vector<T> array(F item) {
    expect('[');
    std::vector<T> v;
    if (peek(']')) { ++p; return v; }
    for (;;) {
      v.push_back(item());
      if (peek(',')) { ++p; continue; }
      expect(']');
      return v;
    }
  }
};

static void emit(const std::string& text) {
  std::string line = prefix + text + "\\n";
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

[[noreturn]] void Reader::fail(const char* what) {
  emit(std::string("{\\"fatal\\":\\"") + what + "\\"}");
  std::_Exit(3);
}

static void put(std::string& o, bool v) { o += v ? "true" : "false"; }
template <class T> typename std::enable_if<std::is_integral<T>::value>::type put(std::string& o, T v) { o += std::to_string((long long)v); }
template <class T> typename std::enable_if<std::is_floating_point<T>::value>::type put(std::string& o, T x) {
  double v = (double)x;
  if (std::isnan(v)) { o += "NaN"; return; }
  if (std::isinf(v)) { o += v > 0 ? "Infinity" : "-Infinity"; return; }
  char buf[40];
  for (int precision = 15; precision <= 17; precision++) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  o += buf;
}
static void put(std::string& o, const std::string& s) {
  static const char* hex = "0123456789abcdef";
  o += '"';
  for (unsigned char c : s) {
    if (c == '"') o += "\\\\\\"";
    else if (c == '\\\\') o += "\\\\\\\\";
    else if (c < 0x20) { o += "\\\\u00"; o += hex[c >> 4]; o += hex[c & 15]; }
    else o += (char)c;
  }
  o += '"';
}
static void put(std::string& o, const char* s) {
  if (!s) throw Bad{"returned a null string"};
  put(o, std::string(s));
}
template <class T> void put(std::string& o, const std::vector<T>& v) {
  o += '[';
  for (std::size_t k = 0; k < v.size(); k++) {
    if (k > 0) o += ',';
    put(o, v[k]);
  }
  o += ']';
}

/* One line of stdin without its newline (C stdio: std::cin's sync with stdio is left alone). */
static bool readLine(std::string& s) {
  s.clear();
  char buf[1 << 16];
  while (std::fgets(buf, sizeof buf, stdin)) {
    std::size_t n = std::strlen(buf);
    if (n > 0 && buf[n - 1] == '\\n') {
      s.append(buf, n - 1);
      return true;
    }
    s.append(buf, n);
  }
  return !s.empty();
}

static std::string ms3(double ms) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.3f", ms);
  return buf;
}

static std::string jsonQuoted(const std::string& s) {
  std::string o;
  put(o, s);
  return o;
}

static std::string demangle(const char* name) {
  int status = 0;
  char* readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
  std::string result = status == 0 && readable ? readable : name;
  std::free(readable);
  return result;
}

static void emitOut(int i, double ms, const std::string& value) {
  emit("{\\"i\\":" + std::to_string(i) + ",\\"ms\\":" + ms3(ms) + ",\\"out\\":" + value + "}");
}

static void emitBad(int i, double ms, const std::string& message) {
  emit("{\\"i\\":" + std::to_string(i) + ",\\"ms\\":" + ms3(ms) + ",\\"bad\\":" + jsonQuoted(message) + "}");
}

static void emitError(int i, double ms, const std::string& name, const std::string& what) {
  std::string detail = name + ": " + what;
  if (detail.size() > 4000) detail.resize(4000);
  emit("{\\"i\\":" + std::to_string(i) + ",\\"ms\\":" + ms3(ms) + ",\\"error\\":" + jsonQuoted(name) + ",\\"where\\":\\"\\",\\"detail\\":" + jsonQuoted(detail) + "}");
}

${runners.join("\n\n")}

}  // namespace avj

int main() {
  int fd = dup(1);
  dup2(2, 1);
  avj::out = fdopen(fd, "w");
  // one line at a time: the whole input is never held at once
  std::string headLine, line;
  avj::readLine(headLine);
  std::vector<std::string> head;
  {
    std::size_t from = 0;
    for (;;) {
      std::size_t space = headLine.find(' ', from);
      head.push_back(headLine.substr(from, space == std::string::npos ? std::string::npos : space - from));
      if (space == std::string::npos) break;
      from = space + 1;
    }
  }
  avj::prefix = "@avj:" + (head.size() > 1 ? head[1] : std::string()) + " ";
  if (head.size() != 5 || head[0] != "avj1") {
    avj::emit("{\\"fatal\\":\\"bad header\\"}");
    return 3;
  }
  int count = std::atoi(head[2].c_str());
  bool capture = head[4] == "1";
  for (int i = 0; i < count; i++) {
    if (!avj::readLine(line)) avj::emit("{\\"fatal\\":\\"missing test line\\"}"), std::_Exit(3);
    avj::Reader r{line.c_str(), line.c_str() + line.size()};
    int entry = (int)r.integer();
    if (capture) {
      std::cout.flush();
      std::fflush(stdout);
      std::fprintf(stderr, "\\x1e" "avj:%s:%d\\x1e", head[1].c_str(), i);
    }
    switch (entry) {
${cases}
      default: r.fail("bad entry");
    }
    r.ws();
    if (r.p != r.end) r.fail("unexpected text after the arguments");
  }
  std::cout.flush();
  std::fflush(stdout);
  avj::emit("{\\"done\\":" + std::to_string(count) + "}");
  return 0;
}
`;
}
