// Regenerates web/src/api/schema.d.ts from the server's own OpenAPI document (npm run gen:api).
import { writeFileSync } from 'node:fs';
import { renderApiTypes } from './api-types.js';

const out = new URL('../web/src/api/schema.d.ts', import.meta.url);
writeFileSync(out, await renderApiTypes());
console.log(`wrote ${out.pathname}`);
