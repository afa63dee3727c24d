/**
 * Judged languages as data. Every command is an argv array run inside the sandbox by absolute
 * path; "{memoryMb}", "{stackMb}" and "{v8StackKb}" (80% of the stack: V8 must stop before the
 * OS does) in an argument are replaced by the run's limits. A submission is written to
 * `sourceFile` in /work/box and compiled there (cwd = /work/box); each test runs in a fresh empty
 * /work/run.
 */
import path from "node:path";

export type LanguageId = "python" | "c" | "cpp" | "java" | "go" | "javascript" | "typescript";

export const LANGUAGE_IDS: readonly LanguageId[] = ["python", "c", "cpp", "java", "go", "javascript", "typescript"];

export interface Limits {
  timeMs: number;
  memoryMb: number;
  outputKb: number;
}

export interface Language {
  id: LanguageId;
  name: string;
  /** As stated here; replaced by `versionProbe`'s answer at start-up when the toolchain answers. */
  version: string;
  /** argv run on the host once to read the toolchain's version, and how to pick it out. */
  versionProbe?: { argv: string[]; pattern: RegExp };
  sourceFile: string;
  /** Steps run in order with the compile limits; none for interpreted languages that skip a check. */
  compile: string[][];
  run: string[];
  /** Extra environment for compile and run (on top of PATH, HOME, LANG). */
  env?: Record<string, string>;
  limits: { default: Limits; maximum: Limits };
  compileLimits: Limits;
  /** Processes + threads the runtime needs (RLIMIT_NPROC is per user and counts threads). */
  nproc: number;
  nofile: number;
  /** stderr of a failed run that means the runtime's own heap cap was hit: MLE, not RE. */
  memoryErrorPattern?: RegExp;
  selfTest: { source: string; stdin: string; expectedStdout: string };
}

const JDK = "/usr/lib/jvm/java-17-openjdk-amd64";
const GOROOT = "/usr/lib/go-1.19";

const SELF_TEST_STDIN = "3\nhello judge\n";

const CPP_FLAGS = ["-std=c++17", "-O2", "-pipe", "-DONLINE_JUDGE"];

/**
 * Headers precompiled on the host when assets are built, with exactly the flags of the compile
 * that uses them, and found through -I/judge/pch. <bits/stdc++.h> takes 2.7 s to parse under
 * gVisor and 0.7 s from its PCH. A missing or stale .gch is skipped by g++, which then reads the
 * real header: the PCH is an optimisation, never a requirement.
 */
export const PRECOMPILED_HEADERS: ReadonlyArray<{ compiler: string; flags: string[]; header: string }> = [
  { compiler: "/usr/bin/g++", flags: CPP_FLAGS, header: "bits/stdc++.h" },
];

const compiled = (timeMs: number): { default: Limits; maximum: Limits } => ({
  default: { timeMs, memoryMb: 256, outputKb: 1024 },
  maximum: { timeMs: 10_000, memoryMb: 1024, outputKb: 16_384 },
});
const COMPILE_LIMITS: Limits = { timeMs: 20_000, memoryMb: 1024, outputKb: 1024 };

export const LANGUAGES: Record<LanguageId, Language> = {
  python: {
    id: "python",
    name: "Python 3",
    version: "3.11",
    versionProbe: { argv: ["/usr/bin/python3", "--version"], pattern: /Python (\S+)/ },
    sourceFile: "main.py",
    compile: [["/usr/bin/python3", "-I", "-B", "-c", "import sys; compile(open(sys.argv[1], 'rb').read(), sys.argv[1], 'exec')", "main.py"]],
    run: ["/usr/bin/python3", "-I", "-B", "/work/box/main.py"],
    limits: compiled(3000),
    compileLimits: COMPILE_LIMITS,
    nproc: 32,
    nofile: 64,
    memoryErrorPattern: /^MemoryError\b/m,
    selfTest: {
      source: "import sys\nfor line in sys.stdin:\n    print(line, end='')\n",
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  c: {
    id: "c",
    name: "C (GCC, C17)",
    version: "gcc 12",
    versionProbe: { argv: ["/usr/bin/gcc", "-dumpfullversion"], pattern: /(\S+)/ },
    sourceFile: "main.c",
    compile: [["/usr/bin/gcc", "-std=c17", "-O2", "-pipe", "-DONLINE_JUDGE", "-o", "main", "main.c", "-lm"]],
    run: ["/work/box/main"],
    limits: compiled(1000),
    compileLimits: COMPILE_LIMITS,
    nproc: 32,
    nofile: 64,
    selfTest: {
      source: "#include <stdio.h>\nint main(void) {\n  int c;\n  while ((c = getchar()) != EOF) putchar(c);\n  return 0;\n}\n",
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  cpp: {
    id: "cpp",
    name: "C++17 (GCC)",
    version: "g++ 12",
    versionProbe: { argv: ["/usr/bin/g++", "-dumpfullversion"], pattern: /(\S+)/ },
    sourceFile: "main.cpp",
    compile: [["/usr/bin/g++", ...CPP_FLAGS, "-I/judge/pch", "-o", "main", "main.cpp"]],
    run: ["/work/box/main"],
    limits: compiled(1000),
    compileLimits: COMPILE_LIMITS,
    nproc: 32,
    nofile: 64,
    selfTest: {
      source: "#include <iostream>\n#include <string>\nint main() {\n  std::string line;\n  while (std::getline(std::cin, line)) std::cout << line << '\\n';\n}\n",
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  java: {
    id: "java",
    name: "Java 17 (OpenJDK)",
    version: "17",
    versionProbe: { argv: [`${JDK}/bin/java`, "-version"], pattern: /version "([^"]+)"/ },
    sourceFile: "Main.java",
    compile: [
      [
        `${JDK}/bin/javac`,
        "-J-Xmx512m",
        "-J-XX:+UseSerialGC",
        "-J-XX:TieredStopAtLevel=1",
        "-J-XX:-UsePerfData",
        "-J-Xshare:auto",
        "-encoding",
        "UTF-8",
        "Main.java",
      ],
    ],
    run: [`${JDK}/bin/java`, "-Xmx{memoryMb}m", "-Xss{stackMb}m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-cp", "/work/box", "Main"],
    limits: compiled(2000),
    compileLimits: COMPILE_LIMITS,
    nproc: 256,
    nofile: 256,
    memoryErrorPattern: /java\.lang\.OutOfMemoryError/,
    selfTest: {
      source:
        "import java.io.*;\n\npublic class Main {\n  public static void main(String[] args) throws IOException {\n" +
        "    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n" +
        "    StringBuilder out = new StringBuilder();\n    String line;\n" +
        "    while ((line = in.readLine()) != null) out.append(line).append('\\n');\n" +
        "    System.out.print(out);\n  }\n}\n",
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  go: {
    id: "go",
    name: "Go",
    version: "1.19",
    versionProbe: { argv: [`${GOROOT}/bin/go`, "version"], pattern: /go version go(\S+)/ },
    sourceFile: "main.go",
    // The go command costs 2.3 s more per build under gVisor than calling its two tools.
    compile: [
      [`${GOROOT}/pkg/tool/linux_amd64/compile`, "-p", "main", "-complete", "-pack", "-o", "main.a", "main.go"],
      [`${GOROOT}/pkg/tool/linux_amd64/link`, "-o", "main", "main.a"],
    ],
    run: ["/work/box/main"],
    env: { GOROOT },
    limits: compiled(2000),
    compileLimits: COMPILE_LIMITS,
    nproc: 64,
    nofile: 64,
    selfTest: {
      source:
        'package main\n\nimport (\n\t"bufio"\n\t"io"\n\t"os"\n)\n\nfunc main() {\n' +
        "\tout := bufio.NewWriter(os.Stdout)\n\tdefer out.Flush()\n\tio.Copy(out, bufio.NewReader(os.Stdin))\n}\n",
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  javascript: {
    id: "javascript",
    name: "JavaScript (Node.js)",
    version: "20",
    versionProbe: { argv: ["/usr/bin/node", "--version"], pattern: /v(\S+)/ },
    sourceFile: "main.js",
    compile: [["/usr/bin/node", "--check", "main.js"]],
    run: ["/usr/bin/node", "--max-old-space-size={memoryMb}", "--stack-size={v8StackKb}", "/work/box/main.js"],
    limits: compiled(2000),
    compileLimits: COMPILE_LIMITS,
    nproc: 64,
    nofile: 128,
    memoryErrorPattern: /JavaScript heap out of memory/,
    selfTest: {
      source: 'const input = require("fs").readFileSync(0, "utf8");\nprocess.stdout.write(input);\n',
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
  typescript: {
    id: "typescript",
    name: "TypeScript (transpiled, Node.js)",
    version: "5",
    sourceFile: "main.ts",
    compile: [["/usr/bin/node", "/judge/ts/transpile.cjs", "main.ts", "main.js"]],
    run: ["/usr/bin/node", "--max-old-space-size={memoryMb}", "--stack-size={v8StackKb}", "/work/box/main.js"],
    limits: compiled(2000),
    compileLimits: COMPILE_LIMITS,
    nproc: 64,
    nofile: 128,
    memoryErrorPattern: /JavaScript heap out of memory/,
    selfTest: {
      source: 'import * as fs from "fs";\n\nconst input: string = fs.readFileSync(0, "utf8");\nprocess.stdout.write(input);\n',
      stdin: SELF_TEST_STDIN,
      expectedStdout: SELF_TEST_STDIN,
    },
  },
};

export function isLanguageId(value: unknown): value is LanguageId {
  return typeof value === "string" && (LANGUAGE_IDS as readonly string[]).includes(value);
}

/** The language of a file, by its extension (that of the language's `sourceFile`): `x.py` → python. */
export function languageOfFile(name: string): LanguageId | undefined {
  const extension = path.extname(name);
  return LANGUAGE_IDS.find((id) => path.extname(LANGUAGES[id].sourceFile) === extension);
}

/** The run's stack limit: half the memory limit, so a runaway recursion is a crash (RE) well before it is MLE. */
export function stackMbFor(limits: Limits): number {
  return Math.max(8, Math.floor(limits.memoryMb / 2));
}

export function expandArgv(argv: string[], limits: Limits): string[] {
  const stackMb = stackMbFor(limits);
  return argv.map((arg) =>
    arg
      .replace("{memoryMb}", String(limits.memoryMb))
      .replace("{stackMb}", String(stackMb))
      .replace("{v8StackKb}", String(Math.floor(stackMb * 1024 * 0.8))),
  );
}

export class LimitsRejected extends Error {
  constructor(readonly problems: string[]) {
    super(`limits rejected: ${problems.join("; ")}`);
    this.name = "LimitsRejected";
  }
}

/** Fills missing limits with the language's defaults; anything above its maximum is rejected, not clamped. */
export function resolveLimits(language: Language, requested: Partial<Limits> = {}, base: Limits = language.limits.default, maximum: Limits = language.limits.maximum): Limits {
  const limits: Limits = { ...base };
  const problems: string[] = [];
  for (const key of ["timeMs", "memoryMb", "outputKb"] as const) {
    const value = requested[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value <= 0) problems.push(`${key} must be a positive integer`);
    else if (value > maximum[key]) problems.push(`${key} ${value} is above the maximum ${maximum[key]} for ${language.name}`);
    else limits[key] = value;
  }
  if (problems.length > 0) throw new LimitsRejected(problems);
  return limits;
}
