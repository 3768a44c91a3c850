// The server lists regions flat; the pages show them as a tree. Pure functions, tested beside this file.
import { parentRegionCode, regionLevel } from '@onewindow/domain';
import type { Region } from '../../shared/types.ts';

export interface RegionNode extends Region {
  /** Absent on leaves, so antd's tree table shows no expand arrow there. */
  children?: RegionNode[];
}

/** Regions whose parent is not in the list (a hall manager sees only their own subtree) become roots. */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const sorted = [...regions].sort((a, b) => a.code.localeCompare(b.code));
  const nodes = new Map<string, RegionNode>(sorted.map((region) => [region.code, { ...region }]));
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (!parent) {
      roots.push(node);
      continue;
    }
    parent.children = [...(parent.children ?? []), node];
  }
  return roots;
}

export interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

export function toTreeSelectOptions(tree: readonly RegionNode[]): RegionOption[] {
  return tree.map((node) => ({
    value: node.code,
    title: `${node.name}（${node.code}）`,
    children: node.children ? toTreeSelectOptions(node.children) : undefined,
  }));
}

export type ChildCodeProblem = 'format' | 'parent';

/**
 * A new region's code must be a region code (2/4/6/9 digits) one level below its parent and start with the
 * parent's code: 13 → 1301 → 130102 → 130102001.
 */
export function checkChildRegionCode(code: string, parentCode: string | null): ChildCodeProblem | null {
  if (regionLevel(code) === null) return 'format';
  if (parentRegionCode(code) !== parentCode) return 'parent';
  return null;
}

/** The number of digits a child of `parentCode` has: 2 for a province, then 4, 6, 9; null below a township. */
export function childCodeLength(parentCode: string | null): number | null {
  if (parentCode === null) return 2;
  switch (regionLevel(parentCode)) {
    case 'province': return 4;
    case 'city': return 6;
    case 'county': return 9;
    default: return null;
  }
}
