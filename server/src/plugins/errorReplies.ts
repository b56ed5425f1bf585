import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { ApiError } from '../errors.ts';

/** Every failure leaves the API as `{error, message}` with a 4xx/5xx code, never a stack trace. */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
      if (err instanceof ApiError) {
        return reply.code(err.statusCode).send({ ...err.details, error: err.error, message: err.message });
      }
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
