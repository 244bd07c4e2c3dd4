import { parentPort, workerData } from 'node:worker_threads';
import { farmSpec } from './farm-spec.js';
import { startWallFarm } from './wall-farm.js';
import type { FarmWorkerData, FromWorker, ToWorker } from './worker-messages.js';

/** One thread's share of a wire farm: started by WorkerFarm, answers its messages. */
const port = parentPort;
if (port === null) throw new Error('farm-worker.ts runs as a worker thread');
const data = workerData as FarmWorkerData;
const post = (message: FromWorker): void => port.postMessage(message);

try {
  const running = await startWallFarm(farmSpec(data.spec), data.options);
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'snapshot') {
      post({ kind: 'snapshot', snapshot: running.farm.snapshot() });
      return;
    }
    if (message.kind === 'cut-off') {
      running.farm.cutOff(message.atMs);
      return;
    }
    // The farm counts connections as they were at stop; shares once their answers are in.
    void running.stop(message.drainMs).then(() => {
      post({ kind: 'stopped', snapshot: running.farm.snapshot(), truths: running.farm.truths() });
      port.close();
    });
  });
  post({ kind: 'started' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
