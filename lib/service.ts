import type { ServiceSchema } from "moleculer";

type Lifecycle<S> = (this: S) => void | Promise<void>;

/**
 * Moleculer types every lifecycle handler's `this` as a bare Service; our services carry more
 * (db, outbox, config...). This gives the hooks their real `this` type in one place.
 */
export function lifecycle<S>(hooks: { created?: Lifecycle<S>; started?: Lifecycle<S>; stopped?: Lifecycle<S> }): Pick<ServiceSchema, "created" | "started" | "stopped"> {
  return hooks as unknown as Pick<ServiceSchema, "created" | "started" | "stopped">;
}
