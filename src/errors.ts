/**
 * Errors that are bugs or unusable configuration carry a stable code, so logs, the CLI and
 * the API can name them. Expected outcomes (a rejected share, a daemon's verdict) are values,
 * never these.
 */
export class ChimeraError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ChimeraError';
  }
}
