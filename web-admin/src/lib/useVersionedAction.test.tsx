import { act, renderHook } from '@testing-library/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { useConfirmedAction, useVersionedAction } from './useVersionedAction';

const CONFLICT_MESSAGE = 'Le réseau a été modifié entre-temps : rechargez la page avant de l’archiver.';
const conflict = () => new CombinedGraphQLErrors({ errors: [{ message: 'Conflit.', extensions: { code: 'CONFLICT' } }] });

describe('useVersionedAction', () => {
  it('keeps the notice the action returns', async () => {
    const { result } = renderHook(() => useVersionedAction(async () => 'Réseau restauré.', CONFLICT_MESSAGE));
    await act(async () => {
      expect(await result.current.run()).toBe(true);
    });
    expect(result.current.done).toBe('Réseau restauré.');
    expect(result.current.error).toBeNull();
    expect(result.current.busy).toBe(false);
  });

  it('says to reload on CONFLICT, and gives the API’s message otherwise', async () => {
    let failure: unknown = conflict();
    const { result } = renderHook(() =>
      useVersionedAction(async () => {
        throw failure;
      }, CONFLICT_MESSAGE),
    );
    await act(async () => {
      expect(await result.current.run()).toBe(false);
    });
    expect(result.current.error).toBe(CONFLICT_MESSAGE);
    failure = new CombinedGraphQLErrors({ errors: [{ message: 'Refusé.', extensions: { code: 'FORBIDDEN' } }] });
    await act(() => result.current.run());
    expect(result.current.error).toBe('Refusé.');
  });
});

describe('useConfirmedAction', () => {
  it('closes the dialog once the action went through', async () => {
    const { result } = renderHook(() => useConfirmedAction(async () => undefined, CONFLICT_MESSAGE));
    act(() => result.current.open());
    expect(result.current.isOpen).toBe(true);
    await act(async () => result.current.dialog.onConfirm());
    expect(result.current.isOpen).toBe(false);
  });

  it('keeps the dialog open with the error when it failed; « Annuler » forgets the error', async () => {
    const { result } = renderHook(() =>
      useConfirmedAction(async () => {
        throw conflict();
      }, CONFLICT_MESSAGE),
    );
    act(() => result.current.open());
    await act(async () => result.current.dialog.onConfirm());
    expect(result.current.isOpen).toBe(true);
    expect(result.current.dialog.error).toBe(CONFLICT_MESSAGE);
    act(() => result.current.dialog.onCancel());
    expect(result.current.isOpen).toBe(false);
    expect(result.current.dialog.error).toBeNull();
  });
});
