import styles from './ListSkeleton.module.css';

const ROWS = 6;

/** Grey rows in the table's shape while the first page loads. */
export function ListSkeleton() {
  return (
    <div className={styles.skeleton} role="status" aria-busy="true">
      <span className="visually-hidden">Loading call purposes…</span>
      {Array.from({ length: ROWS }, (_, index) => (
        <div key={index} className={styles.row} aria-hidden="true">
          <span className={styles.position} />
          <span className={styles.name} style={{ inlineSize: `${40 + ((index * 17) % 35)}%` }} />
          <span className={styles.meta} />
        </div>
      ))}
    </div>
  );
}
