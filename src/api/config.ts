import { apiError } from './api-errors.js';
import { ARGON2_DEFAULT } from './auth/password.js';
import type { ApiConfig, SecretSource } from './ports.js';

const MINUTE_MS = 60_000;

/**
 * The API's settings with their defaults. Without a JWT secret one is drawn at start: tokens
 * then die with the process and are not shared with other API processes.
 */
export function apiConfig(
  partial: Partial<ApiConfig> | undefined,
  secrets: SecretSource,
): ApiConfig {
  const config: ApiConfig = Object.freeze({
    jwtSecret: partial?.jwtSecret ?? secrets.randomBytes(32),
    accessTokenTtlMs: partial?.accessTokenTtlMs ?? 10 * MINUTE_MS,
    refreshTokenTtlMs: partial?.refreshTokenTtlMs ?? 7 * 24 * 60 * MINUTE_MS,
    corsOrigins: partial?.corsOrigins ?? [],
    bodyLimitBytes: partial?.bodyLimitBytes ?? 16 * 1024,
    defaultRateLimitPerMinute: partial?.defaultRateLimitPerMinute ?? 600,
    loginRateLimitPerMinute: partial?.loginRateLimitPerMinute ?? 10,
    mfaIssuer: partial?.mfaIssuer ?? 'Chimera Pool',
    argon2: partial?.argon2 ?? ARGON2_DEFAULT,
    trustProxy: partial?.trustProxy ?? false,
    statsCacheMs: partial?.statsCacheMs ?? 1000,
  });
  if (config.jwtSecret.length < 32) {
    throw apiError(
      'API_CONFIG',
      `the JWT secret has ${config.jwtSecret.length} bytes; it needs 32`,
    );
  }
  if (config.accessTokenTtlMs < 1000 || config.refreshTokenTtlMs < config.accessTokenTtlMs) {
    throw apiError('API_CONFIG', 'token lifetimes: access >= 1 s and refresh >= access');
  }
  return config;
}
