/**
 * Java harness. Main.java holds the learner's code first (a few on-demand imports are prefixed to
 * its first line, so every line keeps its number; `public class Solution` loses its `public`, kept
 * as spaces), then `final class Main` with a small typed JSON reader (the JDK has no JSON parser),
 * typed writers and one runner per function. Every test gets `new Solution()`; a Throwable is RE
 * for that test (the others still run) except OutOfMemoryError, which ends the JVM (MLE).
 */
import type { HarnessInput } from "./harness";
import { javaType } from "./starter";
import { typeShape, type FunctionType } from "./signature";

export const JAVA_IMPORTS = "import java.util.*; import java.util.function.*; import java.util.stream.*; import java.math.*; ";

function readerFor(type: FunctionType): string {
  return {
    int: "r.intValue()",
    long: "r.longValue()",
    double: "r.doubleValue()",
    bool: "r.boolValue()",
    string: "r.stringValue()",
    "int[]": "r.intArray()",
    "long[]": "r.longArray()",
    "double[]": "r.doubleArray()",
    "string[]": "r.stringArray()",
    "int[][]": "r.intMatrix()",
    "string[][]": "r.stringMatrix()",
  }[type];
}

export function javaHarness(input: HarnessInput): string {
  const learner = input.learnerSource.replace(/\bpublic(\s+(?:final\s+)?class\s+Solution\b)/, "      $1");
  const runners = input.signatures.map((s, entry) => {
    const reads = s.params.map((p, k) => `${k > 0 ? "    r.expect(',');\n" : ""}    ${javaType(p.type)} a${k} = ${readerFor(p.type)};`).join("\n");
    const args = s.params.map((_, k) => `a${k}`).join(", ");
    const nullable = typeShape(s.returns).depth > 0 || s.returns === "string";
    return `  static void run${entry}(int i, AvjReader r) throws java.io.IOException {
    r.expect('[');
${reads}
    r.expect(']');
    long start = System.nanoTime();
    ${javaType(s.returns)} result;
    try {
      result = new Solution().${s.name}(${args});
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable t) {
      emitError(i, System.nanoTime() - start, t);
      return;
    }
    long nanos = System.nanoTime() - start;
    StringBuilder sb = new StringBuilder();
${
      nullable
        ? `    try {
      if (result == null) throw new AvjBad("returned null");
      enc(sb, result);
    } catch (AvjBad b) {
      emitBad(i, nanos, b.getMessage());
      return;
    }`
        : "    enc(sb, result);"
    }
    emitOut(i, nanos, sb);
  }`;
  });
  const cases = input.signatures.map((_, entry) => `        case ${entry}: run${entry}(i, r); break;`).join("\n");
  return `${JAVA_IMPORTS}${learner}${learner.endsWith("\n") ? "" : "\n"}
final class Main {
  static final int LEARNER_LINES = ${input.learnerLines};
  static java.io.FileOutputStream out;
  static byte[] prefix;

  static final class AvjBad extends Exception {
    AvjBad(String message) { super(message, null, false, false); }
  }

  static final class AvjReader {
    final String s;
    int p;
    AvjReader(String s, int p) { this.s = s; this.p = p; }
    void fail(String what) throws java.io.IOException { throw new java.io.IOException("bad input at " + p + ": " + what); }
    void ws() { while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\\t' || s.charAt(p) == '\\r')) p++; }
    void expect(char c) throws java.io.IOException { ws(); if (p >= s.length() || s.charAt(p) != c) fail("expected " + c); p++; }
    boolean peek(char c) { ws(); return p < s.length() && s.charAt(p) == c; }
    long longValue() throws java.io.IOException {
      ws();
      boolean negative = p < s.length() && s.charAt(p) == '-';
      if (negative) p++;
      int begin = p;
      long v = 0;
      while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') v = v * 10 - (s.charAt(p++) - '0');
      if (p == begin) fail("expected an integer");
      return negative ? v : -v;
    }
    int intValue() throws java.io.IOException { return (int) longValue(); }
    double doubleValue() throws java.io.IOException {
      ws();
      int begin = p;
      while (p < s.length() && "+-0123456789.eE".indexOf(s.charAt(p)) >= 0) p++;
      if (p == begin) fail("expected a number");
      return Double.parseDouble(s.substring(begin, p));
    }
    boolean boolValue() throws java.io.IOException {
      ws();
      if (s.startsWith("true", p)) { p += 4; return true; }
      if (s.startsWith("false", p)) { p += 5; return false; }
      fail("expected a bool");
      return false;
    }
    String stringValue() throws java.io.IOException {
      expect('"');
      StringBuilder b = new StringBuilder();
      for (;;) {
        if (p >= s.length()) fail("unterminated string");
        char c = s.charAt(p++);
        if (c == '"') return b.toString();
        if (c != '\\\\') { b.append(c); continue; }
        if (p >= s.length()) fail("bad escape");
        char e = s.charAt(p++);
        switch (e) {
          case 'n': b.append('\\n'); break;
          case 't': b.append('\\t'); break;
          case 'r': b.append('\\r'); break;
          case 'b': b.append('\\b'); break;
          case 'f': b.append('\\f'); break;
          case 'u':
            if (p + 4 > s.length()) fail("bad escape");
            b.append((char) Integer.parseInt(s.substring(p, p + 4), 16));
            p += 4;
            break;
          default: b.append(e);
        }
      }
    }
    interface Item<T> { T read() throws java.io.IOException; }
    <T> java.util.ArrayList<T> list(Item<T> item) throws java.io.IOException {
      expect('[');
      java.util.ArrayList<T> items = new java.util.ArrayList<>();
      if (peek(']')) { p++; return items; }
      for (;;) {
        items.add(item.read());
        if (peek(',')) { p++; continue; }
        expect(']');
        return items;
      }
    }
    int[] intArray() throws java.io.IOException {
      expect('[');
      int[] a = new int[8];
      int n = 0;
      if (peek(']')) { p++; return new int[0]; }
      for (;;) {
        if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
        a[n++] = intValue();
        if (peek(',')) { p++; continue; }
        expect(']');
        return java.util.Arrays.copyOf(a, n);
      }
    }
    long[] longArray() throws java.io.IOException {
      expect('[');
      long[] a = new long[8];
      int n = 0;
      if (peek(']')) { p++; return new long[0]; }
      for (;;) {
        if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
        a[n++] = longValue();
        if (peek(',')) { p++; continue; }
        expect(']');
        return java.util.Arrays.copyOf(a, n);
      }
    }
    double[] doubleArray() throws java.io.IOException {
      expect('[');
      double[] a = new double[8];
      int n = 0;
      if (peek(']')) { p++; return new double[0]; }
      for (;;) {
        if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
        a[n++] = doubleValue();
        if (peek(',')) { p++; continue; }
        expect(']');
        return java.util.Arrays.copyOf(a, n);
      }
    }
    String[] stringArray() throws java.io.IOException { return list(this::stringValue).toArray(new String[0]); }
    int[][] intMatrix() throws java.io.IOException { return list(this::intArray).toArray(new int[0][]); }
    String[][] stringMatrix() throws java.io.IOException { return list(this::stringArray).toArray(new String[0][]); }
  }

  static void enc(StringBuilder b, int v) { b.append(v); }
  static void enc(StringBuilder b, long v) { b.append(v); }
  static void enc(StringBuilder b, double v) { b.append(Double.toString(v)); }
  static void enc(StringBuilder b, boolean v) { b.append(v ? "true" : "false"); }
  static void enc(StringBuilder b, String v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null string");
    b.append('"');
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c == '"') b.append("\\\\\\"");
      else if (c == '\\\\') b.append("\\\\\\\\");
      else if (c >= 0x20 && c < 0x7f) b.append(c);
      else b.append(String.format("\\\\u%04x", (int) c));
    }
    b.append('"');
  }
  static void enc(StringBuilder b, int[] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); b.append(v[k]); }
    b.append(']');
  }
  static void enc(StringBuilder b, long[] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); b.append(v[k]); }
    b.append(']');
  }
  static void enc(StringBuilder b, double[] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); enc(b, v[k]); }
    b.append(']');
  }
  static void enc(StringBuilder b, String[] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); enc(b, v[k]); }
    b.append(']');
  }
  static void enc(StringBuilder b, int[][] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); enc(b, v[k]); }
    b.append(']');
  }
  static void enc(StringBuilder b, String[][] v) throws AvjBad {
    if (v == null) throw new AvjBad("returned a null array");
    b.append('[');
    for (int k = 0; k < v.length; k++) { if (k > 0) b.append(','); enc(b, v[k]); }
    b.append(']');
  }

  static void emit(CharSequence text) throws java.io.IOException {
    byte[] body = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] line = new byte[prefix.length + body.length + 1];
    System.arraycopy(prefix, 0, line, 0, prefix.length);
    System.arraycopy(body, 0, line, prefix.length, body.length);
    line[line.length - 1] = '\\n';
    out.write(line);
  }

  static String ms(long nanos) { return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6); }

  static void emitOut(int i, long nanos, StringBuilder value) throws java.io.IOException {
    emit(new StringBuilder("{\\"i\\":").append(i).append(",\\"ms\\":").append(ms(nanos)).append(",\\"out\\":").append(value).append('}'));
  }

  static void emitBad(int i, long nanos, String message) throws java.io.IOException {
    StringBuilder b = new StringBuilder("{\\"i\\":").append(i).append(",\\"ms\\":").append(ms(nanos)).append(",\\"bad\\":");
    try { enc(b, message); } catch (AvjBad e) { b.append("\\"\\""); }
    emit(b.append('}'));
  }

  static void emitError(int i, long nanos, Throwable t) throws java.io.IOException {
    String where = "";
    for (StackTraceElement e : t.getStackTrace()) {
      if ("Main.java".equals(e.getFileName()) && e.getLineNumber() >= 1 && e.getLineNumber() <= LEARNER_LINES) {
        where = "line " + e.getLineNumber() + " in " + e.getClassName() + "." + e.getMethodName();
        break;
      }
    }
    String detail;
    try { detail = t.toString(); } catch (Throwable ignored) { detail = t.getClass().getName(); }
    if (detail.length() > 4000) detail = detail.substring(0, 4000);
    StringBuilder b = new StringBuilder("{\\"i\\":").append(i).append(",\\"ms\\":").append(ms(nanos)).append(",\\"error\\":");
    try {
      enc(b, t.getClass().getName());
      b.append(",\\"where\\":");
      enc(b, where);
      b.append(",\\"detail\\":");
      enc(b, detail);
    } catch (AvjBad e) {
      // never: none of them is null
    }
    emit(b.append('}'));
  }

${runners.join("\n\n")}

  public static void main(String[] args) throws Exception {
    out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
    System.setOut(System.err);
    // one line at a time: the whole input is never held at once
    java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
    String headLine = in.readLine();
    String[] head = (headLine == null ? "" : headLine).split(" ");
    prefix = ("@avj:" + (head.length > 1 ? head[1] : "") + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (head.length != 5 || !head[0].equals("avj1")) {
      emit("{\\"fatal\\":\\"bad header\\"}");
      System.exit(3);
    }
    int count = Integer.parseInt(head[2]);
    boolean capture = head[4].equals("1");
    try {
      for (int i = 0; i < count; i++) {
        String line = in.readLine();
        if (line == null) throw new java.io.IOException("missing test line");
        AvjReader r = new AvjReader(line, 0);
        int entry = (int) r.longValue();
        if (capture) {
          System.err.flush();
          System.err.print("\\u001eavj:" + head[1] + ":" + i + "\\u001e");
          System.err.flush();
        }
        switch (entry) {
${cases}
          default: r.fail("bad entry");
        }
        r.ws();
        if (r.p != line.length()) r.fail("unexpected text after the arguments");
      }
    } catch (java.io.IOException e) {
      StringBuilder b = new StringBuilder("{\\"fatal\\":");
      enc(b, e.getMessage());
      emit(b.append('}'));
      System.exit(3);
    }
    System.err.flush();
    emit("{\\"done\\":" + count + "}");
    System.exit(0);
  }
}
`;
}
