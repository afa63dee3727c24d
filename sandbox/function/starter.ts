/**
 * Starter code for a function problem in every judged language, from its signature. What the
 * learner gets is what the harness calls (harness.ts): Python `class Solution` (or a top-level
 * function), C++ `class Solution` with a public method, Java `class Solution` with a public
 * method, Go / JavaScript / TypeScript a top-level function, C a function with explicit lengths.
 *
 * The C conventions (also in README.md and as a comment in the C starter):
 *   - int, long, double, bool  ->  int, long long, double, bool
 *   - string                    ->  const char* s  (NUL-terminated UTF-8)
 *   - T[] a                     ->  const T* a, int aSize            (string[]: const char* const* a)
 *   - T[][] a                   ->  const T* const* a, int aSize, const int* aColSizes
 *                                   (aSize rows; row i has aColSizes[i] elements)
 *   - returning string          ->  char*   (malloc'd or static; never freed by the harness)
 *   - returning T[]             ->  T* name(..., int* returnSize)            set *returnSize
 *   - returning T[][]           ->  T** name(..., int* returnSize, int** returnColumnSizes)
 *                                   set *returnSize (rows) and *returnColumnSizes (each row's length)
 *   The arguments are the harness's own copies: `const` is a promise, not a requirement (a
 *   solution may declare `int* a` and sort it in place). The harness frees them after the call
 *   (do not free them, do not keep pointers to them across calls); it never frees a result.
 */
import type { LanguageId } from "../languages";
import { typeShape, type FunctionSignature, type FunctionType, type ScalarType } from "./signature";

const PYTHON_SCALAR: Record<ScalarType, string> = { int: "int", long: "int", double: "float", bool: "bool", string: "str" };
const CPP_SCALAR: Record<ScalarType, string> = { int: "int", long: "long long", double: "double", bool: "bool", string: "string" };
const JAVA_SCALAR: Record<ScalarType, string> = { int: "int", long: "long", double: "double", bool: "boolean", string: "String" };
const GO_SCALAR: Record<ScalarType, string> = { int: "int", long: "int64", double: "float64", bool: "bool", string: "string" };
const TS_SCALAR: Record<ScalarType, string> = { int: "number", long: "bigint", double: "number", bool: "boolean", string: "string" };
const C_SCALAR: Record<ScalarType, string> = { int: "int", long: "long long", double: "double", bool: "bool", string: "const char*" };
/** C element types of returned arrays (a returned string is `char*`). */
const C_RETURN_SCALAR: Record<ScalarType, string> = { int: "int", long: "long long", double: "double", bool: "bool", string: "char*" };

export function pythonType(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  let t = PYTHON_SCALAR[base];
  for (let i = 0; i < depth; i++) t = `List[${t}]`;
  return t;
}

export function cppType(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  let t = CPP_SCALAR[base];
  for (let i = 0; i < depth; i++) t = `vector<${t}>`;
  return t;
}

export function javaType(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  return JAVA_SCALAR[base] + "[]".repeat(depth);
}

export function goType(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  return "[]".repeat(depth) + GO_SCALAR[base];
}

export function tsType(type: FunctionType): string {
  const { base, depth } = typeShape(type);
  return TS_SCALAR[base] + "[]".repeat(depth);
}

/** The C parameters one signature parameter becomes. */
export function cParams(name: string, type: FunctionType): string[] {
  const { base, depth } = typeShape(type);
  const scalar = C_SCALAR[base];
  if (depth === 0) return [`${scalar} ${name}`];
  if (depth === 1) return [base === "string" ? `const char* const* ${name}` : `const ${scalar}* ${name}`, `int ${name}Size`];
  return [depth2Param(base, name), `int ${name}Size`, `const int* ${name}ColSizes`];
}

function depth2Param(base: ScalarType, name: string): string {
  return base === "string" ? `const char* const* const* ${name}` : `const ${C_SCALAR[base]}* const* ${name}`;
}

/** The C return type and the out-parameters a return type adds. */
export function cReturn(type: FunctionType): { type: string; outParams: string[] } {
  const { base, depth } = typeShape(type);
  const element = C_RETURN_SCALAR[base];
  if (depth === 0) return { type: base === "string" ? "char*" : element, outParams: [] };
  if (depth === 1) return { type: `${element}*`, outParams: ["int* returnSize"] };
  return { type: `${element}**`, outParams: ["int* returnSize", "int** returnColumnSizes"] };
}

export function cDeclaration(signature: FunctionSignature): string {
  const { type, outParams } = cReturn(signature.returns);
  const params = [...signature.params.flatMap((p) => cParams(p.name, p.type)), ...outParams];
  return `${type} ${signature.name}(${params.length > 0 ? params.join(", ") : "void"})`;
}

function cNote(signature: FunctionSignature): string[] {
  const notes: string[] = [];
  const shapes = signature.params.map((p) => ({ name: p.name, ...typeShape(p.type) }));
  const array = shapes.find((s) => s.depth === 1);
  const matrix = shapes.find((s) => s.depth === 2);
  if (array) notes.push(`${array.name} has ${array.name}Size elements.`);
  if (matrix) notes.push(`${matrix.name} has ${matrix.name}Size rows; row i has ${matrix.name}ColSizes[i] elements.`);
  const { base, depth } = typeShape(signature.returns);
  if (depth === 0 && base === "string") notes.push("Return a NUL-terminated string (malloc'd or static).");
  if (depth === 1) notes.push("Return an array (malloc'd or static) and set *returnSize to its length.");
  if (depth === 2) notes.push("Return an array of *returnSize rows (malloc'd) and set *returnColumnSizes to a malloc'd array of the rows' lengths.");
  if (notes.length === 0) return [];
  if (array || matrix) notes.push("The arguments are private copies: changing them is allowed, freeing them is not.");
  return ["/**", ...notes.map((n) => ` * ${n}`), " */"];
}

function indentBody(body: string | undefined, indent: string, fallback: string): string[] {
  if (body === undefined) return [fallback === "" ? indent : `${indent}${fallback}`];
  return body.replace(/\n$/, "").split("\n").map((line) => (line.length > 0 ? `${indent}${line}` : line));
}

function jsDoc(signature: FunctionSignature): string[] {
  return [
    "/**",
    ...signature.params.map((p) => ` * @param {${tsType(p.type)}} ${p.name}`),
    ` * @return {${tsType(signature.returns)}}`,
    " */",
  ];
}

export interface StarterOptions {
  /** A body per function name (unindented lines) instead of the empty one: tests give trivial correct bodies. */
  bodies?: Readonly<Record<string, string>>;
}

/** Starter code for one signature. */
export function starterCode(signature: FunctionSignature, language: LanguageId, options: StarterOptions = {}): string {
  return starterCodeFor([signature], language, options);
}

/** One file holding several functions (one `class Solution` with several methods where there is a class). */
export function starterCodeFor(signatures: readonly FunctionSignature[], language: LanguageId, options: StarterOptions = {}): string {
  const body = (s: FunctionSignature) => options.bodies?.[s.name];
  const lines: string[] = [];
  switch (language) {
    case "python": {
      const usesList = signatures.some((s) => [s.returns, ...s.params.map((p) => p.type)].some((t) => t.includes("[]")));
      if (usesList) lines.push("from typing import List", "", "");
      lines.push("class Solution:");
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        const params = ["self", ...s.params.map((p) => `${p.name}: ${pythonType(p.type)}`)].join(", ");
        lines.push(`    def ${s.name}(${params}) -> ${pythonType(s.returns)}:`, ...indentBody(body(s), "        ", "pass"));
      });
      break;
    }
    case "cpp":
      lines.push("class Solution {", "public:");
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        const params = s.params.map((p) => (typeShape(p.type).depth > 0 ? `${cppType(p.type)}& ${p.name}` : `${cppType(p.type)} ${p.name}`));
        lines.push(`    ${cppType(s.returns)} ${s.name}(${params.join(", ")}) {`, ...indentBody(body(s), "        ", ""), "    }");
      });
      lines.push("};");
      break;
    case "java":
      lines.push("class Solution {");
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        const params = s.params.map((p) => `${javaType(p.type)} ${p.name}`);
        lines.push(`    public ${javaType(s.returns)} ${s.name}(${params.join(", ")}) {`, ...indentBody(body(s), "        ", ""), "    }");
      });
      lines.push("}");
      break;
    case "go":
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        const params = s.params.map((p) => `${p.name} ${goType(p.type)}`);
        lines.push(`func ${s.name}(${params.join(", ")}) ${goType(s.returns)} {`, ...indentBody(body(s), "\t", ""), "}");
      });
      break;
    case "javascript":
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        lines.push(...jsDoc(s), `function ${s.name}(${s.params.map((p) => p.name).join(", ")}) {`, ...indentBody(body(s), "    ", ""), "}");
      });
      break;
    case "typescript":
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        const params = s.params.map((p) => `${p.name}: ${tsType(p.type)}`);
        lines.push(`function ${s.name}(${params.join(", ")}): ${tsType(s.returns)} {`, ...indentBody(body(s), "    ", ""), "}");
      });
      break;
    case "c":
      signatures.forEach((s, i) => {
        if (i > 0) lines.push("");
        lines.push(...cNote(s), `${cDeclaration(s)} {`, ...indentBody(body(s), "    ", ""), "}");
      });
      break;
  }
  return `${lines.join("\n")}\n`;
}

/** Starter code for every language (what `GET /api/problems/:slug` adds as `starterCode`). */
export function starterCodeAll(signature: FunctionSignature): Record<LanguageId, string> {
  const languages: LanguageId[] = ["python", "c", "cpp", "java", "go", "javascript", "typescript"];
  return Object.fromEntries(languages.map((l) => [l, starterCode(signature, l)])) as Record<LanguageId, string>;
}
