import net from "node:net";
import { loadConfig } from "../lib/config";
import { createBroker } from "../lib/broker";

describe("channels middleware", () => {
  it("fails fast with a clear error when Kafka cannot be reached", async () => {
    // A port with nothing listening: bind, note the port, close.
    const port = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 1));
      });
    });
    const broker = createBroker(
      loadConfig({ SERVICES: "none", LOG_LEVEL: "fatal", KAFKA_BROKERS: `127.0.0.1:${port}`, CHANNELS_CONNECT_TIMEOUT_MS: "1500", AVANTIKA_DEMO: "0" }),
    );
    const started = Date.now();
    await expect(broker.start()).rejects.toThrow(new RegExp(`Cannot connect to Kafka brokers 127.0.0.1:${port} within 1500 ms`));
    expect(Date.now() - started).toBeLessThan(10_000);
    await broker.stop().catch(() => undefined);
  });
});
