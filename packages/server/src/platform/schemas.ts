// TypeBox helpers: one schema per API shape gives validation, the OpenAPI document and the TypeScript type.
import { Type, type TProperties, type TObject, type TSchema } from 'typebox';

/** An object that refuses properties it does not name. */
export function StrictObject<P extends TProperties>(properties: P, options: { description?: string } = {}): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** The body of a PATCH: the properties it names, at least one of them (an empty change is a mistake, not a no-op). */
export function PatchObject<P extends TProperties>(properties: P): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, minProperties: 1 });
}

/**
 * An object keyed by short names (form field keys, review point ids): the key limit goes in `propertyNames`, since
 * Type.Record turns its key schema into a pattern that drops maxLength.
 */
export function KeyedBy<V extends TSchema>(value: V, options: { description?: string } = {}) {
  return Type.Record(Type.String(), value, { ...options, propertyNames: { maxLength: 40 }, maxProperties: 200 });
}

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = StrictObject({ id: Uuid });
export const Cursor = Type.Optional(Type.String({ maxLength: 200 }));
export const RegionCode = Type.String({ pattern: '^[0-9]{2}([0-9]{2}([0-9]{2}([0-9]{3})?)?)?$', description: '行政区划代码：省2位、市4位、县6位、乡镇9位' });
export const NonEmpty = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
  },
  { description: 'RFC 9457 problem+json' },
);
