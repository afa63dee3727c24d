/**
 * Loads the declarative hostile suite: sandbox/test/hostile/<case>/{source.<ext>, case.yaml}.
 *
 * case.yaml: language, limits, optional compileLimits, checker, expect: {verdict}, and either
 * stdin + output (one test; output defaults to "") or tests: [{input, output}]. "{{hostPort}}" in
 * an input is replaced by the port of a TCP server the suite runs on the host's loopback.
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { parseChecker, type CheckerSpec } from "../checkers";
import { isLanguageId, type LanguageId, type Limits } from "../languages";
import type { JudgeRequest, TestCase } from "../judge";
import { VERDICTS, type Verdict } from "../verdict";

export const HOSTILE_DIR = path.join(__dirname, "hostile");

/** The host file hostile programs try to read or #include; the suite writes a marker into it. */
export const HOST_SECRET_FILE = "/var/tmp/avantika-hostile-secret/secret.txt";

export interface HostileCase {
  name: string;
  why: string;
  language: LanguageId;
  source: string;
  limits: Partial<Limits>;
  compileLimits?: Partial<Limits>;
  checker?: CheckerSpec;
  tests: TestCase[];
  expect: { verdict: Verdict };
}

function limitsFrom(value: unknown, where: string): Partial<Limits> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null) throw new Error(`${where} must be a mapping`);
  const limits: Partial<Limits> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== "timeMs" && key !== "memoryMb" && key !== "outputKb") throw new Error(`${where}.${key} is not a limit`);
    if (typeof v !== "number") throw new Error(`${where}.${key} must be a number`);
    limits[key] = v;
  }
  return limits;
}

export function loadHostileCases(dir = HOSTILE_DIR): HostileCase[] {
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const caseDir = path.join(dir, name);
      const doc = YAML.parse(fs.readFileSync(path.join(caseDir, "case.yaml"), "utf8")) as Record<string, unknown>;
      const where = `hostile/${name}/case.yaml`;
      if (!isLanguageId(doc.language)) throw new Error(`${where}: unknown language ${String(doc.language)}`);
      const sourceFile = fs.readdirSync(caseDir).find((f) => f.startsWith("source."));
      if (!sourceFile) throw new Error(`hostile/${name}: no source.<ext>`);
      const expect = doc.expect as { verdict?: unknown } | undefined;
      const verdict = expect?.verdict;
      if (typeof verdict !== "string" || !(VERDICTS as readonly string[]).includes(verdict)) throw new Error(`${where}: expect.verdict`);
      let tests: TestCase[];
      if (Array.isArray(doc.tests)) {
        tests = (doc.tests as Array<{ input?: unknown; output?: unknown }>).map((t) => ({ input: String(t.input ?? ""), output: String(t.output ?? "") }));
      } else {
        tests = [{ input: String(doc.stdin ?? ""), output: String(doc.output ?? "") }];
      }
      return {
        name,
        why: String(doc.why ?? ""),
        language: doc.language,
        source: fs.readFileSync(path.join(caseDir, sourceFile), "utf8"),
        limits: limitsFrom(doc.limits, `${where} limits`),
        ...(doc.compileLimits === undefined ? {} : { compileLimits: limitsFrom(doc.compileLimits, `${where} compileLimits`) }),
        ...(doc.checker === undefined ? {} : { checker: parseChecker(doc.checker) }),
        tests,
        expect: { verdict: verdict as Verdict },
      };
    });
}

export function hostileRequest(c: HostileCase, vars: Record<string, string>): JudgeRequest {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
  return {
    language: c.language,
    source: c.source,
    tests: c.tests.map((t) => ({ input: fill(t.input), output: t.output })),
    limits: c.limits,
    ...(c.compileLimits ? { compileLimits: c.compileLimits } : {}),
    ...(c.checker ? { checker: c.checker } : {}),
    returnOutput: true,
  };
}
