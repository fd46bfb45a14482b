import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LISTINGS_PATH, MANIFEST_PATH, manifestSchema, type Manifest } from '../domain/manifest';
import { SCHEMA_VERSION } from '../domain/listing';
import type { BuildResult } from './build';

export interface WriteOptions {
  readonly outDir: string;
  readonly sample: boolean;
  readonly reportText: string;
  readonly ignored: readonly { id: string; reason: string }[];
  /** Used only when the content differs from what is already written. */
  readonly now: Date;
}

/**
 * Writes manifest, listings and the reconciliation report into `outDir` atomically: everything
 * goes into a sibling temporary folder first, which then replaces `outDir` in one rename, so a
 * failure part-way leaves the previous data intact. Re-running on the same sources writes the
 * same bytes: `generatedAt` is kept from the previous manifest when the listings are unchanged.
 */
export function writeDataset(build: BuildResult, options: WriteOptions): Manifest {
  const listingsJson = JSON.stringify({ schemaVersion: SCHEMA_VERSION, listings: build.listings });
  const listingsSha = sha256(listingsJson);
  const previous = readPreviousManifest(options.outDir);
  const manifestBody = {
    schemaVersion: SCHEMA_VERSION,
    sample: options.sample,
    listingCount: build.listings.length,
    listings: { path: LISTINGS_PATH, sha256: listingsSha, bytes: Buffer.byteLength(listingsJson) },
    sources: build.sources,
    lists: build.lists,
  };
  const unchanged =
    previous !== null &&
    JSON.stringify({ ...previous, generatedAt: undefined }) ===
      JSON.stringify({ ...manifestBody, generatedAt: undefined });
  const manifest: Manifest = manifestSchema.parse({
    generatedAt: unchanged && previous ? previous.generatedAt : options.now.toISOString(),
    ...manifestBody,
  });
  const reconciliation = {
    tallies: build.tallies,
    lists: build.lists,
    rejections: build.rejections,
    warnings: build.warnings,
    ignored: options.ignored,
  };

  const tempDir = `${options.outDir}.tmp-${process.pid}`;
  const oldDir = `${options.outDir}.old-${process.pid}`;
  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  writeFileSync(join(tempDir, LISTINGS_PATH), listingsJson);
  writeFileSync(
    join(tempDir, 'reconciliation.json'),
    JSON.stringify(reconciliation, null, 1) + '\n',
  );
  writeFileSync(join(tempDir, 'reconciliation.txt'), options.reportText);
  writeFileSync(join(tempDir, MANIFEST_PATH), JSON.stringify(manifest, null, 1) + '\n');
  mkdirSync(dirname(options.outDir), { recursive: true });
  if (existsSync(options.outDir)) renameSync(options.outDir, oldDir);
  renameSync(tempDir, options.outDir);
  rmSync(oldDir, { recursive: true, force: true });
  return manifest;
}

function readPreviousManifest(outDir: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(readFileSync(join(outDir, MANIFEST_PATH), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
