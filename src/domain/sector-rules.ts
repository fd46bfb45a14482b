import type { SourceListing } from './listing';
import { SECTORS, type SectorCode, type SectorResult } from './sector';

/**
 * What a listed party does — its sector — by transparent rules over its own listing.
 *
 * No official list has a sector field, so the sector is inferred, and every answer carries the
 * rule that produced it (`SectorRule`), so a page can say "Financial services — because the name
 * contains 'Bank'". Rationales (`rationale.ts`) say WHY a party is listed; sectors say WHAT it does.
 *
 * The rules prefer precision over coverage: `unclassified` is an honest answer, a wrong sector is
 * not. They are checked in this order, the first match wins:
 *
 * 1. `type-individual` — every person is `individuals`.
 * 2. `vessel` — a vessel (by type or by vessel fields) is `shipping-maritime`.
 * 3. `type-aircraft` — an aircraft is `aviation`.
 * 4. `list:CAP` — the CAPTA list names foreign financial institutions only (31 CFR 561.201, 589.209).
 * 5. `remarks:target-type-financial-institution` — OFAC's own "Target Type Financial Institution".
 * 6. `name-keyword:*` — a sector word in the primary name (see `SECTOR_KEYWORDS` for the words and
 *    `KEYWORD_PRECEDENCE` for which sector wins when a name has words of several).
 * 7. `known-name:*` — a company or group whose business is well known but whose name has no sector
 *    word (Hikvision, Huawei, Gazprom…), in the primary name or an alias.
 * 8. `alias-keyword:*` — a sector word in an alias. After known names, because aliases often name a
 *    holding or financing arm ("Huawei Investment & Holding" for Huawei Technologies).
 * 9. `ssi-directive:*` — an SSI identification under EO 13662 whose remarks say Directive 2
 *    (energy sector) or Directive 4 (deepwater, Arctic offshore and shale oil projects)
 *    (https://ofac.treasury.gov/sanctions-programs-and-country-information/ukraine-russia-related-sanctions).
 *    OFAC identifies a parent's 50%-owned subsidiaries under the parent's Directive whatever they
 *    do, so the rule comes last, and Directives 1 (financial sector) and 3 (defence and related
 *    materiel) give no sector: the banks own farms, grain elevators and cold stores, and Rostec is
 *    a conglomerate of machine-tool, car, chemical and medical makers besides its arms makers.
 * 10. `none` — `unclassified`.
 *
 * No program implies a sector by itself (SDGT or NPWMD say nothing of what a party does), so
 * programs are read only for the SSI Directives and to keep militant groups out of
 * `government-military` (see `TERRORISM_PROGRAMS`).
 */

export type SectorInput = Pick<
  SourceListing,
  'name' | 'aliases' | 'type' | 'list' | 'programs' | 'remarks' | 'vessel' | 'title'
>;

/** Sectors that name keywords can give, in the order that decides a name with words of several.
 * Government first: a ministry's name names its field ("Ministry of Petroleum") but it is a
 * ministry. Then the specific technologies before the broad industries they serve, and research
 * last: an institute with a field ("Institute of Bioengineering", "Nuclear Power Research
 * Institute") belongs to that field, so "Academy of Military Medical Sciences, Institute of
 * Bioengineering" is biotech-medical. */
export const KEYWORD_PRECEDENCE = [
  'government-military',
  'surveillance-security-tech',
  'biotech-medical',
  'defence-aerospace',
  'semiconductors-electronics',
  'telecommunications',
  'computing-ai',
  'shipping-maritime',
  'aviation',
  'energy',
  'chemicals',
  'mining-metals',
  'financial-services',
  'research-universities',
] as const satisfies readonly SectorCode[];
type KeywordSector = (typeof KEYWORD_PRECEDENCE)[number];

interface KeywordSet {
  /** Completes "Name contains …". */
  readonly what: string;
  /** Whole words or phrases, case-insensitive; a space matches any run of spaces or punctuation.
   * A keyword may be a regular-expression fragment where a plain word is too broad. */
  readonly keywords: readonly string[];
  /** Words that count only when the listing is not under a terrorism program and the name does not
   * call itself a liberation or resistance army (see `isWeakKeywordAllowed`). */
  readonly weakKeywords?: readonly string[];
}

export const SECTOR_KEYWORDS: Record<KeywordSector, KeywordSet> = {
  'government-military': {
    what: 'a word for a ministry, state agency, armed force or political body',
    keywords: [
      'ministry',
      'ministries',
      'minist[eè]re',
      'ministerio',
      'ministerstvo',
      'government',
      'armed forces',
      'navy',
      'air force',
      'guard corps',
      'revolutionary guards?',
      'IRGC',
      'police',
      'public security',
      'state security',
      'security service',
      'intelligence (?:directorate|service|agency|bureau|organi[sz]ation|department)',
      'military intelligence',
      'central committee',
      'general staff',
      'border guards?',
      'national guard',
      'national assembly',
      'parliament',
      'presidential administration',
      'presidency',
    ],
    // Militant groups call themselves armies and parties too (Army of Islam, Kurdistan Workers'
    // Party), and they are not government bodies.
    weakKeywords: ['army', 'party'],
  },
  'surveillance-security-tech': {
    what: 'a surveillance or security-technology word',
    keywords: [
      'surveillance',
      'security technology',
      'security technologies',
      'video',
      'facial recognition',
      'face recognition',
      'biometrics?',
    ],
  },
  'biotech-medical': {
    what: 'a biotech, pharmaceutical or medical word',
    keywords: [
      'biotech',
      'biotechnology',
      'biotechnologies',
      'biopharma(?:ceuticals?)?',
      'pharmaceuticals?',
      'pharma',
      'medical',
      'medicine',
      'biological',
      'bioengineering',
      'biosciences?',
      'genomics',
      'genetics?',
      'hospital',
      'vaccines?',
    ],
  },
  'defence-aerospace': {
    what: 'a defence or aerospace word',
    keywords: [
      'aerospace',
      'missiles?',
      'rockets?',
      'launch vehicles?',
      'defen[cs]e',
      'military',
      'ordnance',
      'weapons?',
      'armaments?',
      'munitions?',
      'ammunition',
      'arms',
      'aircraft',
      'aero ?engines?',
      'aviation industry',
      'aviation industries',
      'aviation manufacturing',
      'aircraft manufacturing',
      // Acronyms of the aerospace and defence groups, spelled out by the words above.
      'AVIC',
      'AECC',
      'CASC',
      'CASIC',
      'NORINCO',
    ],
  },
  'semiconductors-electronics': {
    what: 'a semiconductor or electronics word',
    keywords: [
      'semiconductors?',
      'micro ?electronics?',
      'opto ?electronics?',
      // "electronic payments" and "electronic money" are finance.
      'electronics?(?! (?:payments?|money|commerce))',
      'electronica',
      'elektroni[ck]a?',
      'chips?',
      'integrated circuits?',
      'wafers?',
    ],
  },
  telecommunications: {
    what: 'a telecommunications word',
    keywords: [
      'telecom',
      'telecoms',
      'telecommunications?',
      'telekom',
      'communications?',
      'mobile',
      // "Network" alone names terrorist networks too; a company is "X Networks Ltd".
      'networks? (?:technolog(?:y|ies)|communications?|equipment|co|company|corporation|ltd|limited|inc)',
      'submarine cables?',
      'fib(?:er|re) optics?',
      'optical fib(?:er|re)s?',
    ],
  },
  'computing-ai': {
    what: 'a computing, software or AI word',
    keywords: [
      'computers?',
      'computing',
      'super ?computers?',
      'super ?computing',
      'software',
      'information technolog(?:y|ies)',
      'informatics',
      'artificial intelligence',
      'cloud',
      'data cent(?:er|re)s?',
      'big data',
      'cyber ?security',
    ],
  },
  'shipping-maritime': {
    what: 'a shipping or maritime word',
    keywords: [
      'shipping',
      'maritime',
      'tankers?',
      'navigation',
      'marine',
      'shipyards?',
      'shipbuilding',
      'ship ?building',
      'ship repair',
      'ship management',
      'shipmanagement',
      'steamship',
    ],
  },
  aviation: {
    what: 'an airline or aviation word',
    keywords: [
      'airlines?',
      'airways',
      'air cargo',
      'air transport',
      'aviation',
      'helicopters?',
      'airports?',
      // Iranian and other airlines are "<Name> Air" (Mahan Air, Iran Air).
      'air(?= *$)',
    ],
  },
  energy: {
    what: 'an oil, gas, power or nuclear-energy word',
    keywords: [
      'oil',
      // A gas turbine is an engine (aero-engines and power plant alike), not gas.
      'gas(?! turbines?)',
      'petroleum',
      'petroleos',
      'petrol',
      'petrochemicals?',
      'petrochemistry',
      'refinery',
      'refineries',
      'refining',
      'energy',
      'energies',
      'nuclear power',
      'hydro ?power',
      'electric power',
      'power generation',
      'pipelines?',
    ],
  },
  chemicals: {
    what: 'a chemicals word',
    keywords: ['chemicals?', 'chemistry', 'chemie', 'qu[ií]micas?', 'fertili[sz]ers?'],
  },
  'mining-metals': {
    what: 'a mining or metals word',
    keywords: [
      'mining',
      'mineria',
      'minera',
      'minerals?',
      'metals?',
      'metallurgical',
      'metallurgy',
      'steel',
      'alumini?um',
      'gold',
      'coal',
      'copper',
      'diamonds?',
    ],
  },
  'financial-services': {
    what: 'a banking or finance word',
    keywords: [
      'bank',
      'banks',
      'banking',
      'banca',
      'banco',
      'banque',
      'bancorp',
      'capital markets',
      // "Capital" alone is too broad ("Capital Construction"); "X Capital LLC" is an investor.
      'k?capital(?= *(?:llc|ltd|limited|sa|s a|inc|ooo|jsc|ag|gmbh|)$)',
      'kapital',
      'insurance',
      'reinsurance',
      'exchange house',
      'currency exchange',
      'money exchange',
      'doviz',
      'sarrafi',
      // A holding company ("Investment & Holding", "Investments Holding") holds, it does not invest
      // for clients.
      'investments?(?! (?:and |& )?holdings?)',
      'finance',
      'financial',
      'credit cooperatives?',
      'credit union',
      'securities',
      'leasing',
      'pension fund',
      'asset management',
      'microfinance',
      'payments?',
    ],
  },
  'research-universities': {
    what: 'a university or research-institute word',
    keywords: [
      'university',
      'universities',
      'universitet',
      'universidad',
      'college',
      'academy',
      'research institutes?',
      'research institution',
      'research cent(?:er|re)s?',
      'scientific research',
      'institute of',
      'laboratory',
      'laboratories',
      'polytechnic',
    ],
  },
};

/** Well-known companies and groups whose names carry no sector word. Matched as whole words in the
 * name or an alias; each is a household name in its sector (the surveillance makers named in the
 * Entity List's human-rights rules of 2019, 84 FR 54002, and 2020). */
export const KNOWN_NAMES: readonly { readonly name: string; readonly sector: SectorCode }[] = [
  { name: 'Hikvision', sector: 'surveillance-security-tech' },
  { name: 'Dahua', sector: 'surveillance-security-tech' },
  { name: 'Megvii', sector: 'surveillance-security-tech' },
  { name: 'SenseTime', sector: 'surveillance-security-tech' },
  { name: 'CloudWalk', sector: 'surveillance-security-tech' },
  { name: 'Yitu', sector: 'surveillance-security-tech' },
  { name: 'Netposa', sector: 'surveillance-security-tech' },
  { name: 'Meiya Pico', sector: 'surveillance-security-tech' },
  { name: 'Intellifusion', sector: 'surveillance-security-tech' },
  { name: 'iFlytek', sector: 'computing-ai' },
  { name: 'Huawei', sector: 'telecommunications' },
  { name: 'ZTE', sector: 'telecommunications' },
  { name: 'Gazprom', sector: 'energy' },
  { name: 'Rosneft', sector: 'energy' },
  { name: 'Transneft', sector: 'energy' },
  { name: 'Lukoil', sector: 'energy' },
  { name: 'Novatek', sector: 'energy' },
  { name: 'Surgutneftegas', sector: 'energy' },
  { name: 'Sinopec', sector: 'energy' },
  { name: 'PDVSA', sector: 'energy' },
  { name: 'Almaz-Antey', sector: 'defence-aerospace' },
  { name: 'Tupolev', sector: 'defence-aerospace' },
  { name: 'Sukhoi', sector: 'defence-aerospace' },
  { name: 'Kalashnikov', sector: 'defence-aerospace' },
  { name: 'Rosoboronexport', sector: 'defence-aerospace' },
];

/** Terrorism programs: a listing under one is a militant group, not a government army or party. */
export const TERRORISM_PROGRAMS: ReadonlySet<string> = new Set([
  'SDGT',
  'FTO',
  'SDT',
  'Al-Qaida',
  'Taliban',
]);

/** EO 13662 Directives that imply a sector; see the module comment for why 1 and 3 do not. */
const SSI_DIRECTIVES: Readonly<Record<string, { sector: SectorCode; what: string }>> = {
  '2': { sector: 'energy', what: 'Directive 2 (energy sector)' },
  '4': { sector: 'energy', what: 'Directive 4 (deepwater, Arctic offshore or shale oil projects)' },
};

const WORD_CHAR = '[\\p{L}\\p{N}]';
const SEPARATOR = "[\\s\\-_.,'’/&]";

/** Keyword → case-insensitive whole-word pattern; a space stands for any run of spaces or
 * punctuation (` ?` and ` *` for an optional one), so "capital markets" matches "CAPITAL-MARKETS". */
function keywordPattern(keyword: string): RegExp {
  const body = keyword.replace(/ [?*]/g, `${SEPARATOR}*`).replace(/ /g, `${SEPARATOR}+`);
  // Matched against lower-cased text without the `i` flag: case-insensitive Unicode classes
  // made compiling these patterns the slowest step of the app's start (~0.8 s cold).
  return new RegExp(`(?<!${WORD_CHAR})(?:${body.toLowerCase()})(?!${WORD_CHAR})`, 'u');
}

/** The match of a lower-case pattern in `text`, quoted as `text` writes it. */
function execFolded(pattern: RegExp, text: string): string | null {
  const folded = text.toLowerCase();
  const match = pattern.exec(folded);
  if (!match) return null;
  // Lower-casing keeps the length of almost all text; where it does not (a dotted capital İ),
  // quote the lower-case form rather than a misaligned slice.
  return folded.length === text.length
    ? text.slice(match.index, match.index + match[0].length)
    : match[0];
}

interface CompiledKeyword {
  readonly sector: KeywordSector;
  readonly keyword: string;
  readonly pattern: RegExp;
  readonly weak: boolean;
}

const COMPILED_KEYWORDS: readonly CompiledKeyword[] = KEYWORD_PRECEDENCE.flatMap((sector) => {
  const set = SECTOR_KEYWORDS[sector];
  return [
    ...set.keywords.map((keyword) => ({ sector, keyword, weak: false })),
    ...(set.weakKeywords ?? []).map((keyword) => ({ sector, keyword, weak: true })),
  ].map((entry) => ({ ...entry, pattern: keywordPattern(entry.keyword) }));
});

const COMPILED_KNOWN_NAMES = KNOWN_NAMES.map((known) => ({
  ...known,
  pattern: keywordPattern(known.name.replace(/-/g, ' ')),
}));

/**
 * Every keyword in one pattern: most names match none, and one test of the union rejects them
 * in a single pass instead of hundreds (the loop over COMPILED_KEYWORDS, which keeps the
 * precedence order, runs only for names that match something). Measured: classifying the full
 * lists went from ~0.9 s to a fraction of that in the browser.
 */
function unionOf(patterns: readonly RegExp[]): RegExp {
  return new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'), 'u');
}
const ANY_KEYWORD = unionOf(COMPILED_KEYWORDS.map((entry) => entry.pattern));
const ANY_KNOWN_NAME = unionOf(COMPILED_KNOWN_NAMES.map((known) => known.pattern));

/** The id part of a keyword rule: the matched words, lower case, hyphen-joined (`capital-markets`),
 * so an id reads the same whether the keyword was a plain word or a pattern. */
function keywordId(matched: string): string {
  return matched
    .toLowerCase()
    .split(new RegExp(`${SEPARATOR}+`, 'u'))
    .filter((part) => part !== '')
    .join('-');
}

function isWeakKeywordAllowed(listing: SectorInput, text: string): boolean {
  if (listing.programs.some((program) => TERRORISM_PROGRAMS.has(program.trim()))) return false;
  return !/liberation|resistance/i.test(text);
}

function matchKeyword(
  listing: SectorInput,
  text: string,
): { entry: CompiledKeyword; matched: string } | null {
  if (!ANY_KEYWORD.test(text.toLowerCase())) return null;
  for (const entry of COMPILED_KEYWORDS) {
    const matched = execFolded(entry.pattern, text);
    if (matched === null) continue;
    if (entry.weak && !isWeakKeywordAllowed(listing, text)) continue;
    return { entry, matched };
  }
  return null;
}

function keywordResult(
  source: 'name' | 'alias',
  found: { entry: CompiledKeyword; matched: string },
): SectorResult {
  const set = SECTOR_KEYWORDS[found.entry.sector];
  const where = source === 'name' ? 'Name' : 'An alias';
  return {
    sector: found.entry.sector,
    rule: {
      id: `${source}-keyword:${keywordId(found.matched)}`,
      description: `${where} contains ${set.what}`,
      matched: found.matched,
    },
  };
}

function hasVesselDetails(listing: SectorInput): boolean {
  const vessel = listing.vessel;
  if (!vessel) return false;
  return Object.values(vessel).some((value) => value !== null && value.trim() !== '');
}

const UNCLASSIFIED: SectorResult = {
  sector: 'unclassified',
  rule: { id: 'none', description: 'No rule applies', matched: '' },
};

/** The sector of a listing and the rule that decided it (see the module comment for the order). */
export function classifySector(listing: SectorInput): SectorResult {
  if (listing.type === 'individual') {
    return {
      sector: 'individuals',
      rule: {
        id: 'type-individual',
        description: 'The listing is a person',
        matched: 'individual',
      },
    };
  }
  if (listing.type === 'vessel' || hasVesselDetails(listing)) {
    return {
      sector: 'shipping-maritime',
      rule: {
        id: 'vessel',
        description: 'The listing is a vessel',
        matched: listing.vessel?.vesselType ?? 'vessel',
      },
    };
  }
  if (listing.type === 'aircraft') {
    return {
      sector: 'aviation',
      rule: { id: 'type-aircraft', description: 'The listing is an aircraft', matched: 'aircraft' },
    };
  }
  if (listing.list === 'CAP') {
    return {
      sector: 'financial-services',
      rule: {
        id: 'list:CAP',
        description: 'The CAPTA list names foreign financial institutions only',
        matched: 'CAP',
      },
    };
  }
  const targetType = /Target Type Financial Institution/i.exec(listing.remarks ?? '');
  if (targetType) {
    return {
      sector: 'financial-services',
      rule: {
        id: 'remarks:target-type-financial-institution',
        description: 'OFAC’s remarks give the target type Financial Institution',
        matched: targetType[0],
      },
    };
  }

  const inName = matchKeyword(listing, listing.name);
  if (inName) return keywordResult('name', inName);

  const names = [listing.name, ...listing.aliases.map((alias) => alias.name)].filter((name) =>
    ANY_KNOWN_NAME.test(name.toLowerCase()),
  );
  for (const known of COMPILED_KNOWN_NAMES) {
    for (const name of names) {
      const matched = execFolded(known.pattern, name);
      if (matched !== null) {
        return {
          sector: known.sector,
          rule: {
            id: `known-name:${known.name.toLowerCase()}`,
            description: `The name or an alias is ${known.name}, a company known for its ${SECTORS[known.sector].label.toLowerCase()} business`,
            matched,
          },
        };
      }
    }
  }

  for (const alias of listing.aliases) {
    const inAlias = matchKeyword(listing, alias.name);
    if (inAlias) return keywordResult('alias', inAlias);
  }

  if (listing.programs.some((program) => program.trim() === 'UKRAINE-EO13662')) {
    // A listing may be subject to several Directives (Rosneft Finance: 2 and 4); any implying one.
    for (const directive of (listing.remarks ?? '').matchAll(
      /Directive Determination - Subject to Directive (\d+)(?![\p{L}\p{N}])/gu,
    )) {
      const info = directive[1] === undefined ? undefined : SSI_DIRECTIVES[directive[1]];
      if (!info) continue;
      return {
        sector: info.sector,
        rule: {
          id: `ssi-directive:${directive[1]}`,
          description: `OFAC identified it under EO 13662 ${info.what}`,
          matched: directive[0],
        },
      };
    }
  }

  return UNCLASSIFIED;
}
