import type { JsonSchema } from './schema.js';

/**
 * Query strings and path parameters arrive as text; this turns the ones their schema types
 * as integer, number or boolean into those, before validation. Bodies are JSON and are not
 * coerced at all (ajv runs with coerceTypes off): an amount sent as a JSON number, which
 * JSON.parse may already have rounded, is a 400, never quietly accepted.
 */
export function coerceScalars(schema: JsonSchema, values: unknown): void {
  if (values === null || typeof values !== 'object') return;
  const props = (schema['properties'] ?? {}) as Record<string, { type?: unknown }>;
  const target = values as Record<string, unknown>;
  for (const [name, prop] of Object.entries(props)) {
    const v = target[name];
    if (typeof v !== 'string') continue;
    const type: unknown = Array.isArray(prop.type) ? (prop.type as unknown[])[0] : prop.type;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(v))
      target[name] = Number(v);
    else if (type === 'boolean' && (v === 'true' || v === 'false')) target[name] = v === 'true';
  }
}
