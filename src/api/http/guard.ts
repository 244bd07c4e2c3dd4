import type { FastifyInstance } from 'fastify';
import type { AccessTokens } from '../auth/access-tokens.js';
import type { OperatorAccounts } from '../auth/operator-accounts.js';
import { allows } from '../auth/roles.js';
import { Refusal } from './refusal.js';
import { sendRefusal } from './route.js';

/**
 * Every route with a role in its config needs a current access token of an enabled account
 * whose role (read from the database on each request, so a demotion or a disable takes
 * effect at once) is at least that role: 401 without one, 403 when the role is too low.
 */
export function installGuard(
  app: FastifyInstance,
  access: AccessTokens,
  accounts: OperatorAccounts,
): void {
  app.decorateRequest('operator', null);
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config.role;
    if (needed === undefined) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const operatorId = token === undefined ? undefined : await access.verify(token);
    const account = operatorId === undefined ? undefined : await accounts.byId(operatorId);
    if (account === undefined || account.disabled) {
      await sendRefusal(
        reply,
        new Refusal(401, 'UNAUTHENTICATED', 'a current access token is required', {
          'www-authenticate': 'Bearer',
        }),
      );
      return;
    }
    if (!allows(account.role, needed)) {
      await sendRefusal(
        reply,
        new Refusal(403, 'FORBIDDEN', `role '${account.role}' may not do this (needs '${needed}')`),
      );
      return;
    }
    request.operator = account;
  });
}
