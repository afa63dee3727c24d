import { PARAM_TYPES, type FunctionSignature, type ParamType } from "../../api/types";
import { SelectField, TextField } from "../../components/Field";

export function SignatureEditor({ signature, onChange, errors }: { signature: FunctionSignature; onChange: (s: FunctionSignature) => void; errors: Record<string, string> }) {
  const setParam = (index: number, changes: Partial<FunctionSignature["params"][number]>) =>
    onChange({ ...signature, params: signature.params.map((p, i) => (i === index ? { ...p, ...changes } : p)) });
  return (
    <div className="signature-editor stack">
      <p className="signature-preview mono" aria-live="polite">
        {signature.name || "solve"}({signature.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) → {signature.returns}
      </p>
      <div className="grid-2">
        <TextField label="Function name" name="signature.name" value={signature.name} onChange={(e) => onChange({ ...signature, name: e.target.value })} error={errors["signature.name"]} spellCheck={false} />
        <SelectField label="Returns" name="signature.returns" value={signature.returns} onChange={(e) => onChange({ ...signature, returns: e.target.value as ParamType })} error={errors["signature.returns"]}>
          {PARAM_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </SelectField>
      </div>
      <fieldset className="field">
        <legend className="field-label">Parameters</legend>
        <ol className="param-list">
          {signature.params.map((param, i) => (
            <li key={i} className="param-row">
              <TextField label={`Parameter ${i + 1} name`} value={param.name} onChange={(e) => setParam(i, { name: e.target.value })} error={errors[`signature.params.${i}.name`]} spellCheck={false} />
              <SelectField label={`Parameter ${i + 1} type`} value={param.type} onChange={(e) => setParam(i, { type: e.target.value as ParamType })} error={errors[`signature.params.${i}.type`]}>
                {PARAM_TYPES.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </SelectField>
              <button
                type="button"
                className="btn btn-ghost btn-xs param-remove"
                onClick={() => onChange({ ...signature, params: signature.params.filter((_, j) => j !== i) })}
                aria-label={`Remove parameter ${i + 1}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        {errors["signature.params"] && <p className="field-error">{errors["signature.params"]}</p>}
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange({ ...signature, params: [...signature.params, { name: `arg${signature.params.length + 1}`, type: "int" }] })}>
          + Add a parameter
        </button>
      </fieldset>
    </div>
  );
}
