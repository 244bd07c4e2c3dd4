import type { Logger } from 'pino';

/**
 * Paths pino censors in every session line. Nothing here logs a password on purpose; the
 * redaction is there so that a later `logger.info({ request })` cannot leak one either.
 */
export const REDACTED_PATHS = [
  'password',
  'request.password',
  'params[1]',
  'request.params[1]',
  '*.password',
];

/** The one child every session logger descends from: compiled once, not per connection. */
export function sessionLogger(root: Logger): Logger {
  return root.child(
    { component: 'stratum' },
    { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
  );
}
