/**
 * The sectors a listed party can be in: codes, labels and what each covers. The rules that assign
 * them are in `sector-rules.ts`, run by the pipeline (schema 2 ships each listing's sector), so the
 * app loads the labels without compiling hundreds of keyword patterns.
 */
export const SECTOR_CODES = [
  'defence-aerospace',
  'surveillance-security-tech',
  'semiconductors-electronics',
  'telecommunications',
  'computing-ai',
  'biotech-medical',
  'research-universities',
  'shipping-maritime',
  'aviation',
  'energy',
  'financial-services',
  'mining-metals',
  'chemicals',
  'government-military',
  'individuals',
  'unclassified',
] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

export interface Sector {
  readonly code: SectorCode;
  /** Short, facet-ready. */
  readonly label: string;
  /** One or two sentences: what belongs here, and where the border with a neighbour lies. */
  readonly description: string;
}

export const SECTORS: Record<SectorCode, Sector> = {
  'defence-aerospace': {
    code: 'defence-aerospace',
    label: 'Defence & aerospace',
    description:
      'Makers and traders of weapons, munitions, missiles, military equipment, aircraft, aero-engines and spacecraft, and their design bureaus (aircraft makers are here, airlines under Aviation).',
  },
  'surveillance-security-tech': {
    code: 'surveillance-security-tech',
    label: 'Surveillance & security technology',
    description:
      'Video surveillance, facial and biometric recognition and other security and monitoring technology.',
  },
  'semiconductors-electronics': {
    code: 'semiconductors-electronics',
    label: 'Semiconductors & electronics',
    description:
      'Chip design and manufacture, microelectronics, optoelectronics, electronic components and their distributors.',
  },
  telecommunications: {
    code: 'telecommunications',
    label: 'Telecommunications',
    description:
      'Telecom operators and makers of telecom and network equipment, mobile devices, fibre and submarine cable.',
  },
  'computing-ai': {
    code: 'computing-ai',
    label: 'Computing & AI',
    description:
      'Computers and supercomputers, software, cloud, IT services and artificial intelligence.',
  },
  'biotech-medical': {
    code: 'biotech-medical',
    label: 'Biotech & medical',
    description:
      'Biotechnology, pharmaceuticals, medical devices, hospitals and medical or biological research bodies.',
  },
  'research-universities': {
    code: 'research-universities',
    label: 'Research & universities',
    description:
      'Universities, academies and research institutes whose field is general or not another sector (a nuclear power or an aerospace research institute sits in that sector).',
  },
  'shipping-maritime': {
    code: 'shipping-maritime',
    label: 'Shipping & maritime',
    description:
      'Vessels, shipowners, operators and managers, tanker companies, shipyards and ship repair.',
  },
  aviation: {
    code: 'aviation',
    label: 'Aviation',
    description:
      'Aircraft, airlines, air cargo and aviation services such as maintenance, leasing and parts supply (aircraft makers are under Defence & aerospace).',
  },
  energy: {
    code: 'energy',
    label: 'Energy',
    description:
      'Oil, gas, refining, petrochemicals, power generation and nuclear power, including state nuclear agencies.',
  },
  'financial-services': {
    code: 'financial-services',
    label: 'Financial services',
    description:
      'Banks, exchanges and exchange houses, investment and asset managers, insurers, pension funds, payment and money services.',
  },
  'mining-metals': {
    code: 'mining-metals',
    label: 'Mining & metals',
    description: 'Mining, metallurgy and steel, and trade in metals, gold and precious stones.',
  },
  chemicals: {
    code: 'chemicals',
    label: 'Chemicals',
    description: 'Chemical makers and traders, chemistry research institutes and fertilizer.',
  },
  'government-military': {
    code: 'government-military',
    label: 'Government & military',
    description:
      'Ministries, state agencies, armed forces and their units, police, intelligence and security services, and political bodies. Non-state armed groups are not here.',
  },
  individuals: {
    code: 'individuals',
    label: 'Individuals',
    description: 'People: every listing of type individual.',
  },
  unclassified: {
    code: 'unclassified',
    label: 'Unclassified',
    description: 'The listing does not say clearly enough what the party does.',
  },
};

/** Why a listing got its sector. `id` is stable (`name-keyword:bank`), `matched` quotes the text. */
export interface SectorRule {
  readonly id: string;
  readonly description: string;
  readonly matched: string;
}

export interface SectorResult {
  readonly sector: SectorCode;
  readonly rule: SectorRule;
}

export function isSectorCode(value: string): value is SectorCode {
  return (SECTOR_CODES as readonly string[]).includes(value);
}
