import type { Behaviour } from './types.js';

/** A bit outside the negotiated mask: bit 30 (never in BIP 320's), else the lowest free one. */
export function bitOutside(mask: number): number {
  if ((mask & 0x40000000) === 0) return 0x40000000;
  for (let i = 0; i < 32; i++) if (((mask >>> i) & 1) === 0) return (1 << i) >>> 0;
  return 0;
}

/** Rolls a version bit the pool never allowed (and hashes the header with it). */
export const versionOutsideMask: Behaviour = {
  id: 'version-outside-mask',
  class: 'malicious',
  description: 'submits real solutions whose rolled version bits fall outside the mask',
  expected: { kind: 'reject', intent: 'version-outside-mask', code: 20 },
  create: () => ({
    found(ctx, honestShare) {
      const bits = bitOutside(ctx.client?.state.versionMask ?? 0);
      if (bits === 0) return;
      const share = ctx.solve({ job: honestShare.solution.job, versionBits: bits });
      if (share !== undefined) void ctx.submit(share, 'version-outside-mask');
    },
  }),
};
