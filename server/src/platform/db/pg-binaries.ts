// The machine's PostgreSQL binaries (initdb, pg_ctl, pg_dump, pg_restore): test clusters and
// `npm run backup` / `restore` on PostgreSQL use them.
import fs from 'node:fs';
import path from 'node:path';

export const PG_INSTALL_HINT = 'apt-get install -y postgresql';

/** The folder holding initdb and pg_ctl: PATH first, then the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) {
      // a folder of links (/usr/local/bin → /usr/lib/postgresql/N/bin): the real one has pg_dump & co.
      return path.dirname(fs.realpathSync(path.join(dir, 'pg_ctl')));
    }
  }
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = path.join(base, v, 'bin');
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
