import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isListCode, type ListCode } from '../domain/lists';
import { SCHEMA_VERSION } from '../domain/listing';
import { MANIFEST_PATH } from '../domain/manifest';
import {
  PreferenceError,
  ValidationFailure,
  assembleBuild,
  chooseSources,
  loadSource,
  withDownloadDate,
} from './build';
import { discoverSources } from './discover';
import { DownloadError, downloadOfficialFiles } from './download';
import { formatReconciliation } from './report';
import { SourceFormatError } from './types';
import { findShrunkFiles, readPreviousManifest, writeDataset } from './write';

/**
 * `npm run data -- [--from DIR | --download] [--prefer LIST=SOURCE]… [--out DIR]`
 * Exit codes: 0 written; 1 a source file is malformed, the data failed validation, or a source
 * file shrank to under half its previous rows (nothing written); 2 wrong usage; 3 a download
 * failed (nothing written).
 */

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const SAMPLE_DIR = join(PROJECT_ROOT, 'test/fixtures');
const DEFAULT_OUT = join(PROJECT_ROOT, 'public/data');

const USAGE = `Usage: npm run data -- [options]
  --from DIR            read the official files found in DIR and its subfolders
                        (default: $SANCTIONS_SOURCES)
  --download            fetch the official files from their public addresses first
  --download-base URL   fetch from a mirror instead (files at URL/<path>)
  --download-dir DIR    save the downloaded files in DIR (default .cache/downloads/<date>)
  --timeout-ms N        per-file download timeout (default 60000)
  --prefer LIST=SOURCE  take LIST (e.g. SDN) from SOURCE (a source id or name), overriding
                        the precedence rule; repeatable
  --sample              build the sample data set from the project's test fixtures
  --auto                keep existing data; else build from $SANCTIONS_SOURCES; else the sample
                        (data of an older schema version: the sample is rebuilt, official
                        data stops the build with what to run)
  --allow-shrink        write even if a source file has under half the rows it had in the
                        previous build in the output folder (otherwise that stops the build,
                        as a sign of a cut-off or placeholder file)
  --out DIR             output folder (default public/data)
  --help                show this text`;

interface CliOptions {
  from: string | undefined;
  download: boolean;
  downloadBase: string | undefined;
  downloadDir: string | undefined;
  timeoutMs: number;
  preferences: Map<ListCode, string>;
  sample: boolean;
  auto: boolean;
  allowShrink: boolean;
  out: string;
  help: boolean;
}

class UsageError extends Error {}

function parseCli(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      download: { type: 'boolean', default: false },
      'download-base': { type: 'string' },
      'download-dir': { type: 'string' },
      'timeout-ms': { type: 'string' },
      prefer: { type: 'string', multiple: true },
      sample: { type: 'boolean', default: false },
      auto: { type: 'boolean', default: false },
      'allow-shrink': { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const preferences = new Map<ListCode, string>();
  for (const entry of values.prefer ?? []) {
    const [list, source] = entry.split('=');
    if (!list || !source || !isListCode(list.toUpperCase())) {
      throw new UsageError(
        `--prefer ${entry}: expected LIST=SOURCE with a list code such as SDN or EL`,
      );
    }
    preferences.set(list.toUpperCase() as ListCode, source);
  }
  const timeoutMs = values['timeout-ms'] === undefined ? 60_000 : Number(values['timeout-ms']);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new UsageError('--timeout-ms takes a positive number');
  return {
    from: values.from ?? (process.env.SANCTIONS_SOURCES || undefined),
    download: values.download ?? false,
    downloadBase: values['download-base'] ?? (process.env.SANCTIONS_DOWNLOAD_BASE || undefined),
    downloadDir: values['download-dir'],
    timeoutMs,
    preferences,
    sample: values.sample ?? false,
    auto: values.auto ?? false,
    allowShrink: values['allow-shrink'] ?? false,
    out: resolve(values.out ?? DEFAULT_OUT),
    help: values.help ?? false,
  };
}

export async function runCli(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  let rebuildStaleSample = false;
  if (options.auto && !options.from && existsSync(join(options.out, MANIFEST_PATH))) {
    const manifest = readExistingManifest(join(options.out, MANIFEST_PATH));
    if (manifest.schemaVersion === SCHEMA_VERSION) {
      console.log(
        `Using the data already in ${options.out} (${manifest.listingCount ?? '?'} listings${manifest.sample ? ', SAMPLE data' : ''}). ` +
          'Run `npm run data -- --from DIR` or `npm run data -- --download` to rebuild it.',
      );
      return 0;
    }
    const found = `The data in ${options.out} is in schema version ${manifest.schemaVersion ?? '?'}; this version of the app reads version ${SCHEMA_VERSION}.`;
    if (!manifest.sample) {
      // Never replace official data with the sample behind the user's back.
      console.error(
        `${found}\nRebuild it from the official files: npm run data -- --from DIR (or --download).`,
      );
      return 1;
    }
    console.log(`${found} Rebuilding the sample.`);
    rebuildStaleSample = true;
  }

  let sourceDir: string;
  let sample = options.sample;
  if (options.download) {
    const day = new Date().toISOString().slice(0, 10);
    sourceDir = options.downloadDir
      ? resolve(options.downloadDir)
      : join(PROJECT_ROOT, '.cache/downloads', day);
    try {
      await downloadOfficialFiles({
        targetDir: sourceDir,
        timeoutMs: options.timeoutMs,
        log: (line) => console.log(line),
        ...(options.downloadBase ? { baseUrl: options.downloadBase } : {}),
      });
    } catch (error) {
      if (error instanceof DownloadError) {
        console.error(
          `${error.message}\nNothing was written; ${options.out} is unchanged.\n` +
            'To build offline, put the official files in a folder and run: npm run data -- --from DIR',
        );
        return 3;
      }
      throw error;
    }
  } else if (options.from && !sample) {
    sourceDir = resolve(options.from);
  } else if (sample || options.auto || rebuildStaleSample) {
    sample = true;
    sourceDir = SAMPLE_DIR;
  } else {
    console.error(`No sources given.\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(sourceDir)) {
    console.error(`Source folder not found: ${sourceDir}`);
    return 2;
  }

  const started = performance.now();
  try {
    const discovery = discoverSources(sourceDir);
    if (discovery.groups.length === 0) {
      console.error(`No recognised official files in ${sourceDir}. Nothing was written.`);
      return 1;
    }
    const downloadedOn = options.download ? new Date().toISOString().slice(0, 10) : null;
    const sources = discovery.groups
      .map(loadSource)
      .map((source) => (downloadedOn ? withDownloadDate(source, downloadedOn) : source));
    const choices = chooseSources(sources, options.preferences);
    const build = assembleBuild(sources, choices);
    const shrunk = options.allowShrink
      ? []
      : findShrunkFiles(readPreviousManifest(options.out), build.sources, sample);
    if (shrunk.length > 0) {
      console.error(
        `${shrunk.length} source file(s) have under half the rows they had in the previous build in ${options.out}:\n` +
          shrunk
            .map((file) => `  ${file.id}: ${file.rows} rows, previously ${file.previousRows}`)
            .join('\n') +
          `\nA cut-off download or a placeholder file? Check the file(s). If the list really shrank, run again with --allow-shrink.\n` +
          `Nothing was written; ${options.out} is unchanged.`,
      );
      return 1;
    }
    const report = formatReconciliation(build, discovery.ignored);
    const manifest = writeDataset(build, {
      outDir: options.out,
      sample,
      reportText: report,
      ignored: discovery.ignored,
      now: new Date(),
    });
    console.log(report);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`Wrote ${manifest.listingCount} listings to ${options.out} in ${seconds} s.`);
    if (sample) {
      console.log(
        '\nThis is SAMPLE data from the test fixtures, not the official lists.\n' +
          'To load the real lists: npm run data -- --from /path/to/official/files   (or --download)',
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof PreferenceError) {
      console.error(`${error.message}\nNothing was written; ${options.out} is unchanged.`);
      return 2;
    }
    if (error instanceof SourceFormatError) {
      console.error(
        `${error.message}\nNothing was written; ${options.out} is unchanged.\n` +
          `Replace the file with the one the agency publishes (or remove it from ${sourceDir}) and run again.`,
      );
      return 1;
    }
    if (error instanceof ValidationFailure) {
      console.error(`${error.message}\nNothing was written; ${options.out} is unchanged.`);
      return 1;
    }
    throw error;
  }
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

/** What `--auto` needs of an existing manifest; an unreadable one counts as stale, not sample. */
function readExistingManifest(file: string): {
  schemaVersion?: unknown;
  listingCount?: number;
  sample?: boolean;
} {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as {
      schemaVersion?: unknown;
      listingCount?: number;
      sample?: boolean;
    };
  } catch {
    return {};
  }
}
