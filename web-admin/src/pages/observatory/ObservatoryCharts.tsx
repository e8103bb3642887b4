import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@essor/web-ui';

/** Charts of the observatory (Recharts, loaded with this module only). Decorative: each has a data table. */

export interface BarDatum {
  label: string;
  value: number;
}

const PRIMARY = '#0b6e4f';
const ACCENT = '#b36b00';
const tickFormatter = (v: number) => formatNumber(v);

export function HorizontalBars({ data, valueLabel }: { data: readonly BarDatum[]; valueLabel: string }) {
  const height = Math.max(160, data.length * 28 + 60);
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data as BarDatum[]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={tickFormatter} />
          <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Bar dataKey="value" name={valueLabel} fill={PRIMARY} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export interface SeriesDatum {
  year: number;
  establishments: number;
  employees: number;
}

export function SeriesLines({ data }: { data: readonly SeriesDatum[] }) {
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data as SeriesDatum[]} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis yAxisId="left" tickFormatter={tickFormatter} />
          <YAxis yAxisId="right" orientation="right" tickFormatter={tickFormatter} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} />
          <Legend />
          <Line
            yAxisId="left"
            type="monotone"
            dataKey="establishments"
            name="Établissements"
            stroke={PRIMARY}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            yAxisId="right"
            type="monotone"
            dataKey="employees"
            name="Salariés (estimation centrale)"
            stroke={ACCENT}
            strokeWidth={2}
            strokeDasharray="6 3"
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
