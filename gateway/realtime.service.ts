import type { ServiceSchema } from "moleculer";
// Placeholder replaced by the realtime gateway implementation.
const RealtimeServiceSchema: ServiceSchema = { name: "realtime" };
export default RealtimeServiceSchema;
