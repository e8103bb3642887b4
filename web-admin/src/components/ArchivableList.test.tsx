import { describe, expect, it } from 'vitest';
import { archiveStatusFilter } from './ArchivableList';

const ACTIVE = { status: 'ACTIVE' };
const ARCHIVED = { status: 'ARCHIVED' };

describe('archiveStatusFilter', () => {
  it('lists the active rows by default, the archived ones or all on demand', () => {
    const byDefault = archiveStatusFilter(new URLSearchParams(''), ['ADMIN']);
    expect([byDefault.matches(ACTIVE), byDefault.matches(ARCHIVED)]).toEqual([true, false]);
    const archived = archiveStatusFilter(new URLSearchParams('statut=archives'), ['STEERING']);
    expect([archived.status, archived.matches(ACTIVE), archived.matches(ARCHIVED)]).toEqual(['archives', false, true]);
    const all = archiveStatusFilter(new URLSearchParams('statut=tous'), ['ADMIN']);
    expect([all.matches(ACTIVE), all.matches(ARCHIVED)]).toEqual([true, true]);
  });

  it('ignores the filter for those who see no archived rows, and unknown values', () => {
    const facilitator = archiveStatusFilter(new URLSearchParams('statut=archives'), ['FACILITATOR']);
    expect([facilitator.seesArchived, facilitator.status]).toEqual([false, '']);
    expect(archiveStatusFilter(new URLSearchParams('statut=nimporte'), ['ADMIN']).status).toBe('');
  });
});
