import { ConfigError, loadConfig } from "./config";

describe("config", () => {
  it("gives the embedded shape with no servers configured", () => {
    const config = loadConfig({});
    expect(config.shape).toBe("embedded");
    expect(config.http.port).toBe(8080);
    expect(config.transport.natsUrl).toBeUndefined();
    expect(config.channels.adapter).toBe("local");
    expect(config.db.poolMax).toBe(1);
    expect(config.seed.demo).toBe(true);
  });

  it("chooses every backend from the environment in one place", () => {
    const config = loadConfig({
      NATS_URL: "nats://127.0.0.1:4222",
      DATABASE_URL: "postgres://u@db/avantika",
      REDIS_URL: "redis://cache:6379",
      KAFKA_BROKERS: "k1:9092,k2:9092",
      JWT_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----",
      PORT: "9000",
    });
    expect(config.shape).toBe("cluster");
    expect(config.channels.adapter).toBe("kafka");
    expect(config.channels.kafkaBrokers).toEqual(["k1:9092", "k2:9092"]);
    expect(config.http.port).toBe(9000);
    expect(config.seed.demo).toBe(false);
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", NATS_URL: "not a url", LOG_LEVEL: "loud", SERVICES: "auth,teleport", AVANTIKA_ADMIN_EMAIL: "a@b.c" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/NATS_URL/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/teleport/);
    expect(problems).toMatch(/AVANTIKA_ADMIN_PASSWORD/);
    expect((error as ConfigError).problems.length).toBeGreaterThanOrEqual(5);
  });

  it("refuses a cluster auth node without a shared signing key", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://u@db/a", SERVICES: "auth" })).toThrow(/JWT_PRIVATE_KEY/);
  });
});
