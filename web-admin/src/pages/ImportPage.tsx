import { useRef, useState, type ChangeEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ImportStructuresMutation } from '../gql/graphql';
import { ErrorNotice, Success, plural, errorMessage } from '@essor/web-ui';
import { usePageTitle } from '../lib/usePageTitle';

export const IMPORT_STRUCTURES_MUTATION = graphql(`
  mutation ImportStructures($csv: String!, $commit: Boolean!, $skipInvalid: Boolean) {
    importStructures(csv: $csv, commit: $commit, skipInvalid: $skipInvalid) {
      committed
      totalRows
      validRows
      created
      updated
      errors {
        line
        column
        message
      }
      preview {
        line
        action
        name
        siret
        communeCode
      }
    }
  }
`);

export const CSV_COLUMNS =
  'nom;siret;categorie_juridique;code_commune;adresse;code_postal;site_web;courriel;telephone;description;services;naf;tranche_effectifs';

const TEMPLATE = `${CSV_COLUMNS}\nAssociation exemple;;9220;59392;1 rue de la Paix;59600;https://exemple.org;contact@exemple.org;03 27 00 00 00;Une association d'exemple;Accueil, orientation;88.99B;01\n`;

type Report = ImportStructuresMutation['importStructures'];

/** Reads a chosen file as UTF-8 text (in the browser: nothing is uploaded before the preview). */
function readAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('Lecture impossible'));
    reader.readAsText(file, 'utf-8');
  });
}

const MAX_BYTES = 900 * 1024;

export function ImportPage() {
  usePageTitle('Import CSV');
  const [fileName, setFileName] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, { loading }] = useMutation(IMPORT_STRUCTURES_MUTATION);
  const resultRef = useRef<HTMLDivElement>(null);
  const templateHref = `data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    setReport(null);
    setError(null);
    setFileError(null);
    setCsv(null);
    const file = e.target.files?.[0];
    setFileName(file?.name ?? null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError('Ce fichier est trop volumineux (900 Ko au plus) : découpez-le en plusieurs fichiers.');
      return;
    }
    try {
      setCsv(await readAsText(file));
    } catch {
      setFileError("Le fichier n'a pas pu être lu.");
    }
  };

  const submit = async (commit: boolean, skipInvalid: boolean) => {
    if (!csv) {
      setFileError('Choisissez un fichier CSV.');
      document.getElementById('import-file')?.focus();
      return;
    }
    setError(null);
    try {
      const res = await run({ variables: { csv, commit, skipInvalid } });
      if (res.data) setReport(res.data.importStructures);
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const errors = report ? [...report.errors].sort((a, b) => a.line - b.line) : [];
  const invalidLines = new Set(errors.map((e) => e.line));

  return (
    <>
      <h1>Import CSV</h1>
      <p className="lead">
        Créez ou mettez à jour des structures à partir d'un tableur. Une structure dont le SIRET existe déjà est mise à jour ; les
        autres sont créées. Rien n'est écrit avant votre confirmation.
      </p>

      <section className="section" aria-labelledby="template-title">
        <h2 id="template-title">Format attendu</h2>
        <p>
          Fichier texte UTF-8, valeurs séparées par des points-virgules ou des virgules, une première ligne d'en-tête avec ces
          colonnes (seule <code>nom</code> est obligatoire) :
        </p>
        <pre className="code-block">
          <code>{CSV_COLUMNS}</code>
        </pre>
        <p>
          <a href={templateHref} download="modele-import-structures.csv">
            Télécharger le modèle (CSV)
          </a>
        </p>
      </section>

      <section className="section" aria-labelledby="file-title">
        <h2 id="file-title">1. Choisir le fichier</h2>
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            Fichier CSV
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            className="input input--file"
            onChange={(e) => void onFile(e)}
            aria-describedby={fileError ? 'import-file-error' : csv !== null ? 'import-file-hint' : undefined}
            aria-invalid={fileError ? true : undefined}
          />
          {fileError && (
            <p className="field__error" id="import-file-error">
              {fileError}
            </p>
          )}
          {fileName && csv !== null && (
            <p className="field__hint" id="import-file-hint">
              Fichier lu : {fileName}
            </p>
          )}
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void submit(false, false)}
            disabled={loading}
            aria-busy={loading || undefined}
          >
            Prévisualiser
          </button>
        </div>
      </section>

      {error && <ErrorNotice>{error}</ErrorNotice>}

      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {report && (
          <section className="section" aria-labelledby="report-title">
            <h2 id="report-title">{report.committed ? '3. Import terminé' : '2. Vérifier'}</h2>
            {report.committed ? (
              <Success>
                Import terminé : {plural(report.created, 'structure créée', 'structures créées')},{' '}
                {plural(report.updated, 'structure mise à jour', 'structures mises à jour')}
                {errors.length > 0 && `, ${plural(invalidLines.size, 'ligne ignorée', 'lignes ignorées')}`}.
              </Success>
            ) : (
              <p role="status">
                {plural(report.totalRows, 'ligne lue', 'lignes lues')}, {plural(report.validRows, 'valide', 'valides')} :{' '}
                {plural(report.preview.filter((p) => p.action === 'CREATE').length, 'création', 'créations')},{' '}
                {plural(report.preview.filter((p) => p.action === 'UPDATE').length, 'mise à jour', 'mises à jour')}
                {errors.length > 0 && `, ${plural(errors.length, 'erreur', 'erreurs')}`}.
              </p>
            )}

            {errors.length > 0 && (
              <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="import-errors-caption">
                <table className="data-table data-table--compact">
                  <caption id="import-errors-caption">Erreurs, par ligne (la ligne 1 est l'en-tête)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">Colonne</th>
                      <th scope="col">Erreur</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errors.map((e, i) => (
                      <tr key={`${e.line}-${e.column ?? ''}-${i}`}>
                        <td>{e.line}</td>
                        <td>{e.column ?? '—'}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            {!report.committed && report.preview.length > 0 && (
              <div className="table-wrapper" tabIndex={0} role="region" aria-labelledby="import-preview-caption">
                <table className="data-table data-table--compact">
                  <caption id="import-preview-caption">Ce que l'import ferait</caption>
                  <thead>
                    <tr>
                      <th scope="col">Ligne</th>
                      <th scope="col">Action</th>
                      <th scope="col">Nom</th>
                      <th scope="col">SIRET</th>
                      <th scope="col">Code commune</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.preview.map((p) => (
                      <tr key={p.line}>
                        <td>{p.line}</td>
                        <td>{p.action === 'UPDATE' ? 'Mise à jour' : p.action === 'CREATE' ? 'Création' : p.action}</td>
                        <td>{p.name}</td>
                        <td>{p.siret ?? '—'}</td>
                        <td>{p.communeCode ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            {!report.committed && (
              <div className="actions">
                {errors.length === 0 ? (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => void submit(true, false)}
                    disabled={loading || report.validRows === 0}
                  >
                    Importer
                  </button>
                ) : (
                  report.validRows > 0 && (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => void submit(true, true)}
                      disabled={loading}
                    >
                      Importer en ignorant les lignes en erreur
                    </button>
                  )
                )}
              </div>
            )}
            {!report.committed && errors.length > 0 && (
              <p className="field__hint">Corrigez le fichier puis choisissez-le à nouveau pour importer toutes les lignes.</p>
            )}
          </section>
        )}
      </div>
    </>
  );
}
