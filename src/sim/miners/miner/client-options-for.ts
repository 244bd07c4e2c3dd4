import type { ClientOptions } from '../client/client-options.js';
import type { MinerSpec } from './miner-spec.js';

/** How a unit speaks Stratum: its profile's handshake and quirks, its login, its scale. */
export function clientOptionsFor(spec: MinerSpec): ClientOptions {
  const { profile, difficultyScale } = spec;
  const suggest = profile.protocol.suggestDifficulty;
  return {
    userAgent: profile.userAgent,
    username: spec.username,
    password: spec.password,
    versionRolling: profile.protocol.versionRolling,
    extranonceSubscribe: profile.protocol.extranonceSubscribe,
    suggestDifficulty: suggest === undefined ? undefined : suggest * difficultyScale,
    difficultyTiming: profile.quirks.difficultyTiming,
    requestIds: profile.quirks.requestIds,
    resumeSession: undefined,
  };
}
