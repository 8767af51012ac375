/**
 * The members every RFC 9457 problem of the API carries, in one place: the general
 * `ProblemSchema` (index.ts) and the console's `ConsoleLimitProblemSchema` (console.ts) both spread
 * them. Its own file so console.ts can use it without importing index.ts (which imports console.ts).
 */
import Type from 'typebox';

export const LocalizedTextSchema = Type.Object({ en: Type.String(), ja: Type.String() });

export const problemMembers = {
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
  /** A stable machine-readable reason (e.g. `revision.stale`, `password.changeRequired`). */
  code: Type.Optional(Type.String()),
  /** English and Japanese text of `detail`. */
  message: Type.Optional(LocalizedTextSchema),
};
