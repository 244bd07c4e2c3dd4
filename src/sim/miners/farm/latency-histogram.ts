import * as hdr from 'hdr-histogram-js';

/** Latencies are kept in microseconds: fine enough for loopback, up to an hour. */
const MAX_MICROS = 3_600_000_000;

export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** An HDR histogram of submit-to-answer latencies, mergeable across threads. */
export class LatencyHistogram {
  readonly #h = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: MAX_MICROS,
    numberOfSignificantValueDigits: 3,
  });

  record(ms: number): void {
    const micros = Math.min(MAX_MICROS, Math.max(0, Math.round(ms * 1000)));
    this.#h.recordValue(micros);
  }

  /** Compressed, for sending between threads. */
  encode(): string {
    return hdr.encodeIntoCompressedBase64(this.#h);
  }

  addEncoded(encoded: string): void {
    this.#h.add(hdr.decodeFromCompressedBase64(encoded));
  }

  summary(): LatencySummary {
    const h = this.#h;
    const ms = (micros: number): number => micros / 1000;
    return {
      count: h.totalCount,
      p50Ms: ms(h.getValueAtPercentile(50)),
      p95Ms: ms(h.getValueAtPercentile(95)),
      p99Ms: ms(h.getValueAtPercentile(99)),
      maxMs: ms(h.maxValue),
    };
  }
}
