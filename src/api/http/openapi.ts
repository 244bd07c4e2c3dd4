import type { FastifyInstance, RouteOptions } from 'fastify';

interface Collected {
  readonly method: string;
  readonly url: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

/**
 * Builds the OpenAPI 3.1 document from the routes' own schemas (the same JSON Schema that
 * validates requests), so the docs cannot drift from what the API checks.
 */
export function collectOpenApi(app: FastifyInstance): () => Readonly<Record<string, unknown>> {
  const routes: Collected[] = [];
  app.addHook('onRoute', (opts: RouteOptions) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS' || opts.schema === undefined) continue;
      routes.push({
        method: method.toLowerCase(),
        url: opts.url,
        schema: opts.schema as Record<string, unknown>,
      });
    }
  });
  let doc: Readonly<Record<string, unknown>> | undefined;
  return () => (doc ??= document(routes));
}

function document(routes: readonly Collected[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][r.method] = operation(r);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chimera Pool API',
      version: '1',
      description:
        'Miners: public, read-only. Operators: Bearer access tokens from /api/v1/auth/login. ' +
        'Amounts are in the smallest coin unit, as decimal strings.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}

function operation(r: Collected): Record<string, unknown> {
  const s = r.schema;
  const parameters = [...fields(s['params'], 'path'), ...fields(s['querystring'], 'query')];
  const responses: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries((s['response'] as Record<string, unknown>) ?? {})) {
    responses[status.toUpperCase()] = {
      description: status.startsWith('4') ? 'refused: what was wrong' : 'success',
      content: { 'application/json': { schema } },
    };
  }
  if (Object.keys(responses).length === 0) responses['200'] = { description: 'success' };
  return {
    summary: s['summary'],
    tags: s['tags'],
    ...(s['security'] === undefined ? {} : { security: s['security'] }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(s['body'] === undefined
      ? {}
      : {
          requestBody: { required: true, content: { 'application/json': { schema: s['body'] } } },
        }),
    responses,
  };
}

function fields(schema: unknown, where: 'path' | 'query'): Record<string, unknown>[] {
  if (schema === null || typeof schema !== 'object') return [];
  const props = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  const required = new Set((schema as { required?: string[] }).required ?? []);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema: s,
  }));
}
