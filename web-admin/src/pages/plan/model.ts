import type { PlanActionFieldsFragment, SteeringMeetingsQuery } from '../../gql/graphql';
import { formatNumber } from '@essor/web-ui';

export type PlanAction = PlanActionFieldsFragment;
export type Milestone = PlanAction['milestones'][number];
export type Indicator = PlanAction['indicators'][number];
export type Meeting = SteeringMeetingsQuery['steeringMeetings'][number];
export type Decision = Meeting['decisions'][number];

export const ACTION_STATUS_LABELS: Record<string, string> = {
  NOT_STARTED: 'Non démarrée',
  ON_TRACK: 'En bonne voie',
  AT_RISK: 'À risque',
  LATE: 'En retard',
  DONE: 'Terminée',
};

export const DECISION_STATUS_LABELS: Record<string, string> = {
  OPEN: 'À engager',
  IN_PROGRESS: 'En cours',
  DONE: 'Réalisée',
  DROPPED: 'Abandonnée',
};

/** Today as a calendar date (« 2026-05-12 »), the default of the date fields. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A measured value rounded to two decimals, « — » when there is none. */
export const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatNumber(Math.round(v * 100) / 100);

/** « 12 / 20 structures (60 %) », or the value alone without a target. */
export function progressText(ind: Pick<Indicator, 'current' | 'target' | 'unit'>): string {
  const unit = ind.unit ? ` ${ind.unit}` : '';
  if (ind.current === null || ind.current === undefined)
    return `Aucune valeur${ind.target ? ` (cible : ${fmt(ind.target)}${unit})` : ''}`;
  if (!ind.target) return `${fmt(ind.current)}${unit}`;
  return `${fmt(ind.current)} / ${fmt(ind.target)}${unit} (${Math.round((ind.current / ind.target) * 100)} %)`;
}
