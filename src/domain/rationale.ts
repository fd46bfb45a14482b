import type { ListCode } from './lists';

/**
 * Why a party is listed, in words, with the legal basis.
 *
 * Three tables feed one function:
 * - `RATIONALES`: the reasons themselves (facet-ready label, one-sentence description, the legal
 *   basis and an official page);
 * - `PROGRAMS` (OFAC program codes and the State Department ISN legal authorities, as the CSL and
 *   OFAC files write them) and `UN_REGIMES` (the UN `UN_LIST_TYPE` values), each mapped to
 *   rationales;
 * - `LIST_RATIONALES`: what a list implies on its own (the BIS lists carry no programs at all).
 *
 * The UN and OFAC use the same words for different regimes ("Iran" is UNSCR 1737 for the UN,
 * the Iranian Transactions and Sanctions Regulations for OFAC's `IRAN` tag; likewise DPRK, CAR,
 * Somalia, Yemen), so UN list types are looked up in their own table, chosen by the listing's list.
 *
 * Where a program's Executive Order number or CFR part is not certain, `legalBasis` names only the
 * statute or authority that is; OFAC's program pages (linked from each rationale) are the source.
 */

const OFAC_PROGRAMS = 'https://ofac.treasury.gov/sanctions-programs-and-country-information';
const OFAC_OTHER_LISTS = 'https://ofac.treasury.gov/other-ofac-sanctions-lists';
const UN_SANCTIONS = 'https://www.un.org/securitycouncil/sanctions';

function ofacProgramPage(slug: string): string {
  return `${OFAC_PROGRAMS}/${slug}`;
}

export const RATIONALE_CODES = [
  // Conduct: what the party did or is.
  'terrorism',
  'narcotics',
  'transnational-crime',
  'wmd-proliferation',
  'arms-transfer',
  'military-end-use',
  'cyber',
  'election-interference',
  'human-rights',
  'corruption',
  'hostage-taking',
  'sanctions-evasion',
  'export-control-violation',
  // Country and regional programs.
  'russia-ukraine',
  'iran',
  'north-korea',
  'syria',
  'venezuela',
  'cuba',
  'afghanistan',
  'balkans',
  'belarus',
  'burma',
  'burundi',
  'central-african-republic',
  'drc',
  'ethiopia',
  'guinea-bissau',
  'haiti',
  'hong-kong',
  'iraq',
  'lebanon',
  'libya',
  'mali',
  'nicaragua',
  'somalia',
  'south-sudan',
  'sudan',
  'west-bank',
  'yemen',
  'zimbabwe',
  // Measures that a list itself stands for.
  'unverified-end-use',
  'securities-investment-ban',
  'itar-debarment',
  'correspondent-account',
  'menu-based-sanctions',
  'un-security-council',
  'other',
] as const;
export type RationaleCode = (typeof RATIONALE_CODES)[number];

/** `conduct`: what the party did; `country`: a country or regional program; `measure`: the
 * restriction a particular list stands for; `other`: the fallback. Lets a facet group its values. */
export const RATIONALE_KINDS = ['conduct', 'country', 'measure', 'other'] as const;
export type RationaleKind = (typeof RATIONALE_KINDS)[number];

export interface Rationale {
  readonly code: RationaleCode;
  readonly kind: RationaleKind;
  /** Short, facet-ready. */
  readonly label: string;
  /** One sentence. */
  readonly description: string;
  /** The Executive Orders, statutes or CFR parts the listings rest on. */
  readonly legalBasis: string;
  /** An official page (Treasury, Commerce, State, eCFR or UN). */
  readonly url: string;
}

export const RATIONALES: Record<RationaleCode, Rationale> = {
  terrorism: {
    code: 'terrorism',
    kind: 'conduct',
    label: 'Terrorism',
    description:
      'Terrorist groups, their members and those who finance or support them, including members of the Palestinian Legislative Council elected on a terrorist group’s slate.',
    legalBasis:
      'EO 13224 (Specially Designated Global Terrorists); Immigration and Nationality Act §219 (Foreign Terrorist Organizations); 31 CFR Part 594; UNSCR 1267/1989/2253',
    url: ofacProgramPage('counter-terrorism-sanctions'),
  },
  narcotics: {
    code: 'narcotics',
    kind: 'conduct',
    label: 'Narcotics trafficking',
    description: 'Drug traffickers and kingpins and the networks that finance or launder for them.',
    legalBasis:
      'Foreign Narcotics Kingpin Designation Act (31 CFR Part 598); EO 12978 (Colombian narcotics traffickers); EO 14059 (global illicit drug trade)',
    url: ofacProgramPage('counter-narcotics-trafficking-sanctions'),
  },
  'transnational-crime': {
    code: 'transnational-crime',
    kind: 'conduct',
    label: 'Transnational crime',
    description:
      'Transnational criminal organisations and those who support them, such as cartels, mafias and gangs operating across borders.',
    legalBasis: 'EO 13581, as amended (Transnational Criminal Organizations)',
    url: ofacProgramPage('transnational-criminal-organizations'),
  },
  'wmd-proliferation': {
    code: 'wmd-proliferation',
    kind: 'conduct',
    label: 'WMD proliferation',
    description:
      'Proliferators of nuclear, chemical or biological weapons or missiles and their suppliers and supporters.',
    legalBasis:
      'EO 13382; EO 12938; Iran, North Korea, and Syria Nonproliferation Act (INKSNA); Chemical and Biological Weapons Control and Warfare Elimination Act; Nuclear Proliferation Prevention Act; missile sanctions laws',
    url: ofacProgramPage('non-proliferation-sanctions'),
  },
  'arms-transfer': {
    code: 'arms-transfer',
    kind: 'conduct',
    label: 'Arms transfers',
    description:
      'Suppliers and buyers in transfers of conventional arms or lethal military equipment that US law sanctions, such as arms trade with Iran.',
    legalBasis:
      'EO 13949 (conventional arms activities of Iran); statutory sanctions on transfers of lethal military equipment',
    url: OFAC_PROGRAMS,
  },
  'military-end-use': {
    code: 'military-end-use',
    kind: 'conduct',
    label: 'Military end use / national security',
    description:
      'Parties the Commerce Department found to be military end users or to act contrary to US national security or foreign policy interests, so exports to them need a licence.',
    legalBasis:
      'Export Administration Regulations, 15 CFR §744.11 (Entity List) and §744.21 (military end use and end users)',
    url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744',
  },
  cyber: {
    code: 'cyber',
    kind: 'conduct',
    label: 'Malicious cyber activity',
    description:
      'Those responsible for significant malicious cyber-enabled activities, such as attacks on critical infrastructure, ransomware or theft of trade secrets.',
    legalBasis: 'EO 13694, as amended by EO 13757',
    url: ofacProgramPage('sanctions-related-to-significant-malicious-cyber-enabled-activities'),
  },
  'election-interference': {
    code: 'election-interference',
    kind: 'conduct',
    label: 'Election interference',
    description:
      'Foreign persons who interfered in, or attempted to interfere in, a United States election.',
    legalBasis: 'EO 13848',
    url: OFAC_PROGRAMS,
  },
  'human-rights': {
    code: 'human-rights',
    kind: 'conduct',
    label: 'Human rights abuse',
    description:
      'Perpetrators of serious human rights abuse, including abuses committed through censorship and surveillance technology.',
    legalBasis:
      'Global Magnitsky Human Rights Accountability Act and EO 13818; Sergei Magnitsky Rule of Law Accountability Act of 2012; EO 13553 (Iran); EO 13606 (Iran and Syria, information technology); Uyghur Human Rights Policy Act of 2020',
    url: ofacProgramPage('global-magnitsky-sanctions'),
  },
  corruption: {
    code: 'corruption',
    kind: 'conduct',
    label: 'Corruption',
    description:
      'Current or former officials and their associates responsible for or complicit in corruption.',
    legalBasis:
      'EO 13818 (Global Magnitsky); Nicaragua Human Rights and Anticorruption Act of 2018',
    url: ofacProgramPage('global-magnitsky-sanctions'),
  },
  'hostage-taking': {
    code: 'hostage-taking',
    kind: 'conduct',
    label: 'Hostage-taking',
    description:
      'Those involved in hostage-taking or the wrongful detention of United States nationals abroad.',
    legalBasis: 'EO 14078',
    url: ofacProgramPage('hostages-and-wrongfully-detained-us-nationals-sanctions'),
  },
  'sanctions-evasion': {
    code: 'sanctions-evasion',
    kind: 'conduct',
    label: 'Sanctions evasion',
    description:
      'Foreign persons who violated, attempted to violate or caused violations of US sanctions on Iran or Syria, or facilitated deceptive transactions for sanctioned persons (Foreign Sanctions Evaders List).',
    legalBasis: 'EO 13608',
    url: OFAC_OTHER_LISTS,
  },
  'export-control-violation': {
    code: 'export-control-violation',
    kind: 'conduct',
    label: 'Export control violation',
    description:
      'Parties whose export privileges the Commerce Department has denied, usually for violating or being convicted under export control law (Denied Persons List).',
    legalBasis:
      'Export Administration Regulations, 15 CFR Part 764 (enforcement and protective measures) and Part 766 (administrative enforcement proceedings, denial orders)',
    url: 'https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-766',
  },

  'russia-ukraine': {
    code: 'russia-ukraine',
    kind: 'country',
    label: 'Russia / Ukraine',
    description:
      'Persons tied to Russia’s actions against Ukraine, including Crimea and the so-called DNR and LNR, and to other harmful foreign activities of the Russian government.',
    legalBasis:
      'EO 13660, 13661, 13662, 13685 (Ukraine-/Russia-related); EO 14024 (Russian harmful foreign activities); EO 14065; CAATSA Title II; Support for the Sovereignty, Integrity, Democracy, and Economic Stability of Ukraine Act of 2014; Protecting Europe’s Energy Security Act of 2019',
    url: OFAC_PROGRAMS,
  },
  iran: {
    code: 'iran',
    kind: 'country',
    label: 'Iran',
    description:
      'The Government of Iran, Iranian financial institutions and persons designated under the Iran sanctions statutes and Executive Orders.',
    legalBasis:
      'Iranian Transactions and Sanctions Regulations, 31 CFR Part 560; Iranian Financial Sanctions Regulations, 31 CFR Part 561; Iran Sanctions Act of 1996; Iran Freedom and Counter-Proliferation Act of 2012; EO 13846, 13871, 13876, 13902; UNSCR 1737 (2006)',
    url: ofacProgramPage('iran-sanctions'),
  },
  'north-korea': {
    code: 'north-korea',
    kind: 'country',
    label: 'North Korea',
    description:
      'The Government of North Korea and persons supporting its weapons programs, revenue generation or sanctions evasion.',
    legalBasis:
      'North Korea Sanctions Regulations, 31 CFR Part 510; EO 13551, 13687, 13722, 13810; North Korea Sanctions and Policy Enhancement Act of 2016; UNSCR 1718 (2006)',
    url: ofacProgramPage('north-korea-sanctions'),
  },
  syria: {
    code: 'syria',
    kind: 'country',
    label: 'Syria',
    description:
      'The Government of Syria under the Assad regime and those supporting it, and persons threatening peace and stability in Syria.',
    legalBasis:
      'Syrian Sanctions Regulations, 31 CFR Part 542 (EO 13338 and subsequent orders); Caesar Syria Civilian Protection Act of 2019; EO 13894',
    url: ofacProgramPage('syria-sanctions'),
  },
  venezuela: {
    code: 'venezuela',
    kind: 'country',
    label: 'Venezuela',
    description:
      'The Government of Venezuela, its officials and persons operating in sectors of its economy, and those undermining democracy in Venezuela.',
    legalBasis: 'EO 13692, EO 13850, EO 13884',
    url: ofacProgramPage('venezuela-related-sanctions'),
  },
  cuba: {
    code: 'cuba',
    kind: 'country',
    label: 'Cuba',
    description: 'Cuban nationals, entities and agents covered by the US embargo on Cuba.',
    legalBasis: 'Trading with the Enemy Act; Cuban Assets Control Regulations, 31 CFR Part 515',
    url: ofacProgramPage('cuba-sanctions'),
  },
  afghanistan: {
    code: 'afghanistan',
    kind: 'country',
    label: 'Afghanistan (Taliban)',
    description:
      'Individuals and entities associated with the Taliban in constituting a threat to the peace, stability and security of Afghanistan.',
    legalBasis: 'UNSCR 1988 (2011)',
    url: `${UN_SANCTIONS}/1988`,
  },
  balkans: {
    code: 'balkans',
    kind: 'country',
    label: 'Western Balkans',
    description:
      'Persons threatening peace, stability or the peace agreements in the Western Balkans, or engaged in corruption there.',
    legalBasis:
      'Western Balkans Stabilization Regulations, 31 CFR Part 588 (EO 13219, as amended by EO 13304); EO 14033',
    url: ofacProgramPage('balkans-related-sanctions'),
  },
  belarus: {
    code: 'belarus',
    kind: 'country',
    label: 'Belarus',
    description:
      'Persons undermining democratic processes in Belarus, committing related human rights abuses or corruption, and parts of the Belarusian economy.',
    legalBasis: 'Belarus Sanctions Regulations, 31 CFR Part 548 (EO 13405); EO 14038',
    url: ofacProgramPage('belarus-sanctions'),
  },
  burma: {
    code: 'burma',
    kind: 'country',
    label: 'Burma',
    description:
      'The Burmese military regime, its leaders and supporters after the February 2021 coup.',
    legalBasis: 'EO 14014',
    url: ofacProgramPage('burma'),
  },
  burundi: {
    code: 'burundi',
    kind: 'country',
    label: 'Burundi',
    description:
      'Persons who threatened peace, security or democratic governance in Burundi (a program since terminated).',
    legalBasis: 'EO 13712',
    url: OFAC_PROGRAMS,
  },
  'central-african-republic': {
    code: 'central-african-republic',
    kind: 'country',
    label: 'Central African Republic',
    description: 'Persons contributing to the conflict in the Central African Republic.',
    legalBasis: 'EO 13667; 31 CFR Part 553; UNSCR 2127 (2013)',
    url: ofacProgramPage('central-african-republic-sanctions'),
  },
  drc: {
    code: 'drc',
    kind: 'country',
    label: 'DR Congo',
    description: 'Persons contributing to the conflict in the Democratic Republic of the Congo.',
    legalBasis: 'EO 13413, as amended by EO 13671; UNSCR 1533 (2004)',
    url: ofacProgramPage('democratic-republic-of-the-congo-related-sanctions'),
  },
  ethiopia: {
    code: 'ethiopia',
    kind: 'country',
    label: 'Ethiopia',
    description:
      'Persons responsible for or complicit in the humanitarian and human rights crisis in northern Ethiopia.',
    legalBasis: 'EO 14046',
    url: ofacProgramPage('ethiopia'),
  },
  'guinea-bissau': {
    code: 'guinea-bissau',
    kind: 'country',
    label: 'Guinea-Bissau',
    description:
      'Persons who took part in or supported the April 2012 military coup in Guinea-Bissau (travel ban).',
    legalBasis: 'UNSCR 2048 (2012)',
    url: `${UN_SANCTIONS}/2048`,
  },
  haiti: {
    code: 'haiti',
    kind: 'country',
    label: 'Haiti',
    description:
      'Gang leaders and others engaged in or supporting criminal activity and violence that threaten the peace, security or stability of Haiti.',
    legalBasis: 'UNSCR 2653 (2022)',
    url: `${UN_SANCTIONS}/2653`,
  },
  'hong-kong': {
    code: 'hong-kong',
    kind: 'country',
    label: 'Hong Kong',
    description:
      'Officials responsible for undermining Hong Kong’s autonomy or restricting its freedoms.',
    legalBasis: 'EO 13936',
    url: ofacProgramPage('hong-kong-related-sanctions'),
  },
  iraq: {
    code: 'iraq',
    kind: 'country',
    label: 'Iraq',
    description:
      'Senior officials and assets of the former Saddam Hussein regime, and persons threatening stabilisation efforts in Iraq.',
    legalBasis: 'EO 13315; EO 13438; UNSCR 1518 (2003)',
    url: ofacProgramPage('iraq-related-sanctions'),
  },
  lebanon: {
    code: 'lebanon',
    kind: 'country',
    label: 'Lebanon',
    description:
      'Persons undermining Lebanon’s sovereignty or its democratic processes and institutions.',
    legalBasis: 'EO 13441',
    url: ofacProgramPage('lebanon-related-sanctions'),
  },
  libya: {
    code: 'libya',
    kind: 'country',
    label: 'Libya',
    description:
      'The Qadhafi family and regime and persons threatening the peace, security or stability of Libya.',
    legalBasis: 'EO 13566; EO 13726; UNSCR 1970 (2011)',
    url: ofacProgramPage('libya-sanctions'),
  },
  mali: {
    code: 'mali',
    kind: 'country',
    label: 'Mali',
    description: 'Persons threatening the peace, security or stability of Mali.',
    legalBasis: 'EO 13882',
    url: ofacProgramPage('mali-related-sanctions'),
  },
  nicaragua: {
    code: 'nicaragua',
    kind: 'country',
    label: 'Nicaragua',
    description:
      'Persons responsible for human rights abuse, corruption or undermining democracy in Nicaragua.',
    legalBasis: 'EO 13851; Nicaragua Human Rights and Anticorruption Act of 2018',
    url: ofacProgramPage('nicaragua-related-sanctions'),
  },
  somalia: {
    code: 'somalia',
    kind: 'country',
    label: 'Somalia',
    description:
      'Persons threatening the peace, security or stability of Somalia, including Al-Shabaab and its supporters.',
    legalBasis: 'EO 13536; UNSCR 751 (1992) and successor resolutions',
    url: ofacProgramPage('somalia-sanctions'),
  },
  'south-sudan': {
    code: 'south-sudan',
    kind: 'country',
    label: 'South Sudan',
    description: 'Persons contributing to the conflict in South Sudan.',
    legalBasis: 'EO 13664; UNSCR 2206 (2015)',
    url: ofacProgramPage('south-sudan-related-sanctions'),
  },
  sudan: {
    code: 'sudan',
    kind: 'country',
    label: 'Sudan / Darfur',
    description:
      'Persons contributing to the conflict in Darfur and, since 2023, to the war in Sudan.',
    legalBasis: 'EO 13400 (Darfur); EO 14098 (Sudan); UNSCR 1591 (2005)',
    url: ofacProgramPage('sudan-and-darfur-sanctions'),
  },
  'west-bank': {
    code: 'west-bank',
    kind: 'country',
    label: 'West Bank',
    description:
      'Persons undermining peace, security and stability in the West Bank, such as perpetrators of violence against civilians.',
    legalBasis: 'EO 14115',
    url: OFAC_PROGRAMS,
  },
  yemen: {
    code: 'yemen',
    kind: 'country',
    label: 'Yemen',
    description: 'Persons threatening the peace, security or stability of Yemen.',
    legalBasis: 'EO 13611; UNSCR 2140 (2014)',
    url: ofacProgramPage('yemen-related-sanctions'),
  },
  zimbabwe: {
    code: 'zimbabwe',
    kind: 'country',
    label: 'Zimbabwe',
    description:
      'Persons undermining democratic processes or institutions in Zimbabwe (a program terminated in 2024).',
    legalBasis: 'EO 13288 and subsequent orders',
    url: OFAC_PROGRAMS,
  },

  'unverified-end-use': {
    code: 'unverified-end-use',
    kind: 'measure',
    label: 'Unverified end use',
    description:
      'Foreign parties whose bona fides the Commerce Department could not verify in an end-use check, so exports to them carry extra conditions (Unverified List).',
    legalBasis: 'Export Administration Regulations, 15 CFR §744.15',
    url: 'https://www.ecfr.gov/current/title-15/section-744.15',
  },
  'securities-investment-ban': {
    code: 'securities-investment-ban',
    kind: 'measure',
    label: 'Securities investment ban',
    description:
      'Companies in the defence or surveillance technology sectors of China’s economy whose publicly traded securities US persons may not buy (NS-CMIC List).',
    legalBasis: 'EO 13959, as amended by EO 14032',
    url: ofacProgramPage('chinese-military-companies-sanctions'),
  },
  'itar-debarment': {
    code: 'itar-debarment',
    kind: 'measure',
    label: 'ITAR debarment',
    description:
      'Persons debarred from exporting defence articles and services, usually after a conviction or settlement under the Arms Export Control Act.',
    legalBasis:
      'International Traffic in Arms Regulations, 22 CFR §127.7; Arms Export Control Act §38(g)(4)',
    url: 'https://www.ecfr.gov/current/title-22/section-127.7',
  },
  'correspondent-account': {
    code: 'correspondent-account',
    kind: 'measure',
    label: 'Correspondent account ban',
    description:
      'Foreign financial institutions for which US banks may not open or keep correspondent or payable-through accounts, or only on strict conditions (CAPTA List).',
    legalBasis:
      'Iranian Financial Sanctions Regulations, 31 CFR Part 561; EO 14024 directives (Russia)',
    url: OFAC_OTHER_LISTS,
  },
  'menu-based-sanctions': {
    code: 'menu-based-sanctions',
    kind: 'measure',
    label: 'Menu-based sanctions',
    description:
      'Persons subject to non-blocking sanctions chosen from a menu of measures, such as bans on new debt or equity, rather than to full blocking (NS-MBS List).',
    legalBasis: 'Non-blocking measures under OFAC programs, for example directives under EO 14024',
    url: OFAC_OTHER_LISTS,
  },
  'un-security-council': {
    code: 'un-security-council',
    kind: 'measure',
    label: 'UN Security Council',
    description:
      'Individuals and entities that a UN Security Council sanctions committee has listed, binding on all UN member states.',
    legalBasis:
      'Chapter VII of the UN Charter; the Security Council resolution establishing each regime',
    url: 'https://www.un.org/securitycouncil/content/un-sc-consolidated-list',
  },
  other: {
    code: 'other',
    kind: 'other',
    label: 'Other',
    description: 'A program or list this explorer has no rationale for yet.',
    legalBasis: 'See the listing’s program and list on OFAC’s program pages',
    url: OFAC_PROGRAMS,
  },
};

export interface ProgramInfo {
  /** The code as the source writes it: an OFAC tag (`SDGT`), an ISN authority, a UN list type. */
  readonly code: string;
  readonly name: string;
  readonly legalBasis: string;
  readonly rationales: readonly RationaleCode[];
}

function program(
  code: string,
  name: string,
  legalBasis: string,
  rationales: readonly RationaleCode[],
): ProgramInfo {
  return { code, name, legalBasis, rationales };
}

/**
 * OFAC program tags (SDN and Consolidated lists, also in the CSL `programs` column) and the legal
 * authorities the State Department's ISN list writes in that column. Covers every value in the
 * 2021, 2024 and 2025 OFAC files and the 2022 CSL; tested against them.
 */
const PROGRAM_LIST: readonly ProgramInfo[] = [
  // Terrorism
  program(
    'SDGT',
    'Specially Designated Global Terrorists',
    'EO 13224; Global Terrorism Sanctions Regulations, 31 CFR Part 594',
    ['terrorism'],
  ),
  program(
    'FTO',
    'Foreign Terrorist Organizations',
    'Immigration and Nationality Act §219; 31 CFR Part 597',
    ['terrorism'],
  ),
  program(
    'HIFPAA',
    'Hizballah International Financing Prevention Amendments Act',
    'Hizballah International Financing Prevention Act of 2015, as amended in 2018',
    ['terrorism'],
  ),
  program(
    'NS-PLC',
    'Non-SDN Palestinian Legislative Council',
    'OFAC counter-terrorism sanctions: PLC members elected on the slate of Hamas or another designated terrorist group (not blocked)',
    ['terrorism'],
  ),
  // Narcotics and crime
  program('SDNT', 'Specially Designated Narcotics Traffickers', 'EO 12978', ['narcotics']),
  program(
    'SDNTK',
    'Specially Designated Narcotics Traffickers – Kingpin Act',
    'Foreign Narcotics Kingpin Designation Act; 31 CFR Part 598',
    ['narcotics'],
  ),
  program('ILLICIT-DRUGS-EO', 'Illicit drug trade (the 2021–2022 tag for EO 14059)', 'EO 14059', [
    'narcotics',
  ]),
  program('ILLICIT-DRUGS-EO14059', 'Global illicit drug trade', 'EO 14059', ['narcotics']),
  program('TCO', 'Transnational Criminal Organizations', 'EO 13581, as amended', [
    'transnational-crime',
  ]),
  // Proliferation (OFAC) and the ISN legal authorities
  program('NPWMD', 'Non-Proliferation of Weapons of Mass Destruction', 'EO 13382', [
    'wmd-proliferation',
  ]),
  program(
    'E.O. 13382',
    'Weapons of mass destruction proliferators and their supporters',
    'EO 13382',
    ['wmd-proliferation'],
  ),
  program('E.O. 12938', 'Proliferation of weapons of mass destruction', 'EO 12938', [
    'wmd-proliferation',
  ]),
  program(
    'INKSNA',
    'Iran, North Korea, and Syria Nonproliferation Act',
    'Iran, North Korea, and Syria Nonproliferation Act',
    ['wmd-proliferation'],
  ),
  program(
    'Chemical and Biological Weapons Act',
    'Chemical and Biological Weapons Control and Warfare Elimination Act of 1991',
    'Chemical and Biological Weapons Control and Warfare Elimination Act of 1991',
    ['wmd-proliferation'],
  ),
  program(
    'Chemical and Biological Weapons Control and Warfare Elimination Act (CBW Act)',
    'Chemical and Biological Weapons Control and Warfare Elimination Act of 1991',
    'Chemical and Biological Weapons Control and Warfare Elimination Act of 1991',
    ['wmd-proliferation'],
  ),
  program(
    'Export-Import Bank Act',
    'Export-Import Bank Act nonproliferation sanctions',
    'Export-Import Bank Act of 1945 (denial of Export-Import Bank support for proliferation)',
    ['wmd-proliferation'],
  ),
  program(
    'Missile Sanctions laws',
    'Missile technology proliferation sanctions',
    'Missile sanctions provisions of the Arms Export Control Act and the Export Administration Act',
    ['wmd-proliferation'],
  ),
  program(
    'Nuclear Proliferation Prevention Act',
    'Nuclear Proliferation Prevention Act of 1994',
    'Nuclear Proliferation Prevention Act of 1994',
    ['wmd-proliferation'],
  ),
  program(
    'Transfer of Lethal Military Equipment',
    'Transfers of lethal military equipment',
    'Statutory sanctions on transfers of lethal military equipment to state sponsors of terrorism',
    ['arms-transfer'],
  ),
  // Cyber, elections, human rights, corruption, hostages
  program(
    'CYBER2',
    'Significant malicious cyber-enabled activities',
    'EO 13694, as amended by EO 13757',
    ['cyber'],
  ),
  program('ELECTION-EO13848', 'Foreign interference in a US election', 'EO 13848', [
    'election-interference',
  ]),
  program(
    'GLOMAG',
    'Global Magnitsky',
    'Global Magnitsky Human Rights Accountability Act; EO 13818',
    ['human-rights', 'corruption'],
  ),
  program('MAGNIT', 'Sergei Magnitsky', 'Sergei Magnitsky Rule of Law Accountability Act of 2012', [
    'human-rights',
  ]),
  program('UHRPA', 'Uyghur Human Rights Policy Act', 'Uyghur Human Rights Policy Act of 2020', [
    'human-rights',
  ]),
  program('HOSTAGES-EO14078', 'Hostage-taking and wrongful detention of US nationals', 'EO 14078', [
    'hostage-taking',
  ]),
  // Sanctions evasion, correspondent accounts, menu-based, securities
  program('FSE-IR', 'Foreign Sanctions Evaders – Iran', 'EO 13608', ['sanctions-evasion', 'iran']),
  program('FSE-SY', 'Foreign Sanctions Evaders – Syria', 'EO 13608', [
    'sanctions-evasion',
    'syria',
  ]),
  program(
    '561-Related',
    'Part 561 correspondent account restrictions (CAPTA, Iran)',
    'Iranian Financial Sanctions Regulations, 31 CFR Part 561',
    ['correspondent-account', 'iran'],
  ),
  program(
    'MBS',
    'Non-SDN Menu-Based Sanctions',
    'Non-blocking measures under OFAC programs (in the 2022 CSL, directives under EO 14024)',
    ['menu-based-sanctions'],
  ),
  program(
    'CMIC-EO13959',
    'Chinese Military-Industrial Complex Companies',
    'EO 13959, as amended by EO 14032',
    ['securities-investment-ban'],
  ),
  // Russia / Ukraine
  program(
    'UKRAINE-EO13660',
    'Ukraine-related: undermining democratic processes or institutions in Ukraine',
    'EO 13660',
    ['russia-ukraine'],
  ),
  program(
    'UKRAINE-EO13661',
    'Ukraine-related: Russian government officials and arms sector',
    'EO 13661',
    ['russia-ukraine'],
  ),
  program(
    'UKRAINE-EO13662',
    'Ukraine-related: sectors of the Russian economy (SSI directives)',
    'EO 13662',
    ['russia-ukraine'],
  ),
  program('UKRAINE-EO13685', 'Ukraine-related: Crimea region', 'EO 13685', ['russia-ukraine']),
  program('RUSSIA-EO14024', 'Russian harmful foreign activities', 'EO 14024', ['russia-ukraine']),
  program(
    'BPI-RUSSIA-EO14024',
    'Blocked pending investigation, Russian harmful foreign activities',
    'EO 14024',
    ['russia-ukraine'],
  ),
  program(
    'RUSSIA-EO14065',
    'So-called Donetsk and Luhansk People’s Republic regions of Ukraine',
    'EO 14065',
    ['russia-ukraine'],
  ),
  program(
    'CAATSA - RUSSIA',
    'Countering America’s Adversaries Through Sanctions Act – Russia',
    'CAATSA Title II (Countering Russian Influence in Europe and Eurasia Act of 2017)',
    ['russia-ukraine'],
  ),
  program(
    'SSIDES',
    'Ukraine sovereignty act',
    'Support for the Sovereignty, Integrity, Democracy, and Economic Stability of Ukraine Act of 2014',
    ['russia-ukraine'],
  ),
  program(
    'PEESA',
    'Protecting Europe’s Energy Security Act',
    'Protecting Europe’s Energy Security Act of 2019',
    ['russia-ukraine'],
  ),
  program(
    'PEESA-EO14039',
    'Protecting Europe’s Energy Security (Russian energy export pipelines)',
    'EO 14039; Protecting Europe’s Energy Security Act of 2019',
    ['russia-ukraine'],
  ),
  // Iran
  program(
    'IRAN',
    'Government of Iran and Iranian financial institutions',
    'Iranian Transactions and Sanctions Regulations, 31 CFR Part 560 (including EO 13599)',
    ['iran'],
  ),
  program(
    'IFSR',
    'Iranian Financial Sanctions Regulations',
    'Iranian Financial Sanctions Regulations, 31 CFR Part 561',
    ['iran'],
  ),
  program(
    'IRGC',
    'Islamic Revolutionary Guard Corps and its officials, agents or affiliates',
    'Iran sanctions authorities administered by OFAC',
    ['iran'],
  ),
  program('ISA', 'Iran Sanctions Act', 'Iran Sanctions Act of 1996, as amended', ['iran']),
  program(
    'IFCA',
    'Iran Freedom and Counter-Proliferation Act',
    'Iran Freedom and Counter-Proliferation Act of 2012',
    ['iran'],
  ),
  program(
    'CAATSA - IRAN',
    'Countering America’s Adversaries Through Sanctions Act – Iran',
    'CAATSA Title I (Countering Iran’s Destabilizing Activities Act of 2017)',
    ['iran'],
  ),
  program(
    'IRAN-TRA',
    'Iran Threat Reduction and Syria Human Rights Act',
    'Iran Threat Reduction and Syria Human Rights Act of 2012',
    ['iran'],
  ),
  program('IRAN-HR', 'Iran human rights abuses', 'EO 13553', ['iran', 'human-rights']),
  program('HRIT-IR', 'Grave human rights abuses via information technology – Iran', 'EO 13606', [
    'iran',
    'human-rights',
  ]),
  program('IRAN-CON-ARMS-EO', 'Conventional arms activities of Iran', 'EO 13949', [
    'iran',
    'arms-transfer',
  ]),
  program('IRAN-EO13846', 'Reimposed sanctions with respect to Iran', 'EO 13846', ['iran']),
  program('IRAN-EO13871', 'Iron, steel, aluminum and copper sectors of Iran', 'EO 13871', ['iran']),
  program('IRAN-EO13876', 'Supreme Leader of Iran and his office', 'EO 13876', ['iran']),
  program('IRAN-EO13902', 'Additional sectors of Iran', 'EO 13902', ['iran']),
  // North Korea
  program('DPRK', 'North Korea', 'North Korea Sanctions Regulations, 31 CFR Part 510 (EO 13551)', [
    'north-korea',
  ]),
  program('DPRK2', 'North Korea', 'EO 13687', ['north-korea']),
  program('DPRK3', 'North Korea', 'EO 13722', ['north-korea']),
  program('DPRK4', 'North Korea', 'EO 13810', ['north-korea']),
  program(
    'DPRK-NKSPEA',
    'North Korea Sanctions and Policy Enhancement Act',
    'North Korea Sanctions and Policy Enhancement Act of 2016',
    ['north-korea'],
  ),
  // Syria
  program(
    'SYRIA',
    'Syria',
    'Syrian Sanctions Regulations, 31 CFR Part 542 (EO 13338 and subsequent orders)',
    ['syria'],
  ),
  program(
    'SYRIA-CAESAR',
    'Caesar Syria Civilian Protection Act',
    'Caesar Syria Civilian Protection Act of 2019',
    ['syria'],
  ),
  program('SYRIA-EO13894', 'Situation in and in relation to Syria', 'EO 13894', ['syria']),
  program('HRIT-SY', 'Grave human rights abuses via information technology – Syria', 'EO 13606', [
    'syria',
    'human-rights',
  ]),
  // Americas
  program('VENEZUELA', 'Venezuela', 'EO 13692', ['venezuela']),
  program('VENEZUELA-EO13850', 'Venezuela: sectors of the economy and corruption', 'EO 13850', [
    'venezuela',
  ]),
  program('VENEZUELA-EO13884', 'Government of Venezuela', 'EO 13884', ['venezuela']),
  program('CUBA', 'Cuba', 'Cuban Assets Control Regulations, 31 CFR Part 515', ['cuba']),
  program('NICARAGUA', 'Nicaragua', 'EO 13851', ['nicaragua']),
  program(
    'NICARAGUA-NHRAA',
    'Nicaragua Human Rights and Anticorruption Act',
    'Nicaragua Human Rights and Anticorruption Act of 2018',
    ['nicaragua', 'human-rights', 'corruption'],
  ),
  // Europe and Asia
  program(
    'BALKANS',
    'Western Balkans',
    'Western Balkans Stabilization Regulations, 31 CFR Part 588 (EO 13219, as amended by EO 13304)',
    ['balkans'],
  ),
  program('BALKANS-EO14033', 'Western Balkans', 'EO 14033', ['balkans']),
  program('BELARUS', 'Belarus', 'Belarus Sanctions Regulations, 31 CFR Part 548 (EO 13405)', [
    'belarus',
  ]),
  program('BELARUS-EO14038', 'Belarus', 'EO 14038', ['belarus']),
  program('BURMA-EO14014', 'Burma', 'EO 14014', ['burma']),
  program('HK-EO13936', 'Hong Kong normalization', 'EO 13936', ['hong-kong']),
  // Middle East
  program('IRAQ2', 'Former Iraqi regime', 'EO 13315', ['iraq']),
  program('IRAQ3', 'Threats to stabilisation efforts in Iraq', 'EO 13438', ['iraq']),
  program('LEBANON', 'Lebanon', 'EO 13441', ['lebanon']),
  program('YEMEN', 'Yemen', 'EO 13611', ['yemen']),
  program('WEST-BANK-EO14115', 'West Bank', 'EO 14115', ['west-bank']),
  // Africa
  program('BURUNDI', 'Burundi', 'EO 13712', ['burundi']),
  program('CAR', 'Central African Republic', 'EO 13667; 31 CFR Part 553', [
    'central-african-republic',
  ]),
  program('DARFUR', 'Darfur', 'Darfur Sanctions Regulations, 31 CFR Part 546 (EO 13400)', [
    'sudan',
  ]),
  program('SUDAN-EO14098', 'Sudan', 'EO 14098', ['sudan']),
  program('DRCONGO', 'Democratic Republic of the Congo', 'EO 13413, as amended by EO 13671', [
    'drc',
  ]),
  program('ETHIOPIA-EO14046', 'Northern Ethiopia', 'EO 14046', ['ethiopia']),
  program('LIBYA2', 'Libya', 'EO 13566', ['libya']),
  program('LIBYA3', 'Libya', 'EO 13726', ['libya']),
  program('MALI-EO13882', 'Mali', 'EO 13882', ['mali']),
  program('SOMALIA', 'Somalia', 'EO 13536', ['somalia']),
  program('SOUTH SUDAN', 'South Sudan', 'EO 13664', ['south-sudan']),
  program('ZIMBABWE', 'Zimbabwe', 'EO 13288 and subsequent orders', ['zimbabwe']),
];

/**
 * UN Security Council sanctions regimes, keyed by the `UN_LIST_TYPE` of the UN consolidated XML
 * (https://www.un.org/securitycouncil/content/un-sc-consolidated-list). Every UN listing also gets
 * `un-security-council` from its list.
 */
const UN_REGIME_LIST: readonly ProgramInfo[] = [
  program(
    'Al-Qaida',
    'ISIL (Da’esh) and Al-Qaida sanctions',
    'UNSCR 1267 (1999), 1989 (2011) and 2253 (2015)',
    ['terrorism'],
  ),
  // The 1988 regime split the Taliban from the 1267 counter-terrorism list; the US designates the
  // Taliban under EO 13224 too, so both reasons hold.
  program('Taliban', 'Taliban (1988 sanctions)', 'UNSCR 1988 (2011)', ['afghanistan', 'terrorism']),
  program('DPRK', 'Democratic People’s Republic of Korea', 'UNSCR 1718 (2006)', [
    'north-korea',
    'wmd-proliferation',
  ]),
  program('Iran', 'Iran (nuclear and ballistic missile programmes)', 'UNSCR 1737 (2006)', [
    'iran',
    'wmd-proliferation',
  ]),
  program('Iraq', 'Iraq (former regime assets)', 'UNSCR 1518 (2003)', ['iraq']),
  program('DRC', 'Democratic Republic of the Congo', 'UNSCR 1533 (2004)', ['drc']),
  program('Libya', 'Libya', 'UNSCR 1970 (2011)', ['libya']),
  program('Somalia', 'Somalia / Al-Shabaab', 'UNSCR 751 (1992) and successor resolutions', [
    'somalia',
  ]),
  program('CAR', 'Central African Republic', 'UNSCR 2127 (2013)', ['central-african-republic']),
  program('GB', 'Guinea-Bissau', 'UNSCR 2048 (2012)', ['guinea-bissau']),
  program('Haiti', 'Haiti', 'UNSCR 2653 (2022)', ['haiti']),
  program('SouthSudan', 'South Sudan', 'UNSCR 2206 (2015)', ['south-sudan']),
  program('Sudan', 'Sudan', 'UNSCR 1591 (2005)', ['sudan']),
  program('Yemen', 'Yemen', 'UNSCR 2140 (2014)', ['yemen']),
];

function recordByCode(list: readonly ProgramInfo[]): Record<string, ProgramInfo> {
  return Object.fromEntries(list.map((info) => [info.code, info]));
}

function rationalesByCode(list: readonly ProgramInfo[]): Record<string, RationaleCode[]> {
  return Object.fromEntries(list.map((info) => [info.code, [...info.rationales]]));
}

/** US programs and ISN authorities, keyed by the code as the source writes it. */
export const PROGRAMS: Record<string, ProgramInfo> = recordByCode(PROGRAM_LIST);
export const PROGRAM_RATIONALES: Record<string, RationaleCode[]> = rationalesByCode(PROGRAM_LIST);

/** UN sanctions regimes, keyed by `UN_LIST_TYPE`. */
export const UN_REGIMES: Record<string, ProgramInfo> = recordByCode(UN_REGIME_LIST);
export const UN_LIST_TYPE_RATIONALES: Record<string, RationaleCode[]> =
  rationalesByCode(UN_REGIME_LIST);

/**
 * What a list implies by itself: the fallback when its rows carry no programs (all BIS lists, the
 * DTC) and, for lists that stand for one measure, part of every row's rationale.
 */
export const LIST_RATIONALES: Record<ListCode, RationaleCode[]> = {
  // Blocking sanctions under every OFAC program: the programs say why, the list alone does not.
  SDN: ['other'],
  EL: ['military-end-use'],
  DTC: ['itar-debarment'],
  DPL: ['export-control-violation'],
  // The SSI List holds only the sectoral identifications under EO 13662.
  SSI: ['russia-ukraine'],
  UVL: ['unverified-end-use'],
  ISN: ['wmd-proliferation'],
  PLC: ['terrorism'],
  MEU: ['military-end-use'],
  CMIC: ['securities-investment-ban'],
  CAP: ['correspondent-account'],
  MBS: ['menu-based-sanctions'],
  FSE: ['sanctions-evasion'],
  UN: ['un-security-council'],
};

/**
 * Lists whose rows are explained by their programs alone. On every other list the list's own
 * rationale is added to the programs': a CAPTA row tagged `RUSSIA-EO14024` is there because of a
 * correspondent-account directive, which the program code does not say. ISN is here because one
 * of its authorities (lethal military equipment) is not about proliferation.
 */
const PROGRAM_LED_LISTS: ReadonlySet<ListCode> = new Set<ListCode>(['SDN', 'ISN']);

/**
 * A program code in a comparable form: trimmed, upper case, single spaces, no spaces around
 * hyphens, without OFAC's `[` `]` brackets; `E.O. 13382`, `EO 13382` and `EO13382` all become
 * `EO 13382`.
 */
export function normalizeProgramCode(code: string): string {
  const folded = code
    .trim()
    .replace(/^\[+|\]+$/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
  const executiveOrder = /^E\.?\s?O\.?\s?(\d{4,5})$/.exec(folded);
  return executiveOrder ? `EO ${executiveOrder[1]}` : folded;
}

/** Splits a programs field as the CSL (`A; B`) or OFAC (`A] [B`) writes it. */
export function splitPrograms(value: string): string[] {
  return value
    .split(/;|\]\s*\[/)
    .map((part) =>
      part
        .trim()
        .replace(/^\[+|\]+$/g, '')
        .trim(),
    )
    .filter((part) => part.length > 0 && part !== '-0-');
}

function lookupOf(list: readonly ProgramInfo[]): ReadonlyMap<string, readonly RationaleCode[]> {
  const map = new Map<string, readonly RationaleCode[]>();
  for (const info of list) {
    const key = normalizeProgramCode(info.code);
    if (map.has(key)) throw new Error(`rationale.ts: program ${info.code} is defined twice`);
    map.set(key, info.rationales);
  }
  return map;
}

const PROGRAM_LOOKUP = lookupOf(PROGRAM_LIST);
const UN_LOOKUP = lookupOf(UN_REGIME_LIST);

/** The rationales of one program code, or null when the code is unknown. UN list types are looked
 * up when `list` is `UN`, US programs otherwise. */
export function programRationales(
  code: string,
  list: ListCode = 'SDN',
): readonly RationaleCode[] | null {
  const lookup = list === 'UN' ? UN_LOOKUP : PROGRAM_LOOKUP;
  return lookup.get(normalizeProgramCode(code)) ?? null;
}

const RATIONALE_ORDER = new Map(RATIONALE_CODES.map((code, index) => [code, index]));

/**
 * Why a listing is listed: the union of its programs' rationales (an unknown program gives
 * `other`) plus, except on SDN and ISN, its list's; a listing with no programs gets its list's.
 * Ordered as `RATIONALE_CODES`, without duplicates.
 */
export function rationalesFor(listing: {
  list: ListCode;
  programs: readonly string[];
}): RationaleCode[] {
  const found = new Set<RationaleCode>();
  for (const code of listing.programs.flatMap(splitPrograms)) {
    for (const rationale of programRationales(code, listing.list) ?? ['other' as const]) {
      found.add(rationale);
    }
  }
  if (found.size === 0 || !PROGRAM_LED_LISTS.has(listing.list)) {
    for (const rationale of LIST_RATIONALES[listing.list]) found.add(rationale);
  }
  return [...found].sort((a, b) => (RATIONALE_ORDER.get(a) ?? 0) - (RATIONALE_ORDER.get(b) ?? 0));
}

export function isRationaleCode(value: string): value is RationaleCode {
  return (RATIONALE_CODES as readonly string[]).includes(value);
}
