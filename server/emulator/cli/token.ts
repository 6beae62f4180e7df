// `npm run --silent token -- <role-or-email> [--scope "callPurposes.read"]`: prints only an
// access token for a seeded user, written to the same database a server on DATA_DIR reads.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { formatEmulatorConfigErrors, parseEmulatorConfig } from '../config';
import { openEmulatorDatabase } from '../db';
import { parseScopeList } from '../../../shared/scopes';
import { createOAuthRepository } from '../repositories/oauth';
import { createUserRepository } from '../repositories/users';
import { seedFreshDatabase } from '../seed';
import { SEEDED_CLIENT } from '../../shared/seededClient';
import { issueAccessToken } from '../services/tokens';

const USAGE =
  'usage: npm run --silent token -- <admin|manager|agent|email> [--scope "callPurposes.read"]';

export function mintToken(
  dataDir: string,
  who: string,
  scope: string,
  ttlSeconds: number,
  now: number = Date.now(),
): { token: string } | { error: string } {
  const scopes = parseScopeList(scope);
  if (!scopes) {
    return {
      error: `Unknown scope "${scope}". Use e.g. "callPurposes.read callPurposes.write" (levels: read, write, delete, all).`,
    };
  }
  const db = openEmulatorDatabase(dataDir, (fresh) => seedFreshDatabase(fresh, new Date(now)));
  try {
    // Only the two repositories a token needs: who it is for, and where it is kept.
    const users = createUserRepository(db);
    const user = who.includes('@') ? users.findByEmail(who) : users.findFirstByRole(who);
    if (!user) {
      const known = users
        .listAll()
        .map((u) => `${u.role} (${u.email})`)
        .join(', ');
      return { error: `No seeded user "${who}". Known: ${known}.` };
    }
    const token = issueAccessToken(createOAuthRepository(db), {
      userId: user.id,
      clientId: SEEDED_CLIENT.clientId,
      scopes,
      grantId: null,
      ttlSeconds,
      now,
    });
    return { token };
  } finally {
    db.close();
  }
}

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: { scope: { type: 'string', default: 'callPurposes.all' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const [who, ...extra] = parsed.positionals;
  if (who === undefined || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const settings = parseEmulatorConfig(process.env);
  if (!settings.ok) {
    console.error(formatEmulatorConfigErrors(settings.errors));
    return 1;
  }
  const { dataDir, tokenTtlSeconds } = settings.config.options;
  const result = mintToken(dataDir, who, parsed.values.scope, tokenTtlSeconds);
  if ('error' in result) {
    console.error(result.error);
    return 1;
  }
  console.log(result.token);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
