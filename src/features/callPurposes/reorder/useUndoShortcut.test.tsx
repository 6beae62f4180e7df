// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useUndoShortcut } from './useUndoShortcut';

function Page({ undo, redo }: { undo: () => boolean; redo: () => boolean }) {
  useUndoShortcut(undo, redo);
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
    const redo = vi.fn(() => true);
    render(<Page undo={undo} redo={redo} />);
    const handle = screen.getByRole('button', { name: 'Reorder Demo' });
    expect(fireEvent.keyDown(handle, { key: 'z', ctrlKey: true })).toBe(false);
    fireEvent.keyDown(document.body, { key: 'Z', metaKey: true });
    expect(undo).toHaveBeenCalledTimes(2);
    expect(redo).not.toHaveBeenCalled();
  });

  it('runs Redo on Ctrl+Shift+Z and Cmd+Shift+Z, never Undo', () => {
    const undo = vi.fn(() => true);
    const redo = vi.fn(() => true);
    render(<Page undo={undo} redo={redo} />);
    expect(fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true })).toBe(
      false,
    );
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true, shiftKey: true });
    expect(redo).toHaveBeenCalledTimes(2);
    expect(undo).not.toHaveBeenCalled();
  });

  it('leaves the key alone in a text field, in a dialog, or with nothing to undo or redo', () => {
    const undo = vi.fn(() => false);
    const redo = vi.fn(() => false);
    render(<Page undo={undo} redo={redo} />);
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Save' }), { key: 'z', ctrlKey: true });
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'z', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(document.body, { key: 'z' });
    expect(undo).not.toHaveBeenCalled();
    expect(redo).not.toHaveBeenCalled();
    expect(fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })).toBe(true);
    expect(fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true, shiftKey: true })).toBe(
      true,
    );
    expect(undo).toHaveBeenCalledTimes(1);
    expect(redo).toHaveBeenCalledTimes(1);
  });
});
