import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The official public addresses of the files the pipeline reads. Saved under the same relative
 * paths a local source folder uses, so discovery treats a download and a folder alike.
 */
export const OFFICIAL_FILES: readonly { readonly url: string; readonly path: string }[] = [
  // trade.gov Consolidated Screening List, https://www.trade.gov/consolidated-screening-list
  {
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
    path: 'csl/consolidated.csv',
  },
  // OFAC Sanctions List Service, https://ofac.treasury.gov/sanctions-list-service
  ...['SDN.CSV', 'ADD.CSV', 'ALT.CSV', 'SDN_COMMENTS.CSV'].map((name) => ({
    url: `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${name}`,
    path: `ofac/sdn/${name.toLowerCase()}`,
  })),
  ...['CONS_PRIM.CSV', 'CONS_ADD.CSV', 'CONS_ALT.CSV', 'CONS_COMMENTS.CSV'].map((name) => ({
    url: `https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/${name}`,
    path: `ofac/consolidated/${name.toLowerCase()}`,
  })),
  // BIS Denied Persons List, https://www.bis.gov/dpl
  { url: 'https://www.bis.doc.gov/dpl/dpl.txt', path: 'bis/dpl.txt' },
  // UN Security Council Consolidated List, https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list
  {
    url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml',
    path: 'un/consolidated.xml',
  },
];

export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
  ) {
    super(`Could not download ${url}: ${problem}`);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  /** Folder to save into; the files land in `<targetDir>/<path>`. */
  readonly targetDir: string;
  /** Replaces each official address by `<baseUrl>/<path>` (a mirror, or a test server). */
  readonly baseUrl?: string;
  readonly timeoutMs: number;
  readonly files?: readonly { readonly url: string; readonly path: string }[];
  readonly log?: (line: string) => void;
}

/**
 * Fetches every official file, or none: if one fails, nothing is kept, so a build never mixes a
 * partial download with an old one. Each request has its own timeout.
 */
export async function downloadOfficialFiles(options: DownloadOptions): Promise<string[]> {
  const files = options.files ?? OFFICIAL_FILES;
  const fetched: { path: string; bytes: Uint8Array }[] = [];
  for (const file of files) {
    const url = options.baseUrl ? `${options.baseUrl.replace(/\/$/, '')}/${file.path}` : file.url;
    options.log?.(`downloading ${url}`);
    fetched.push({ path: file.path, bytes: await fetchBytes(url, options.timeoutMs) });
  }
  for (const file of fetched) {
    const target = join(options.targetDir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  return fetched.map((file) => file.path);
}

async function fetchBytes(url: string, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DownloadError(url, describeNetworkError(error, timeoutMs));
  }
  if (!response.ok)
    throw new DownloadError(
      url,
      `the server answered HTTP ${response.status} ${response.statusText}`,
    );
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length === 0) throw new DownloadError(url, 'the server sent an empty file');
    return bytes;
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError(url, describeNetworkError(error, timeoutMs));
  }
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms (offline, or the site is slow)`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  const message = error instanceof Error ? error.message : String(error);
  return `network error (${[message, cause].filter(Boolean).join(': ')}) — are you offline?`;
}
