import { kindOf } from './protocol.js';

/** The child's end of the IPC channel: commands in, one reply each, out. */

export function sendToParent(message: object): void {
  if (process.send === undefined) throw new Error('no IPC channel: start this through run.ts');
  process.send(message);
}

/**
 * Runs `handle` for each command, one at a time, and sends what it returns (or `failed`).
 * When the parent goes away (it exited or was killed), `onParentGone` cleans up and the
 * process exits, so no child outlives a run.
 */
export function serveCommands<C extends { readonly kind: string }>(
  handle: (command: C) => Promise<object>,
  onParentGone: () => void,
): void {
  let queue = Promise.resolve();
  process.on('message', (message: unknown) => {
    if (kindOf(message) === undefined) return;
    queue = queue.then(async () => {
      try {
        sendToParent(await handle(message as C));
      } catch (error) {
        sendToParent({ kind: 'failed', message: String(error) });
      }
    });
  });
  process.on('disconnect', () => {
    onParentGone();
    process.exit(0);
  });
}
