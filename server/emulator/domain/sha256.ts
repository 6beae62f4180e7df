import { createHash } from 'node:crypto';

/** How the emulator keeps every secret it must recognise (client secrets, tokens, codes). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
