// @vitest-environment jsdom
// Issue 17: a name created elsewhere ("Demo" + RIGHT-TO-LEFT OVERRIDE + "gnp.exe") must not
// reorder the message around it. Toasts and dialog titles are strings; the name goes in through
// `isolate` and comes out as a <bdi> holding exactly the name, with no marks left in the text.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isolate } from '../../lib/isolate';
import { toastStore } from '../../lib/toast/toastStore';
import { Dialog } from '../Dialog/Dialog';
import { ToastProvider } from '../toast/ToastProvider';

const SPOOF = 'Demo \u202egnp.exe';

afterEach(cleanup);

describe('a name shown in a message', () => {
  it('is a <bdi> in a toast', () => {
    render(<ToastProvider>{null}</ToastProvider>);
    act(() => toastStore.show(`Deleted “${isolate(SPOOF)}”.`));
    const isolated = document.querySelector('bdi');
    expect(isolated?.textContent).toBe(SPOOF);
    expect(isolated?.closest('p')?.textContent).toBe(`Deleted “${SPOOF}”.`);
  });

  it('is a <bdi> in a dialog title, which still names the dialog', () => {
    // jsdom has no modal dialogs; the title only needs the dialog to open and close.
    const dialog = HTMLDialogElement.prototype;
    if (!Reflect.has(dialog, 'showModal')) {
      dialog.showModal = function showModal(this: HTMLDialogElement) {
        this.open = true;
      };
      dialog.close = function close(this: HTMLDialogElement) {
        this.open = false;
      };
    }
    render(
      <Dialog title={`Edit “${isolate(SPOOF)}”`} onClose={() => {}}>
        <p>body</p>
      </Dialog>,
    );
    const title = screen.getByRole('heading', { level: 2 });
    expect(title.textContent).toBe(`Edit “${SPOOF}”`);
    expect(title.querySelector('bdi')?.textContent).toBe(SPOOF);
  });
});
