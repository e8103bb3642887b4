import { act, renderHook } from '@testing-library/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useVersionedEdit, type SaveRequest, type VersionedEditOptions } from './useVersionedEdit';

interface Thing {
  id: string;
  version: number;
  name: string;
  tags: string[];
}

interface ThingValues {
  name: string;
  tags: string[];
}

const THING: Thing = { id: 'T1', version: 2, name: 'Atelier', tags: ['a'] };

const submitEvent = () => ({ preventDefault: () => undefined }) as FormEvent;

const apiError = (code: string, extensions: Record<string, unknown> = {}, message = 'Refusé.') =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });

function setup(options: Partial<VersionedEditOptions<Thing, ThingValues>> = {}) {
  const save = vi.fn(async ({ current, values }: SaveRequest<Thing, ThingValues>) => ({
    ...current,
    ...values,
    version: current.version + 1,
  }));
  const onSaved = vi.fn();
  const view = renderHook(() =>
    useVersionedEdit<Thing, ThingValues>({
      entity: THING,
      valuesOf: (t) => ({ name: t.name, tags: [...t.tags] }),
      validate: (v) => (v.name.trim() ? {} : { name: ['Indiquez le nom.'] }),
      save,
      load: async () => ({ ...THING, version: 5, name: 'Atelier (nouveau nom)' }),
      fieldId: (k) => `thing-${k}`,
      fieldLabel: (k) => (k === 'name' ? 'Nom' : 'Étiquettes'),
      firstField: 'name',
      onSaved,
      ...options,
    }),
  );
  return { ...view, save, onSaved };
}

describe('useVersionedEdit', () => {
  it('says when there is nothing to save, without calling the API', async () => {
    const { result, save } = setup();
    await act(() => result.current.submit(submitEvent()));
    expect(save).not.toHaveBeenCalled();
    expect(result.current.notice).toBe('Aucune modification à enregistrer.');
  });

  it('checks the values first and lists the messages in the summary, linked to their field', async () => {
    const { result, save } = setup();
    act(() => result.current.onChange('name', '  '));
    await act(() => result.current.submit(submitEvent()));
    expect(save).not.toHaveBeenCalled();
    expect(result.current.errors).toEqual({ name: ['Indiquez le nom.'] });
    expect(result.current.form.summaryItems).toEqual([{ fieldId: 'thing-name', message: 'Nom : Indiquez le nom.' }]);
  });

  it('saves the changed fields under the loaded version, then edits the saved version', async () => {
    const { result, save, onSaved } = setup();
    act(() => result.current.onChange('name', 'Atelier bois'));
    await act(() => result.current.submit(submitEvent()));
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ current: THING, changed: ['name'], values: { name: 'Atelier bois', tags: ['a'] } }),
      expect.any(Function),
    );
    expect(result.current.current.version).toBe(3);
    expect(result.current.base.name).toBe('Atelier bois');
    expect(result.current.notice).toBe('Modifications enregistrées.');
    expect(result.current.saving).toBe(false);
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('keeps what was typed on CONFLICT, then re-applies it on the current version', async () => {
    const { result } = setup({
      save: async () => {
        throw apiError('CONFLICT', { currentVersion: 5, changes: [{ field: 'tags', current: ['b'], submitted: ['c'] }] });
      },
    });
    act(() => result.current.onChange('tags', ['c']));
    await act(() => result.current.submit(submitEvent()));
    expect(result.current.conflict).toMatchObject({
      currentVersion: 5,
      submittedVersion: 2,
      mine: { tags: ['c'] },
      changes: [{ field: 'tags', current: ['b'], submitted: ['c'] }],
    });

    await act(() => result.current.reload(true));
    expect(result.current.conflict).toBeNull();
    expect(result.current.current.version).toBe(5);
    expect(result.current.values).toEqual({ name: 'Atelier (nouveau nom)', tags: ['c'] });
    expect(result.current.notice).toMatch(/réappliquées sur la version actuelle \(version 5\)/);
  });

  it('reloads the current version, dropping the changes', async () => {
    const { result } = setup();
    act(() => result.current.onChange('tags', ['z']));
    await act(() => result.current.reload(false));
    expect(result.current.values).toEqual({ name: 'Atelier (nouveau nom)', tags: ['a'] });
    expect(result.current.notice).toBe('Version actuelle rechargée (version 5).');
  });

  it('puts field messages next to their field and the others at the top', async () => {
    const { result } = setup({
      save: async () => {
        throw apiError('BAD_USER_INPUT', {
          fields: [
            { field: 'input.label', messages: ['Trop long.'] },
            { field: 'other', messages: ['Inconnu.'] },
          ],
        });
      },
      apiToForm: { label: 'name' },
    });
    act(() => result.current.onChange('name', 'Atelier bois'));
    await act(() => result.current.submit(submitEvent()));
    expect(result.current.errors).toEqual({ name: ['Trop long.'] });
    expect(result.current.form.formError).toBe('Inconnu.');
  });

  it('shows a refusal apart with `permissionNotice`, in the summary without', async () => {
    const refuse = async (): Promise<Thing> => {
      throw apiError('FORBIDDEN', {}, 'Pas à vous.');
    };
    const withNotice = setup({ save: refuse, permissionNotice: true });
    act(() => withNotice.result.current.onChange('name', 'Atelier bois'));
    await act(() => withNotice.result.current.submit(submitEvent()));
    expect(withNotice.result.current.forbidden).toBe('Pas à vous.');
    expect(withNotice.result.current.form.formError).toBeNull();

    const without = setup({ save: refuse });
    act(() => without.result.current.onChange('name', 'Atelier bois'));
    await act(() => without.result.current.submit(submitEvent()));
    expect(without.result.current.forbidden).toBeNull();
    expect(without.result.current.form.formError).toBe('Pas à vous.');
  });

  it('after a partial save, edits the version the first mutations left and keeps only the rest pending', async () => {
    const { result } = setup({
      save: async ({ current }, progress) => {
        progress({ ...current, name: 'Atelier bois', version: 3 });
        throw apiError('CONFLICT', { currentVersion: 4, changes: [] });
      },
      afterPartialSave: (latest, { base }) => ({ base: { name: latest.name, tags: base.tags }, pending: ['tags'] }),
    });
    act(() => {
      result.current.onChange('name', 'Atelier bois');
      result.current.onChange('tags', ['x']);
    });
    await act(() => result.current.submit(submitEvent()));
    expect(result.current.current.version).toBe(3);
    expect(result.current.base).toEqual({ name: 'Atelier bois', tags: ['a'] });
    expect(result.current.conflict).toMatchObject({ submittedVersion: 3, mine: { tags: ['x'] } });
  });

  it('« Annuler les changements » goes back to the values of the version edited', () => {
    const { result } = setup();
    act(() => result.current.onChange('name', 'Autre'));
    act(() => result.current.reset());
    expect(result.current.values).toEqual({ name: 'Atelier', tags: ['a'] });
  });
});
