/** Starts test/fixtures/node-process.ts in a child process (tsx), so a test can SIGKILL it. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface ChildNode {
  /** What the child printed after READY: a node id, a URL. */
  nodeId: string;
  child: ChildProcess;
  kill(signal?: NodeJS.Signals): void;
  /** Everything the child printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const nodeScript = path.join(__dirname, "..", "fixtures", "node-process.ts");

export function startChildNode(env: Record<string, string>, args: string[] = [], nodeArgs: string[] = []): Promise<ChildNode> {
  return startChild(nodeScript, env, args, nodeArgs);
}

/** Runs a TypeScript script in a child process and waits for its "READY <value>" line. */
export async function startChild(script: string, env: Record<string, string>, args: string[] = [], nodeArgs: string[] = []): Promise<ChildNode> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const nodeId = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child node did not start in 30 s:\n${output}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child node exited with ${code}:\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    nodeId,
    child,
    output: () => output,
    kill(signal = "SIGKILL") {
      child.kill(signal);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
