import type { RegionOption } from '../../../admin/regions/regionTree.ts';
import type { Department, Region, ServiceDomain } from '../../../shared/types.ts';

/** The organisation lists the editor's selects offer (regions, departments, service domains). */
export interface Lookups {
  regions: Region[];
  regionOptions: RegionOption[];
  departments: Department[];
  domains: ServiceDomain[];
}
