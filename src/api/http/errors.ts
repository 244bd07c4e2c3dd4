import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { STATUS_TEXT } from './refusal.js';

/**
 * Invalid input and other client errors answer with what was wrong; anything else is a bug,
 * logged with its stack and answered with a plain 500 that leaks nothing.
 */
export function installErrorHandler(app: FastifyInstance, logger: Logger): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.validation !== undefined || (status >= 400 && status < 500)) {
      return reply.code(error.validation !== undefined ? 400 : status).send({
        statusCode: error.validation !== undefined ? 400 : status,
        error: STATUS_TEXT[status] ?? 'Error',
        code: error.validation !== undefined ? 'INVALID_INPUT' : (error.code ?? 'BAD_REQUEST'),
        message: error.message,
      });
    }
    logger.error({ err: error, url: request.url, method: request.method }, 'api handler failed');
    return reply.code(500).send({
      statusCode: 500,
      error: STATUS_TEXT[500],
      code: 'INTERNAL',
      message: 'internal error',
    });
  });
  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      code: 'NOT_FOUND',
      message: `no route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
