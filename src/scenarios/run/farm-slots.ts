import type { PowAlgorithm } from '../../pool/core/algorithms/index.js';
import type { CoinParams } from '../../pool/core/coins/index.js';
import { monotonicMs, type VirtualTime } from '../../runtime/index.js';
import {
  Farm,
  farmSpec,
  memoryConnector,
  type AttachPoolEnd,
  type GrindLimits,
  type GroundTruth,
} from '../../sim/miners/index.js';
import type { FarmSpec } from '../scenario.js';
import { labelAddress } from './addresses.js';
import { minerBehaviour, minerProfile } from './catalogue-map.js';

export interface SlotDeps {
  readonly vt: VirtualTime;
  readonly coin: CoinParams;
  readonly pow: PowAlgorithm;
  /** The shrink of a miner with this scenario profile: 10^-digits (scale-plan.ts). */
  readonly shrinkDigits: (profile: string) => number;
  readonly seed: number;
  /** Position of the farm in the scenario: part of its miners' network addresses. */
  readonly farmIndex: number;
  readonly attach: AttachPoolEnd;
}

/** One place in a farm; each time it comes online it is a fresh miners-module Farm of one. */
interface Slot {
  readonly index: number;
  /** The scenario's profile id. */
  readonly profile: string;
  readonly address: string;
  readonly generations: Farm[];
  online: boolean;
}

/**
 * A scenario farm's miners, each of which can join and leave on the timeline. A miner that
 * leaves is stopped; one that comes back is built afresh (a new generation, a new seed), as a
 * rig that is switched off and on again. Every miner is a miners-module Farm of one, so each
 * can have its own payout address.
 */
export class FarmSlots {
  readonly #slots: Slot[];
  readonly #stopping: Promise<void>[] = [];
  readonly #digits = new Map<Farm, number>();

  constructor(
    readonly spec: FarmSpec,
    private readonly deps: SlotDeps,
  ) {
    const profiles = profileOfEach(spec);
    this.#slots = profiles.map((profile, index) => ({
      index,
      profile,
      address: addressOf(spec, index, deps.coin),
      generations: [],
      online: false,
    }));
  }

  get online(): number {
    return this.#slots.filter((s) => s.online).length;
  }

  /** Brings `count` offline miners (default all) online, lowest first; returns how many. */
  join(count?: number): number {
    const offline = this.#slots.filter((s) => !s.online).slice(0, count ?? this.#slots.length);
    for (const slot of offline) this.#start(slot);
    return offline.length;
  }

  /** Takes `count` online miners (default all) offline, newest place first; returns how many. */
  leave(count?: number): number {
    const online = this.#slots
      .filter((s) => s.online)
      .reverse()
      .slice(0, count ?? this.#slots.length);
    for (const slot of online) {
      slot.online = false;
      const farm = slot.generations.at(-1);
      if (farm !== undefined) this.#stopping.push(farm.stop());
    }
    return online.length;
  }

  /** Stops every miner; resolves once their connections are closed. */
  async stop(): Promise<void> {
    this.leave();
    await Promise.all(this.#stopping);
  }

  /** Every generation of every miner, in slot order. */
  farms(): Farm[] {
    return this.#slots.flatMap((s) => s.generations);
  }

  truths(): GroundTruth[] {
    return this.farms().flatMap((f) => f.truths());
  }

  /** The shrink of this generation of a miner: its hashes stand for 10^digits of its hardware's. */
  shrinkDigitsOf(farm: Farm): number {
    return this.#digits.get(farm) ?? 0;
  }

  /** Nominal (unshrunk) hashrate of the miners online now, H/s. */
  nominalOnline(): number {
    let sum = 0;
    for (const slot of this.#slots) {
      const farm = slot.generations.at(-1);
      if (slot.online && farm !== undefined) {
        for (const m of farm.miners) sum += m.spec.hashrate * 10 ** this.shrinkDigitsOf(farm);
      }
    }
    return sum;
  }

  /** Accepted work so far, each miner's unshrunk by its own digits: hashes of the hardware. */
  acceptedHardwareWork(): number {
    return this.farms().reduce(
      (sum, f) => sum + f.counters.acceptedWork * 10 ** this.shrinkDigitsOf(f),
      0,
    );
  }

  #start(slot: Slot): void {
    const { deps, spec } = this;
    const generation = slot.generations.length;
    const behaviour = minerBehaviour(spec.behaviour)?.id ?? spec.behaviour;
    const digits = deps.shrinkDigits(slot.profile);
    const id = minerId(spec.workerPrefix, slot.index, this.#slots.length);
    const remote = `10.${deps.farmIndex % 256}.${Math.floor(slot.index / 250) % 256}.${(slot.index % 250) + 1}`;
    const farm = new Farm(
      farmSpec({
        id,
        seed: `${deps.seed}/farm/${spec.id}/${slot.index}/${generation}`,
        algorithm: deps.coin.algorithm,
        address: slot.address,
        groups: [{ profile: minerProfile(slot.profile)?.id ?? slot.profile, count: 1, behaviour }],
        hashrateScale: 1 / 10 ** digits,
      }),
      {
        scheduler: deps.vt,
        pow: deps.pow,
        connector: () => memoryConnector(deps.attach, remote),
        fidelity: 'protocol',
        latencyClock: () => deps.vt.nowMs(),
        cpuClock: monotonicMs,
        limits: grindLimits(deps.coin.algorithm),
      },
    );
    slot.generations.push(farm);
    this.#digits.set(farm, digits);
    slot.online = true;
    farm.start();
  }
}

/**
 * How much real grinding a share may cost before it is given up (the farm then reports itself
 * saturated), and how much is ground between two looks at the event loop. A shrunk world
 * needs a few dozen hashes a share; scrypt costs some 300 sha256d hashes each.
 */
function grindLimits(algorithm: string): GrindLimits {
  return algorithm === 'scrypt'
    ? { hashesPerSlice: 500, maxHashesPerShare: 100_000 }
    : { hashesPerSlice: 20_000, maxHashesPerShare: 4_000_000 };
}

/** Each miner's profile (scenario id): a mix is shared out by largest remainder. */
function profileOfEach(spec: FarmSpec): string[] {
  const wanted = spec.profiles.map((p, i) => ({
    profile: p.profile,
    exact: spec.count * p.shareBps,
    i,
  }));
  const counts = wanted.map((w) => Math.floor(w.exact / 10_000));
  let left = spec.count - counts.reduce((a, b) => a + b, 0);
  const byRemainder = [...wanted].sort(
    (a, b) => (b.exact % 10_000) - (a.exact % 10_000) || a.i - b.i,
  );
  for (const w of byRemainder) {
    if (left === 0) break;
    counts[w.i] = (counts[w.i] ?? 0) + 1;
    left--;
  }
  return wanted.flatMap((w) => Array.from({ length: counts[w.i] ?? 0 }, () => w.profile));
}

function addressOf(spec: FarmSpec, index: number, coin: CoinParams): string {
  switch (spec.addressMode) {
    case 'per-farm':
      return labelAddress(coin, `farm/${spec.id}`);
    case 'per-miner':
      return labelAddress(coin, `farm/${spec.id}/${index}`);
    case 'invalid':
      return `not-an-address-${spec.id}`;
  }
}

/** `<prefix>-<n>` within the 32 characters a miners-module id allows. */
function minerId(prefix: string, index: number, count: number): string {
  const number = String(index + 1).padStart(String(count).length, '0');
  return `${prefix.slice(0, 31 - number.length)}-${number}`;
}
