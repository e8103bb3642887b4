import { useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import type { MentorOfferEditFieldsFragment, Role } from '../../gql/graphql';
import { useViewer } from '../../auth/viewer';
import { hasRole, isAdmin } from '../../auth/permissions';
import { AuditEntries } from '../../components/AuditEntries';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorSummary, RequiredNote } from '../../components/form';
import { ErrorNotice, Loading, Success } from '../../components/status';
import { VersionConflictPanel } from '../../components/VersionConflictPanel';
import { formatDate } from '../../format';
import { focusSoon, splitFieldErrors, versionConflictOf, type VersionConflict } from '../../lib/entityForm';
import { errorMessage, fieldErrorsOf, findError } from '../../lib/errors';
import { rowIdOf } from '../../lib/ids';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  MENTOR_OFFER_API_TO_FORM,
  MENTOR_OFFER_FORM_KEYS,
  MENTOR_OFFER_STATUS_BADGES,
  MENTOR_OFFER_STATUS_LABELS,
  formatMentorOfferValue,
  mentorOfferChangedKeys,
  mentorOfferFieldLabel,
  mentorOfferValuesOf,
  summaryFieldId,
  toMentorOfferPatch,
  validateMentorOffer,
  type MentorOfferFormKey,
  type MentorOfferFormValues,
} from './model';
import { MENTOR_OFFER_EDIT_QUERY, UPDATE_MENTOR_OFFER_MUTATION } from './operations';
import { MentorOfferFields } from './MentorOfferFields';

export function MentorOfferEditPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { data, error, refetch } = useQuery(MENTOR_OFFER_EDIT_QUERY, {
    variables: { id },
    // The form edits what the server has now (its version), not an older cached copy.
    fetchPolicy: 'network-only',
    nextFetchPolicy: 'cache-first',
  });
  const offer = data?.mentorOffer;
  usePageTitle(offer ? offer.title : 'Offre de tutorat');

  if (error && !data) {
    return (
      <>
        <Breadcrumb name="Offre de tutorat" />
        <h1>Offre de tutorat</h1>
        <ErrorNotice
          message={`L'offre n'a pas pu être chargée. ${errorMessage(error, '')}`.trim()}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!data) return <Loading>Chargement de l'offre…</Loading>;
  if (!offer) {
    return (
      <>
        <Breadcrumb name="Offre introuvable" />
        <h1>Offre introuvable</h1>
        <p className="notice">
          Cette offre de tutorat n'existe pas. <Link to="/tutorat">Retour à la liste</Link>
        </p>
      </>
    );
  }
  return (
    <MentorOfferEditor
      key={offer.id}
      offer={offer}
      created={(location.state as { created?: boolean } | null)?.created === true}
    />
  );
}

function Breadcrumb({ name }: { name: string }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumb">
      <ol>
        <li>
          <Link to="/tutorat">Offres de tutorat</Link>
        </li>
        <li aria-current="page">{name}</li>
      </ol>
    </nav>
  );
}

function MentorOfferEditor({ offer, created }: { offer: MentorOfferEditFieldsFragment; created: boolean }) {
  const { viewer } = useViewer();
  const roles: readonly Role[] = viewer?.roles ?? [];
  // Mentor offers are the mission's to edit (the API checks again).
  const readOnly = !isAdmin(roles);
  const client = useApolloClient();

  const [current, setCurrent] = useState(offer);
  const [base, setBase] = useState(() => mentorOfferValuesOf(offer));
  const [values, setValues] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<MentorOfferFormKey, string[]>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict<MentorOfferFormValues> | null>(null);
  const [notice, setNotice] = useState<string | null>(created ? 'Offre créée.' : null);
  const [saving, setSaving] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [closeOpen, setCloseOpen] = useState(false);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLElement>(null);

  const [update] = useMutation(UPDATE_MENTOR_OFFER_MUTATION);

  const onChange = <K extends MentorOfferFormKey>(key: K, value: MentorOfferFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setNotice(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNotice(null);
    const clientErrors = validateMentorOffer(values, false);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      focusSoon(() => summaryRef.current);
      return;
    }
    const changed = mentorOfferChangedKeys(base, values);
    if (!changed.length) {
      setNotice('Aucune modification à enregistrer.');
      return;
    }
    setSaving(true);
    let latest = current;
    try {
      const res = await update({
        variables: { id: current.id, version: current.version, input: toMentorOfferPatch(base, values) },
      });
      if (res.data) latest = res.data.updateMentorOffer;
    } catch (err) {
      setSaving(false);
      const mine = Object.fromEntries(changed.map((k) => [k, values[k]])) as Partial<MentorOfferFormValues>;
      const c = versionConflictOf(err, mine, current.version);
      if (c) {
        setConflict(c);
        focusSoon(() => conflictRef.current);
        return;
      }
      const { own, others } = splitFieldErrors(fieldErrorsOf(err, MENTOR_OFFER_API_TO_FORM), MENTOR_OFFER_FORM_KEYS);
      setErrors(own);
      if (!Object.keys(own).length || others.length) setFormError(others.length ? others.join(' ') : errorMessage(err));
      focusSoon(() => summaryRef.current);
      return;
    }
    setSaving(false);
    const next = mentorOfferValuesOf(latest);
    setCurrent(latest);
    setBase(next);
    setValues(next);
    setErrors({});
    setConflict(null);
    setNotice('Modifications enregistrées.');
    void client.refetchQueries({ include: ['AuditLog'] });
  };

  /** Loads the current version; with `reapply`, puts the person's changes back on top of it. */
  const reload = async (reapply: boolean) => {
    setReloading(true);
    try {
      const { data } = await client.query({
        query: MENTOR_OFFER_EDIT_QUERY,
        variables: { id: current.id },
        fetchPolicy: 'network-only',
      });
      const fresh = data?.mentorOffer;
      if (!fresh) throw new Error('Offre introuvable');
      const freshValues = mentorOfferValuesOf(fresh);
      setCurrent(fresh);
      setBase(freshValues);
      setValues(reapply && conflict ? { ...freshValues, ...conflict.mine } : freshValues);
      setErrors({});
      setFormError(null);
      setConflict(null);
      setNotice(
        reapply
          ? `Vos modifications ont été réappliquées sur la version actuelle (version ${fresh.version}). Vérifiez-les puis enregistrez.`
          : `Version actuelle rechargée (version ${fresh.version}).`,
      );
      focusSoon(() => document.getElementById(summaryFieldId('title')));
    } catch (err) {
      setFormError(`La version actuelle n'a pas pu être chargée. ${errorMessage(err, '')}`.trim());
    } finally {
      setReloading(false);
    }
  };

  /** Archiving an offer is closing it (status CLOSED), with the loaded version. */
  const onClose = async () => {
    setCloseError(null);
    setClosing(true);
    try {
      const res = await update({ variables: { id: current.id, version: current.version, input: { status: 'CLOSED' } } });
      if (res.data) {
        const closed = res.data.updateMentorOffer;
        setCurrent(closed);
        const v = mentorOfferValuesOf(closed);
        setBase(v);
        setValues((old) => ({ ...old, status: v.status }));
      }
      setCloseOpen(false);
      setNotice('Offre close : elle ne paraît plus parmi les offres disponibles.');
      void client.refetchQueries({ include: ['AuditLog'] });
    } catch (err) {
      setCloseError(
        findError(err, 'CONFLICT')
          ? 'L’offre a été modifiée entre-temps : rechargez la page avant de la clore.'
          : errorMessage(err),
      );
    } finally {
      setClosing(false);
    }
  };

  const summaryItems = [
    ...(Object.entries(errors) as Array<[MentorOfferFormKey, string[]]>).map(([k, messages]) => ({
      fieldId: summaryFieldId(k),
      message: `${mentorOfferFieldLabel(k)} : ${messages.join(' ')}`,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const rowId = rowIdOf(current.id, 'MentorOffer');

  return (
    <>
      <Breadcrumb name={current.title} />
      <div className="page-header">
        <div>
          <h1>{current.title}</h1>
          <p className="meta">
            <span className={`badge ${MENTOR_OFFER_STATUS_BADGES[current.status]}`}>
              {MENTOR_OFFER_STATUS_LABELS[current.status]}
            </span>{' '}
            Tuteur ou tutrice : {current.mentor.displayName} · version {current.version} · créée le{' '}
            {formatDate(current.createdAt)}, modifiée le {formatDate(current.updatedAt)}
          </p>
        </div>
        {!readOnly && current.status !== 'CLOSED' && (
          <button type="button" className="button button--danger-outline" onClick={() => setCloseOpen(true)}>
            Clore l'offre
          </button>
        )}
      </div>

      {readOnly && <p className="notice">Votre rôle permet de consulter cette offre, pas de la modifier.</p>}

      {conflict && (
        <VersionConflictPanel
          ref={conflictRef}
          conflict={conflict}
          subject="Cette offre a été modifiée"
          labelOf={mentorOfferFieldLabel}
          formatOf={formatMentorOfferValue}
          busy={reloading}
          onReload={() => void reload(false)}
          onReapply={() => void reload(true)}
        />
      )}

      <div ref={summaryRef} tabIndex={-1} className="summary-anchor">
        <ErrorSummary items={summaryItems} title="L'enregistrement a échoué" />
      </div>

      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Offre de tutorat">
        {!readOnly && <RequiredNote />}
        <fieldset disabled={readOnly} className="fieldset--plain">
          <MentorOfferFields values={values} onChange={onChange} errors={errors} creating={false} readOnly={readOnly} />
        </fieldset>
        {!readOnly && (
          <div className="form-footer">
            <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving || undefined}>
              Enregistrer
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setValues(base);
                setErrors({});
                setFormError(null);
                setNotice(null);
              }}
              disabled={saving}
            >
              Annuler les changements
            </button>
            {notice && <Success>{notice}</Success>}
          </div>
        )}
      </form>

      {hasRole(roles, 'ADMIN', 'STEERING') && rowId && (
        <section className="section" aria-labelledby="history-title">
          <h2 id="history-title">Historique</h2>
          <AuditEntries
            filters={{ entityType: 'MentorOffer', entityId: rowId }}
            showEntity={false}
            emptyMessage="Aucune modification enregistrée pour cette offre."
          />
        </section>
      )}

      {closeOpen && (
        <ConfirmDialog
          title="Clore cette offre ?"
          description={
            <p>
              « {current.title} » ne sera plus proposée (statut « Clos »). Son historique est conservé et la mission pourra la
              rouvrir en changeant son statut.
            </p>
          }
          confirmLabel="Confirmer la clôture"
          danger
          busy={closing}
          error={closeError}
          onConfirm={() => void onClose()}
          onCancel={() => {
            setCloseOpen(false);
            setCloseError(null);
          }}
        />
      )}
    </>
  );
}
