/** `npm run bench`: every benchmark, printing medians and ratios. Never part of CI. */
import { benchGateway } from "./gateway";
import { benchJudge } from "./judge";

const benches: Record<string, () => Promise<void>> = { gateway: benchGateway, judge: benchJudge };

async function main() {
  const only = process.argv.slice(2);
  for (const [name, run] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    await run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
