// Responses built per request (proxied and emulator JSON, error documents) are compressed once
// they exceed 1 KB; below that the headers outweigh the saving. The built SPA is compressed
// at build time instead (scripts/precompress.ts) and served as is.
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

export const COMPRESSION_THRESHOLD_BYTES = 1024;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: COMPRESSION_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
  });
}
