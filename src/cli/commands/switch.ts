import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { Command, CommanderError } from 'commander';
import { ChimeraError } from '../../errors.js';
import type { ControlReply, ControlRequest } from '../../pool/networks/control-socket.js';
import type { CliIo } from '../io.js';

interface SwitchFlags {
  control?: string;
  to?: string;
  rollback?: boolean;
  status?: boolean;
  actor?: string;
  reason?: string;
}

/**
 * `chimera switch`: asks a running `chimera pool --control <socket>` to switch its Stratum
 * port to another configured network (canary first, rolled back on trouble), to roll the last
 * switch back, or for its status. Exit code 0 when done, 1 when the switch rolled back or
 * the pool could not be reached, 2 when it was refused or the arguments are wrong.
 */
export function switchCommand(io: CliIo): Command {
  return new Command('switch')
    .description(
      "switch a running pool's Stratum port to another network, roll back, or show status",
    )
    .option('--control <socket>', 'the control socket the pool was started with (--control)')
    .option('--to <network>', 'the network to switch to (a coin id of the pool configuration)')
    .option('--rollback', 'switch back to the network served before the last switch')
    .option('--status', "show the pool's networks and where its miners are")
    .option('--actor <name>', 'who asks (kept in the switch history); default: your user name')
    .option('--reason <text>', 'why (kept in the switch history)')
    .action(async (flags: SwitchFlags) => {
      const request = requestOf(flags);
      const reply = await ask(flags.control!, request);
      if (!reply.ok) {
        io.err(`chimera switch: refused: ${reply.error}\n`);
        throw new CommanderError(2, 'chimera.switch.refused', reply.error);
      }
      if ('status' in reply) {
        const s = reply.status;
        io.out(`serving ${s.current}${s.switching ? ' (a switch is under way)' : ''}\n`);
        for (const n of s.networks) io.out(`  ${n}: ${s.sessions[n] ?? 0} miners\n`);
        return;
      }
      const o = reply.outcome;
      if (o.kind === 'completed') {
        io.out(
          `switched ${o.from} -> ${o.to}: canary ${o.canary.moved} moved ` +
            `(${o.canaryShares.accepted} shares accepted, ${o.canaryShares.rejected} rejected), ` +
            `then ${o.rest.moved} moved; ${o.canary.reconnected + o.rest.reconnected} asked to reconnect\n`,
        );
        return;
      }
      io.out(`rolled back ${o.to} -> ${o.from}: ${o.reason}\n`);
      throw new CommanderError(1, 'chimera.switch.rolled-back', o.reason);
    });
}

function requestOf(flags: SwitchFlags): ControlRequest {
  if (flags.control === undefined) throw usage('--control <socket> is required');
  const asked = [flags.to !== undefined, flags.rollback === true, flags.status === true];
  if (asked.filter(Boolean).length !== 1) {
    throw usage('give exactly one of --to <network>, --rollback, --status');
  }
  if (flags.status === true) return { cmd: 'status' };
  const actor = flags.actor ?? userInfo().username;
  const reason = flags.reason === undefined ? {} : { reason: flags.reason };
  if (flags.to !== undefined) return { cmd: 'switch', to: flags.to, actor, ...reason };
  return { cmd: 'rollback', actor, ...reason };
}

function usage(message: string): ChimeraError {
  return new ChimeraError('CLI_USAGE_INVALID', message);
}

/** One request, one answer line. */
function ask(path: string, request: ControlRequest): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const at = buffer.indexOf('\n');
      if (at < 0) return;
      socket.end();
      try {
        resolve(JSON.parse(buffer.slice(0, at)) as ControlReply);
      } catch {
        reject(new ChimeraError('CLI_CONTROL_UNREACHABLE', `unreadable answer from ${path}`));
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        new ChimeraError(
          'CLI_CONTROL_UNREACHABLE',
          `cannot reach the pool's control socket ${path}: ${err.code ?? err.message}`,
        ),
      );
    });
  });
}
