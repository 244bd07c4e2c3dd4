import {
  DEFAULT_DATABASE_URL_TEST,
  DEFAULT_REDIS_URL_TEST,
} from '../../../../test/support/services.js';

// Service-backed tests may read where their services are; library code never does, hence the
// one exemption, here.

/** DATABASE_URL_TEST, else the local test database. */
export function testDatabaseUrl(): string {
  // eslint-disable-next-line no-restricted-properties -- tests read their service URLs.
  return process.env['DATABASE_URL_TEST'] ?? DEFAULT_DATABASE_URL_TEST;
}

/** REDIS_URL_TEST, else database 15 of the local Redis. */
export function testRedisUrl(): string {
  // eslint-disable-next-line no-restricted-properties -- tests read their service URLs.
  return process.env['REDIS_URL_TEST'] ?? DEFAULT_REDIS_URL_TEST;
}
