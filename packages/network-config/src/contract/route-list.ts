/**
 * `GET /api/routes` query (SPEC §4): one interface's routes, a page of them, filtered and sorted
 * on the server. Without `offset`/`limit`/`q`/`sort`/`dir` the answer is the whole list, as before.
 */
import Type, { type Static } from 'typebox';
import { ROUTE_SORT_COLUMNS } from '../route-order';

/** The largest page one request may ask for (ours: a screen is ~20 rows; exports take the whole list). */
export const ROUTE_PAGE_MAX = 1000;
/** The page size when a paged query names no `limit`. */
export const ROUTE_PAGE_DEFAULT = 100;

/** One literal schema per sortable column, as a tuple type (what `Type.Union` needs to stay precise). */
type Literals<T extends readonly string[]> = {
  -readonly [K in keyof T]: Type.TLiteral<T[K] & string>;
};
type SortLiterals = Literals<typeof ROUTE_SORT_COLUMNS>;

export const RouteListQuerySchema = Type.Object({
  interfaceAlias: Type.Optional(Type.String({ maxLength: 32 })),
  /** Index of the first route answered in the filtered, sorted list (0 first). */
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  /** How many routes to answer (0 for the count alone); default 100 when paging. */
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: ROUTE_PAGE_MAX })),
  /**
   * Filter: destination or next hop contains it, interface contains it ignoring case, or the
   * metric is exactly it (trimmed, lower case).
   */
  q: Type.Optional(Type.String({ maxLength: 64 })),
  // A cast keeps the literal union: `map` over the tuple returns a plain array type.
  sort: Type.Optional(
    Type.Union(
      ROUTE_SORT_COLUMNS.map((c) => Type.Literal(c)),
    ) as unknown as Type.TUnion<SortLiterals>,
  ),
  dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});

export type RouteListQuery = Static<typeof RouteListQuerySchema>;
