import type { EntityManager } from 'typeorm';
import { renderMail } from '../../common/mail/mail-layout';
import type { MailTemplate } from '../../common/mail/mailer';
import { toGlobalId } from '../../common/relay/global-id';
import { queryRow, sql } from '../../common/sql/sql';

/** Parameters stored with the mail: the proposal's id only (its text is read when the mail is sent). */
export interface SubmissionMailParams extends Record<string, unknown> {
  submissionId: string;
}

interface Decided {
  kind: 'NEW' | 'CORRECTION';
  submitterName: string | null;
  /** The structure proposed (NEW) or corrected. */
  structureName: string;
  /** Set when the structure is published: the public page to link to. */
  structureId: string | null;
  rejectReason: string | null;
}

interface DecidedRow {
  kind: Decided['kind'];
  submitter_name: string | null;
  structure_name: string | null;
  structure_id: string | null;
  published: boolean;
  reject_reason: string | null;
}

async function decided(m: EntityManager, p: SubmissionMailParams, status: 'ACCEPTED' | 'REJECTED'): Promise<Decided | null> {
  const row = await queryRow(
    m,
    sql<DecidedRow>`SELECT s.kind, s.submitter_name, coalesce(st.name, s.payload->>'name') AS structure_name, st.id::text AS structure_id,
            coalesce(st.status = 'PUBLISHED', false) AS published, s.reject_reason
     FROM structure_submission s LEFT JOIN structure st ON st.id = s.structure_id
     WHERE s.id = ${p.submissionId} AND s.status = ${status}`,
  );
  if (!row) return null;
  return {
    kind: row.kind,
    submitterName: row.submitter_name?.trim() || null,
    structureName: row.structure_name?.trim() || 'votre structure',
    structureId: row.published ? row.structure_id : null,
    rejectReason: row.reject_reason,
  };
}

const greeting = (d: Decided) => (d.submitterName ? `Bonjour ${d.submitterName},` : 'Bonjour,');

/** « Votre proposition a été acceptée », to whoever proposed a structure or a correction. */
export const SUBMISSION_ACCEPTED_MAIL: MailTemplate<SubmissionMailParams> = {
  name: 'submission-accepted',
  subject: 'Essor — votre proposition a été acceptée',
  secret: false,
  async render(m, p, env) {
    const d = await decided(m, p, 'ACCEPTED');
    if (!d) return null;
    return renderMail({
      greeting: greeting(d),
      paragraphs: [
        d.kind === 'NEW'
          ? `Merci ! Votre proposition d’ajouter « ${d.structureName} » à l’annuaire de l’ESS de Sambre-Avesnois a été acceptée par la mission territoriale.`
          : `Merci ! Votre correction de la fiche « ${d.structureName} » a été acceptée par la mission territoriale et appliquée.`,
      ],
      action: d.structureId
        ? {
            label: 'Voir la fiche dans l’annuaire',
            href: `${env.publicUrl}/structures/${toGlobalId('Structure', d.structureId)}`,
          }
        : undefined,
      after: ['Vous recevez ce message parce que vous avez fait cette proposition sur Essor.'],
    });
  },
};

/** « Votre proposition a été refusée », with the moderator's reason. */
export const SUBMISSION_REJECTED_MAIL: MailTemplate<SubmissionMailParams> = {
  name: 'submission-rejected',
  subject: 'Essor — votre proposition n’a pas été retenue',
  secret: false,
  async render(m, p) {
    const d = await decided(m, p, 'REJECTED');
    if (!d) return null;
    return renderMail({
      greeting: greeting(d),
      paragraphs: [
        d.kind === 'NEW'
          ? `Votre proposition d’ajouter « ${d.structureName} » à l’annuaire de l’ESS de Sambre-Avesnois a été examinée par la mission territoriale, qui ne l’a pas retenue.`
          : `Votre correction de la fiche « ${d.structureName} » a été examinée par la mission territoriale, qui ne l’a pas retenue.`,
        ...(d.rejectReason ? [`Motif : ${d.rejectReason}`] : []),
      ],
      after: [
        'Vous pouvez faire une nouvelle proposition depuis l’annuaire. Vous recevez ce message parce que vous avez fait cette proposition sur Essor.',
      ],
    });
  },
};
