import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader, KEYS } from '../../common/reads';
import { Sector } from '../sector/sector.entity';
import { Structure } from '../structure/structure.entity';
import { Account } from './account.entity';

export function createAccountLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, Account, { table: 'account', key: 'id', keyType: 'bigint' }),
    structures: groupLoader(
      ds,
      Structure,
      (cols) => `SELECT a.account_id::text AS __key, ${cols} FROM account_structure a JOIN structure t ON t.id = a.structure_id
        WHERE a.account_id = ANY(${KEYS.bigint}) ORDER BY t.search_name, t.id`,
    ),
    sectors: groupLoader(
      ds,
      Sector,
      (cols) => `SELECT a.account_id::text AS __key, ${cols} FROM account_sector a JOIN sector t ON t.id = a.sector_id
        WHERE a.account_id = ANY(${KEYS.bigint}) ORDER BY t.name`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    account: ReturnType<typeof createAccountLoaders>;
  }
}
