import { describe, expect, it } from 'vitest';
import type { Listing } from '../../../src/domain/listing';
import { SECTORS, SECTOR_CODES } from '../../../src/domain/sector';
import { classifySector, type SectorInput } from '../../../src/domain/sector-rules';
import {
  DEFAULT_LISTINGS,
  evaluateSectors,
  formatSectorReport,
  readLabels,
  readListings,
} from '../../tools/sector-evaluation';

function entity(name: string, extra: Partial<SectorInput> = {}): SectorInput {
  return {
    name,
    aliases: [],
    type: 'entity',
    list: 'SDN',
    programs: [],
    remarks: null,
    vessel: null,
    title: null,
    ...extra,
  };
}

const NO_VESSEL: NonNullable<Listing['vessel']> = {
  callSign: null,
  vesselType: null,
  tonnage: null,
  grossRegisteredTonnage: null,
  flag: null,
  owner: null,
};

describe('SECTORS', () => {
  it('describes every sector code once', () => {
    expect(Object.keys(SECTORS).sort()).toEqual([...SECTOR_CODES].sort());
    for (const code of SECTOR_CODES) expect(SECTORS[code].code).toBe(code);
  });
});

describe('classifySector rules', () => {
  it('puts every individual in individuals, whatever the name says', () => {
    const result = classifySector(entity('BANK, John', { type: 'individual' }));
    expect(result.sector).toBe('individuals');
    expect(result.rule.id).toBe('type-individual');
  });

  it('puts vessels in shipping-maritime, by type or by vessel fields', () => {
    expect(classifySector(entity('ARTAVIL', { type: 'vessel' })).rule.id).toBe('vessel');
    const byFields = classifySector(
      entity('ARK', { type: null, vessel: { ...NO_VESSEL, vesselType: 'Crude Oil Tanker' } }),
    );
    expect(byFields).toEqual({
      sector: 'shipping-maritime',
      rule: { id: 'vessel', description: 'The listing is a vessel', matched: 'Crude Oil Tanker' },
    });
  });

  it('puts aircraft in aviation', () => {
    expect(classifySector(entity('EP-MNF', { type: 'aircraft' })).sector).toBe('aviation');
  });

  it('explains a name keyword with the word as written', () => {
    expect(classifySector(entity('TANCHON COMMERCIAL BANK'))).toEqual({
      sector: 'financial-services',
      rule: {
        id: 'name-keyword:bank',
        description: 'Name contains a banking or finance word',
        matched: 'BANK',
      },
    });
  });

  it.each([
    ['Iran Space Research Center', 'research-universities', 'name-keyword:research-center'],
    [
      'China Academy of Launch Vehicle Technology',
      'defence-aerospace',
      'name-keyword:launch-vehicle',
    ],
    [
      'Academy of Military Medical Sciences, Institute of Bioengineering',
      'biotech-medical',
      'name-keyword:medical',
    ],
    [
      'SYRIAN MINISTRY OF PETROLEUM AND MINERAL RESOURCES',
      'government-military',
      'name-keyword:ministry',
    ],
    ['AECC China Gas Turbine Establishment', 'defence-aerospace', 'name-keyword:aecc'],
    ['NATIONAL IRANIAN TANKER COMPANY', 'shipping-maritime', 'name-keyword:tanker'],
    ['MAHAN AIR', 'aviation', 'name-keyword:air'],
    ['Guangdong University of Technology', 'research-universities', 'name-keyword:university'],
    [
      'Beijing Huanjia Telecommunication Co., Ltd.',
      'telecommunications',
      'name-keyword:telecommunication',
    ],
    ['Shenzhen Wafer Chip Co.', 'semiconductors-electronics', 'name-keyword:chip'],
    ['Huawei Cloud Berlin', 'computing-ai', 'name-keyword:cloud'],
    ['NEYRIZ STEEL', 'mining-metals', 'name-keyword:steel'],
    ['Sichuan Chemical Industry Co.', 'chemicals', 'name-keyword:chemical'],
    ['VEB CAPITAL', 'financial-services', 'name-keyword:capital'],
  ] as const)('%s → %s (%s)', (name, sector, ruleId) => {
    const result = classifySector(entity(name, { type: null, list: 'EL' }));
    expect(result.sector).toBe(sector);
    expect(result.rule.id).toBe(ruleId);
  });

  it('names the known surveillance and telecom companies', () => {
    expect(classifySector(entity('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'))).toMatchObject(
      {
        sector: 'surveillance-security-tech',
        rule: { id: 'known-name:hikvision', matched: 'HIKVISION' },
      },
    );
    expect(classifySector(entity('Zhejiang Dahua Technology Co., Ltd.')).rule.id).toBe(
      'known-name:dahua',
    );
    // The alias "Huawei Investment & Holding" is a holding, not a finance business.
    const huawei = entity('HUAWEI TECHNOLOGIES CO., LTD.', {
      aliases: [{ name: 'HUAWEI INVESTMENT & HOLDING CO LTD', kind: 'aka' }],
    });
    expect(classifySector(huawei).rule.id).toBe('known-name:huawei');
  });

  it('reads aliases after the primary name and the known names', () => {
    const result = classifySector(
      entity('AGOR DMCC', { aliases: [{ name: 'AGOR PRECIOUS METALS', kind: 'aka' }] }),
    );
    expect(result.sector).toBe('mining-metals');
    expect(result.rule.id).toBe('alias-keyword:metals');
  });

  it('does not make militant armies and parties government bodies', () => {
    expect(classifySector(entity('ARMY OF ISLAM', { programs: ['FTO', 'SDGT'] })).sector).toBe(
      'unclassified',
    );
    expect(classifySector(entity('LORD’S RESISTANCE ARMY', { programs: ['CAR'] })).sector).toBe(
      'unclassified',
    );
    expect(classifySector(entity('SYRIAN ARAB ARMY', { programs: ['SYRIA'] })).rule.id).toBe(
      'name-keyword:army',
    );
  });

  it('uses the CAPTA list and OFAC’s financial-institution target type', () => {
    expect(classifySector(entity('SB SECURITIES SA', { list: 'CAP' })).rule.id).toBe('list:CAP');
    expect(
      classifySector(entity('ACME', { remarks: 'Target Type Financial Institution; SWIFT/BIC X' }))
        .rule.id,
    ).toBe('remarks:target-type-financial-institution');
  });

  it('reads SSI Directives 2 and 4 as energy, but not 1 or 3', () => {
    const ssi = (remarks: string): SectorInput =>
      entity('KRASNOYARSKGAZPROM, PAO', {
        list: 'SSI',
        programs: ['UKRAINE-EO13662'],
        remarks,
      });
    expect(
      classifySector(
        ssi('Executive Order 13662 Directive Determination - Subject to Directive 4;'),
      ),
    ).toMatchObject({ sector: 'energy', rule: { id: 'ssi-directive:4' } });
    const rovnenski = entity('ROVNENSKI ELEVATOR, OAO', {
      list: 'SSI',
      programs: ['UKRAINE-EO13662'],
      remarks: 'Executive Order 13662 Directive Determination - Subject to Directive 1;',
    });
    expect(classifySector(rovnenski).sector).toBe('unclassified');
  });

  it('leaves a name that says nothing unclassified', () => {
    expect(classifySector(entity('DMI TRADING INC.'))).toEqual({
      sector: 'unclassified',
      rule: { id: 'none', description: 'No rule applies', matched: '' },
    });
    // Word boundaries: "Vision 20-20" is not video, "Goldenrod" is not gold, "Pharm" is not pharma.
    expect(classifySector(entity('GOLDENROD PHARM VISION 20-20, S.A.')).sector).toBe(
      'unclassified',
    );
  });
});

describe('evaluation against hand-labelled real listings', () => {
  // Fails, never skips, when the generated data is missing: readListings says how to build it.
  const listings = readListings(process.env.SECTOR_LISTINGS ?? DEFAULT_LISTINGS);
  const labels = readLabels();
  const report = evaluateSectors(labels, listings);

  it('labels at least 300 listings, all of them in the dataset', () => {
    expect(labels.length).toBeGreaterThanOrEqual(300);
    expect(new Set(labels.map((label) => label.id)).size).toBe(labels.length);
    expect(report.missingIds).toEqual([]);
  });

  it('is precise on what it classifies', () => {
    expect(report.classified).toBeGreaterThan(0);
    expect(report.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.coverage).toBeGreaterThanOrEqual(0.4);
  });

  it('computes the per-sector table; sectors with 5+ labels are at least 80% precise', () => {
    const total = report.rows.reduce((sum, row) => sum + row.labelled, 0);
    expect(total).toBe(report.total);
    expect(report.rows.reduce((sum, row) => sum + row.predicted, 0)).toBe(report.total);
    for (const row of report.rows) {
      if (row.sector === 'unclassified' || row.labelled < 5) continue;
      expect(row.precision, `${row.sector}\n${formatSectorReport(report)}`).not.toBeNull();
      expect(row.precision ?? 0, row.sector).toBeGreaterThanOrEqual(0.8);
    }
  });
});
