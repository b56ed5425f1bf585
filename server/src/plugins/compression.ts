import { constants } from 'node:zlib';
import fp from 'fastify-plugin';
import compress from '@fastify/compress';

/** Replies smaller than this go out as they are: below one packet, compression saves nothing. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Compresses API replies on the fly (brotli, else gzip, as the client's Accept-Encoding allows):
 * a guide's table of contents or its comment threads shrink 5 to 10 times, which counts on a
 * mobile link. Static assets are compressed once at build time instead (see clientApp.ts); a reply
 * that already carries a Content-Encoding is left alone. Brotli at quality 4: close to gzip's CPU
 * cost per request, smaller output. Request bodies are not decompressed: the API takes plain JSON
 * only, and a compressed body would get around the body size limit.
 */
export default fp(
  async (app) => {
    await app.register(compress, {
      global: true,
      globalDecompression: false,
      encodings: ['br', 'gzip'],
      threshold: COMPRESSION_THRESHOLD_BYTES,
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } },
      zlibOptions: { level: 6 },
    });
  },
  { name: 'compression' },
);
