import { act, renderHook } from '@testing-library/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { FormEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useCreateForm } from './useCreateForm';

const submitEvent = () => ({ preventDefault: () => undefined }) as FormEvent;
const EMPTY = { slug: '', name: '' };

function setup(create = vi.fn(async () => undefined), extra: Partial<Parameters<typeof useCreateForm<typeof EMPTY>>[0]> = {}) {
  return renderHook(() =>
    useCreateForm({
      initial: EMPTY,
      validate: (v) => (v.name.trim() ? {} : { name: ['Indiquez le nom.'] }),
      create,
      fieldId: (k) => `thing-${k}`,
      fieldLabel: (k) => (k === 'name' ? 'Nom' : 'Code'),
      slugFollowsName: true,
      ...extra,
    }),
  );
}

describe('useCreateForm', () => {
  it('derives the code from the name until the person types one', () => {
    const { result } = setup();
    act(() => result.current.onChange('name', 'Services à la personne'));
    expect(result.current.values.slug).toBe('services-a-la-personne');
    act(() => result.current.onChange('slug', 'sap'));
    act(() => result.current.onChange('name', 'Services aux personnes'));
    expect(result.current.values).toEqual({ slug: 'sap', name: 'Services aux personnes' });
  });

  it('sends nothing while the client-side checks fail', async () => {
    const create = vi.fn(async () => undefined);
    const { result } = setup(create);
    await act(() => result.current.submit(submitEvent()));
    expect(create).not.toHaveBeenCalled();
    expect(result.current.form.summaryItems).toEqual([{ fieldId: 'thing-name', message: 'Nom : Indiquez le nom.' }]);
  });

  it('puts a refusal next to its field, and lets the form send again', async () => {
    const create = vi.fn(async () => {
      throw new CombinedGraphQLErrors({
        errors: [{ message: 'Ce code existe déjà.', extensions: { code: 'DUPLICATE', field: 'slug' } }],
      });
    });
    const { result } = setup(create);
    act(() => result.current.onChange('name', 'Insertion'));
    await act(() => result.current.submit(submitEvent()));
    expect(create).toHaveBeenCalledWith({ slug: 'insertion', name: 'Insertion' });
    expect(result.current.errors).toEqual({ slug: ['Ce code existe déjà.'] });
    expect(result.current.saving).toBe(false);
  });

  it('shows a refusal as the page says with `showRefusal`', async () => {
    const showRefusal = vi.fn();
    const { result } = setup(
      vi.fn(async () => {
        throw new Error('Réponse vide');
      }),
      { showRefusal },
    );
    act(() => result.current.onChange('name', 'Insertion'));
    await act(() => result.current.submit(submitEvent()));
    expect(showRefusal).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ setErrors: expect.any(Function) }));
  });
});
