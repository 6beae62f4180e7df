import { useId } from 'react';
import styles from './SearchBox.module.css';

type SearchBoxProps = { value: string; onChange: (value: string) => void };

export function SearchBox({ value, onChange }: SearchBoxProps) {
  const id = useId();
  return (
    <div className={styles.searchBox}>
      <label htmlFor={id} className={styles.label}>
        Search call purposes
      </label>
      <input
        id={id}
        type="search"
        className={styles.input}
        value={value}
        placeholder="Filter by name"
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
