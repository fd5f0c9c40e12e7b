// The machine's part of `npm test`: Chromium, the PostgreSQL server binaries and CJK fonts.
// What is missing is installed with apt-get when we can (root and apt-get present); otherwise the
// run stops with the one command that installs it. Nothing is skipped.
//   node scripts/ensure-system.ts        checks (and installs) all three
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBinDir, postgresUser } from '../server/src/platform/db/testing/pg-cluster.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

interface Requirement {
  name: string;
  aptPackage: string;
  present(): boolean;
}

function hasCjkFont(): boolean {
  try {
    const out = execFileSync('fc-list', [':lang=zh', 'family'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    if (/Noto (Sans|Serif) CJK/i.test(out)) return true;
  } catch {
    // no fontconfig: look at the files
  }
  const dirs = ['/usr/share/fonts/opentype/noto', '/usr/share/fonts/truetype/noto'];
  return dirs.some((d) => fs.existsSync(d) && fs.readdirSync(d).some((f) => /^Noto(Sans|Serif)CJK/i.test(f)));
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export const REQUIREMENTS: Requirement[] = [
  {
    name: `Chromium (${CHROMIUM_PATH})`,
    aptPackage: 'chromium',
    present: () => {
      try {
        fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
  },
  {
    name: 'PostgreSQL server binaries (initdb, pg_ctl)',
    aptPackage: 'postgresql',
    // As root, initdb must run as the postgres system user, which the package creates.
    present: () => findPostgresBinDir() !== null && (!isRoot() || postgresUser() !== null),
  },
  { name: 'CJK fonts (Noto CJK)', aptPackage: 'fonts-noto-cjk', present: hasCjkFont },
];

function hasCommand(cmd: string): boolean {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, cmd)));
}

function run(cmd: string, args: string[]): void {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Returns normally when everything is there (installing what it can); throws with the command otherwise. */
export function ensureSystem(): void {
  const missing = REQUIREMENTS.filter((r) => !r.present());
  if (missing.length === 0) {
    console.log(`system: ${REQUIREMENTS.map((r) => r.name).join(', ')} present`);
    return;
  }
  const packages = missing.map((r) => r.aptPackage);
  const command = `apt-get install -y ${packages.join(' ')}`;
  if (!isRoot() || !hasCommand('apt-get')) {
    throw new Error(
      `missing: ${missing.map((r) => r.name).join(', ')}.\n` +
        `Install with: ${isRoot() ? '' : 'sudo '}${command}${hasCommand('apt-get') ? '' : ' (on Debian/Ubuntu)'}`,
    );
  }
  console.log(
    `system: installing ${packages.join(', ')} (missing: ${missing.map((r) => r.name).join(', ')})`,
  );
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...packages]);
  const still = REQUIREMENTS.filter((r) => !r.present());
  if (still.length) {
    throw new Error(
      `still missing after apt-get: ${still.map((r) => r.name).join(', ')}; install with: ${command}`,
    );
  }
}

if (import.meta.main) {
  try {
    ensureSystem();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
