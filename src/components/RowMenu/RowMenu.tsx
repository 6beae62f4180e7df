import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import styles from './RowMenu.module.css';

export type RowMenuItem = { label: string; disabled?: boolean; onSelect: () => void };

type RowMenuProps = { label: string; items: readonly RowMenuItem[] };

/** Picks the index of the item to focus among the enabled ones, from the focused one (or -1). */
type ChooseItem = (enabled: HTMLButtonElement[], current: number) => number;

/** Focuses the enabled item `pick` chooses, wrapping around; the first item if none is enabled. */
function focusItem(menu: HTMLElement | null, pick: ChooseItem) {
  const all = Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
  const enabled = all.filter((item) => item.getAttribute('aria-disabled') !== 'true');
  if (enabled.length === 0) {
    all[0]?.focus();
    return;
  }
  const current = enabled.indexOf(document.activeElement as HTMLButtonElement);
  enabled[(pick(enabled, current) + enabled.length) % enabled.length]?.focus();
}

/**
 * A menu button (WAI-ARIA pattern): opens on click, Enter, Space or ArrowDown with focus on the
 * first item; arrows, Home and End move; Escape closes and returns focus to the button.
 */
export function RowMenu({ label, items }: RowMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    focusItem(menuRef.current, () => 0);
    const closeOnOutsidePointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', closeOnOutsidePointer);
    return () => document.removeEventListener('pointerdown', closeOnOutsidePointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, ChooseItem> = {
      ArrowDown: (_, current) => current + 1,
      ArrowUp: (_, current) => (current === -1 ? -1 : current - 1),
      Home: () => 0,
      End: (enabled) => enabled.length - 1,
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusItem(menuRef.current, move);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className={styles.menuAnchor}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.menuButton}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <circle cx="3" cy="8" r="1.5" />
          <circle cx="8" cy="8" r="1.5" />
          <circle cx="13" cy="8" r="1.5" />
        </svg>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          className={styles.menu}
          onKeyDown={onMenuKeyDown}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={styles.menuItem}
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return;
                close();
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
