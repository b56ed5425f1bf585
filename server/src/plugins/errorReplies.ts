import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { ApiError } from '../errors.ts';
import { DomainError } from '../domain/errors.ts';
import { HTTP_STATUS } from '../domain/errorStatus.ts';

/** The reply for a refusal: `{error, message, ...details}` with its status, or null if it is not one. */
export function refusalReply(err: unknown): { status: number; body: Record<string, unknown> } | null {
  if (err instanceof DomainError) {
    return { status: HTTP_STATUS[err.kind], body: { ...err.details, error: err.code, message: err.message } };
  }
  if (err instanceof ApiError) {
    return { status: err.statusCode, body: { ...err.details, error: err.error, message: err.message } };
  }
  return null;
}

/** Every failure leaves the API as `{error, message}` with a 4xx/5xx code, never a stack trace. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | ApiError | DomainError, request, reply) => {
      const refusal = refusalReply(err);
      if (refusal) return reply.code(refusal.status).send(refusal.body);
      if ((err as FastifyError).validation) {
        return reply.code(400).send({ error: 'bad_request', message: err.message });
      }
      const status = (err as FastifyError).statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err }, 'request failed');
        return reply.code(status).send({ error: 'internal_error', message: 'the server could not complete the request' });
      }
      return reply.code(status).send({ error: (err as FastifyError).code ?? 'bad_request', message: err.message });
    });
  },
  { name: 'error-replies' },
);
