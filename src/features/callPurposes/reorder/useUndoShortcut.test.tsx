// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUndoShortcut } from './useUndoShortcut';

function Page({ undo }: { undo: () => boolean }) {
  useUndoShortcut(undo);
  return (
    <>
      <button type="button">Reorder Demo</button>
      <label>
        Search <input />
      </label>
      <div role="dialog" aria-label="Edit">
        <button type="button">Save</button>
      </div>
    </>
  );
}

afterEach(cleanup);

describe('useUndoShortcut', () => {
  it('runs Undo on Ctrl+Z and Cmd+Z from the list, and takes the key when it did', () => {
    const undo = vi.fn(() => true);
    render(<Page undo={undo} />);
    const handle = screen.getByRole('button', { name: 'Reorder Demo' });
    expect(fireEvent.keyDown(handle, { key: 'z', ctrlKey: true })).toBe(false);
    fireEvent.keyDown(document.body, { key: 'Z', metaKey: true });
    expect(undo).toHaveBeenCalledTimes(2);
  });

  it('leaves the key alone in a text field, in a dialog, with Shift, or with nothing to undo', () => {
    const undo = vi.fn(() => false);
    render(<Page undo={undo} />);
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Save' }), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(undo).not.toHaveBeenCalled();
    expect(fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })).toBe(true);
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
