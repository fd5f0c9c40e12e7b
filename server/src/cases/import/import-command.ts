// `npm run cases:import -- --system hotline_12345 --file history.jsonl [--mode all_or_nothing]`:
// imports case history from a JSON-lines file (one record per line, see history-record.ts) as the
// system account, with one audit row; prints the result and every bad row.
import fs from 'node:fs';
import readline from 'node:readline';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/handle.ts';
import { type ImportMode, type ImportResult, importHistory } from './case-import.service.ts';

/** Reads a JSON-lines file; a line that is not JSON becomes a string the validator reports. */
export async function readJsonLines(file: string): Promise<unknown[]> {
  const records: unknown[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      records.push(line);
    }
  }
  return records;
}

export async function importCommand(
  db: Db,
  options: { file: string; system: string; mode: ImportMode },
): Promise<ImportResult> {
  const records = await readJsonLines(options.file);
  return importHistory(
    db,
    (fn) =>
      db.transaction().execute((trx) =>
        fn(trx, (fields) =>
          appendAudit(trx, {
            actorId: null,
            actorUsername: 'system',
            role: 'system',
            scopeOrgId: null,
            clientIp: 'local',
            ...fields,
          }),
        ),
      ),
    options.system,
    records,
    options.mode,
  );
}
