import { changedFields } from './audit';

describe('audit diff', () => {
  it('keeps only the changed fields and never secrets', () => {
    const d = changedFields(
      { name: 'A', phone: '1', passwordHash: 'x', version: 1, updatedAt: new Date(0) },
      { name: 'B', phone: '1', passwordHash: 'y', version: 2, updatedAt: new Date(1) },
    );
    expect(d).toEqual({ before: { name: 'A', version: 1 }, after: { name: 'B', version: 2 } });
  });
  it('scrubs secrets from creations', () => {
    expect(changedFields(null, { email: 'a@b.fr', password_hash: 'x', token: 't' })).toEqual({
      before: null,
      after: { email: 'a@b.fr' },
    });
  });
});
