import * as hdr from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, from 1 µs to 60 s at 3 significant digits. */
export function latencyHistogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 60_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

export function recordMs(histogram: hdr.Histogram, ms: number): void {
  histogram.recordValue(Math.max(1, Math.min(60_000_000, Math.round(ms * 1000))));
}

/** Histograms from several generators, added into one. */
export function mergeEncoded(encoded: readonly string[]): hdr.Histogram {
  const total = latencyHistogram();
  for (const text of encoded) total.add(hdr.decodeFromCompressedBase64(text));
  return total;
}

export function percentileMs(histogram: hdr.Histogram, percentile: number): number {
  return histogram.getValueAtPercentile(percentile) / 1000;
}

export { encodeIntoCompressedBase64 as encodeHistogram } from 'hdr-histogram-js';
