/** What a JSONB column holds: no bigint (JSON has none), no undefined. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** JSONB parameters go as text cast with ::jsonb: `pg` would turn a JS array into a SQL array. */
export function jsonParam(value: JsonValue): string {
  return JSON.stringify(value);
}
