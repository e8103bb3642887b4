import { sql, type Sql } from '../../common/sql/sql';

/** Geometry of the directory: points on the unit sphere (essor_sphere_point), chords and kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The chord (unit sphere) of a great-circle distance in km. */
export const chordOfKm = (km: number) => 2 * Math.sin(km / (2 * EARTH_RADIUS_KM));

/** Kilometres of a chord, rounded to 10 m. */
export const kmOfChord = (chord: number) => Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2)) * 100) / 100;

/** SQL: kilometres of a chord expression. */
export const kmOfChordSql = (chord: Sql) => sql`(2 * ${sql.raw(String(EARTH_RADIUS_KM))} * asin(least(1.0, (${chord}) / 2)))`;
