/**
 * Host side of the function-problem values: a JSON parser that keeps numbers as their text (a
 * `long` above 2^53 must not pass through a JS double), typed values checked against a signature
 * type, the canonical JSON the harnesses read, and the comparison that judges a returned value
 * (integers exact, doubles within a tolerance, strings exact, arrays element by element).
 */
import { typeShape, type FunctionType, type ScalarType } from "./signature";

export type Json =
  | { kind: "null" }
  | { kind: "bool"; value: boolean }
  /** `raw` is the number's text: exact for any integer; "NaN", "Infinity", "-Infinity" only when allowed. */
  | { kind: "number"; raw: string }
  | { kind: "string"; value: string }
  | { kind: "array"; items: Json[] }
  | { kind: "object"; entries: Map<string, Json> };

/** A value of a signature type: int and long are bigint, double is number. */
export type Value = bigint | number | boolean | string | Value[];

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "JsonSyntaxError";
  }
}

const MAX_DEPTH = 64;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const INTEGER = /^-?(?:0|[1-9]\d*)$/;
const NON_FINITE = ["NaN", "Infinity", "-Infinity"] as const;

/** Strict RFC 8259 JSON; `allowNonFinite` also takes NaN, Infinity and -Infinity (what harnesses print for doubles). */
export function parseJson(text: string, options: { allowNonFinite?: boolean } = {}): Json {
  let pos = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, pos);
  };
  const ws = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };
  const literal = (word: string): boolean => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return true;
    }
    return false;
  };
  const string = (): string => {
    pos++; // the opening quote
    let out = "";
    let start = pos;
    for (;;) {
      if (pos >= text.length) fail("unterminated string");
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(start, pos);
        pos++;
        return out;
      }
      if (c < 0x20) fail("control character in string");
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      out += text.slice(start, pos);
      const e = text[pos + 1];
      pos += 2;
      switch (e) {
        case '"': out += '"'; break;
        case "\\": out += "\\"; break;
        case "/": out += "/"; break;
        case "b": out += "\b"; break;
        case "f": out += "\f"; break;
        case "n": out += "\n"; break;
        case "r": out += "\r"; break;
        case "t": out += "\t"; break;
        case "u": {
          const hex = text.slice(pos, pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("bad \\u escape");
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 4;
          break;
        }
        default:
          pos -= 2;
          fail("bad escape");
      }
      start = pos;
    }
  };
  const value = (depth: number): Json => {
    if (depth > MAX_DEPTH) fail("nested too deeply");
    ws();
    const c = text[pos];
    if (c === "{") {
      pos++;
      const entries = new Map<string, Json>();
      ws();
      if (text[pos] === "}") {
        pos++;
        return { kind: "object", entries };
      }
      for (;;) {
        ws();
        if (text[pos] !== '"') fail("expected a key");
        const key = string();
        ws();
        if (text[pos] !== ":") fail("expected ':'");
        pos++;
        entries.set(key, value(depth + 1));
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "}") {
          pos++;
          return { kind: "object", entries };
        } else fail("expected ',' or '}'");
      }
    }
    if (c === "[") {
      pos++;
      const items: Json[] = [];
      ws();
      if (text[pos] === "]") {
        pos++;
        return { kind: "array", items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[pos] === ",") pos++;
        else if (text[pos] === "]") {
          pos++;
          return { kind: "array", items };
        } else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return { kind: "string", value: string() };
    if (literal("true")) return { kind: "bool", value: true };
    if (literal("false")) return { kind: "bool", value: false };
    if (literal("null")) return { kind: "null" };
    if (options.allowNonFinite) {
      for (const word of NON_FINITE) if (literal(word)) return { kind: "number", raw: word };
    }
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (match && match[0].length > 0) {
      pos += match[0].length;
      return { kind: "number", raw: match[0] };
    }
    return fail(pos >= text.length ? "unexpected end" : "unexpected character");
  };
  const result = value(0);
  ws();
  if (pos !== text.length) fail("unexpected text after the value");
  return result;
}

/** A value that does not fit its type; `path` is where inside it, e.g. "[2][0]". */
export class ValueMismatch extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || "value"}: ${problem}`);
    this.name = "ValueMismatch";
  }
}

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

function describe(json: Json): string {
  switch (json.kind) {
    case "number":
      return `the number ${json.raw.length > 24 ? `${json.raw.slice(0, 24)}…` : json.raw}`;
    case "string":
      return "a string";
    case "array":
      return "an array";
    case "object":
      return "an object";
    case "bool":
      return json.value ? "true" : "false";
    case "null":
      return "null";
  }
}

function hasLoneSurrogate(s: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

function scalar(json: Json, base: ScalarType, path: string, strictUnicode: boolean): Value {
  switch (base) {
    case "int":
    case "long": {
      if (json.kind !== "number" || !INTEGER.test(json.raw)) throw new ValueMismatch(path, `expected ${base === "int" ? "an int" : "a long"}, found ${describe(json)}`);
      const n = BigInt(json.raw);
      const [min, max] = base === "int" ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
      if (n < min || n > max) throw new ValueMismatch(path, `${json.raw} is out of range for ${base}`);
      return n;
    }
    case "double": {
      if (json.kind !== "number") throw new ValueMismatch(path, `expected a double, found ${describe(json)}`);
      const n = json.raw === "NaN" ? NaN : json.raw === "Infinity" ? Infinity : json.raw === "-Infinity" ? -Infinity : Number(json.raw);
      if (strictUnicode && !Number.isFinite(n)) throw new ValueMismatch(path, `${json.raw} is not a finite double`);
      return n;
    }
    case "bool":
      if (json.kind !== "bool") throw new ValueMismatch(path, `expected a bool, found ${describe(json)}`);
      return json.value;
    case "string":
      if (json.kind !== "string") throw new ValueMismatch(path, `expected a string, found ${describe(json)}`);
      if (strictUnicode && hasLoneSurrogate(json.value)) throw new ValueMismatch(path, "the string holds a lone UTF-16 surrogate (not valid Unicode)");
      return json.value;
  }
}

/**
 * A JSON value as a value of `type`. Problem data (`strict`, the default) must also be finite and
 * valid Unicode; what a harness returns may hold NaN or a lone surrogate (and then simply differs).
 */
export function toValue(json: Json, type: FunctionType, path = "", strict = true): Value {
  const { base, depth } = typeShape(type);
  const walk = (node: Json, level: number, at: string): Value => {
    if (level === 0) return scalar(node, base, at, strict);
    if (node.kind !== "array") throw new ValueMismatch(at, `expected an array, found ${describe(node)}`);
    return node.items.map((item, index) => walk(item, level - 1, `${at}[${index}]`));
  };
  return walk(json, depth, path);
}

/** JSON string literal: escapes quote, backslash and control characters; everything else as is (UTF-8 on the wire). */
export function jsonString(s: string): string {
  return `"${s.replace(/["\\\u0000-\u001f\u007f]/g, (c) => {
    switch (c) {
      case '"':
        return '\\"';
      case "\\":
        return "\\\\";
      case "\n":
        return "\\n";
      case "\t":
        return "\\t";
      case "\r":
        return "\\r";
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
    }
  })}"`;
}

function formatDouble(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Infinity) return "Infinity";
  if (n === -Infinity) return "-Infinity";
  return String(n); // shortest text that reads back as the same double
}

/** Canonical JSON of a typed value: one line, no spaces. `longAsString` quotes longs (the JS/TS harness reads them as BigInt). */
export function encodeValue(value: Value, type: FunctionType, options: { longAsString?: boolean } = {}): string {
  const { base } = typeShape(type);
  const walk = (v: Value): string => {
    if (Array.isArray(v)) return `[${v.map(walk).join(",")}]`;
    switch (base) {
      case "int":
        return String(v);
      case "long":
        return options.longAsString ? `"${String(v)}"` : String(v);
      case "double":
        return formatDouble(v as number);
      case "bool":
        return v ? "true" : "false";
      case "string":
        return jsonString(v as string);
    }
  };
  return walk(value);
}

export interface Tolerance {
  abs: number;
  rel: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { abs: 1e-6, rel: 1e-6 };

export type Comparison = { ok: true } | { ok: false; message: string };

function doublesEqual(expected: number, actual: number, tolerance: Tolerance): boolean {
  if (Object.is(expected, actual) || expected === actual) return true;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  const diff = Math.abs(actual - expected);
  return diff <= tolerance.abs || diff <= tolerance.rel * Math.abs(expected);
}

/** Does `actual` answer `expected`? The message says where they first differ, never the expected value. */
export function compareValues(type: FunctionType, expected: Value, actual: Value, tolerance: Tolerance = DEFAULT_TOLERANCE): Comparison {
  const { base } = typeShape(type);
  const walk = (e: Value, a: Value, at: string): Comparison => {
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) return { ok: false, message: `${at || "the result"} is not an array` };
      if (a.length !== e.length) return { ok: false, message: `${at || "the result"} has ${a.length} elements, ${e.length} expected` };
      for (let i = 0; i < e.length; i++) {
        const r = walk(e[i] as Value, a[i] as Value, `${at}[${i}]`);
        if (!r.ok) return r;
      }
      return { ok: true };
    }
    const same = base === "double" ? doublesEqual(e as number, a as number, tolerance) : e === a;
    return same ? { ok: true } : { ok: false, message: `${at ? `element ${at}` : "the value"} differs` };
  };
  return walk(expected, actual, "");
}

/** JSON text of a plain JS value, for writing tests: bigint is an exact integer, numbers must be finite. */
export function toJsonText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${value} has no JSON form`);
    return String(value);
  }
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  throw new Error(`no JSON form for ${typeof value}`);
}
