/**
 * Go harness. Layout of main.go:
 *
 *   package main
 *   import ( avj-aliased standard packages )      aliases never clash with the learner's imports
 *   //line solution.go:1:1
 *   <learner code, its own `package` clause blanked; its own imports allowed>
 *   //line harness.go:1:1
 *   <harness>
 *
 * so compiler messages and panics name solution.go with the learner's line numbers. Arguments are
 * decoded with encoding/json into the exact Go types; results are written by typed encoders (a nil
 * slice is []). A panic in one test is recovered: RE for that test, the others still run.
 */
import type { HarnessInput } from "./harness";
import { goType } from "./starter";
import { typeShape, type FunctionType } from "./signature";

/** Blanks the learner's `package x` clause (keeping every line and column), if there is one. */
export function blankGoPackageClause(source: string): string {
  let pos = 0;
  while (pos < source.length) {
    const rest = source.slice(pos);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    if (rest.startsWith("//")) {
      const end = source.indexOf("\n", pos);
      pos = end < 0 ? source.length : end;
      continue;
    }
    if (rest.startsWith("/*")) {
      const end = source.indexOf("*/", pos + 2);
      pos = end < 0 ? source.length : end + 2;
      continue;
    }
    const clause = /^package[ \t]+[A-Za-z_][A-Za-z0-9_]*[ \t]*;?/.exec(rest);
    if (!clause) return source;
    return source.slice(0, pos) + " ".repeat(clause[0].length) + source.slice(pos + clause[0].length);
  }
  return source;
}

function encoderFor(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  const scalar = { int: "avjEncInt", long: "avjEncLong", double: "avjEncDouble", bool: "avjEncBool", string: "avjEncString" }[base];
  if (depth === 0) return scalar;
  if (depth === 1) return `avjSlice(${scalar})`;
  return `avjSlice2(${scalar})`;
}

export function goHarness(input: HarnessInput): string {
  const runners = input.signatures.map((s, entry) => {
    const decls = s.params.map((p, k) => `\tvar a${k} ${goType(p.type)}\n\tavjDecode(raw, ${k}, &a${k})`).join("\n");
    const args = s.params.map((_, k) => `a${k}`).join(", ");
    return `func avjRun${entry}(i int, raw []avjjson.RawMessage) {
${decls}
\tvar r ${goType(s.returns)}
\tms, name, where, detail := avjCall(func() { r = ${s.name}(${args}) })
\tif name != "" {
\t\tavjEmitError(i, ms, name, where, detail)
\t\treturn
\t}
\tavjEmitOut(i, ms, ${encoderFor(s.returns)}(nil, r))
}`;
  });
  const cases = input.signatures.map((_, entry) => `\t\tcase ${entry}:\n\t\t\tavjRun${entry}(i, raw)`).join("\n");
  const learner = blankGoPackageClause(input.learnerSource);
  return `package main

import (
\tavjbufio "bufio"
\tavjjson "encoding/json"
\tavjfmt "fmt"
\tavjio "io"
\tavjmath "math"
\tavjos "os"
\tavjdebug "runtime/debug"
\tavjstrconv "strconv"
\tavjstrings "strings"
\tavjsyscall "syscall"
\tavjtime "time"
\tavjutf8 "unicode/utf8"
)

//line solution.go:1:1
${learner}${learner.endsWith("\n") ? "" : "\n"}//line harness.go:1:1
var avjOut *avjos.File
var avjPrefix string

func avjEmit(text []byte) {
\tline := make([]byte, 0, len(avjPrefix)+len(text)+1)
\tline = append(line, avjPrefix...)
\tline = append(line, text...)
\tline = append(line, '\\n')
\tavjOut.Write(line)
}

func avjFatal(what string) {
\tavjEmit(append(avjEncString([]byte(\`{"fatal":\`), what), '}'))
\tavjos.Exit(3)
}

func avjMs(b []byte, ms float64) []byte { return avjstrconv.AppendFloat(b, ms, 'f', 3, 64) }

func avjEmitOut(i int, ms float64, out []byte) {
\tb := []byte(\`{"i":\`)
\tb = avjstrconv.AppendInt(b, int64(i), 10)
\tb = append(b, \`,"ms":\`...)
\tb = avjMs(b, ms)
\tb = append(b, \`,"out":\`...)
\tb = append(b, out...)
\tavjEmit(append(b, '}'))
}

func avjEmitError(i int, ms float64, name, where, detail string) {
\tb := []byte(\`{"i":\`)
\tb = avjstrconv.AppendInt(b, int64(i), 10)
\tb = append(b, \`,"ms":\`...)
\tb = avjMs(b, ms)
\tb = append(b, \`,"error":\`...)
\tb = avjEncString(b, name)
\tb = append(b, \`,"where":\`...)
\tb = avjEncString(b, where)
\tb = append(b, \`,"detail":\`...)
\tb = avjEncString(b, detail)
\tavjEmit(append(b, '}'))
}

func avjDecode(raw []avjjson.RawMessage, k int, into interface{}) {
\tif k >= len(raw) {
\t\tavjFatal("missing argument")
\t}
\tif err := avjjson.Unmarshal(raw[k], into); err != nil {
\t\tavjFatal("argument " + avjstrconv.Itoa(k) + ": " + err.Error())
\t}
}

func avjCall(f func()) (ms float64, name, where, detail string) {
\tstart := avjtime.Now()
\tdefer func() {
\t\tms = float64(avjtime.Since(start).Nanoseconds()) / 1e6
\t\tif r := recover(); r != nil {
\t\t\tname = "panic"
\t\t\tif e, ok := r.(error); ok {
\t\t\t\tname = avjfmt.Sprintf("panic: %T", e)
\t\t\t}
\t\t\tdetail = "panic: " + avjfmt.Sprint(r)
\t\t\tif len(detail) > 4000 {
\t\t\t\tdetail = detail[:4000]
\t\t\t}
\t\t\tstack := string(avjdebug.Stack())
\t\t\tif at := avjstrings.Index(stack, "solution.go:"); at >= 0 {
\t\t\t\trest := stack[at+len("solution.go:"):]
\t\t\t\tend := 0
\t\t\t\tfor end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
\t\t\t\t\tend++
\t\t\t\t}
\t\t\t\twhere = "line " + rest[:end]
\t\t\t}
\t\t}
\t}()
\tf()
\treturn
}

func avjEncInt(b []byte, v int) []byte     { return avjstrconv.AppendInt(b, int64(v), 10) }
func avjEncLong(b []byte, v int64) []byte  { return avjstrconv.AppendInt(b, v, 10) }
func avjEncBool(b []byte, v bool) []byte   { return avjstrconv.AppendBool(b, v) }
func avjEncDouble(b []byte, v float64) []byte {
\tswitch {
\tcase avjmath.IsNaN(v):
\t\treturn append(b, "NaN"...)
\tcase avjmath.IsInf(v, 1):
\t\treturn append(b, "Infinity"...)
\tcase avjmath.IsInf(v, -1):
\t\treturn append(b, "-Infinity"...)
\t}
\treturn avjstrconv.AppendFloat(b, v, 'g', -1, 64)
}

const avjHex = "0123456789abcdef"

func avjEncString(b []byte, s string) []byte {
\tb = append(b, '"')
\tfor _, r := range s {
\t\tswitch {
\t\tcase r == '"':
\t\t\tb = append(b, '\\\\', '"')
\t\tcase r == '\\\\':
\t\t\tb = append(b, '\\\\', '\\\\')
\t\tcase r < 0x20:
\t\t\tb = append(b, '\\\\', 'u', '0', '0', avjHex[r>>4], avjHex[r&15])
\t\tdefault:
\t\t\tb = avjutf8.AppendRune(b, r)
\t\t}
\t}
\treturn append(b, '"')
}

func avjSlice[T any](enc func([]byte, T) []byte) func([]byte, []T) []byte {
\treturn func(b []byte, v []T) []byte {
\t\tb = append(b, '[')
\t\tfor k, x := range v {
\t\t\tif k > 0 {
\t\t\t\tb = append(b, ',')
\t\t\t}
\t\t\tb = enc(b, x)
\t\t}
\t\treturn append(b, ']')
\t}
}

func avjSlice2[T any](enc func([]byte, T) []byte) func([]byte, [][]T) []byte {
\treturn avjSlice(avjSlice(enc))
}

${runners.join("\n\n")}

func main() {
\tfd, err := avjsyscall.Dup(1)
\tif err != nil {
\t\tavjos.Exit(4)
\t}
\tavjOut = avjos.NewFile(uintptr(fd), "avj-out")
\tavjsyscall.Dup3(2, 1, 0)
\t// one line at a time: the whole input is never held at once
\tin := avjbufio.NewReaderSize(avjos.Stdin, 1<<16)
\tnextLine := func() string {
\t\tline, err := in.ReadString('\\n')
\t\tif err != nil && err != avjio.EOF {
\t\t\tavjFatal("cannot read stdin")
\t\t}
\t\treturn avjstrings.TrimSuffix(line, "\\n")
\t}
\thead := avjstrings.Split(nextLine(), " ")
\tif len(head) != 5 || head[0] != "avj1" {
\t\tavjFatal("bad header")
\t}
\tavjPrefix = "@avj:" + head[1] + " "
\tcount, _ := avjstrconv.Atoi(head[2])
\tstackMb, _ := avjstrconv.Atoi(head[3])
\tcapture := head[4] == "1"
\tif stackMb > 0 {
\t\tavjdebug.SetMaxStack(stackMb << 20)
\t}
\tfor i := 0; i < count; i++ {
\t\tline := nextLine()
\t\tspace := avjstrings.IndexByte(line, ' ')
\t\tif space < 0 {
\t\t\tavjFatal("bad test line")
\t\t}
\t\tentry, _ := avjstrconv.Atoi(line[:space])
\t\tvar raw []avjjson.RawMessage
\t\tif err := avjjson.Unmarshal([]byte(line[space+1:]), &raw); err != nil {
\t\t\tavjFatal("bad arguments: " + err.Error())
\t\t}
\t\tif capture {
\t\t\tavjos.Stderr.WriteString("\\x1eavj:" + head[1] + ":" + avjstrconv.Itoa(i) + "\\x1e")
\t\t}
\t\tswitch entry {
${cases}
\t\tdefault:
\t\t\tavjFatal("bad entry")
\t\t}
\t}
\tavjEmit([]byte(\`{"done":\` + avjstrconv.Itoa(count) + "}"))
\tavjos.Exit(0)
}
`;
}
