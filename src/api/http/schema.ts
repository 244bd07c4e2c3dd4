import { z } from 'zod';

/** A JSON Schema object as fastify and OpenAPI take it. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * A zod schema as draft-07 JSON Schema for fastify's validator (ajv), its serializer and the
 * OpenAPI document. Request objects refuse properties they do not name: a typo is a 400,
 * not an ignored field.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const out = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'throw' });
  const rest: Record<string, unknown> = { ...out };
  delete rest['$schema'];
  return closeObjects(rest) as JsonSchema;
}

function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).map(([k, v]) => [k, closeObjects(v)] as const);
  const obj = Object.fromEntries(entries) as Record<string, unknown>;
  if (obj['type'] === 'object' && obj['properties'] !== undefined) {
    obj['additionalProperties'] ??= false;
  }
  return obj;
}

/** Amounts in the coin's smallest unit, as exact decimal text. */
export const amount = z.string().regex(/^\d+$/).describe('smallest coin unit, decimal text');
export const networkId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/)
  .describe('network id');
export const address = z
  .string()
  .regex(/^[A-Za-z0-9]{20,100}$/)
  .describe('payout address');
export const limit = (max: number, dflt: number) => z.int().min(1).max(max).default(dflt);

export const errorBody = z.object({
  statusCode: z.int(),
  error: z.string(),
  code: z.string().optional(),
  message: z.string(),
});
