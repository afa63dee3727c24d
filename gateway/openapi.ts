/**
 * OpenAPI 3 generated from the route table and the JSON Schemas the actions declare as params
 * (read from the service registry, so remote services are described too).
 */
import type { ServiceBroker } from "moleculer";
import type { RouteTable } from "./routes";

interface ActionInfo {
  name: string;
  action?: { params?: Record<string, unknown>; auth?: string; roles?: string[] };
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: { type: { type: "string" }, message: { type: "string" }, data: {} },
      required: ["type", "message"],
    },
  },
  required: ["error"],
};

export function buildOpenApi(broker: ServiceBroker, tables: Record<string, RouteTable>) {
  const actions = new Map<string, ActionInfo["action"]>();
  for (const item of broker.registry.getActionList({ onlyAvailable: false, skipInternal: true, withEndpoints: false }) as ActionInfo[]) {
    if (!actions.has(item.name)) actions.set(item.name, item.action);
  }
  const paths: Record<string, Record<string, unknown>> = {};
  for (const table of Object.values(tables)) {
    for (const [route, spec] of Object.entries(table)) {
      const [method = "GET", rawPath = "/"] = route.split(" ");
      const pathParams = [...rawPath.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? "");
      const oaPath = "/api" + rawPath.replace(/:([A-Za-z]+)/g, "{$1}");
      const action = actions.get(spec.action);
      const schema = (action?.params ?? { type: "object", properties: {} }) as { properties?: Record<string, unknown>; required?: string[] };
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !pathParams.includes(k)));
      const required = (schema.required ?? []).filter((k) => !pathParams.includes(k));
      const hasBody = method !== "GET" && method !== "DELETE" && Object.keys(properties).length > 0;
      const parameters = [
        ...pathParams.map((name) => ({ name, in: "path", required: true, schema: schema.properties?.[name] ?? { type: "string" } })),
        ...(method === "GET" ? Object.entries(properties).map(([name, s]) => ({ name, in: "query", required: required.includes(name), schema: s })) : []),
      ];
      const secured = action?.auth === "required" || Boolean(action?.roles);
      const ok = String(spec.status ?? 200);
      paths[oaPath] ??= {};
      paths[oaPath][method.toLowerCase()] = {
        operationId: spec.action,
        summary: spec.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(hasBody ? { requestBody: { required: required.length > 0, content: { "application/json": { schema: { ...schema, properties, required } } } } } : {}),
        ...(secured ? { security: [{ bearer: [] }] } : {}),
        ...(action?.roles ? { "x-roles": action.roles } : {}),
        responses: {
          [ok]: { description: ok === "204" ? "No content" : ok === "302" ? "Redirect" : "Success" },
          default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      };
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: "Avantika API", version: "1.0.0", description: "Interview preparation platform: the public REST contract." },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Error: errorSchema },
    },
  };
}
