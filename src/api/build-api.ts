import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AccessTokens } from './auth/access-tokens.js';
import type { AuthContext } from './auth/auth-context.js';
import { BackupCodes } from './auth/backup-codes.js';
import { OperatorAccounts } from './auth/operator-accounts.js';
import { argon2Hasher } from './auth/password.js';
import { RefreshTokens } from './auth/refresh-tokens.js';
import { apiConfig } from './config.js';
import { installErrorHandler } from './http/errors.js';
import { installGuard } from './http/guard.js';
import { collectOpenApi } from './http/openapi.js';
import { installRateLimit } from './http/rate-limit.js';
import { installSecurity } from './http/security.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import type { ApiDeps } from './ports.js';
import { OperatorBooks } from './reads/operator-books.js';
import { PoolReads } from './reads/pool-reads.js';
import { authRoutes } from './routes/auth-routes.js';
import { operatorAccountRoutes } from './routes/operator-accounts.js';
import { operatorControlRoutes } from './routes/operator-controls.js';
import { operatorNetworkRoutes } from './routes/operator-network.js';
import { publicMinerRoutes } from './routes/public-miners.js';
import { publicNetworkRoutes } from './routes/public-networks.js';
import { serviceRoutes } from './routes/service-routes.js';
import { streamRoute } from './routes/stream.js';
import type { ApiServices } from './services.js';

/**
 * The pool's HTTP API, built and not listening: tests call `inject`, the composition root
 * calls `listen`. Everything it touches arrives in `deps`.
 */
export async function buildApi(deps: ApiDeps): Promise<FastifyInstance> {
  const config = apiConfig(deps.config, deps.secrets);
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  });
  const sql = deps.store.sql;
  const auth: AuthContext = {
    accounts: new OperatorAccounts(sql),
    refreshTokens: new RefreshTokens(sql),
    backupCodes: new BackupCodes(sql),
    hasher: argon2Hasher(deps.secrets, config.argon2),
    access: new AccessTokens(config.jwtSecret, config.accessTokenTtlMs, deps.clock),
    clock: deps.clock,
    secrets: deps.secrets,
    refreshTtlMs: config.refreshTokenTtlMs,
    mfaIssuer: config.mfaIssuer,
    audit: deps.store.audit,
  };
  const services: ApiServices = {
    deps,
    config,
    auth,
    reads: new PoolReads(sql),
    books: new OperatorBooks(sql),
    metrics: new ApiMetrics(),
  };

  const openApi = collectOpenApi(app);
  installErrorHandler(app, deps.logger);
  installRateLimit(app, deps.live, deps.clock, {
    limit: config.defaultRateLimitPerMinute,
    windowMs: 60_000,
  });
  installGuard(app, auth.access, auth.accounts);
  installSecurity(app, config.corsOrigins);
  app.addHook('onResponse', async (request, reply) => {
    services.metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  await app.register(websocket, { options: { maxPayload: 4096 } });

  publicNetworkRoutes(app, services);
  publicMinerRoutes(app, services);
  streamRoute(app, services);
  authRoutes(app, services);
  operatorNetworkRoutes(app, services);
  operatorControlRoutes(app, services);
  operatorAccountRoutes(app, services);
  serviceRoutes(app, services);
  app.get('/openapi.json', { schema: { summary: 'This document', tags: ['service'] } }, () =>
    Promise.resolve(openApi()),
  );
  return app;
}
