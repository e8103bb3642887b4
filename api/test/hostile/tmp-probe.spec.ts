import { startTestServer } from '../helpers/server';
test('probe', async () => {
  const t = await startTestServer();
  const r = await t.gql(`mutation ($e: String!) { login(email: $e, password: "xxxxxxxxxxxxxxxx") { id } }`, { e: 'Ess\ud800ai' });
  process.stderr.write(JSON.stringify(r.errors) + '\n');
  const r2 = await t.gql(`query ($n: NearInput) { searchStructures(near: $n) { totalCount } }`, {
    n: { latitude: 5e-324, longitude: 3.9 },
  });
  process.stderr.write(JSON.stringify(r2.errors) + '\n');
  await t.close();
});
