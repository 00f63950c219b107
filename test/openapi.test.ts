import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiTypes } from '../scripts/api-types.js';
import { buildOpenApiDocument } from '../server/openapi-document.js';

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and every operation has an operationId, a summary and a tag', async () => {
    const doc = (await buildOpenApiDocument()) as { openapi: string; paths: Record<string, Record<string, { operationId?: string; summary?: string; tags?: string[] }>> };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ at: `${m} ${p}`, ...op })));
    expect(ops.length).toBeGreaterThan(30);
    for (const op of ops) {
      expect(op.operationId, op.at).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, op.at).toBeTruthy();
      expect(op.tags?.length, op.at).toBeGreaterThan(0);
    }
    expect(new Set(ops.map((o) => o.operationId)).size).toBe(ops.length);
  });

  it('matches the types the web app is compiled against (run `npm run gen:api` after changing a route)', async () => {
    const committed = readFileSync(new URL('../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(await renderApiTypes());
  });
});
