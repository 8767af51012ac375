/**
 * The change lifecycle over HTTP (SPEC §7): the history, one revision, the diff of two, restore,
 * and the pending (tentative) change: confirm, revert, read.
 */
import { diffConfig, summarizeDiff } from '@edgenet/network-config';
import {
  LIFECYCLE_API,
  PendingAnswerSchema,
  RestoreAnswerSchema,
  RestoreRequestSchema,
  RevisionDiffAnswerSchema,
  RevisionDocumentSchema,
  RevisionNumberParamsSchema,
  RevisionPageSchema,
  RevisionPairParamsSchema,
  type RevisionSummary,
} from '@edgenet/network-config/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withRevision, writeContext } from '../http/revision';
import { RevisionQuerySchema } from '../http/schemas';
import { revisionNotFound } from '../services/lifecycle';
import type { RevisionInfo } from '../store/store';

function summaryOf(info: RevisionInfo): RevisionSummary {
  return {
    number: info.number,
    createdAt: info.createdAt,
    author: info.author,
    source: info.source,
    summary: info.summary,
    summaries: { en: info.summary, ja: info.summaryJa },
  };
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const documentOf = (n: number) => app.lifecycle.revisionDocument(n);

  app.get(
    LIFECYCLE_API.revisions,
    {
      schema: {
        tags: ['device'],
        summary: 'The revision history, newest first (who, when, from where, what changed)',
        querystring: RevisionQuerySchema,
        response: { 200: RevisionPageSchema },
      },
    },
    async (request, reply) => {
      const limit = Math.min(500, Math.max(1, Number(request.query.limit ?? 50)));
      const before = request.query.before ? Number(request.query.before) : undefined;
      const revision = app.config.revision;
      withRevision(reply, revision);
      const list = app.store.listRevisions(limit, before);
      const last = list.at(-1);
      return {
        revisions: list.map(summaryOf),
        revision,
        nextBefore: list.length === limit && last && last.number > 1 ? last.number : null,
      };
    },
  );

  app.get(
    '/api/revisions/:n',
    {
      schema: {
        tags: ['device'],
        summary: 'One revision and its whole configuration document (404 when unknown)',
        params: RevisionNumberParamsSchema,
        response: { 200: RevisionDocumentSchema },
      },
    },
    async (request) => {
      const n = Number(request.params.n);
      const info = app.store.revisionInfo(n);
      if (!info) throw revisionNotFound(n);
      return { ...summaryOf(info), document: documentOf(n) };
    },
  );

  app.get(
    '/api/revisions/:a/diff/:b',
    {
      schema: {
        tags: ['device'],
        summary: 'What changed from revision a to revision b (ports, compute, routes, …)',
        params: RevisionPairParamsSchema,
        response: { 200: RevisionDiffAnswerSchema },
      },
    },
    async (request) => {
      const a = Number(request.params.a);
      const b = Number(request.params.b);
      const diff = diffConfig(documentOf(a), documentOf(b));
      return { from: a, to: b, diff, summary: summarizeDiff(diff) };
    },
  );

  app.post(
    '/api/revisions/:n/restore',
    {
      schema: {
        tags: ['device'],
        summary:
          "Make revision n's configuration current as a new revision (If-Match required; 422 when the device forbids it now)",
        params: RevisionNumberParamsSchema,
        body: RestoreRequestSchema,
        response: { 200: RestoreAnswerSchema },
      },
    },
    async (request, reply) => {
      const context = writeContext(request);
      const result = app.lifecycle.restore(Number(request.params.n), {
        ...context,
        acknowledge: request.body?.acknowledge ?? [],
      });
      withRevision(reply, result.revision);
      return result;
    },
  );

  app.get(
    LIFECYCLE_API.pending,
    {
      schema: {
        tags: ['device'],
        summary: 'The change waiting for confirmation, if any, with its deadline',
        response: { 200: PendingAnswerSchema },
      },
    },
    async (_request, reply) => {
      withRevision(reply, app.config.revision);
      return { pending: app.lifecycle.pending(), revision: app.config.revision };
    },
  );

  app.post(
    LIFECYCLE_API.pendingConfirm,
    {
      schema: {
        tags: ['device'],
        summary: 'Keep the pending change (409 when nothing is pending)',
        response: { 200: PendingAnswerSchema },
      },
    },
    async (_request, reply) => {
      app.lifecycle.confirm();
      withRevision(reply, app.config.revision);
      return { pending: null, revision: app.config.revision };
    },
  );

  app.post(
    LIFECYCLE_API.pendingRevert,
    {
      schema: {
        tags: ['device'],
        summary: 'Revert the pending change now (409 when nothing is pending)',
        response: { 200: PendingAnswerSchema },
      },
    },
    async (request, reply) => {
      const revision = app.lifecycle.revert(writeContext(request).author);
      withRevision(reply, revision);
      return { pending: null, revision };
    },
  );
};

export default routes;
