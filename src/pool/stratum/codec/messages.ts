import type { ProtocolErrorCode } from './error-codes.js';

/**
 * The typed Stratum v1 messages, both directions. Absent optional fields are `undefined`
 * (whether the miner left them out or sent `null`), so a request can be handed on to code
 * that takes optional properties.
 */

/** JSON-RPC 1.0 ids as miners send them; some reuse one id for every request. */
export type RequestId = number | string | null;

export interface SubscribeFields {
  readonly userAgent: string | undefined;
  /** extranonce1 of an earlier session the miner asks to resume. */
  readonly sessionId: string | undefined;
  readonly host: string | undefined;
  readonly port: number | undefined;
}

export interface SubmitFields {
  readonly workerName: string;
  readonly jobId: string;
  /** Raw text: case, hex and length are for the share checks to judge. */
  readonly extranonce2: string;
  readonly ntime: string;
  readonly nonce: string;
  /** BIP 310 version bits (6th param), raw text. */
  readonly versionBits: string | undefined;
}

/** One BIP 310 extension as requested: its parameters, or why they could not be read. */
export type ExtensionRequest<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface VersionRollingParams {
  /** Bits the miner can roll; BIP 310's default is 0xffffffff when it sends none. */
  readonly mask: number;
  readonly minBitCount: number | undefined;
}

export interface SubscribeRequest extends SubscribeFields {
  readonly method: 'mining.subscribe';
  readonly id: RequestId;
}

export interface AuthorizeRequest {
  readonly method: 'mining.authorize';
  readonly id: RequestId;
  /** As sent: `address.worker` or `address`. */
  readonly username: string;
  /** The part before the first `.` (addresses have no dots). */
  readonly address: string;
  /** The part after the first `.`; undefined when there is none or it is empty. */
  readonly worker: string | undefined;
  readonly password: string | undefined;
}

export interface SubmitRequest extends SubmitFields {
  readonly method: 'mining.submit';
  readonly id: RequestId;
}

export interface ConfigureRequest {
  readonly method: 'mining.configure';
  readonly id: RequestId;
  /** Every extension code the miner listed, in order, including ones we do not know. */
  readonly extensions: readonly string[];
  /** Present when listed. A bad parameter is per extension, as BIP 310 answers it. */
  readonly versionRolling: ExtensionRequest<VersionRollingParams> | undefined;
  readonly minimumDifficulty: ExtensionRequest<number> | undefined;
  readonly subscribeExtranonce: boolean;
  /** `info.*` strings keyed without the prefix (`hw-version`, ...), when `info` is listed. */
  readonly info: ExtensionRequest<Readonly<Record<string, string>>> | undefined;
}

export interface SuggestDifficultyRequest {
  readonly method: 'mining.suggest_difficulty';
  readonly id: RequestId;
  readonly difficulty: number;
}

export interface SuggestTargetRequest {
  readonly method: 'mining.suggest_target';
  readonly id: RequestId;
  readonly target: bigint;
}

export interface ExtranonceSubscribeRequest {
  readonly method: 'mining.extranonce.subscribe';
  readonly id: RequestId;
}

export interface GetTransactionsRequest {
  readonly method: 'mining.get_transactions';
  readonly id: RequestId;
  readonly jobId: string;
}

export interface MultiVersionRequest {
  readonly method: 'mining.multi_version';
  readonly id: RequestId;
  readonly version: number;
}

export type StratumRequest =
  | SubscribeRequest
  | AuthorizeRequest
  | SubmitRequest
  | ConfigureRequest
  | SuggestDifficultyRequest
  | SuggestTargetRequest
  | ExtranonceSubscribeRequest
  | GetTransactionsRequest
  | MultiVersionRequest;

export type StratumMethod = StratumRequest['method'];

export type ParseErrorReason =
  'invalid-json' | 'invalid-request' | 'unknown-method' | 'invalid-params';

/** Why a line was refused, with what the server needs to answer it instead of hanging up. */
export interface ParseError {
  readonly reason: ParseErrorReason;
  readonly code: ProtocolErrorCode;
  readonly message: string;
  /** The request id when one could be read, else null (JSON-RPC answers those with null). */
  readonly id: RequestId;
  /** The method when it could be read (cut to the method length limit). */
  readonly method: string | undefined;
}

export type ParseResult =
  | { readonly ok: true; readonly request: StratumRequest }
  | { readonly ok: false; readonly error: ParseError };

/** The 9 params of `mining.notify`, as hex text in the order they are sent. */
export interface NotifyFields {
  readonly jobId: string;
  readonly prevHash: string;
  readonly coinb1: string;
  readonly coinb2: string;
  readonly merkleBranch: readonly string[];
  readonly version: string;
  readonly nbits: string;
  readonly ntime: string;
  readonly cleanJobs: boolean;
}

export interface RpcError {
  readonly code: number;
  readonly message: string;
}

export type ServerMessage =
  | {
      readonly kind: 'response';
      readonly id: RequestId;
      /** Any JSON value: read subscribe and configure results with client-results.ts. */
      readonly result: unknown;
      readonly error: RpcError | undefined;
    }
  | { readonly kind: 'set-difficulty'; readonly difficulty: number }
  | ({ readonly kind: 'notify' } & NotifyFields)
  | {
      readonly kind: 'set-extranonce';
      readonly extranonce1: string;
      readonly extranonce2Size: number;
    }
  | { readonly kind: 'set-version-mask'; readonly mask: number }
  | {
      readonly kind: 'reconnect';
      readonly host: string | undefined;
      readonly port: number | undefined;
      readonly waitSeconds: number | undefined;
    }
  | { readonly kind: 'show-message'; readonly text: string }
  /** Anything else with a method; a non-null id means the server expects an answer. */
  | {
      readonly kind: 'unknown-notification';
      readonly id: RequestId;
      readonly method: string;
      readonly params: readonly unknown[];
    };

export type ServerParseResult =
  | { readonly ok: true; readonly message: ServerMessage }
  | { readonly ok: false; readonly error: ParseError };
