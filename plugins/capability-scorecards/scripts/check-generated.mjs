/* eslint-disable no-console */
// Fails when src/api/generated/openapi.ts is not what openapi-typescript makes of openapi/openapi.yaml
// now (regenerate with `npm run generate` and commit the result).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fresh = join(mkdtempSync(join(tmpdir(), 'openapi-ts-')), 'openapi.ts');
execFileSync(
  'npx',
  ['openapi-typescript', '../../openapi/openapi.yaml', '--output', fresh],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const committed = readFileSync('src/api/generated/openapi.ts', 'utf8');
if (readFileSync(fresh, 'utf8') !== committed) {
  console.error(
    'src/api/generated/openapi.ts does not match openapi/openapi.yaml: run `npm run generate` in plugins/capability-scorecards and commit it',
  );
  process.exit(1);
}
console.log('the generated client types match openapi/openapi.yaml');
