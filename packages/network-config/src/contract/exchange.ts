/**
 * The contract of export, import (SPEC §7.3) and bulk route changes. Request and answer schemas
 * are defined here once; the server declares them, the web and the CLI type themselves with them.
 * A separate entry point (`@edgenet/network-config/contract/exchange`), so the main contract file
 * stays as it is.
 */
import Type, { type Static } from 'typebox';
import type { EXPORT_FORMATS } from '../export-config';
import type { IMPORT_FORMATS } from '../import-text';
import { IssueSchema, RouteSchema } from './index';

export { EXCHANGE_API } from './urls';

/** The largest text an import takes: 10 MB and more is refused with 413 (SPEC §7.3). */
export const IMPORT_MAX_BYTES = 10 * 1000 * 1000;
/**
 * The body limit of POST /api/import: the text plus JSON's escapes (one per line break) and the
 * other fields. A larger body is refused before it is read, with the same 413.
 */
export const IMPORT_BODY_LIMIT = 12 * 1000 * 1000;

export const ExportFormatSchema = Type.Union([
  Type.Literal('ps1'),
  Type.Literal('metallb'),
  Type.Literal('calico'),
  Type.Literal('iproute2'),
  Type.Literal('json'),
]);
export const ImportFormatSchema = Type.Union([
  Type.Literal('ps1'),
  Type.Literal('table'),
  Type.Literal('csv'),
  Type.Literal('iproute2'),
  Type.Literal('json'),
]);
// The schemas above must list exactly the core's formats.
const _sameFormats: [
  Static<typeof ExportFormatSchema> extends (typeof EXPORT_FORMATS)[number] ? true : never,
  (typeof EXPORT_FORMATS)[number] extends Static<typeof ExportFormatSchema> ? true : never,
  Static<typeof ImportFormatSchema> extends (typeof IMPORT_FORMATS)[number] ? true : never,
  (typeof IMPORT_FORMATS)[number] extends Static<typeof ImportFormatSchema> ? true : never,
] = [true, true, true, true];
void _sameFormats;

export const ExportQuerySchema = Type.Object({ format: ExportFormatSchema });

export const ImportRequestSchema = Type.Object(
  {
    format: ImportFormatSchema,
    /** The file's text, as pasted or read: any line endings, a BOM, comments and blank lines. */
    text: Type.String(),
    /** `merge` (default) keeps routes the text does not name; `replace` removes them. */
    mode: Type.Optional(Type.Union([Type.Literal('merge'), Type.Literal('replace')])),
    /** true (default): only preview; false: apply as one revision (If-Match required). */
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const PlainRouteSchema = Type.Object({
  interfaceAlias: Type.String(),
  destinationPrefix: Type.String(),
  nextHop: Type.String(),
  routeMetric: Type.Integer(),
});

export const ImportActionSchema = Type.Union([
  Type.Literal('add'),
  Type.Literal('remove'),
  Type.Literal('change'),
  Type.Literal('unchanged'),
]);

export const PreviewRowSchema = Type.Object({
  /** The 1-based line of the text; null for a route that `replace` removes. */
  line: Type.Union([Type.Integer(), Type.Null()]),
  text: Type.String(),
  action: Type.Union([ImportActionSchema, Type.Null()]),
  route: Type.Union([PlainRouteSchema, Type.Null()]),
  previous: Type.Union([PlainRouteSchema, Type.Null()]),
  /** Paths relative to the line (`destinationPrefix`, or '' for the whole line). */
  issues: Type.Array(IssueSchema),
});

export const ImportCountsSchema = Type.Object({
  add: Type.Integer(),
  remove: Type.Integer(),
  change: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Integer(),
  warnings: Type.Integer(),
});

export const ImportAnswerSchema = Type.Object({
  format: ImportFormatSchema,
  mode: Type.Union([Type.Literal('merge'), Type.Literal('replace')]),
  dryRun: Type.Boolean(),
  /** Whether a revision was stored (false for a dry run, or when nothing would change). */
  applied: Type.Boolean(),
  rows: Type.Array(PreviewRowSchema),
  counts: ImportCountsSchema,
  /** The current revision: the one the preview was made against, or the new one. */
  revision: Type.Integer(),
});

const RouteRefSchema = Type.Object(
  {
    interfaceAlias: Type.String({ maxLength: 32 }),
    destinationPrefix: Type.String({ maxLength: 64 }),
  },
  { additionalProperties: false },
);

export const RouteBatchSchema = Type.Object(
  {
    removals: Type.Array(RouteRefSchema, { maxItems: 100000 }),
    changes: Type.Array(
      Type.Object(
        {
          interfaceAlias: Type.String({ maxLength: 32 }),
          destinationPrefix: Type.String({ maxLength: 64 }),
          nextHop: Type.Optional(Type.String({ maxLength: 64 })),
          routeMetric: Type.Optional(Type.Integer({ minimum: -1e9, maximum: 1e9 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100000 },
    ),
  },
  { additionalProperties: false },
);

export const RouteBatchAnswerSchema = Type.Object({
  removed: Type.Integer(),
  changed: Type.Array(RouteSchema),
  issues: Type.Array(IssueSchema),
  revision: Type.Integer(),
});

export type ExportQuery = Static<typeof ExportQuerySchema>;
export type ImportRequest = Static<typeof ImportRequestSchema>;
export type ImportAnswer = Static<typeof ImportAnswerSchema>;
export type PreviewRowDoc = Static<typeof PreviewRowSchema>;
export type RouteBatchBody = Static<typeof RouteBatchSchema>;
export type RouteBatchAnswer = Static<typeof RouteBatchAnswerSchema>;
