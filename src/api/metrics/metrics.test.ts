import { describe, expect, it } from 'vitest';
import { T0, useApiHarness } from '../testing/api-harness.js';

describe('/metrics', () => {
  const harness = useApiHarness();

  it('exposes Stratum, shares by result and reason, blocks by status, ledger and API latency', async () => {
    // Arrange
    const h = await harness();
    h.stats.setNetwork({
      network: h.network,
      poolHashrate: 2e9,
      networkHashrate: undefined,
      networkDifficulty: undefined,
      height: 10,
      minersOnline: 2,
      workersOnline: 5,
      roundEffort: undefined,
      ports: [],
      counters: {
        connectionsOpen: 5,
        connectionsAccepted: 8,
        sharesAccepted: 120,
        blocks: 2,
        sharesRejected: { stale: 3, duplicate: 1 },
      },
    });
    h.stats.ledgerStats = {
      queued: 4,
      committedShares: 116,
      committedBatches: 12,
      failedBatches: 0,
    };
    await h.store.blocks.recordFound({
      network: h.network,
      hash: 'ab'.repeat(32),
      height: 9,
      rewardSats: 1n,
      foundByAddress: 'LaddressXXXXXXXXXXXXXXXX',
      foundByWorker: 'w',
      foundMs: T0,
    });
    await h.call('GET', '/api/v1/networks');
    // Act
    const res = await h.call('GET', '/metrics');
    const again = await h.call('GET', '/metrics');
    // Assert
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = again.body;
    const n = h.network;
    expect(text).toContain(`chimera_stratum_connections{network="${n}"} 5`);
    expect(text).toContain(`chimera_shares_total{network="${n}",result="accepted",reason=""} 118`);
    expect(text).toContain(`chimera_shares_total{network="${n}",result="block",reason=""} 2`);
    expect(text).toContain(
      `chimera_shares_total{network="${n}",result="rejected",reason="stale"} 3`,
    );
    expect(text).toContain(`chimera_blocks{network="${n}",status="pending"} 1`);
    expect(text).toContain('chimera_ledger_committed_shares_total 116');
    expect(text).toMatch(
      /chimera_api_request_duration_seconds_count\{method="GET",route="\/api\/v1\/networks",status_code="200"\} 1/,
    );
  });

  it('keeps each API instance on its own registry', async () => {
    const a = await harness();
    const b = await harness();
    await a.call('GET', '/api/v1/health');
    const bText = (await b.call('GET', '/metrics')).body;
    expect(bText).not.toContain('route="/api/v1/health"');
  });
});
