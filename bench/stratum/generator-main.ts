/**
 * A load-generator process of the capacity run: virtual miners on real TCP connections to
 * the pool process, driven by run.ts over IPC. argv: <generator index>
 */
import { serveCommands, sendToParent } from './child-ipc.js';
import { connectMany } from './connect-phase.js';
import { fdLimit } from './fd-limit.js';
import { runFlood } from './flood-phase.js';
import type { MinerConnection } from './miner-connection.js';
import { runPaced } from './paced-phase.js';
import type { GeneratorCommand, GeneratorReply } from './protocol.js';

const generator = Number(process.argv[2] ?? 0);
const miners: MinerConnection[] = [];
let named = 0;

function closeAll(): void {
  for (const m of miners) m.close();
  miners.length = 0;
}

async function handle(command: GeneratorCommand): Promise<GeneratorReply> {
  switch (command.kind) {
    case 'connect':
      return connectMany(miners, command, () => `bench${generator}.rig${named++}`);
    case 'drop':
      for (const m of miners.splice(command.keep)) m.close();
      return { kind: 'dropped', open: miners.length };
    case 'paced':
      return runPaced(miners, command);
    case 'flood':
      return runFlood(miners, command);
    case 'close':
      closeAll();
      return Promise.resolve({ kind: 'closed' });
  }
}

serveCommands<GeneratorCommand>(handle, closeAll);
sendToParent({ kind: 'ready', fdLimit: fdLimit() } satisfies GeneratorReply);
