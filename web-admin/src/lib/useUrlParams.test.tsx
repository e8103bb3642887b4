import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { urlSorting, useUrlParams } from './useUrlParams';

const SORTS = { name: 'nom', memberCount: 'membres' };

function renderAt(path: string, replace?: boolean) {
  const wrapper = ({ children }: { children: ReactNode }) => <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>;
  return renderHook(
    () => {
      const [params, update] = useUrlParams({ replace });
      return { params, update, search: useLocation().search, sort: urlSorting(params, update, SORTS, 'name') };
    },
    { wrapper },
  );
}

describe('useUrlParams', () => {
  it('sets and removes keys of the query string (null or empty: removed)', () => {
    const { result } = renderAt('/reseaux?q=cress&type=FEDERATION');
    act(() => result.current.update({ q: '', statut: 'archives', type: null }));
    expect(result.current.search).toBe('?statut=archives');
  });

  it('reads the sort from the URL and writes it without the default column', () => {
    const { result } = renderAt('/reseaux?tri=membres&ordre=desc', true);
    expect(result.current.sort.sorting).toEqual([{ id: 'memberCount', desc: true }]);
    act(() => result.current.sort.onSortingChange([{ id: 'name', desc: false }]));
    expect(result.current.search).toBe('');
    expect(result.current.sort.sorting).toEqual([{ id: 'name', desc: false }]);
  });
});
