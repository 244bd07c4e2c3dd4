import { createRng } from '../../../runtime/index.js';
import { findBehaviour } from '../behaviours/catalogue.js';
import type { MinerSpec } from '../miner/miner-spec.js';
import { findProfile } from '../profiles/catalogue.js';
import type { FarmSpec } from './farm-spec.js';

/** No unit is slower than this fraction of its model's nominal rate, however the draw falls. */
const SLOWEST_UNIT = 0.5;

/**
 * Every miner of a farm, in a fixed order, each with its own hashrate drawn from its
 * profile's spread. The draws depend only on the seed and the miner id, so splitting a farm
 * over threads (taking every n-th miner) gives each miner the same figures.
 */
export function minerSpecs(spec: FarmSpec): MinerSpec[] {
  const root = createRng(spec.seed).fork(`farm/${spec.id}`);
  const out: MinerSpec[] = [];
  spec.groups.forEach((group, g) => {
    const profile = findProfile(group.profile)!;
    const behaviour = findBehaviour(group.behaviour)!;
    const rate = profile.hashrate[spec.algorithm]!;
    const scale = group.hashrateScale ?? spec.hashrateScale;
    const width = String(group.count - 1).length;
    for (let i = 0; i < group.count; i++) {
      const id = `${spec.id}-${g}-${String(i).padStart(width, '0')}`;
      const drawn = root.fork(`hashrate/${id}`).normal(1, rate.spread);
      out.push({
        id,
        profile,
        hashrate: rate.hashesPerSec * Math.max(SLOWEST_UNIT, drawn) * scale,
        difficultyScale: scale,
        username: `${spec.address}.${id}`,
        password: spec.password,
        behaviour,
      });
    }
  });
  return out;
}
