// The address policy for tenant-supplied URLs: what counts as not public, and what an operator's
// OPENSLOT_OUTBOUND_ALLOW lets through.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { OutboundPolicy } from '../../src/security/outbound/address-policy.js';

describe('outbound address policy', () => {
  const strict = new OutboundPolicy('');
  it('refuses loopback, private, link-local, multicast, unspecified and IPv6 ULA/link-local addresses', () => {
    for (const ip of ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.31.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '239.1.1.1',
      '0.0.0.0', '255.255.255.255', '::', '::1', 'fd12:3456::1', 'fc00::1', 'fe80::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '[::1]']) {
      expect([ip, strict.refusal(ip)]).toEqual([ip, expect.stringContaining('not a public address')]);
    }
  });
  it('lets public addresses through', () => {
    for (const ip of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect([ip, strict.refusal(ip)]).toEqual([ip, null]);
  });
  it('allows exactly the ranges the operator lists, IPv4-mapped spellings included', () => {
    const policy = new OutboundPolicy('127.0.0.0/8, 10.20.0.0/16 fd00::/8');
    expect(policy.refusal('127.0.0.1')).toBeNull();
    expect(policy.refusal('::ffff:127.0.0.1')).toBeNull();
    expect(policy.refusal('10.20.3.4')).toBeNull();
    expect(policy.refusal('fd00::5')).toBeNull();
    expect(policy.refusal('10.21.0.1')).not.toBeNull();
    expect(policy.refusal('169.254.169.254')).not.toBeNull();
    expect(new OutboundPolicy('192.168.1.5').refusal('192.168.1.5')).toBeNull();
    expect(new OutboundPolicy('192.168.1.5').refusal('192.168.1.6')).not.toBeNull();
  });
  it('stops the start with a clear message for a range that is not CIDR', () => {
    for (const bad of ['localhost', '127.0.0.0/33', '10.0.0.0/x', 'fd00::/129']) {
      expect(() => readConfig({ OPENSLOT_OUTBOUND_ALLOW: bad })).toThrow(/OPENSLOT_OUTBOUND_ALLOW must be a list of CIDR ranges/);
    }
  });
});
