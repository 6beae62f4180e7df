// The app server a spec drives: the project's own (the Redis project points at an app server
// that keeps its sessions in Redis), else the main e2e server. Specs reach that server's
// embedded emulator through the `adminApi` and `apiAs` fixtures (fixtures.ts).
import { test } from '@playwright/test';
import { E2E_APP_URL, E2E_DATA_DIR } from './servers';

export interface AppUnderTest {
  url: string;
  dataDir: string;
}

export function appUnderTest(): AppUnderTest {
  const metadata = test.info().project.metadata as Partial<AppUnderTest>;
  return { url: metadata.url ?? E2E_APP_URL, dataDir: metadata.dataDir ?? E2E_DATA_DIR };
}
