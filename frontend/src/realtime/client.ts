/** The app's one realtime connection, following the session: open while signed in. */
import { loadConfig } from "../api/config";
import { currentToken } from "../session/session";
import { useSession } from "../session/store";
import { RealtimeClient } from "./socket";

export function createAppRealtime(): RealtimeClient {
  const client = new RealtimeClient({
    url: async () => (await loadConfig()).wsUrl,
    token: (options) => currentToken(options),
  });
  const follow = (status: string) => (status === "signedIn" ? client.start() : client.stop());
  follow(useSession.getState().status);
  useSession.subscribe((state, previous) => {
    if (state.status !== previous.status) follow(state.status);
  });
  window.addEventListener("online", () => client.retryNow());
  return client;
}
