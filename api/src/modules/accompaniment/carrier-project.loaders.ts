import type { DataSource } from 'typeorm';
import { groupLoader, keyLoader, KEYS } from '../../common/reads';
import { CarrierProjectReferral } from './carrier-project-referral.entity';
import { CarrierProjectStageChange } from './carrier-project-stage-change.entity';
import { CarrierProject } from './carrier-project.entity';

/** A project's nested lists: one statement per list for every project of the request. */
export function createCarrierProjectLoaders(ds: DataSource) {
  return {
    byId: keyLoader(ds, CarrierProject, { table: 'carrier_project', key: 'id', keyType: 'bigint' }),
    byPersonId: groupLoader(
      ds,
      CarrierProject,
      (cols) => `SELECT t.person_id::text AS __key, ${cols} FROM carrier_project t
        WHERE t.person_id = ANY(${KEYS.bigint}) ORDER BY t.id`,
    ),
    referrals: groupLoader(
      ds,
      CarrierProjectReferral,
      (cols) => `SELECT t.project_id::text AS __key, ${cols} FROM carrier_project_referral t
        WHERE t.project_id = ANY(${KEYS.bigint}) ORDER BY t.referred_on, t.id`,
    ),
    stageHistory: groupLoader(
      ds,
      CarrierProjectStageChange,
      (cols) => `SELECT t.project_id::text AS __key, ${cols} FROM carrier_project_stage_change t
        WHERE t.project_id = ANY(${KEYS.bigint}) ORDER BY t.id`,
    ),
  };
}

/** This module's loaders in every request's `ctx.loaders` (built by the composition root, api/src/loaders.ts). */
declare module '../../common/context' {
  interface Loaders {
    carrierProject: ReturnType<typeof createCarrierProjectLoaders>;
  }
}
