import type { ChainableCommander } from 'ioredis';

/** Runs a MULTI or pipeline and returns its replies, throwing the first command error. */
export async function execAll(commands: ChainableCommander): Promise<unknown[]> {
  const replies = (await commands.exec()) ?? [];
  return replies.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
