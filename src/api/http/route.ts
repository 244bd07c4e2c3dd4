import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { OperatorAccount } from '../auth/operator-accounts.js';
import type { Role } from '../auth/roles.js';
import type { RequestOrigin } from '../auth/auth-context.js';
import { Refusal, STATUS_TEXT } from './refusal.js';
import { coerceScalars } from './coerce.js';
import { errorBody, jsonSchema, type JsonSchema } from './schema.js';

export interface RateLimitRule {
  readonly limit: number;
  readonly windowMs: number;
}

declare module 'fastify' {
  /** What the OpenAPI document shows of a route (fastify itself ignores these). */
  interface FastifySchema {
    summary?: string;
    tags?: readonly string[];
    security?: readonly Record<string, readonly string[]>[];
    produces?: readonly string[];
  }
  interface FastifyContextConfig {
    /** Operator routes: the least role allowed; absent on public routes. */
    role?: Role;
    /** This route's own limit per client, instead of the API's default. */
    rateLimit?: RateLimitRule;
  }
  interface FastifyRequest {
    /** Set by the auth guard on operator routes. */
    operator: OperatorAccount | null;
  }
}

type Schema = z.ZodType;
type Out<S extends Schema | undefined> = S extends Schema ? z.output<S> : undefined;

export interface RouteSpec<
  Q extends Schema | undefined,
  P extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly role?: Role;
  readonly rateLimit?: RateLimitRule;
  readonly querystring?: Q;
  readonly params?: P;
  readonly body?: B;
  /** The success body. */
  readonly response: R;
  /** The success status, 200 unless said. */
  readonly status?: number;
}

export interface RouteInput<
  Q extends Schema | undefined,
  P extends Schema | undefined,
  B extends Schema | undefined,
> {
  readonly query: Out<Q>;
  readonly params: Out<P>;
  readonly body: Out<B>;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly from: RequestOrigin;
}

/**
 * One route: request and response schemas (zod, served to fastify as JSON Schema, so ajv
 * validates and fast-json-stringify serializes), its role and rate limit in its config,
 * and a handler that returns the body or a Refusal.
 */
export function route<
  Q extends Schema | undefined,
  P extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
>(
  app: FastifyInstance,
  spec: RouteSpec<Q, P, B, R>,
  handler: (input: RouteInput<Q, P, B>) => Promise<z.input<R> | Refusal>,
): void {
  const status = spec.status ?? 200;
  const schema: Record<string, unknown> = {
    summary: spec.summary,
    tags: spec.tags,
    response: {
      [status]: jsonSchema(spec.response, 'output'),
      '4xx': jsonSchema(errorBody, 'output'),
    },
    ...(spec.role === undefined ? {} : { security: [{ bearer: [] }] }),
  };
  const parts: [string, Schema | undefined][] = [
    ['querystring', spec.querystring],
    ['params', spec.params],
    ['body', spec.body],
  ];
  for (const [part, s] of parts) if (s !== undefined) schema[part] = jsonSchema(s);
  const query = schema['querystring'] as JsonSchema | undefined;
  const params = schema['params'] as JsonSchema | undefined;
  app.route({
    method: spec.method,
    url: spec.url,
    schema,
    preValidation: (request, _reply, done) => {
      if (query !== undefined) coerceScalars(query, request.query);
      if (params !== undefined) coerceScalars(params, request.params);
      done();
    },
    config: {
      ...(spec.role === undefined ? {} : { role: spec.role }),
      ...(spec.rateLimit === undefined ? {} : { rateLimit: spec.rateLimit }),
    },
    handler: async (request, reply) => {
      const out = await handler({
        query: request.query as Out<Q>,
        params: request.params as Out<P>,
        body: request.body as Out<B>,
        request,
        reply,
        from: originOf(request),
      });
      if (out instanceof Refusal) return sendRefusal(reply, out);
      return reply.code(status).send(out);
    },
  });
}

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply
    .code(refusal.statusCode)
    .headers(refusal.headers)
    .send({
      statusCode: refusal.statusCode,
      error: STATUS_TEXT[refusal.statusCode] ?? 'Error',
      code: refusal.code,
      message: refusal.message,
    });
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof agent === 'string' ? agent.slice(0, 200) : undefined };
}

export type { JsonSchema };
