import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { ApiError } from '../errors.ts';

/**
 * Security headers (a Content-Security-Policy the client works under: no inline scripts; inline
 * styles are needed by TipTap's carets and React style attributes) and a per-IP request budget.
 */
export default fp<{ requestsPerMinute: number }>(
  async (app, { requestsPerMinute }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          // the service worker (/sw.js) that lets the app reload offline; said explicitly rather
          // than left to the fallback through script-src
          workerSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      // Served over plain HTTP on a LAN as often as behind TLS: HSTS is the TLS proxy's decision.
      strictTransportSecurity: false,
    });
    await app.register(rateLimit, {
      max: requestsPerMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new ApiError(429, 'rate_limited', `too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`),
    });
  },
  { name: 'security' },
);
