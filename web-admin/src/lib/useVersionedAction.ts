import { useState } from 'react';
import { errorMessage, findError } from '@essor/web-ui';

/**
 * An action on the loaded version of an entity (archive, restore, close an offer): `busy` while it
 * runs; when it fails, `error` says why in French (`conflictMessage` when someone saved in between).
 * `run` may return a notice to show once it is done (`done`).
 */
export function useVersionedAction(run: () => Promise<string | void>, conflictMessage: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  /** True when the action went through. */
  const start = async (): Promise<boolean> => {
    setError(null);
    setDone(null);
    setBusy(true);
    try {
      const notice = await run();
      if (notice) setDone(notice);
      return true;
    } catch (err) {
      setError(findError(err, 'CONFLICT') ? conflictMessage : errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, done, run: start, clearError: () => setError(null) };
}

/**
 * The same action behind a confirmation dialog: `open()` shows it (`isOpen`), and `dialog` is what
 * ConfirmDialog needs: confirm runs the action and closes the dialog once it went through, cancel
 * closes it and forgets the error.
 */
export function useConfirmedAction(run: () => Promise<string | void>, conflictMessage: string) {
  const action = useVersionedAction(run, conflictMessage);
  const [isOpen, setOpen] = useState(false);
  const confirm = async () => {
    if (await action.run()) setOpen(false);
  };
  return {
    isOpen,
    open: () => setOpen(true),
    dialog: {
      busy: action.busy,
      error: action.error,
      onConfirm: () => void confirm(),
      onCancel: () => {
        setOpen(false);
        action.clearError();
      },
    },
  };
}

export type VersionedAction = ReturnType<typeof useVersionedAction>;
export type ConfirmedAction = ReturnType<typeof useConfirmedAction>;
