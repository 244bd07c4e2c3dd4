import type { AuthorizeRequest, RequestId } from './codec/messages.js';
import type { AcceptedShare, BlockCandidate, RejectedShare } from './ports.js';

/** Why a connection ended; each is a counter. */
export const CLOSE_REASONS = [
  'peer-closed',
  'socket-error',
  'handshake-timeout',
  'idle-timeout',
  'oversize-line',
  'invalid-shares',
  'protocol-abuse',
  'failed-logins',
  'slow-reader',
  'output-backlog',
  'no-extranonce',
  'reconnect',
  'shutdown',
  'operator-ban',
] as const;

export type CloseReason = (typeof CLOSE_REASONS)[number];

/**
 * What a session asks its driver to do, in order. `send`, `record`, `check-login` and
 * `close` keep their order on the wire: nothing after a `record` or a `check-login` is
 * written before it settles. `block` and `rejected` do not touch the wire and run at once.
 */
export type SessionAction =
  | { readonly kind: 'send'; readonly line: string }
  /** Hand the share to ShareSink.record; once it settles, answer `id` with true. */
  | { readonly kind: 'record'; readonly id: RequestId; readonly share: AcceptedShare }
  /** Ask the LoginValidator, then feed the answer to session.loginChecked. */
  | { readonly kind: 'check-login'; readonly request: AuthorizeRequest }
  | { readonly kind: 'block'; readonly candidate: BlockCandidate }
  | { readonly kind: 'rejected'; readonly share: RejectedShare }
  /** End the connection after what is before it was written; ban the peer when banMs is set. */
  | { readonly kind: 'close'; readonly reason: CloseReason; readonly banMs: number | undefined };

export const NO_ACTIONS: readonly SessionAction[] = Object.freeze([]);

export function send(line: string): SessionAction {
  return { kind: 'send', line };
}
