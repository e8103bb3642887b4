/**
 * Preloaded (`-r`) into the SIRENE import CLI by bench/sirene.ts: at exit, writes the process's
 * peak resident set size and CPU time to the file named by ESSOR_BENCH_PROBE_FILE. Changes nothing else.
 */
import fs from 'node:fs';

const file = process.env.ESSOR_BENCH_PROBE_FILE;
if (file) {
  process.on('exit', (code) => {
    const cpu = process.cpuUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }),
    );
  });
}
