import { describe, expect, it } from 'vitest';
import { buildRegionTree, checkChildRegionCode, childCodeLength } from './regionTree.ts';

const region = (code: string, name: string, parentCode: string | null) => ({ code, name, parentCode, level: '' });

describe('region tree', () => {
  it('nests cities under their province and leaves leaves without children', () => {
    const tree = buildRegionTree([region('1301', '石家庄市', '13'), region('13', '河北省', null)]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.children?.map((child) => child.code)).toEqual(['1301']);
    expect(tree[0]?.children?.[0]?.children).toBeUndefined();
  });

  it('shows a subtree whose parent is out of sight as a root', () => {
    const tree = buildRegionTree([region('130102', '长安区', '1301')]);
    expect(tree.map((node) => node.code)).toEqual(['130102']);
  });
});

describe('a new region code', () => {
  it('is accepted when it extends its parent by one level', () => {
    expect(checkChildRegionCode('13', null)).toBeNull();
    expect(checkChildRegionCode('1301', '13')).toBeNull();
    expect(checkChildRegionCode('130102001', '130102')).toBeNull();
  });

  it('is refused when it is not 2, 4, 6 or 9 digits', () => {
    expect(checkChildRegionCode('130', '13')).toBe('format');
    expect(checkChildRegionCode('13a1', '13')).toBe('format');
  });

  it('is refused when it belongs under another parent or skips a level', () => {
    expect(checkChildRegionCode('1401', '13')).toBe('parent');
    expect(checkChildRegionCode('130102', '13')).toBe('parent');
  });

  it('has no child level below a township', () => {
    expect(childCodeLength('130102001')).toBeNull();
    expect(childCodeLength('130102')).toBe(9);
  });
});
