/**
 * The change lifecycle over HTTP (SPEC §7): the history, one revision, the diff of two, restore,
 * and the pending (tentative) change: confirm, revert, read.
 */
import { diffConfig, summarizeDiff } from '@edgenet/network-config';
import type { RevisionSummary } from '@edgenet/network-config/contract';
import { ENDPOINTS } from '@edgenet/network-config/contract/endpoints';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { routeSchema } from '../http/endpoint-schema';
import { withRevision, writeContext } from '../http/revision';
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
  const documentOf = (n: number) => {
    const document = app.store.revisionDocument(n);
    if (!document) throw revisionNotFound(n);
    return document;
  };

  app.get(
    ENDPOINTS.listRevisions.path,
    {
      schema: routeSchema('listRevisions'),
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
    ENDPOINTS.getRevision.path,
    {
      schema: routeSchema('getRevision'),
    },
    async (request) => {
      const n = Number(request.params.n);
      const info = app.store.revisionInfo(n);
      if (!info) throw revisionNotFound(n);
      return { ...summaryOf(info), document: documentOf(n) };
    },
  );

  app.get(
    ENDPOINTS.diffRevisions.path,
    {
      schema: routeSchema('diffRevisions'),
    },
    async (request) => {
      const a = Number(request.params.a);
      const b = Number(request.params.b);
      const diff = diffConfig(documentOf(a), documentOf(b));
      return { from: a, to: b, diff, summary: summarizeDiff(diff) };
    },
  );

  app.post(
    ENDPOINTS.restoreRevision.path,
    {
      schema: routeSchema('restoreRevision'),
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
    ENDPOINTS.getPending.path,
    {
      schema: routeSchema('getPending'),
    },
    async (_request, reply) => {
      withRevision(reply, app.config.revision);
      return { pending: app.lifecycle.pending(), revision: app.config.revision };
    },
  );

  app.post(
    ENDPOINTS.confirmPending.path,
    {
      schema: routeSchema('confirmPending'),
    },
    async (_request, reply) => {
      app.lifecycle.confirm();
      withRevision(reply, app.config.revision);
      return { pending: null, revision: app.config.revision };
    },
  );

  app.post(
    ENDPOINTS.revertPending.path,
    {
      schema: routeSchema('revertPending'),
    },
    async (request, reply) => {
      const revision = app.lifecycle.revert(writeContext(request).author);
      withRevision(reply, revision);
      return { pending: null, revision };
    },
  );
};

export default routes;
