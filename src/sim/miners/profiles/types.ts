import type { ReconnectPolicy } from '../client/backoff.js';
import type { RequestIdPolicy } from '../client/request-ids.js';
import type { DifficultyTiming } from '../client/work-state.js';

/** A device's rate on one algorithm: the nominal figure and how much units differ. */
export interface HashrateSpec {
  /** Hashes per second of that algorithm, as the maker or a public benchmark states it. */
  readonly hashesPerSec: number;
  /** Standard deviation between units, as a fraction of the nominal rate (0.03 = 3%). */
  readonly spread: number;
}

export type DeviceKind = 'asic' | 'gpu' | 'cpu' | 'hobby';

/** A kind of mining hardware and its firmware, as data. */
export interface HardwareProfile {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  /** Keyed by algorithm id (the algorithm registry's). */
  readonly hashrate: Readonly<Record<string, HashrateSpec>>;
  readonly userAgent: string;
  /** Time to open a connection to the pool, and its spread (uniform +/-). */
  readonly connect: { readonly latencyMs: number; readonly jitterMs: number };
  readonly reconnect: ReconnectPolicy;
  readonly protocol: {
    /** BIP 310 version rolling (overt AsicBoost) as the firmware asks for it. */
    readonly versionRolling?: { readonly mask: number; readonly minBitCount: number };
    readonly extranonceSubscribe: boolean;
    /** mining.suggest_difficulty sent after authorizing, in the device's own units. */
    readonly suggestDifficulty?: number;
  };
  readonly quirks: {
    readonly difficultyTiming: DifficultyTiming;
    readonly requestIds: RequestIdPolicy;
    /**
     * The lowest difficulty the device grinds at: below it the hardware (an ASIC's ticket
     * mask) only reports harder shares, which the pool still takes, just fewer of them.
     */
    readonly minimumDifficulty?: number;
  };
  /** Where the figures come from. */
  readonly sources: readonly string[];
}
