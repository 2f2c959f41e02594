import { describe, expect, it } from 'vitest';
import { openApiForPrefix } from '../../src/http/openapi.js';

describe('openApiForPrefix', () => {
  const doc = {
    openapi: '3.0.3', info: { title: 'OpenSlot' },
    paths: { '/api/v1/me': { get: { tags: ['acuity'] } }, '/api/v1x': { get: { tags: ['x'] } }, '/v3/service': { get: { tags: ['onsched'] } }, '/api/v1': { get: {} } },
    tags: [{ name: 'acuity' }, { name: 'onsched' }, { name: 'x' }],
    components: { schemas: { A: {} } },
  };

  it('keeps exactly the paths under the prefix, the tags they use, and the components', () => {
    const out = openApiForPrefix(doc, '/api/v1', { info: { title: 'Acuity' } });
    expect(Object.keys(out.paths as object)).toEqual(['/api/v1/me', '/api/v1']);
    expect(out.tags).toEqual([{ name: 'acuity' }]);
    expect(out.components).toEqual({ schemas: { A: {} } });
    expect(out.info).toEqual({ title: 'Acuity' });
  });
});
