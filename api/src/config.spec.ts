import { loadConfig, parseTrustProxy } from './config';

describe('ESSOR_TRUST_PROXY', () => {
  it.each([undefined, '', '  ', '0', '00', 'false'])('%j: trusts nobody', (value) => {
    expect(parseTrustProxy(value)).toBe(false);
  });

  it.each([
    ['1', 1],
    [' 2 ', 2],
    ['10', 10],
  ])('%j: a hop count', (value, hops) => {
    expect(parseTrustProxy(value)).toBe(hops);
  });

  it.each([
    ['loopback', ['loopback']],
    ['loopback, uniquelocal', ['loopback', 'uniquelocal']],
    ['10.0.0.0/8,172.16.0.0/12 , 192.168.1.2', ['10.0.0.0/8', '172.16.0.0/12', '192.168.1.2']],
    ['fd00::/8, ::1', ['fd00::/8', '::1']],
    ['10.0.0.0/255.0.0.0', ['10.0.0.0/255.0.0.0']],
  ])('%j: a list of addresses, subnets and names', (value, list) => {
    expect(parseTrustProxy(value)).toEqual(list);
  });

  it.each([
    ['true', /ESSOR_TRUST_PROXY=true would trust every peer/],
    ['foo', /^ESSOR_TRUST_PROXY=foo: invalid IP address: foo; expected a hop count/],
    ['-1', /^ESSOR_TRUST_PROXY=-1: invalid IP address: -1/],
    ['1.5', /^ESSOR_TRUST_PROXY=1.5: invalid IP address: 1.5/],
    ['10.0.0.0/99', /^ESSOR_TRUST_PROXY=10.0.0.0\/99: invalid range on address: 10.0.0.0\/99/],
    ['loopback,,uniquelocal', /^ESSOR_TRUST_PROXY=loopback,,uniquelocal: an empty entry in the list/],
    ['loopback,', /an empty entry in the list/],
    ['99999999999999999999', /too many hops/],
  ])('%j: a clear start-up error', (value, message) => {
    expect(() => parseTrustProxy(value)).toThrow(message);
  });

  it('is read by loadConfig (default: nobody)', () => {
    const env = { DATABASE_URL: 'postgres://localhost/essor' };
    expect(loadConfig(env).trustProxy).toBe(false);
    expect(loadConfig({ ...env, ESSOR_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(() => loadConfig({ ...env, ESSOR_TRUST_PROXY: 'nginx' })).toThrow(/ESSOR_TRUST_PROXY=nginx/);
  });
});
