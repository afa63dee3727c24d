/**
 * JavaScript / TypeScript harness, appended after the learner's code (so its line numbers stay
 * the learner's). The function is the top-level `<name>` (a declaration, or a const/let/var
 * holding a function). `long` arrives as a JSON string and is passed as a BigInt; a `long` result
 * may be a BigInt or an integral number. The harness is plain JavaScript that is also valid
 * TypeScript (transpiled, never type-checked).
 */
import type { HarnessInput } from "./harness";
import { typeShape } from "./signature";

export function jsHarness(input: HarnessInput, language: "javascript" | "typescript"): string {
  const entries = input.signatures
    .map((s) => {
      const params = s.params.map((p) => {
        const { base, depth } = typeShape(p.type);
        return `[${JSON.stringify(base)}, ${depth}]`;
      });
      const { base, depth } = typeShape(s.returns);
      return `    { name: ${JSON.stringify(s.name)}, fn: typeof ${s.name} === "function" ? ${s.name} : undefined, params: [${params.join(", ")}], base: ${JSON.stringify(base)}, depth: ${depth} },`;
    })
    .join("\n");
  const stackFile = language === "javascript" ? "main.js" : "";
  const learner = input.learnerSource;
  return `${learner}${learner.endsWith("\n") ? "" : "\n"}
;(function __avjHarness() {
  "use strict";
  const fs = require("fs");
  const { Console } = require("console");
  const LEARNER_LINES = ${input.learnerLines};
  const STACK_FILE = ${JSON.stringify(stackFile)};
  const ENTRIES = [
${entries}
  ];
  const errStream = process.stderr;
  // the learner's prints go to stderr; harness lines go straight to fd 1
  Object.defineProperty(process, "stdout", { configurable: true, enumerable: true, get: function () { return errStream; } });
  globalThis.console = new Console({ stdout: errStream, stderr: errStream });

  // one line at a time: the whole input is never held at once
  const { StringDecoder } = require("string_decoder");
  const decoder = new StringDecoder("utf8");
  const chunk = Buffer.alloc(1 << 16);
  let pending = "";
  let ended = false;
  function nextLine() {
    for (;;) {
      const newline = pending.indexOf("\\n");
      if (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        return line;
      }
      if (ended) {
        const rest = pending;
        pending = "";
        return rest;
      }
      let n = 0;
      try {
        n = fs.readSync(0, chunk, 0, chunk.length, null);
      } catch (e) {
        if (e && e.code === "EAGAIN") continue;
        if (!e || e.code !== "EOF") throw e;
      }
      if (n === 0) {
        ended = true;
        pending += decoder.end();
      } else pending += decoder.write(chunk.subarray(0, n));
    }
  }
  const head = nextLine().split(" ");
  const nonce = head[1] || "";
  const prefix = "@avj:" + nonce + " ";
  function emit(text) {
    const buf = Buffer.from(prefix + text + "\\n", "utf8");
    let off = 0;
    while (off < buf.length) {
      try {
        off += fs.writeSync(1, buf, off, buf.length - off);
      } catch (e) {
        if (!e || e.code !== "EAGAIN") throw e;
      }
    }
  }
  if (head.length !== 5 || head[0] !== "avj1") {
    emit('{"fatal":"bad header"}');
    process.exit(3);
  }
  const count = Number(head[2]);
  const capture = head[4] === "1";
  for (const entry of ENTRIES) {
    if (typeof entry.fn !== "function") {
      emit('{"ce":' + JSON.stringify("no function " + entry.name + ": define function " + entry.name + "(...) at the top level") + "}");
      process.exit(0);
    }
  }

  function Bad(message) {
    this.message = message;
  }
  function kind(v) {
    if (v === null) return "null";
    if (Array.isArray(v)) return "an array";
    if (v !== undefined && typeof v.then === "function") return "a Promise (the function must not be async)";
    return typeof v === "object" ? "an object" : typeof v === "undefined" ? "undefined" : "a " + typeof v;
  }
  function conv(v, base, depth) {
    if (depth > 0) return v.map(function (x) { return conv(x, base, depth - 1); });
    return base === "long" ? BigInt(v) : v;
  }
  function enc(v, base, depth) {
    if (depth > 0) {
      if (!Array.isArray(v)) {
        if (ArrayBuffer.isView(v) && !(v instanceof DataView)) v = Array.from(v);
        else throw new Bad("returned " + kind(v) + " where an array was expected");
      }
      const parts = [];
      for (let k = 0; k < v.length; k++) parts.push(enc(v[k], base, depth - 1));
      return "[" + parts.join(",") + "]";
    }
    switch (base) {
      case "int":
      case "long":
        if (typeof v === "bigint") return v.toString();
        if (typeof v === "number" && Number.isInteger(v)) return BigInt(v).toString();
        throw new Bad("returned " + kind(v) + " where an integer was expected");
      case "double":
        if (typeof v === "number") return String(v);
        if (typeof v === "bigint") return v.toString();
        throw new Bad("returned " + kind(v) + " where a number was expected");
      case "bool":
        if (typeof v === "boolean") return v ? "true" : "false";
        throw new Bad("returned " + kind(v) + " where a boolean was expected");
      default:
        if (typeof v === "string") return JSON.stringify(v);
        throw new Bad("returned " + kind(v) + " where a string was expected");
    }
  }
  function describe(e) {
    let name = "uncaught " + (e === null ? "null" : typeof e);
    let text = "";
    try {
      if (e instanceof Error) {
        name = String(e.name);
        text = String(e.message);
      } else {
        text = String(e);
      }
    } catch (ignored) {
      text = "";
    }
    let where = "";
    if (STACK_FILE && e instanceof Error && typeof e.stack === "string") {
      const re = /main\\.js:(\\d+)/g;
      let m;
      while ((m = re.exec(e.stack)) !== null) {
        const line = Number(m[1]);
        if (line >= 1 && line <= LEARNER_LINES) {
          where = "line " + line;
          break;
        }
      }
    }
    return { name: name, where: where, detail: (text ? name + ": " + text : name).slice(0, 4000) };
  }
  const now = process.hrtime.bigint;
  for (let i = 0; i < count; i++) {
    const line = nextLine();
    const space = line.indexOf(" ");
    const entry = ENTRIES[Number(line.slice(0, space))];
    const raw = JSON.parse(line.slice(space + 1));
    const args = [];
    for (let k = 0; k < entry.params.length; k++) args.push(conv(raw[k], entry.params[k][0], entry.params[k][1]));
    if (capture) errStream.write("\\x1eavj:" + nonce + ":" + i + "\\x1e");
    const start = now();
    let result;
    try {
      result = entry.fn.apply(undefined, args);
    } catch (e) {
      const ms = Number(now() - start) / 1e6;
      const d = describe(e);
      emit('{"i":' + i + ',"ms":' + ms.toFixed(3) + ',"error":' + JSON.stringify(d.name) + ',"where":' + JSON.stringify(d.where) + ',"detail":' + JSON.stringify(d.detail) + "}");
      continue;
    }
    const ms = Number(now() - start) / 1e6;
    let text;
    try {
      text = enc(result, entry.base, entry.depth);
    } catch (e) {
      emit('{"i":' + i + ',"ms":' + ms.toFixed(3) + ',"bad":' + JSON.stringify(e instanceof Bad ? e.message : "returned a value that cannot be written") + "}");
      continue;
    }
    emit('{"i":' + i + ',"ms":' + ms.toFixed(3) + ',"out":' + text + "}");
  }
  emit('{"done":' + count + "}");
  process.exit(0);
})();
`;
}
