import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ServiceBroker } from "moleculer";
import { loadConfig } from "../lib/config";
import { createBroker } from "../lib/broker";
import { ContentMixin } from "./content.mixin";

function startBroker(env: Record<string, string>): ServiceBroker {
  const broker = createBroker(loadConfig({ SERVICES: "none", LOG_LEVEL: "error", AVANTIKA_DEMO: "0", ...env }));
  broker.createService({ name: "notes", mixins: [ContentMixin({ collection: "notes" })] });
  return broker;
}

describe("content mixin", () => {
  it("keeps NeDB documents under the data dir across a restart (embedded shape)", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "avantika-content-"));
    try {
      const first = startBroker({ DATA_DIR: dataDir });
      await first.start();
      const created = await first.call<{ _id: string }, { title: string }>("notes.create", { title: "Two pointers" });
      await first.stop();
      expect(fs.existsSync(path.join(dataDir, "content", "notes.db"))).toBe(true);

      const second = startBroker({ DATA_DIR: dataDir });
      await second.start();
      const found = await second.call<{ title: string }, { id: string }>("notes.get", { id: created._id });
      await second.stop();
      expect(found.title).toBe("Two pointers");
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const mongoUrl = process.env.TEST_MONGO_URL;
  (mongoUrl ? it : it.skip)("stores documents in MongoDB when MONGO_URL is set", async () => {
    const broker = startBroker({ MONGO_URL: mongoUrl ?? "" });
    await broker.start();
    const created = await broker.call<{ _id: string }, { title: string }>("notes.create", { title: "Heaps" });
    const found = await broker.call<{ title: string }, { id: string }>("notes.get", { id: String(created._id) });
    await broker.call("notes.remove", { id: String(created._id) });
    await broker.stop();
    expect(found.title).toBe("Heaps");
  });
  if (!mongoUrl) {
    // eslint-disable-next-line no-console
    console.log("SKIPPED 'stores documents in MongoDB': no MongoDB server can run on these machines; set TEST_MONGO_URL to run it");
  }
});
