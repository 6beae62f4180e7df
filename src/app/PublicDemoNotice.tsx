import { useQuery } from '@tanstack/react-query';
import { PUBLIC_DEMO_NOTICE } from '../../shared/publicDemo';
import { browserConfigQueryOptions } from '../lib/browserConfig';
import styles from './PublicDemoNotice.module.css';

/**
 * Above every page of a public demo (EMULATOR_PUBLIC_DEMO): nobody should take it for the real
 * tool. Rendered from the config the server sends rather than by the server into index.html, so
 * the page keeps its strict Content-Security-Policy (no inline script).
 */
export function PublicDemoNotice() {
  const { data } = useQuery(browserConfigQueryOptions());
  if (data?.publicDemo !== true) return null;
  return (
    <p className={styles.notice} role="note">
      {PUBLIC_DEMO_NOTICE}
    </p>
  );
}
