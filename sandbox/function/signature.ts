/**
 * The signature of a function problem (LeetCode style): `{name, params: [{name, type}], returns}`.
 *
 * Names must work in all seven languages at once, because one problem gets starter code and a
 * harness in every language: an ASCII identifier starting with a letter, no keyword or reserved
 * word of any of them, nothing the harnesses need for themselves (see README.md). Validation is
 * hand-written so every problem names its field (`params[1].name`) and says why.
 */

export const FUNCTION_TYPES = [
  "int",
  "long",
  "double",
  "bool",
  "string",
  "int[]",
  "long[]",
  "double[]",
  "string[]",
  "int[][]",
  "string[][]",
] as const;

export type FunctionType = (typeof FUNCTION_TYPES)[number];
export type ScalarType = "int" | "long" | "double" | "bool" | "string";

export interface FunctionParam {
  name: string;
  type: FunctionType;
}

export interface FunctionSignature {
  name: string;
  params: FunctionParam[];
  returns: FunctionType;
}

/** What a type is made of: its element type and how deeply it is nested (0 scalar, 1 array, 2 matrix). */
export interface TypeShape {
  base: ScalarType;
  depth: 0 | 1 | 2;
}

export function typeShape(type: FunctionType): TypeShape {
  const base = type.replace(/\[\]/g, "") as ScalarType;
  const depth = ((type.length - base.length) / 2) as 0 | 1 | 2;
  return { base, depth };
}

export function isFunctionType(value: unknown): value is FunctionType {
  return typeof value === "string" && (FUNCTION_TYPES as readonly string[]).includes(value);
}

export const MAX_PARAMS = 16;
export const MAX_IDENTIFIER_LENGTH = 64;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

const PYTHON_KEYWORDS = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
  "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
  "return", "try", "while", "with", "yield", "self",
];
const C_KEYWORDS = [
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern", "float", "for",
  "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
  "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true", "false", "NULL", "EOF", "errno",
  "assert", "stdin", "stdout", "stderr", "offsetof", "alignas", "alignof", "noreturn", "complex", "imaginary",
];
const CPP_KEYWORDS = [
  "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "consteval",
  "constexpr", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete", "dynamic_cast", "explicit",
  "export", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
  "private", "protected", "public", "reinterpret_cast", "requires", "static_assert", "static_cast", "template", "this",
  "thread_local", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq", "std", "string", "vector",
];
const JAVA_KEYWORDS = [
  "abstract", "boolean", "byte", "extends", "final", "finally", "implements", "import", "instanceof", "interface", "native",
  "package", "strictfp", "super", "synchronized", "throws", "transient", "var", "record", "yield", "sealed", "permits", "null",
  "String", "Object", "Integer", "Long", "Double", "Boolean", "Math", "System",
];
const GO_KEYWORDS_AND_PREDECLARED = [
  "chan", "defer", "fallthrough", "func", "go", "map", "range", "select", "struct", "type", "any", "comparable", "byte",
  "complex64", "complex128", "error", "float32", "float64", "int8", "int16", "int32", "int64", "rune", "uint", "uint8",
  "uint16", "uint32", "uint64", "uintptr", "iota", "nil", "append", "cap", "close", "copy", "imag", "len", "make", "panic",
  "print", "println", "real", "recover", "max", "min", "clear", "init", "main",
];
const JS_RESERVED = [
  "debugger", "function", "in", "let", "typeof", "with", "arguments", "eval", "undefined", "NaN", "Infinity", "await", "async",
  // what the JS/TS harness relies on at top level: a function declaration by that name would shadow it
  "require", "module", "exports", "process", "console", "Buffer", "globalThis", "global", "JSON", "Array", "Number",
  "BigInt", "Error", "Symbol", "Map", "Set", "Promise", "RegExp", "Date", "ArrayBuffer", "Reflect", "Proxy", "Function",
];
/** C library functions declared by the headers the C harness includes (a function cannot take their name). */
const C_LIBRARY_FUNCTIONS = [
  "printf", "fprintf", "sprintf", "snprintf", "scanf", "fscanf", "sscanf", "puts", "fputs", "gets", "fgets", "putchar", "getchar",
  "fputc", "fgetc", "putc", "getc", "ungetc", "fopen", "fclose", "fflush", "fread", "fwrite", "fseek", "ftell", "rewind", "remove",
  "rename", "perror", "setvbuf", "setbuf", "tmpfile", "feof", "ferror", "clearerr", "fdopen", "dup", "dup2",
  "malloc", "calloc", "realloc", "free", "abort", "exit", "atexit", "getenv", "system", "qsort", "bsearch", "abs", "labs",
  "llabs", "div", "ldiv", "lldiv", "atoi", "atol", "atoll", "atof", "strtol", "strtoll", "strtoul", "strtoull", "strtod",
  "strtof", "rand", "srand", "aligned_alloc", "quick_exit", "at_quick_exit", "mblen", "mbtowc", "wctomb",
  "memcpy", "memmove", "memset", "memcmp", "memchr", "strcpy", "strncpy", "strcat", "strncat", "strcmp", "strncmp", "strchr",
  "strrchr", "strstr", "strlen", "strtok", "strspn", "strcspn", "strpbrk", "strerror", "strcoll", "strxfrm", "strdup",
  "sqrt", "pow", "exp", "exp2", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh",
  "tanh", "floor", "ceil", "round", "lround", "llround", "trunc", "fabs", "fmod", "fmax", "fmin", "hypot", "cbrt", "frexp",
  "ldexp", "modf", "remainder", "copysign", "nan", "isnan", "isinf", "isfinite", "signbit", "fma", "fdim", "rint", "lrint",
  "nearbyint", "erf", "erfc", "tgamma", "lgamma", "expm1", "log1p", "logb", "ilogb", "scalbn", "nextafter",
  "isalpha", "isdigit", "isalnum", "isspace", "isupper", "islower", "ispunct", "isprint", "iscntrl", "isxdigit", "isgraph",
  "isblank", "toupper", "tolower", "time", "clock", "difftime", "mktime", "strftime", "gmtime", "localtime", "asctime",
  "ctime", "timespec_get",
];

const RESERVED_EVERYWHERE = new Set([...PYTHON_KEYWORDS, ...C_KEYWORDS, ...CPP_KEYWORDS, ...JAVA_KEYWORDS, ...GO_KEYWORDS_AND_PREDECLARED, ...JS_RESERVED]);
const RESERVED_FUNCTION_NAMES = new Set([...C_LIBRARY_FUNCTIONS, "Solution", "Main", "List", "Optional"]);
/** Names the C starter derives for its extra parameters. */
const C_OUT_PARAMS = ["returnSize", "returnColumnSizes"];

export interface SignatureProblem {
  /** Where, e.g. "params[1].name" (relative to the signature). */
  path: string;
  message: string;
}

export class SignatureInvalid extends Error {
  constructor(readonly problems: SignatureProblem[]) {
    super(`invalid function signature: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`);
    this.name = "SignatureInvalid";
  }
}

function identifierProblem(name: unknown, what: "function" | "parameter"): string | null {
  if (typeof name !== "string") return "must be a string";
  if (name.length === 0) return "must not be empty";
  if (name.length > MAX_IDENTIFIER_LENGTH) return `must be at most ${MAX_IDENTIFIER_LENGTH} characters`;
  if (!IDENTIFIER.test(name)) return "must be an ASCII identifier: a letter, then letters, digits or underscores";
  if (/^_*avj/i.test(name)) return "names starting with \"avj\" are reserved for the harness";
  if (RESERVED_EVERYWHERE.has(name)) return `"${name}" is a keyword or reserved name in one of the judged languages`;
  if (what === "function" && RESERVED_FUNCTION_NAMES.has(name)) return `"${name}" collides with a library or harness name in one of the judged languages`;
  if (what === "parameter" && C_OUT_PARAMS.includes(name)) return `"${name}" is the name of the C starter's out-parameter`;
  return null;
}

/** Every problem with a candidate signature; empty when it is valid. */
export function signatureProblems(value: unknown): SignatureProblem[] {
  const problems: SignatureProblem[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [{ path: "", message: "must be an object {name, params, returns}" }];
  const candidate = value as Record<string, unknown>;
  for (const key of Object.keys(candidate)) {
    if (!["name", "params", "returns"].includes(key)) problems.push({ path: key, message: "unknown field" });
  }
  const nameProblem = identifierProblem(candidate.name, "function");
  if (nameProblem) problems.push({ path: "name", message: nameProblem });
  if (!isFunctionType(candidate.returns)) problems.push({ path: "returns", message: `must be one of ${FUNCTION_TYPES.join(", ")}` });

  const params = candidate.params;
  if (!Array.isArray(params)) {
    problems.push({ path: "params", message: "must be an array of {name, type}" });
    return problems;
  }
  if (params.length > MAX_PARAMS) problems.push({ path: "params", message: `at most ${MAX_PARAMS} parameters` });
  const seen = new Map<string, string>();
  const claim = (name: string, path: string, owner: string) => {
    const previous = seen.get(name);
    if (previous !== undefined) problems.push({ path, message: `"${name}" ${owner === previous ? "is used twice" : `collides with ${previous}`}` });
    else seen.set(name, owner);
  };
  params.forEach((param: unknown, index) => {
    const path = `params[${index}]`;
    if (typeof param !== "object" || param === null || Array.isArray(param)) {
      problems.push({ path, message: "must be an object {name, type}" });
      return;
    }
    const entry = param as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (!["name", "type"].includes(key)) problems.push({ path: `${path}.${key}`, message: "unknown field" });
    }
    const problem = identifierProblem(entry.name, "parameter");
    if (problem) problems.push({ path: `${path}.name`, message: problem });
    if (!isFunctionType(entry.type)) problems.push({ path: `${path}.type`, message: `must be one of ${FUNCTION_TYPES.join(", ")}` });
    if (problem || typeof entry.name !== "string") return;
    const name = entry.name;
    const owner = `parameter ${name}`;
    claim(name, `${path}.name`, owner);
    // the C starter adds <name>Size (arrays) and <name>ColSizes (matrices): they must not collide either
    if (isFunctionType(entry.type)) {
      const { depth } = typeShape(entry.type);
      if (depth >= 1) claim(`${name}Size`, `${path}.name`, `the C length parameter ${name}Size`);
      if (depth === 2) claim(`${name}ColSizes`, `${path}.name`, `the C row-lengths parameter ${name}ColSizes`);
    }
  });
  return problems;
}

/** Validates a signature from the outside world (a problem package, the API); throws SignatureInvalid. */
export function parseSignature(value: unknown): FunctionSignature {
  const problems = signatureProblems(value);
  if (problems.length > 0) throw new SignatureInvalid(problems);
  const candidate = value as FunctionSignature;
  return {
    name: candidate.name,
    params: candidate.params.map((p) => ({ name: p.name, type: p.type })),
    returns: candidate.returns,
  };
}
