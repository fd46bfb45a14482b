import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, vi } from 'vitest';
import { runCli } from '../../../src/pipeline/cli';

/** Shared helpers for the whole-pipeline tests: temporary folders, fixture copies, an in-process
 * CLI run with its console output captured, and byte-level snapshots of an output folder. */

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
export const BAD_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures-bad');
export const REAL_DATA = path.resolve(import.meta.dirname, '../../../../shared/data');

const created: string[] = [];
afterAll(() => {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder under the OS temp folder, removed after the test file. */
export function makeTempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sanctions-${label}-`));
  created.push(dir);
  return dir;
}

/** Copies fixture files into `dest`: `{ 'ofac/sdn-2022-01': 'ofac/sdn' }` copies a whole folder,
 * `{ 'x/consolidated.csv': 'csl/consolidated.csv' }` one file. Returns `dest`. */
export function copyFixtures(dest: string, layout: Readonly<Record<string, string>>): string {
  for (const [target, source] of Object.entries(layout)) {
    const from = path.join(FIXTURES, source);
    const to = path.join(dest, target);
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
  }
  return dest;
}

export function writeText(dir: string, relative: string, content: string | Buffer): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

export function readFixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function runCliCaptured(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    out.push(args.map(String).join(' '));
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    err.push(args.map(String).join(' '));
  });
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** Every file under `dir` (relative path → bytes as base64), for byte-identity checks. */
export function snapshotDir(dir: string): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else
        snapshot[path.relative(dir, full).split(path.sep).join('/')] =
          readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  return snapshot;
}

/** Names in the folder that holds `outDir`: shows temporary folders left behind. */
export function siblingsOf(outDir: string): string[] {
  return readdirSync(path.dirname(outDir)).sort();
}
