import { Fragment, useEffect, useRef } from 'react';
import { AGENCY_NAMES, LISTS } from '../../domain/lists';
import { citationUrl } from '../../domain/citations';
import { countryName } from '../../domain/countries';
import { listedDate, type Listing, type ListingEvent } from '../../domain/listing';
import {
  PROGRAMS,
  RATIONALES,
  isRationaleCode,
  normalizeProgramCode,
  rationalesFor,
} from '../../domain/rationale';
import { SECTORS } from '../../domain/sector';
import { Link } from '../../ui/Link';
import { findAlsoListed, type AlsoListedIndex } from './model/also-listed';
import { describeEvent, fieldNameParts, safeExternalUrl } from './model/entity-text';

interface EntityPageProps {
  readonly listing: Listing | null;
  readonly requestedId: string;
  readonly byId: ReadonlyMap<string, Listing>;
  readonly alsoListedIndex: AlsoListedIndex;
  readonly backHref: string;
  readonly entityHref: (id: string) => string;
}

export function EntityPage({
  listing,
  requestedId,
  byId,
  alsoListedIndex,
  backHref,
  entityHref,
}: EntityPageProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    // FSI … PDI isolate the name in the tab title as <bdi> does on the page.
    document.title = `\u2068${listing?.name ?? 'Not found'}\u2069 · Sanctions Explorer`;
  }, [listing]);

  if (listing === null) {
    return (
      <article className="entity">
        <p>
          <Link href={backHref}>← Back to the results</Link>
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          No listing with this id
        </h1>
        <p>
          There is no listing <code>{requestedId}</code> in the data loaded. The link may come from
          another version of the lists, in which the party was listed or removed.
        </p>
      </article>
    );
  }

  const list = LISTS[listing.list];
  const also = findAlsoListed(listing, alsoListedIndex, byId);
  const listed = listedDate(listing);
  const sector = listing.sector;
  const hasCitations = listing.events.some((event) => event.citation !== null);
  return (
    <article className="entity">
      <p>
        <Link href={backHref}>← Back to the results</Link>
      </p>
      <header className="entity-header">
        <h1 ref={headingRef} tabIndex={-1}>
          {/* Data text is isolated everywhere: a right-to-left override cannot reach our words. */}
          <bdi>{listing.name}</bdi>
        </h1>
        <p className="entity-summary">
          <span className="badge">{listing.list}</span> {list.name} · {AGENCY_NAMES[list.agency]}
          {listing.type ? ` · ${listing.type}` : ''} ·{' '}
          {listed ? `listed ${listed}` : 'no published listing date'}
        </p>
      </header>

      <Section title="Why it is listed">
        <ul className="rationales">
          {rationalesFor(listing).map((code) =>
            isRationaleCode(code) ? (
              <li key={code}>
                <strong>{RATIONALES[code].label}</strong>: {RATIONALES[code].description}{' '}
                <span className="muted">Legal basis: {RATIONALES[code].legalBasis}.</span>{' '}
                <ExternalLink href={RATIONALES[code].url}>About this program</ExternalLink>
              </li>
            ) : (
              <li key={code}>{code}</li>
            ),
          )}
        </ul>
        {listing.programs.length > 0 ? (
          <dl className="fields">
            <dt>Programs</dt>
            <dd>
              <ul>
                {listing.programs.map((program) => {
                  const info = PROGRAMS[normalizeProgramCode(program)];
                  return (
                    <li key={program}>
                      <code>
                        <bdi>{program}</bdi>
                      </code>
                      {info ? ` — ${info.name} (${info.legalBasis})` : ''}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </dl>
        ) : null}
        <Fields
          rows={[
            ['Licence requirement', listing.licenseRequirement],
            ['Licence policy', listing.licensePolicy],
          ]}
        />
      </Section>

      <Section title="Sector">
        <p>
          <strong>{SECTORS[sector.sector].label}</strong> — {sector.rule.description}
          {sector.rule.matched ? ` (“${sector.rule.matched}”)` : ''}.{' '}
          <span className="muted">
            No official list states a sector; this is the explorer’s rule-based estimate (rule{' '}
            <code>{sector.rule.id}</code>).
          </span>
        </p>
      </Section>

      <Section title="Events">
        {listing.events.length === 0 ? (
          <p>The source publishes no dates for this listing.</p>
        ) : (
          <div className="events-scroll">
            <table className="events">
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Date</th>
                  {hasCitations ? <th scope="col">Federal Register</th> : null}
                  <th scope="col">From field</th>
                </tr>
              </thead>
              <tbody>
                {listing.events.map((event, index) => (
                  <EventRow key={index} event={event} withCitation={hasCitations} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title={`Names (${1 + listing.aliases.length})`}>
        <ul className="names">
          <li>
            <bdi>{listing.name}</bdi> <span className="muted">primary name</span>
          </li>
          {listing.aliases.map((alias, index) => (
            <li key={index}>
              <bdi>{alias.name}</bdi> <span className="muted">{aliasKindLabel(alias.kind)}</span>
            </li>
          ))}
        </ul>
      </Section>

      {listing.addresses.length > 0 ? (
        <Section title={`Addresses (${listing.addresses.length})`}>
          <ul className="addresses">
            {listing.addresses.map((address, index) => (
              <li key={index}>
                <bdi>{address.text}</bdi>
                {address.country ? (
                  <span className="muted"> · {countryName(address.country)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title="Details">
        <Fields
          rows={[
            ['Title', listing.title],
            ['Nationality', listing.nationalities.map(countryName).join(', ')],
            ['Citizenship', listing.citizenships.map(countryName).join(', ')],
            ['Date of birth', listing.datesOfBirth.join('; ')],
            ['Place of birth', listing.placesOfBirth.join('; ')],
            [
              'Standard denial order',
              listing.standardOrder === null ? null : listing.standardOrder ? 'Yes' : 'No',
            ],
            ['Call sign', listing.vessel?.callSign ?? null],
            ['Vessel type', listing.vessel?.vesselType ?? null],
            ['Tonnage', listing.vessel?.tonnage ?? null],
            ['Gross registered tonnage', listing.vessel?.grossRegisteredTonnage ?? null],
            ['Flag', listing.vessel?.flag ?? null],
            ['Owner', listing.vessel?.owner ?? null],
            ['Remarks', listing.remarks],
          ]}
        />
        {listing.identifiers.length > 0 ? (
          <table className="identifiers">
            <caption>Identifiers</caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Value</th>
                <th scope="col">Country</th>
              </tr>
            </thead>
            <tbody>
              {listing.identifiers.map((identifier, index) => (
                <tr key={index}>
                  <td>
                    <bdi>{identifier.type}</bdi>
                  </td>
                  <td>
                    <bdi>{identifier.value}</bdi>
                  </td>
                  <td>{identifier.country ? countryName(identifier.country) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>

      <Section title="Also listed as">
        {also.length === 0 ? (
          <p>No other listing shares a name or alias with this one.</p>
        ) : (
          <ul className="also-listed">
            {also.map((match) => {
              const other = byId.get(match.id)!;
              return (
                <li key={match.id}>
                  <Link href={entityHref(match.id)}>
                    <bdi>{other.name}</bdi>
                  </Link>{' '}
                  — <span className="badge">{other.list}</span> {LISTS[other.list].name}
                  {listedDate(other) ? `, listed ${listedDate(other)}` : ''}
                  {match.viaName !== other.name ? (
                    <span className="muted">
                      {' '}
                      (shares the name “<bdi>{match.viaName}</bdi>”)
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title="Source">
        <Fields
          rows={[
            ['Source file', `${listing.source.file}, record ${listing.source.row}`],
            ['Id in the source', listing.sourceId],
          ]}
        />
        <p>
          {safeExternalUrl(listing.sourceListUrl) ? (
            <ExternalLink href={safeExternalUrl(listing.sourceListUrl)!}>
              The list on the agency’s site
            </ExternalLink>
          ) : null}{' '}
          {safeExternalUrl(listing.sourceInfoUrl) ? (
            <ExternalLink href={safeExternalUrl(listing.sourceInfoUrl)!}>
              About the list
            </ExternalLink>
          ) : null}
        </p>
      </Section>
    </article>
  );
}

/** `withCitation`: the table has a Federal Register column (some event of the listing cites a
 * notice); a column no event fills is left out, for the room a phone does not have. */
function EventRow({ event, withCitation }: { event: ListingEvent; withCitation: boolean }) {
  return (
    <tr>
      <td>{describeEvent(event.kind)}</td>
      <td>{event.date ?? <span className="muted">not given</span>}</td>
      {withCitation ? (
        <td>
          {event.citation ? (
            <ExternalLink href={citationUrl(event.citation)}>{event.citation.text}</ExternalLink>
          ) : (
            ''
          )}
        </td>
      ) : null}
      <td>
        <code className="field-name">
          {fieldNameParts(event.from).map((part, index) => (
            <Fragment key={index}>
              {index > 0 ? <wbr /> : null}
              {part}
            </Fragment>
          ))}
        </code>
      </td>
    </tr>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="entity-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function Fields({ rows }: { rows: readonly (readonly [string, string | null])[] }) {
  const present = rows.filter(([, value]) => value !== null && value !== '');
  if (present.length === 0) return null;
  return (
    <dl className="fields">
      {present.map(([label, value]) => (
        <div key={label} className="field">
          <dt>{label}</dt>
          <dd>
            <bdi>{value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> (opens an official site in a new tab)</span>
    </a>
  );
}

function aliasKindLabel(kind: Listing['aliases'][number]['kind']): string {
  switch (kind) {
    case 'aka':
      return 'also known as';
    case 'fka':
      return 'formerly known as';
    case 'nka':
      return 'now known as';
    case 'weak':
      return 'weak alias (low-quality a.k.a.)';
  }
}
