import type { Socket } from 'node:net';
import { clientIp, validIp } from './client-ip';

describe('validIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['fe80::1%eth0', 'fe80::1'],
  ])('%j is %j', (candidate, ip) => {
    expect(validIp(candidate)).toBe(ip);
  });

  it.each([
    undefined,
    null,
    '',
    ' 1.2.3.4',
    '1.2.3.4:80',
    '[::1]',
    '999.1.1.1',
    '01.2.3.4',
    '1.2.3.4/32',
    'unknown',
    '%eth0',
    'x'.repeat(10_000),
  ])('%j is not an address', (candidate) => {
    expect(validIp(candidate)).toBeNull();
  });
});

describe('clientIp', () => {
  const req = (ip: string | undefined, remoteAddress: string | undefined) => ({ ip, socket: { remoteAddress } as Socket });

  it("is Express's address when it is valid", () => {
    expect(clientIp(req('203.0.113.7', '127.0.0.1'))).toBe('203.0.113.7');
  });

  it("else the socket's address, else null", () => {
    expect(clientIp(req('garbage', '127.0.0.1'))).toBe('127.0.0.1');
    expect(clientIp(req(undefined, '::1'))).toBe('::1');
    expect(clientIp(req('garbage', undefined))).toBeNull();
  });
});
