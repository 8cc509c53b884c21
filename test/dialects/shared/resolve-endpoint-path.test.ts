import { describe, expect, it } from 'vitest';
import { resolveEndpointPath } from '../../../src/dialects/shared/resolve-endpoint-path.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

function routeWith(endpoints: Record<string, { path: string }>, gateway = false): ResolvedRoute {
  return { provider: { gateway, definition: { endpoints } }, model: 'm' } as unknown as ResolvedRoute;
}

describe('resolveEndpointPath', () => {
  it('uses the declared path, else the OpenAI path, and always the OpenAI path for a gateway', () => {
    expect(resolveEndpointPath(routeWith({ files: { path: '/v2/files' } }), 'files', '/files')).toBe('/v2/files');
    expect(resolveEndpointPath(routeWith({}), 'files', '/files')).toBe('/files');
    expect(resolveEndpointPath(routeWith({ files: { path: '/v2/files' } }, true), 'files', '/files')).toBe('/files');
  });

  it('appends URL-encoded segments before a query in the template', () => {
    expect(resolveEndpointPath(routeWith({ files: { path: '/files/' } }), 'files', '/files', 'file 1/2', 'content')).toBe(
      '/files/file%201%2F2/content',
    );
    expect(resolveEndpointPath(routeWith({ batches: { path: '/batches?tier=x' } }), 'batches', '/batches', 'b-1', 'cancel')).toBe(
      '/batches/b-1/cancel?tier=x',
    );
  });
});
