import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ObservatoryFiguresFieldsFragment } from '../../gql/graphql';
import { formatNumber, EmptyState } from '@essor/web-ui';
import { formatEmployees, formatPercent, shareOf } from '../../lib/observatory';
import { BarList } from './BarList';

export type Figures = ObservatoryFiguresFieldsFragment;

export interface BreakdownRow {
  key: string;
  label: string;
  figures: Figures;
  /** Page of the value (intercommunality, commune…), if any. */
  href?: string;
  /** Colour variant of the bar (SSE family). */
  tone?: string;
}

/**
 * A data table readable on a small screen: when it overflows, it scrolls horizontally inside a
 * (keyboard) focusable region named by its caption. The caption stays the table's title for
 * assistive technologies; its visible copy, above the scrolling area, wraps instead of being cut.
 */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <div className="obs-table">
      <p className="obs-table__title" aria-hidden="true">
        {caption}
      </p>
      <div className="obs-table__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="table">
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          {children}
        </table>
      </div>
    </div>
  );
}

function FigureCells({ figures, total }: { figures: Figures; total: number }) {
  return (
    <>
      <td className="table__number">{formatNumber(figures.establishments)}</td>
      <td className="table__number">{formatPercent(shareOf(figures.establishments, total))}</td>
      <td className="table__number">{formatNumber(figures.employers)}</td>
      <td className="table__number">{formatEmployees(figures.employeesMid)}</td>
    </>
  );
}

interface BreakdownProps {
  id: string;
  /** Title of the breakdown (« Par famille de l'ESS »). */
  title: string;
  /** Header of the first column (« Famille »). */
  dimension: string;
  /** Caption of the table. */
  caption: string;
  rows: readonly BreakdownRow[];
  /** Figures of the whole scope (« Ensemble » row and shares). */
  totals: Figures;
  /** Note under the title (limited rows, double counting…). */
  note?: ReactNode;
  empty: ReactNode;
}

/** A breakdown: bars (establishments) and the full table (establishments, share, employers, employees). */
export function Breakdown({ id, title, dimension, caption, rows, totals, note, empty }: BreakdownProps) {
  const total = totals.establishments;
  return (
    <section className="obs-breakdown" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {note ? <p className="obs-breakdown__note">{note}</p> : null}
      {rows.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div className="obs-breakdown__body obs-breakdown__body--split">
          <BarList
            label={`Nombre d'établissements de l'ESS (et part du total) : ${title.charAt(0).toLowerCase()}${title.slice(1)}`}
            items={rows.map((row) => ({
              key: row.key,
              label: row.label,
              value: row.figures.establishments,
              valueText: `${formatNumber(row.figures.establishments)} (${formatPercent(shareOf(row.figures.establishments, total))})`,
              tone: row.tone,
            }))}
          />
          <DataTable caption={caption}>
            <thead>
              <tr>
                <th scope="col">{dimension}</th>
                <th scope="col" className="table__number">
                  Établissements
                </th>
                <th scope="col" className="table__number">
                  Part du total
                </th>
                <th scope="col" className="table__number">
                  Employeurs
                </th>
                <th scope="col" className="table__number">
                  Salariés (estimation)
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.href ? <Link to={row.href}>{row.label}</Link> : row.label}</th>
                  <FigureCells figures={row.figures} total={total} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Ensemble du périmètre</th>
                <FigureCells figures={totals} total={total} />
              </tr>
            </tfoot>
          </DataTable>
        </div>
      )}
    </section>
  );
}
