import type { RequestIdPolicy } from './request-ids.js';
import type { DifficultyTiming } from './work-state.js';

/** How one miner speaks Stratum: what it sends, and the quirks of its firmware. */
export interface ClientOptions {
  readonly userAgent: string;
  /** `address.worker`, as mining.authorize sends it. */
  readonly username: string;
  readonly password: string;
  /** BIP 310 version rolling: sends mining.configure first when set. */
  readonly versionRolling: { readonly mask: number; readonly minBitCount: number } | undefined;
  /** Sends mining.extranonce.subscribe after subscribing (NiceHash's extension). */
  readonly extranonceSubscribe: boolean;
  /** Sends mining.suggest_difficulty after authorizing. */
  readonly suggestDifficulty: number | undefined;
  readonly difficultyTiming: DifficultyTiming;
  readonly requestIds: RequestIdPolicy;
  /** extranonce1 of an earlier session, asked back in mining.subscribe (cgminer does). */
  readonly resumeSession: string | undefined;
}
