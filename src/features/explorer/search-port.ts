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
      ordered = { facts, order: searchClient.setHitOrder(facts.map((fact) => fact.listing.id)) };
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
