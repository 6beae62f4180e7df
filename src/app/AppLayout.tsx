import { Outlet } from 'react-router';
import { UserMenu } from '../features/auth/components/UserMenu';
import styles from './AppLayout.module.css';

export function AppLayout() {
  return (
    <>
      <a className={styles.skipLink} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <span className={styles.product}>
            Outreach <span className={styles.productName}>Call purposes</span>
          </span>
          <UserMenu />
        </div>
      </header>
      <main id="main" className={styles.main}>
        <Outlet />
      </main>
    </>
  );
}
