/**
 * The transactional outbox and idempotent consumers (ARCHITECTURE.md §4).
 *
 * Producer: `this.outbox.add(client, topic, payload)` validates the event against the catalogue
 * and writes it into `<schema>.outbox` inside the caller's transaction. A relay claims unsent rows
 * with a lease (FOR UPDATE SKIP LOCKED, so several nodes never publish the same row at once),
 * publishes them through @moleculer/channels outside any transaction, and marks them sent. When
 * the channel backend is down the rows wait and are retried with backoff: nothing is lost.
 *
 * Consumer: `consume(topic, handler)` builds a channel definition whose handler validates the
 * event (an invalid one goes to the dead-letter channel and is acked), then runs the handler in a
 * transaction that first records the eventId in `<schema>.processed_events`: a redelivered event
 * finds its id there and is skipped, so its effect is applied exactly once.
 */
import os from "node:os";
import type { ServiceSchema } from "moleculer";
import type { PoolClient } from "pg";
import { assertValidEvent, DEAD_LETTER_CHANNEL, makeEvent, type EventEnvelope, type EventTopic } from "../lib/events";
import { InvalidEvent } from "../lib/errors";
import { lifecycle } from "../lib/service";
import { beforeChannelsStop, CHANNELS_READY_EVENT, channelsReady } from "./channels";
import { DbMixin, type DbService } from "./db.mixin";

export { DEAD_LETTER_CHANNEL };

interface ChannelSender {
  sendToChannel(name: string, payload: unknown, opts?: Record<string, unknown>): Promise<void>;
}

export interface Outbox {
  add(client: PoolClient, topic: EventTopic, payload: Record<string, unknown>): Promise<EventEnvelope>;
  /** Runs the relay now (after a commit) instead of waiting for the next poll. */
  kick(): void;
  /** Publishes every pending row; resolves with how many were sent. */
  flush(): Promise<number>;
  pending(): Promise<number>;
}

export interface OutboxService extends DbService {
  outbox: Outbox;
}

interface OutboxRow {
  id: string;
  topic: string;
  payload: EventEnvelope;
}

const LEASE_S = 30;
const BATCH = 100;

interface RelayControl {
  relayReady?: boolean;
  startRelay?: () => void;
  stopRelay?: () => void;
}

/** Includes DbMixin (the outbox lives in the service's schema), so its start runs first. */
export function OutboxMixin(opts: { schema: string; migrations: string; pollMs?: number }): Partial<ServiceSchema> {
  const pollMs = opts.pollMs ?? 500;
  return {
    mixins: [DbMixin({ schema: opts.schema, migrations: opts.migrations })],
    actions: {
      /** Events not yet published (the REPL's `outbox` command). */
      outboxPending: {
        visibility: "public",
        handler(this: OutboxService) {
          return this.outbox.pending();
        },
      },
    },
    events: {
      [CHANNELS_READY_EVENT](this: OutboxService & RelayControl) {
        this.startRelay?.();
      },
    },
    ...lifecycle<OutboxService & RelayControl>({
    async started() {
      const schema = this.db.schema;
      // Under the schema's migration lock: two nodes creating the same table at once collide in
      // pg_type even with IF NOT EXISTS.
      await this.db.tx(async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`avantika.migrations.${schema}`]);
        await client.query(`
        CREATE TABLE IF NOT EXISTS ${schema}.outbox (
          id bigserial PRIMARY KEY,
          event_id uuid NOT NULL UNIQUE,
          topic text NOT NULL,
          payload jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          claimed_until timestamptz,
          attempts int NOT NULL DEFAULT 0,
          sent_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS outbox_unsent ON ${schema}.outbox (id) WHERE sent_at IS NULL;
        CREATE TABLE IF NOT EXISTS ${schema}.processed_events (
          event_id uuid PRIMARY KEY,
          topic text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now()
        );
        GRANT SELECT, INSERT ON ${schema}.processed_events TO avantika_tenant;
        GRANT SELECT, INSERT ON ${schema}.outbox TO avantika_tenant;
        GRANT USAGE ON SEQUENCE ${schema}.outbox_id_seq TO avantika_tenant;
      `);
      });
      const sender = this.broker as unknown as ChannelSender;
      const owner = `${this.broker.nodeID}:${os.hostname()}`;
      let running: Promise<number> | null = null;
      let again = false;
      let failures = 0;
      let stopped = false;
      let timer: NodeJS.Timeout | null = null;

      const relayOnce = async (): Promise<number> => {
        const claimed = await this.db.query<OutboxRow>(
          `UPDATE ${schema}.outbox SET claimed_until = now() + interval '${LEASE_S} seconds', attempts = attempts + 1
             WHERE id IN (SELECT id FROM ${schema}.outbox
                           WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                           ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
           RETURNING id, topic, payload`,
        );
        const rows = claimed.rows.sort((a, b) => Number(a.id) - Number(b.id));
        let sent = 0;
        try {
          for (const row of rows) {
            await sender.sendToChannel(row.topic, row.payload);
            await this.db.query(`UPDATE ${schema}.outbox SET sent_at = now(), claimed_until = NULL WHERE id = $1`, [row.id]);
            sent += 1;
          }
        } catch (err) {
          const unsent = rows.slice(sent).map((r) => r.id);
          await this.db
            .query(`UPDATE ${schema}.outbox SET claimed_until = NULL WHERE id = ANY($1::bigint[])`, [unsent])
            .catch(() => undefined);
          throw err;
        }
        return rows.length === BATCH ? sent + (await relayOnce()) : sent;
      };

      const schedule = (ms: number) => {
        if (stopped) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void run(), ms);
        timer.unref();
      };

      const run = (): Promise<number> => {
        if (!this.relayReady) return Promise.resolve(0);
        if (running) {
          again = true;
          return running;
        }
        running = relayOnce()
          .then((n) => {
            failures = 0;
            return n;
          })
          .catch((err: Error) => {
            failures += 1;
            if (failures === 1 || failures % 20 === 0) this.logger.warn(`Outbox relay of '${schema}' cannot publish yet (${err.message}); will retry`);
            return 0;
          })
          .finally(() => {
            running = null;
            if (again) {
              again = false;
              void run();
            } else {
              schedule(failures ? Math.min(5000, 100 * 2 ** Math.min(failures, 6)) : pollMs);
            }
          });
        return running;
      };

      this.outbox = {
        async add(client, topic, payload) {
          const event = makeEvent(topic, payload);
          await client.query(`INSERT INTO ${schema}.outbox (event_id, topic, payload) VALUES ($1, $2, $3)`, [event.eventId, topic, event]);
          return event;
        },
        kick: () => {
          setImmediate(() => void run());
        },
        flush: async () => {
          let total = 0;
          for (;;) {
            if (running) await running;
            const n = await relayOnce();
            total += n;
            if (n === 0) return total;
          }
        },
        pending: async () => {
          const r = await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.outbox WHERE sent_at IS NULL`);
          return Number(r.rows[0]?.n ?? 0);
        },
      };
      // The channel adapter connects (and the in-process one subscribes) only after every service
      // has started: publishing earlier could hand an event to nobody and mark it sent. So the
      // relay waits for the channels middleware to say it is ready (see events below).
      this.relayReady = channelsReady(this.broker);
      this.startRelay = () => {
        this.relayReady = true;
        void run();
      };
      this.stopRelay = () => {
        stopped = true;
        this.relayReady = false;
        if (timer) clearTimeout(timer);
      };
      beforeChannelsStop(this.broker, async () => {
        this.stopRelay?.();
        if (running) await running;
      });
      this.logger.debug(`Outbox relay for '${schema}' started by ${owner}`);
      schedule(pollMs);
    },
    async stopped() {
      this.stopRelay?.();
    },
    }),
  };
}

/**
 * Validates a consumed event against the catalogue. An invalid one is sent to the dead-letter
 * channel with its problems and `false` is returned (the caller acks it: retrying cannot fix it).
 */
export async function validOrDeadLettered(service: { broker: unknown; logger: { warn(msg: string): void } }, topic: EventTopic, payload: unknown): Promise<boolean> {
  try {
    assertValidEvent(topic, payload);
    return true;
  } catch (err) {
    if (!(err instanceof InvalidEvent)) throw err;
    service.logger.warn(`Dead-lettering an invalid '${topic}' event: ${err.message}`);
    await (service.broker as ChannelSender).sendToChannel(DEAD_LETTER_CHANNEL, {
      topic,
      reason: "INVALID_EVENT",
      problems: (err.data as { problems: string[] }).problems,
      payload,
    });
    return false;
  }
}

export interface ConsumerOptions {
  group?: string;
  maxInFlight?: number;
  maxRetries?: number;
}

/**
 * A channel definition for `topic`: validated, deduplicated on eventId, applied in one
 * transaction together with the dedupe row.
 */
export function consume(
  topic: EventTopic,
  /** May return work for after the commit (a realtime push that must not announce uncommitted state). */
  handler: (this: OutboxService, event: EventEnvelope, client: PoolClient) => Promise<void | (() => void)>,
  opts: ConsumerOptions = {},
) {
  return {
    ...(opts.group ? { group: opts.group } : {}),
    maxInFlight: opts.maxInFlight ?? 4,
    maxRetries: opts.maxRetries ?? 5,
    deadLettering: { enabled: true, queueName: DEAD_LETTER_CHANNEL },
    async handler(this: OutboxService, payload: unknown) {
      if (!(await validOrDeadLettered(this, topic, payload))) return;
      const event = payload as EventEnvelope;
      const schema = this.db.schema;
      const afterCommit = await this.db.tx(async (client) => {
        const fresh = await client.query(
          `INSERT INTO ${schema}.processed_events (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING`,
          [event.eventId, topic],
        );
        if (fresh.rowCount === 0) return undefined;
        return handler.call(this, event, client);
      });
      if (typeof afterCommit === "function") afterCommit();
    },
  };
}
