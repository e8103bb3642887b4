import type { DataSource } from 'typeorm';
import { nestedPageLoader } from '../../common/db/nested-page';
import { countLoader, keyLoader, KEYS, linkLoader, perColumnSet } from '../../common/reads';
import { Structure } from '../structure/structure.entity';
import { Network } from './network.entity';

export function createNetworkLoaders(ds: DataSource) {
  const memberCount = countLoader(
    ds,
    `SELECT m.network_id::text AS __key, count(*) AS n FROM network_membership m
     JOIN structure s ON s.id = m.structure_id AND s.status = 'PUBLISHED'
     WHERE m.network_id = ANY(${KEYS.bigint}) GROUP BY 1`,
  );
  return {
    byId: keyLoader(ds, Network, { table: 'network', key: 'id', keyType: 'bigint' }),
    /** Active networks of structures, reading the columns of a selection (`unneededNetworkColumns`). */
    byStructureIdFor: perColumnSet((without) =>
      linkLoader(
        ds,
        Network,
        (cols) => `SELECT array_agg(m.structure_id::text) AS __keys, ${cols} FROM network_membership m
        JOIN network t ON t.id = m.network_id AND t.status = 'ACTIVE' WHERE m.structure_id = ANY(${KEYS.bigint})
        GROUP BY t.id ORDER BY t.name, t.id`,
        without,
      ),
    ),
    memberCount,
    members: nestedPageLoader(
      ds,
      Structure,
      `network_membership m JOIN structure t ON t.id = m.structure_id
       WHERE m.network_id = p.key AND t.status = 'PUBLISHED'`,
      memberCount,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    network: ReturnType<typeof createNetworkLoaders>;
  }
}
