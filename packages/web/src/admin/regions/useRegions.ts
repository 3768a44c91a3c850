import { useMemo } from 'react';
import { useApi } from '../../shared/useApi.ts';
import type { ItemList, Region } from '../../shared/types.ts';
import { buildRegionTree, toTreeSelectOptions } from './regionTree.ts';

/** Regions visible to the user, flat, as a tree, and as TreeSelect options. */
export function useRegions() {
  const { data, error, loading, reload } = useApi<ItemList<Region>>('/api/org/regions');
  return useMemo(() => {
    const items = data?.items ?? [];
    const tree = buildRegionTree(items);
    return { items, tree, options: toTreeSelectOptions(tree), error, loading, reload };
  }, [data, error, loading, reload]);
}
