// How much JavaScript a browser downloads before the sign-in page shows: the entry chunk of
// index.html, everything it imports statically, and the login route's chunk with its static
// imports. Sizes are gzip (level 9). Run after `npm run build -w web`:
//   node web/scripts/bundle-size.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const LIMIT = 400 * 1024;
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
const login = Object.keys(manifest).find((key) => key.endsWith('shell/login-page.tsx'));
if (!entry || !login) throw new Error('manifest lacks the entry or the login page chunk');

const wanted = new Set<string>();
const visit = (key: string) => {
  if (wanted.has(key)) return;
  wanted.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
visit(entry);
visit(login);

// index.html must reference only the entry script (and its modulepreloads); check nothing else slipped in
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const files = [...new Set([...[...wanted].map((key) => manifest[key]?.file ?? ''), ...referenced])]
  .filter((file): file is string => Boolean(file))
  .map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzipBytes - a.gzipBytes);

const initialJsGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
console.log(
  JSON.stringify(
    { initialJsGzipBytes, limitBytes: LIMIT, withinLimit: initialJsGzipBytes < LIMIT, files },
    null,
    2,
  ),
);
if (initialJsGzipBytes >= LIMIT) process.exitCode = 1;
