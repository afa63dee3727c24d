/**
 * Action params are JSON Schemas, checked by ajv (the design card names ajv). Unknown fields,
 * wrong types and missing fields become one VALIDATION_ERROR (422) listing every failing field.
 * A schema may set `"x-coerce": true` to coerce query-string values ("2" → 2) — only GET routes do.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { Errors, Validators } from "moleculer";

export interface FieldProblem {
  field: string;
  message: string;
  type: string;
}

function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes, useDefaults: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export function toFieldProblems(errors: ErrorObject[] | null | undefined): FieldProblem[] {
  return (errors ?? []).map((err) => {
    const base = err.instancePath.replace(/^\//, "").replace(/\//g, ".");
    if (err.keyword === "additionalProperties") {
      const extra = String((err.params as { additionalProperty?: string }).additionalProperty);
      return { field: base ? `${base}.${extra}` : extra, message: "is not an allowed field", type: "unknownField" };
    }
    if (err.keyword === "required") {
      const missing = String((err.params as { missingProperty?: string }).missingProperty);
      return { field: base ? `${base}.${missing}` : missing, message: "is required", type: "required" };
    }
    return { field: base || "(root)", message: err.message ?? "is invalid", type: err.keyword };
  });
}

export type JsonSchema = Record<string, unknown>;

/** Compiles a JSON Schema; the result returns true or the list of problems. */
export function compileSchema(schema: JsonSchema): (value: unknown) => true | FieldProblem[] {
  const { "x-coerce": coerce, ...rest } = schema;
  const validate: ValidateFunction = (coerce ? coercingAjv : strictAjv).compile(rest);
  return (value) => (validate(value) ? true : toFieldProblems(validate.errors));
}

/** Our params are JSON Schemas (an object schema at the top); library mixins such as moleculer-db still declare fastest-validator rules. */
function isJsonSchema(schema: JsonSchema): boolean {
  return schema.type === "object" || "$schema" in schema || "anyOf" in schema || "oneOf" in schema;
}

export class AjvValidator extends Validators.Base {
  private readonly legacy = new Validators.Fastest();

  override compile(schema: JsonSchema) {
    if (!isJsonSchema(schema)) return this.legacy.compile(schema);
    const check = compileSchema(schema);
    return (params: unknown) => check(params);
  }

  override validate(params: unknown, schema: JsonSchema): boolean {
    const result = compileSchema(schema)(params);
    if (result === true) return true;
    throw new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", result);
  }

  override convertSchemaToMoleculer(schema: JsonSchema): JsonSchema {
    return schema;
  }
}
