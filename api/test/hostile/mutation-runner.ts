// Runs hostile mutations as ADMIN and checks that every refused one changed nothing.
//
// One at a time, each would need two fingerprints of the domain tables; instead they run in small
// concurrent batches of different root fields (different rows): when every mutation of a batch is
// refused, one fingerprint before and one after the batch prove that none of them wrote anything.
// When one of them was accepted (it wrote, legitimately), or when the fingerprint moved, the refused
// ones of the batch are sent again one at a time, each between two fingerprints, which names the
// culprit of a partial write.
import { Fingerprinter } from './fingerprint';
import { postGraphql, type Answer } from './http-client';
import type { HostileRequest } from './schema-walk';
import { inspect, type Tally } from './verdict';

export const refused = (a: Answer) =>
  (Array.isArray(a.json) ? a.json.some((r) => r?.errors) : !!a.json?.errors?.length) || a.status >= 400;

/** Requests interleaved by root field, so that consecutive ones (a batch) touch different rows. */
export function interleaveByField<T extends { field: string }>(items: readonly T[]): T[] {
  const byField = new Map<string, T[]>();
  for (const r of items) byField.set(r.field, [...(byField.get(r.field) ?? []), r]);
  const queues = [...byField.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const q of queues) if (i < q.length) out.push(q[i]);
  return out;
}

export class MutationRunner {
  constructor(
    private readonly url: string,
    private readonly cookie: string,
    private readonly fingerprint: Fingerprinter,
    private readonly tally: Tally,
  ) {}

  private send(r: HostileRequest, op: { query: string; variables: Record<string, unknown> }) {
    return postGraphql(this.url, op, { cookie: this.cookie });
  }

  /** Alone, between two fingerprints. */
  private async alone(r: HostileRequest, note: string): Promise<void> {
    const op = await r.build();
    const before = await this.fingerprint.take();
    const a = await this.send(r, op);
    const inspection = inspect(a, r.echo);
    if (refused(a)) {
      const changed = Fingerprinter.changed(before, await this.fingerprint.take(), [r.field]);
      if (changed.length) {
        inspection.findings.push('partial-write');
        inspection.details.push(`refused, yet changed: ${changed.join(', ')}`);
      }
    }
    this.tally.record(r.cls, `${r.field}(${r.slot}) ${r.label}${note}`, inspection);
  }

  async run(requests: readonly HostileRequest[], batchSize = 6): Promise<void> {
    const ordered = interleaveByField(requests);
    for (let i = 0; i < ordered.length; i += batchSize) {
      const batch = ordered.slice(i, i + batchSize);
      const ops = await Promise.all(batch.map((r) => r.build()));
      const before = await this.fingerprint.take();
      const answers = await Promise.all(batch.map((r, j) => this.send(r, ops[j])));
      batch.forEach((r, j) => this.tally.record(r.cls, `${r.field}(${r.slot}) ${r.label}`, inspect(answers[j], r.echo)));
      const refusedOnes = batch.filter((_, j) => refused(answers[j]));
      if (!refusedOnes.length) continue;
      if (refusedOnes.length === batch.length) {
        const changed = Fingerprinter.changed(
          before,
          await this.fingerprint.take(),
          batch.map((r) => r.field),
        );
        if (!changed.length) continue;
      }
      for (const r of refusedOnes) await this.alone(r, ' (again, alone)');
    }
  }
}
