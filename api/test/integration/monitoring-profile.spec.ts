import fs from 'node:fs';
import path from 'node:path';
// `yaml` is in node_modules through the SPAs' GraphQL codegen (not a dependency of the API): tests only.
import { parse } from 'yaml';
import { startTestServer, type TestServer } from '../helpers/server';

// docker-compose.yml's monitoring profile and its files (deploy/prometheus.yml, deploy/grafana/):
// the services they name exist, the variables given to the API are ones it reads, and every
// metric the dashboard queries is one the API exposes. Docker itself is not needed.

const ROOT = path.resolve(__dirname, '../../..');
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
const compose: any = parse(read('docker-compose.yml'));
const prometheus: any = parse(read('deploy/prometheus.yml'));
const dashboard: any = JSON.parse(read('deploy/grafana/essor-dashboard.json'));
const services = compose.services as Record<string, Record<string, any>>;

/** Every TypeScript source of the API, concatenated (to find which variables it reads). */
function apiSources(dir = path.join(ROOT, 'api/src')): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return apiSources(p);
      return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? fs.readFileSync(p, 'utf8') : '';
    })
    .join('\n');
}

/** `host:container` bind mounts of a service, as [path in the repository, path in the container]. */
function binds(service: string): Array<[string, string]> {
  return (services[service].volumes ?? [])
    .filter((v: string) => v.startsWith('./'))
    .map((v: string) => {
      const [host, target] = v.split(':');
      return [host.slice(2), target] as [string, string];
    });
}

describe('docker-compose.yml', () => {
  it('the default stack is unchanged; prometheus and grafana come only with the monitoring profile', () => {
    for (const s of ['db', 'api', 'web']) {
      expect(services[s]).toBeDefined();
      expect(services[s].profiles).toBeUndefined();
    }
    for (const s of ['prometheus', 'grafana']) expect(services[s].profiles).toEqual(['monitoring']);
    for (const s of Object.values(services)) {
      for (const dep of Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(dep);
      }
    }
  });

  it("the API's variables are ones it reads, its healthcheck asks /readyz on its port", () => {
    const api = services.api;
    const env = api.environment as Record<string, unknown>;
    expect(Object.keys(env)).toContain('ESSOR_METRICS_TOKEN');
    const sources = apiSources();
    for (const name of Object.keys(env)) {
      expect({ name, read: new RegExp(`env\\.${name}\\b|env\\[['"]${name}['"]\\]`).test(sources) }).toEqual({ name, read: true });
    }
    const check = (api.healthcheck.test as string[]).join(' ');
    expect(check).toContain(`http://localhost:${env.PORT}/readyz`);
  });

  it("Prometheus scrapes every replica of the API's /metrics with the token the API is given", () => {
    const job = prometheus.scrape_configs.find((j: { job_name: string }) => j.job_name === 'essor-api');
    expect(job.metrics_path).toBe('/metrics');
    expect(job.authorization.type).toBe('Bearer');
    // The token: the compose secret fed by the API's own variable, mounted where prometheus.yml reads it.
    const [secret] = services.prometheus.secrets;
    expect(job.authorization.credentials_file).toBe(`/run/secrets/${secret.target}`);
    expect(compose.secrets[secret.source]).toEqual({ environment: 'ESSOR_METRICS_TOKEN' });
    expect(services.api.environment.ESSOR_METRICS_TOKEN).toBe('${ESSOR_METRICS_TOKEN:-}');
    // Every container of the `api` service (DNS A records), on the API's port.
    const [sd] = job.dns_sd_configs;
    expect(sd).toMatchObject({ names: ['api'], type: 'A', port: Number(services.api.environment.PORT) });
    expect(binds('prometheus')).toContainEqual(['deploy/prometheus.yml', '/etc/prometheus/prometheus.yml']);
    expect(services.prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
  });

  it('Grafana: its provisioning exists, points at the prometheus service and at the mounted dashboard', () => {
    for (const [host] of binds('grafana')) expect(fs.existsSync(path.join(ROOT, host))).toBe(true);
    for (const [host] of binds('prometheus')) expect(fs.existsSync(path.join(ROOT, host))).toBe(true);
    const provisioning = binds('grafana').find(([, target]) => target === '/etc/grafana/provisioning')![0];
    const datasources = parse(read(`${provisioning}/datasources/prometheus.yml`)).datasources;
    const [ds] = datasources;
    expect(ds).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    expect(services.prometheus.ports.some((p: string) => p.endsWith(':9090'))).toBe(true);
    const [provider] = parse(read(`${provisioning}/dashboards/essor.yml`)).providers;
    const dashboardMount = binds('grafana').find(([host]) => host === 'deploy/grafana/essor-dashboard.json')![1];
    expect(path.dirname(dashboardMount)).toBe(provider.options.path);
    // Every panel queries the provisioned datasource.
    for (const panel of dashboard.panels.filter((p: { type: string }) => p.type !== 'row')) {
      expect(panel.datasource.uid).toBe(ds.uid);
      for (const t of panel.targets) expect(t.datasource.uid).toBe(ds.uid);
    }
  });
});

describe('deploy/grafana/essor-dashboard.json', () => {
  let t: TestServer;
  let exposed: Set<string>;
  beforeAll(async () => {
    const saved = process.env.ESSOR_METRICS_TOKEN;
    process.env.ESSOR_METRICS_TOKEN = 'jeton-de-test-0123456789abcdef';
    try {
      t = await startTestServer();
    } finally {
      if (saved === undefined) delete process.env.ESSOR_METRICS_TOKEN;
      else process.env.ESSOR_METRICS_TOKEN = saved;
    }
    const res = await fetch(t.url.replace(/\/graphql$/, '/metrics'), {
      headers: { authorization: 'Bearer jeton-de-test-0123456789abcdef' },
    });
    const text = await res.text();
    // Names of the exposition (histograms: with their _bucket, _sum, _count series).
    exposed = new Set();
    for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exposed.add(name);
      if (type === 'histogram' || type === 'summary') for (const s of ['_bucket', '_sum', '_count']) exposed.add(name + s);
    }
  });
  afterAll(() => t.close());

  const panels = () => dashboard.panels.filter((p: { type: string }) => p.type !== 'row');

  it('has the panels of the operations issue', () => {
    const exprs = panels().flatMap((p: { targets: Array<{ expr: string }> }) => p.targets.map((x) => x.expr));
    const uses = (re: RegExp) => exprs.some((e: string) => re.test(e));
    expect(uses(/rate\(essor_http_request_duration_seconds_count/)).toBe(true); // request rate
    expect(
      uses(/histogram_quantile\(0\.95, sum by \(le, operation\) \(rate\(essor_graphql_operation_duration_seconds_bucket/),
    ).toBe(true);
    expect(uses(/sum by \(code\) \(rate\(essor_graphql_errors_total/)).toBe(true);
    expect(uses(/essor_db_pool_connections/)).toBe(true);
    expect(uses(/essor_response_cache_requests_total\{result="hit"\}/)).toBe(true);
    expect(uses(/essor_job_failures_total/)).toBe(true);
    expect(uses(/essor_mail_outbox_messages\{status="queued"\}/)).toBe(true);
    expect(dashboard.uid).toBeTruthy();
    const ids = dashboard.panels.map((p: { id: number }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('queries only metrics the API exposes', () => {
    expect(exposed.has('essor_http_request_duration_seconds_bucket')).toBe(true);
    for (const panel of panels()) {
      for (const { expr } of panel.targets) {
        for (const [name] of expr.matchAll(/\b(?:essor|process|nodejs)_[a-z0-9_]+\b/g)) {
          expect({ panel: panel.title, name, exposed: exposed.has(name) }).toEqual({ panel: panel.title, name, exposed: true });
        }
      }
    }
  });
});
