import { AGENCY_NAMES, isAgencyCode, listLabel } from '../../../domain/lists';
import { countryName } from '../../../domain/countries';
import {
  PROGRAMS,
  RATIONALES,
  isRationaleCode,
  normalizeProgramCode,
} from '../../../domain/rationale';
import { SECTORS, isSectorCode } from '../../../domain/sector';
import { compareLabels } from '../../../ui/compare-labels';
import type { FilterResult } from './filter';
import { NO_VALUE, type ExplorerView, type FacetKey } from './view';

export interface FacetOptionModel {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly selected: boolean;
  readonly description?: string;
}

/** Facet options with labels, most frequent first; a selected value stays even at count 0. */
export function buildFacetOptions(
  result: FilterResult,
  view: ExplorerView,
  key: FacetKey,
): FacetOptionModel[] {
  const counts = result.facets[key];
  const selected = new Set<string>(view[key]);
  const values = new Set<string>([...counts.keys(), ...selected]);
  return [...values]
    .map((value) => ({
      value,
      ...describeFacetValue(key, value),
      count: counts.get(value) ?? 0,
      selected: selected.has(value),
    }))
    .sort((a, b) => b.count - a.count || compareLabels(a.label, b.label));
}

export function describeFacetValue(
  key: FacetKey,
  value: string,
): { label: string; description?: string } {
  switch (key) {
    case 'agency':
      return { label: isAgencyCode(value) ? AGENCY_NAMES[value] : value };
    case 'list':
      return { label: listLabel(value) };
    case 'country':
      return {
        label: value === NO_VALUE ? 'No country on record' : `${countryName(value)} (${value})`,
      };
    case 'rationale': {
      if (!isRationaleCode(value)) return { label: value };
      const rationale = RATIONALES[value];
      return {
        label: rationale.label,
        description: `${rationale.description} Legal basis: ${rationale.legalBasis}`,
      };
    }
    case 'program': {
      const program = PROGRAMS[normalizeProgramCode(value)];
      return program
        ? { label: value, description: `${program.name} — ${program.legalBasis}` }
        : { label: value };
    }
    case 'type':
      return {
        label:
          value === NO_VALUE ? 'Not stated by the list' : value[0]!.toUpperCase() + value.slice(1),
      };
    case 'sector':
      return isSectorCode(value)
        ? { label: SECTORS[value].label, description: SECTORS[value].description }
        : { label: value };
  }
}

/** Drops URL values the loaded data cannot match (a program no listing carries), with notices. */
export function cleanViewForData(
  view: ExplorerView,
  known: Readonly<Record<'program' | 'rationale' | 'sector', ReadonlySet<string>>>,
): { view: ExplorerView; notices: string[] } {
  const notices: string[] = [];
  const keep = (key: 'program' | 'rationale' | 'sector', values: readonly string[]) => {
    const kept = values.filter(
      (value) => known[key].has(value) || (key === 'rationale' && isRationaleCode(value)),
    );
    const dropped = values.filter((value) => !kept.includes(value));
    if (dropped.length > 0)
      notices.push(
        `No listing has ${key} ${dropped.map((value) => `"${value}"`).join(', ')}; ignored.`,
      );
    return kept;
  };
  const program = keep('program', view.program);
  const rationale = keep('rationale', view.rationale);
  const sector = keep('sector', view.sector);
  if (notices.length === 0) return { view, notices };
  return { view: { ...view, program, rationale, sector }, notices };
}
