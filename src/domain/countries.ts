import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(english);

/**
 * Names the official lists use that the ISO English names (and their usual alternatives) in
 * i18n-iso-countries do not cover. Keys are compared after `foldCountryName`.
 */
const EXTRA_NAMES: Record<string, string> = {
  burma: 'MM',
  'korea north': 'KP',
  'north korea': 'KP',
  'korea south': 'KR',
  'south korea': 'KR',
  russia: 'RU',
  iran: 'IR',
  syria: 'SY',
  'congo democratic republic of the': 'CD',
  'democratic republic of the congo': 'CD',
  'congo republic of the': 'CG',
  kosovo: 'XK',
  'west bank': 'PS',
  gaza: 'PS',
  palestinian: 'PS',
  'region crimea': 'UA',
  'netherlands antilles': 'CW',
  macau: 'MO',
  'hong kong': 'HK',
  taiwan: 'TW',
  'cote d ivoire': 'CI',
  'ivory coast': 'CI',
  turkey: 'TR',
  turkiye: 'TR',
  'united states': 'US',
  usa: 'US',
  'u s a': 'US',
  'united kingdom': 'GB',
  uk: 'GB',
  england: 'GB',
  'the gambia': 'GM',
  'the bahamas': 'BS',
  'bosnia herzegovina': 'BA',
  vietnam: 'VN',
  laos: 'LA',
  'czech republic': 'CZ',
  'st kitts and nevis': 'KN',
  'saint kitts and nevis': 'KN',
  'st vincent and the grenadines': 'VC',
  'st lucia': 'LC',
  'virgin islands british': 'VG',
  'british virgin islands': 'VG',
  'man isle of': 'IM',
  'isle of man': 'IM',
  'micronesia federated states of': 'FM',
  moldova: 'MD',
  tanzania: 'TZ',
  bolivia: 'BO',
  venezuela: 'VE',
  macedonia: 'MK',
  'north macedonia': 'MK',
  brunei: 'BN',
  curacao: 'CW',
  'sint maarten': 'SX',
  eswatini: 'SZ',
  swaziland: 'SZ',
  'timor leste': 'TL',
  'east timor': 'TL',
  'cabo verde': 'CV',
  'cape verde': 'CV',
  'holy see': 'VA',
  china: 'CN',
  // UN Security Council Consolidated List spellings (the UN's own short names).
  'iran islamic republic of': 'IR',
  'democratic people s republic of korea': 'KP',
  'united kingdom of great britain and northern ireland': 'GB',
  'viet nam': 'VN',
  'china hong kong special administrative region': 'HK',
  // OFAC legacy CSV spellings (Country column of add.csv, `nationality` facts in Remarks).
  'bahamas the': 'BS',
  'macedonia the former yugoslav republic of': 'MK',
  'north macedonia the republic of': 'MK',
  'region gaza': 'PS',
  'region northern mali': 'ML',
};

/** Lower case, no accents, no punctuation, single spaces: how country names are compared. */
export function foldCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Kosovo is not in ISO 3166-1 but OFAC and the CSL use XK for it. */
const USER_ASSIGNED_CODES = new Set(['XK']);

export function isCountryCode(code: string): boolean {
  return USER_ASSIGNED_CODES.has(code) || countries.isValid(code);
}

/**
 * The ISO 3166-1 alpha-2 code for a country as the lists write it: an ISO-2 code (`CN`) or a name
 * (`China`, `Korea, North`, `Burma`). Returns null when the text is not recognisably a country —
 * postal codes and company suffixes end some CSL addresses, and those must not become countries.
 */
export function toCountryCode(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const upper = trimmed.toUpperCase();
    // Only accept two-letter tokens written in upper case: "Co" or "de" are not countries.
    return trimmed === upper && isCountryCode(upper) ? upper : null;
  }
  const folded = foldCountryName(trimmed);
  if (folded === '') return null;
  const extra = EXTRA_NAMES[folded];
  if (extra) return extra;
  const code = countries.getAlpha2Code(trimmed, 'en');
  return code ?? null;
}

const DISPLAY_NAME_OVERRIDES: Record<string, string> = { XK: 'Kosovo', GB: 'United Kingdom' };

/** The English display name of an ISO-2 code, for labels. */
export function countryName(code: string): string {
  const override = DISPLAY_NAME_OVERRIDES[code];
  if (override) return override;
  // The short common name ("China", "Iran") reads better in a facet than the official one.
  return countries.getName(code, 'en', { select: 'alias' }) ?? code;
}
