/**
 * Form plumbing shared by every configuration form:
 * - issues: the core's inline issues and the server's 422 issues, placed by the same `path`;
 * - drafts: what the admin typed, with the revision it was based on, kept across refetches and
 *   across a 412 (the reload rebases the draft onto the new revision instead of discarding it).
 * No rule lives here: whether something is valid is always the core's answer.
 */
import type { Issue } from '@edgenet/network-config';
import { hasErrors } from '@edgenet/network-config';
import type { ApiIssue } from '@edgenet/network-config/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isApiError, isStale } from './api';
import { type UiIssue, useI18n } from './i18n';
import { problemText } from './problem-text';
import { invalidateConfiguration, sharedQueries } from './queries';

export function issuesAt(issues: readonly UiIssue[], path: string): UiIssue[] {
  return issues.filter((i) => i.path === path);
}

/** Inline issues first; a server issue with the same path and code is the same issue. */
export function mergeIssues(inline: readonly UiIssue[], server: readonly UiIssue[]): UiIssue[] {
  const seen = new Set(inline.map((i) => `${i.path}|${i.code}`));
  return [...inline, ...server.filter((i) => !seen.has(`${i.path}|${i.code}`))];
}

/** Issues no field of the form shows (so none is ever lost). */
export function unplacedIssues(issues: readonly UiIssue[], placed: readonly string[]): UiIssue[] {
  return issues.filter((i) => !placed.includes(i.path));
}

export function blocks(issues: readonly UiIssue[]): boolean {
  return hasErrors(issues as Issue[]);
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`) || a.startsWith(`${b}[`);
}

/** The server's issues from the last failed write; editing a field drops those about it. */
export function useServerIssues() {
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const takeFrom = useCallback((error: unknown) => {
    setIssues(isApiError(error) ? error.issues : []);
  }, []);
  const clearFor = useCallback((path: string) => {
    setIssues((current) =>
      current.length ? current.filter((i) => !related(i.path, path)) : current,
    );
  }, []);
  const clear = useCallback(() => setIssues([]), []);
  return { issues, takeFrom, clearFor, clear, set: setIssues };
}

export interface Draft<T> {
  values: T;
  baseRevision: number;
}

/**
 * The values shown in a form: the server's until the admin types, then the draft's. The draft
 * remembers its base revision, which is what If-Match sends.
 */
export function useDraft<T>(fromServer: T | undefined, serverRevision: number | undefined) {
  const [draft, setDraft] = useState<Draft<T> | null>(null);
  const values = draft?.values ?? fromServer;
  const baseRevision = draft?.baseRevision ?? serverRevision;
  const update = useCallback(
    (change: (current: T) => T) => {
      setDraft((current) => {
        const base = current?.values ?? fromServer;
        if (base === undefined) return current;
        return { values: change(base), baseRevision: current?.baseRevision ?? serverRevision ?? 0 };
      });
    },
    [fromServer, serverRevision],
  );
  /** After a 412 and a reload: keep every typed value, base them on the new revision. */
  const rebase = useCallback((revision: number) => {
    setDraft((current) => (current ? { ...current, baseRevision: revision } : current));
  }, []);
  const reset = useCallback(() => setDraft(null), []);
  return { values, baseRevision, dirty: draft !== null, update, rebase, reset };
}

/** The value, once it has stopped changing for `ms` (for checks too slow to run on every key). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * A device for instant checks: the same configuration without its custom routes, which only
 * matter to the cross-checks (a change that would invalidate stored routes). Those run on the
 * whole device once typing settles, and the server runs them again in any case.
 */
export function withoutRoutes<D extends { routes: readonly unknown[] }>(device: D): D {
  return device.routes.length === 0 ? device : { ...device, routes: [] };
}

/**
 * The core's verdict on a change, as a form shows it: `check` runs at once on the device without
 * its routes, and again on the whole device once typing settles (when it has routes); the
 * server's issues are merged in. `check` must be stable (`useCallback`).
 */
export function useChangeIssues<D extends { routes: readonly unknown[] }, S>(
  device: D | undefined,
  settings: S,
  check: (device: D, settings: S) => Issue[],
  serverIssues: readonly UiIssue[],
): UiIssue[] {
  const instant = useMemo(
    () => (device ? check(withoutRoutes(device), settings) : []),
    [device, settings, check],
  );
  const settled = useSettled(settings, 400);
  const full = useMemo(
    () => (device?.routes.length ? check(device, settled) : []),
    [device, settled, check],
  );
  return mergeIssues(mergeIssues(instant, full), serverIssues);
}

/**
 * What every form that writes the configuration does when the server answers: a 412 shows the
 * conflict notice and keeps what was typed; issues go to their fields (`server`); anything else
 * becomes a message. `reload` refetches the configuration and moves the form onto the new revision
 * (`rebase`) without touching what was typed.
 */
export function useWriteOutcome(options: {
  server: { takeFrom: (error: unknown) => void };
  locale: 'en' | 'ja';
  refetch: () => Promise<{ revision: number }>;
  rebase: (revision: number) => void;
}) {
  const client = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const [rebased, setRebased] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const onError = (error: unknown) => {
    if (isStale(error)) {
      setConflict(true);
      return;
    }
    options.server.takeFrom(error);
    if (!isApiError(error) || error.issues.length === 0) {
      setFailure(problemText(error, options.locale));
    }
  };
  const reload = useMutation({
    mutationFn: async () => {
      await invalidateConfiguration(client);
      return options.refetch();
    },
    onSuccess: (fresh) => {
      options.rebase(fresh.revision);
      setConflict(false);
      setRebased(true);
    },
  });
  return { conflict, rebased, setRebased, failure, setFailure, onError, reload };
}

/**
 * The server's issues and the write's outcome for a form checked against the whole configuration
 * (GET /api/config): a 412's Reload refetches it and moves the form onto its revision (`rebase`).
 */
export function useConfigFormWrite(rebase: (revision: number) => void) {
  const { locale } = useI18n();
  const client = useQueryClient();
  const server = useServerIssues();
  const outcome = useWriteOutcome({
    server,
    locale,
    refetch: () => client.fetchQuery(sharedQueries.config()),
    rebase,
  });
  return { server, ...outcome };
}
