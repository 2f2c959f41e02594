import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'sqlite:./data/openslot.db', adminToken: null, sweepIntervalMs: 30_000 });
  });

  it('lets serve flags win over variables', () => {
    expect(readConfig({ PORT: '4000' }, { port: '5000' }).port).toBe(5000);
  });

  it.each([['PORT', 'http'], ['PORT', '70000'], ['OPENSLOT_SWEEP_INTERVAL_MS', 'abc'], ['OPENSLOT_SWEEP_INTERVAL_MS', '0'], ['OPENSLOT_RETRY_BASE_MS', '-5']])(
    'refuses %s=%s with a message naming it', (name, value) => {
      expect(() => readConfig({ [name]: value })).toThrow(name);
    });
});
