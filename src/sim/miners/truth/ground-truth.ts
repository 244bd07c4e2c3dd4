import type { ConnectFailure, LineRecord, SessionRecord, ShareRecord } from './records.js';

/** Everything one miner did and was told: what a scenario checks the pool's books against. */
export interface GroundTruth {
  readonly minerId: string;
  readonly profile: string;
  readonly behaviour: string;
  /** Nominal hashrate of this unit (after spread and the farm's scale), H/s. */
  readonly hashrate: number;
  readonly shares: readonly ShareRecord[];
  readonly lines: readonly LineRecord[];
  readonly sessions: readonly SessionRecord[];
  readonly connectFailures: readonly ConnectFailure[];
}

/** A session record still being written: fields change until the connection closes. */
export type OpenSession = {
  -readonly [K in keyof SessionRecord]: K extends 'difficulties'
    ? { readonly atMs: number; readonly difficulty: number }[]
    : SessionRecord[K];
};

/** The growing record of one miner; sessions stay open for changes until they close. */
export class TruthLog {
  readonly shares: ShareRecord[] = [];
  readonly lines: LineRecord[] = [];
  readonly sessions: OpenSession[] = [];
  readonly connectFailures: ConnectFailure[] = [];
  #seq = 0;

  constructor(
    readonly minerId: string,
    readonly profile: string,
    readonly behaviour: string,
    readonly hashrate: number,
    /** False keeps sessions only: long wall runs that want metrics, not every share. */
    private readonly keep: boolean,
  ) {}

  addShare(record: ShareRecord): void {
    if (this.keep) this.shares.push(record);
  }

  addLine(record: LineRecord): void {
    if (this.keep) this.lines.push(record);
  }

  nextSeq(): number {
    return ++this.#seq;
  }

  openSession(connectedAtMs: number): OpenSession {
    const record: OpenSession = {
      minerId: this.minerId,
      session: this.sessions.length + 1,
      connectedAtMs,
      extranonce1: undefined,
      handshake: 'skipped',
      firstJobAtMs: undefined,
      difficulties: [],
      closedAtMs: undefined,
      closedBy: undefined,
    };
    this.sessions.push(record);
    return record;
  }

  snapshot(): GroundTruth {
    return {
      minerId: this.minerId,
      profile: this.profile,
      behaviour: this.behaviour,
      hashrate: this.hashrate,
      shares: [...this.shares].sort((a, b) => a.seq - b.seq),
      lines: [...this.lines].sort((a, b) => a.seq - b.seq),
      sessions: this.sessions.map((s) => ({ ...s, difficulties: [...s.difficulties] })),
      connectFailures: [...this.connectFailures],
    };
  }
}
