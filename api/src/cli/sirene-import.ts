// Imports INSEE's SIRENE stock files for a territory. Run through:
//   npm run sirene:import -- --etablissements StockEtablissement_utf8.csv --unites StockUniteLegale_utf8.csv \
//     --territory sambre-avesnois [--date 2026-11-01]
// --territory takes départements (59), EPCI SIRENs, commune codes or a named zone, comma-separated.
// An interrupted import resumes where it stopped when run again with the same files.
import 'reflect-metadata';
import fs from 'node:fs';
import { createAppDataSource } from '../data-source';
import { ZONES } from '../modules/observatory/reference-figures';
import { importSirene } from '../modules/observatory/sirene-import.service';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const etablissements = arg('etablissements');
  const unites = arg('unites');
  const territoryArg = arg('territory');
  if (!etablissements || !unites || !territoryArg) {
    console.error(
      'usage: npm run sirene:import -- --etablissements FILE --unites FILE --territory 59|sambre-avesnois|… [--date YYYY-MM-DD]',
    );
    process.exit(2);
  }
  for (const f of [etablissements, unites]) {
    if (!fs.existsSync(f)) {
      console.error(`Fichier introuvable : ${f}`);
      process.exit(2);
    }
  }
  const territory = territoryArg.split(',').flatMap((t) => ZONES[t.trim()]?.epcis ?? [t.trim()]);
  const fileDate = arg('date') ?? fs.statSync(etablissements).mtime.toISOString().slice(0, 10);
  const ds = createAppDataSource({ url: process.env.DATABASE_URL!, poolSize: 2 });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const report = await importSirene(ds, {
      etablissements,
      unites,
      territory,
      fileDate,
      onProgress: (m) => console.log(`[sirene] ${m}`),
    });
    console.log(`[sirene] terminé en ${((Date.now() - started) / 1000).toFixed(1)} s :`, report);
    if (report.rejected)
      console.log(
        `[sirene] ${report.rejected} ligne(s) rejetée(s) : voir la table sirene_import_error (import ${report.importId}).`,
      );
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
