import type { HitOrder } from '../../search/protocol';
import type { SearchClient } from '../../search/search-client';
import type { ListingFacts } from './model/facts';
import type { SearchPort } from './use-search-ranks';

/**
 * The explorer's port on a client. Before the first search in a facts array, the worker is given
 * their order, so that hits come as positions in it (what the filter reads), not as ids.
 */
export function explorerSearchPort(searchClient: SearchClient): SearchPort {
  let ordered: { readonly facts: readonly ListingFacts[]; readonly order: number } | null = null;
  const orderOf = (facts: readonly ListingFacts[]): number => {
    if (ordered?.facts !== facts) {
      ordered = { facts, order: searchClient.setHitOrder(hitOrderOf(facts)) };
    }
    return ordered.order;
  };
  return {
    prepare: (facts) => {
      orderOf(facts);
    },
    search: async (query, facts) => {
      const order = orderOf(facts);
      const hits = await searchClient.search(query);
      // Cannot happen while the worker answers in order; positions in other facts would be wrong.
      if (hits.order !== order) throw new Error(`"${query}" was answered in another order`);
      return hits;
    },
  };
}

/**
 * Where `facts` keeps each listing, told in the order of the listings they were derived from
 * (`ListingFacts.listingIndex`): the worker's own order when it indexed those listings, so that it
 * takes the positions as they come (`positionsByListing`). Facts that are not one each of a whole
 * listings array are told in their own order, which the worker looks up id by id.
 */
export function hitOrderOf(facts: readonly ListingFacts[]): HitOrder {
  const ids = new Array<string>(facts.length);
  const positions = new Int32Array(facts.length).fill(-1);
  facts.forEach((fact, position) => {
    ids[fact.listingIndex] = fact.listing.id;
    positions[fact.listingIndex] = position;
  });
  if (ids.length !== facts.length || positions.includes(-1)) {
    return {
      ids: facts.map((fact) => fact.listing.id).join('\n'),
      positions: Int32Array.from(facts, (_, position) => position),
    };
  }
  return { ids: ids.join('\n'), positions };
}
