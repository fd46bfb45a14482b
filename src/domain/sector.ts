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
export interface SectorRule { readonly id: string; readonly description: string; readonly matched: string }
export function classifySector(_l: unknown): { sector: SectorCode; rule: SectorRule } {
  return { sector: 'unclassified', rule: { id: 'none', description: '', matched: '' } };
}
